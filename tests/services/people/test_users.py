"""Accounts: the first administrator, log-in, waits after wrong passwords, roles, lock-outs."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from contest_desk.domain import limits
from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import PermissionDenied, UserError
from contest_desk.services.hub import Services
from contest_desk.services.people.users import wait_after
from contest_desk.storage import models as m

NOW = dt.datetime(2026, 5, 10, 8, 0)


@pytest.fixture
def admin(services: Services) -> Services:
    services.users.create_first_admin("admin", "王管理", "admin-2026")
    return services.as_user(services.users.authenticate("admin", "admin-2026"))


def stored_user(services: Services, username: str) -> m.User:
    with services.ctx.db.reading() as s:
        user = s.scalar(select(m.User).where(m.User.username == username))
        assert user is not None
        return user


def test_the_first_run_makes_an_administrator_once(services: Services) -> None:
    assert not services.users.has_users()
    info = services.users.create_first_admin("admin", "王管理", "admin-2026")
    assert info.roles == (Role.ADMIN,) and info.active
    assert services.users.has_users()
    with pytest.raises(UserError, match="已经设置"):
        services.users.create_first_admin("other", "李", "other-2026")
    actor = services.users.authenticate("admin", "admin-2026")
    assert actor == Actor("admin", frozenset({Role.ADMIN}))


def test_the_password_is_kept_only_as_a_scrypt_hash(admin: Services) -> None:
    admin.users.add_user("chief", "张裁判长", "secret-word", [Role.CHIEF_JUDGE, Role.JUDGE])
    stored = stored_user(admin, "chief")
    assert stored.password_hash.startswith("scrypt$")
    assert "secret-word" not in stored.password_hash
    texts = [repr(r.detail) + r.note for r in admin.audit.records()]
    assert not any("secret-word" in t or "scrypt$" in t for t in texts)


def test_a_user_may_hold_several_roles(admin: Services) -> None:
    admin.users.add_user("chief", "张裁判长", "secret-word", ["chief_judge", "judge"])
    actor = admin.users.authenticate("chief", "secret-word")
    assert actor.roles == {Role.CHIEF_JUDGE, Role.JUDGE}
    assert not actor.judge_only


def test_wrong_passwords_make_the_next_try_wait_longer(admin: Services) -> None:
    admin.users.add_user("judge1", "周志刚", "judge1-2026", [Role.JUDGE])
    users = admin.users
    users.clock = lambda: NOW
    for _ in range(3):
        with pytest.raises(UserError, match="用户名或密码错误"):
            users.authenticate("judge1", "wrong")
    # The third failure starts a 5 s wait: even the right password is turned away.
    with pytest.raises(UserError) as waiting:
        users.authenticate("judge1", "judge1-2026")
    assert waiting.value.msgid == "Too many wrong passwords for {user}; try again in {seconds} s"
    assert waiting.value.params["seconds"] == 6
    assert stored_user(admin, "judge1").failed_logins == 3

    users.clock = lambda: NOW + dt.timedelta(seconds=6)
    with pytest.raises(UserError):
        users.authenticate("judge1", "wrong again")  # the 4th: 10 s this time
    assert stored_user(admin, "judge1").locked_until == NOW + dt.timedelta(seconds=16)
    users.clock = lambda: NOW + dt.timedelta(seconds=17)
    assert users.authenticate("judge1", "judge1-2026").username == "judge1"
    assert stored_user(admin, "judge1").failed_logins == 0
    actions = [r.action for r in admin.audit.records(targets=("user:judge1",))]
    assert actions.count("user.login_failed") == 4


def test_waits_double_and_are_capped() -> None:
    assert [wait_after(n) for n in range(1, 7)] == [0, 0, 5, 10, 20, 40]
    assert wait_after(40) == 15 * 60


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(admin: Services) -> None:
    with pytest.raises(UserError) as unknown:
        admin.users.authenticate("nobody", "whatever")
    assert unknown.value.msgid == "Wrong user name or password"


def test_disabled_and_expired_accounts_cannot_log_in(admin: Services) -> None:
    admin.users.add_user("judge1", "周志刚", "judge1-2026", [Role.JUDGE])
    admin.users.set_active("judge1", False, reason="离职")
    with pytest.raises(UserError, match="已停用"):
        admin.users.authenticate("judge1", "judge1-2026")
    admin.users.set_active("judge1", True)
    admin.users.set_expiry("judge1", dt.date(2026, 5, 9))
    admin.users.clock = lambda: NOW
    with pytest.raises(UserError, match="已于 2026-05-09 过期"):
        admin.users.authenticate("judge1", "judge1-2026")
    (disabled,) = admin.audit.records(targets=("user:judge1",), detail={"new": False})
    assert (disabled.actor, disabled.action, disabled.note) == ("admin", "user.disable", "离职")


def test_the_last_administrator_stays(admin: Services) -> None:
    with pytest.raises(UserError, match="至少一个启用的系统管理员"):
        admin.users.set_active("admin", False)
    with pytest.raises(UserError, match="至少一个启用的系统管理员"):
        admin.users.set_roles("admin", [Role.ORGANIZER])
    assert stored_user(admin, "admin").active


def test_bad_accounts_are_refused(admin: Services) -> None:
    with pytest.raises(UserError, match="至少需要 6 个字符"):
        admin.users.add_user("judge1", "周志刚", "short", [Role.JUDGE])
    with pytest.raises(UserError, match="未知角色：referee"):
        admin.users.add_user("judge1", "周志刚", "judge1-2026", ["referee"])
    with pytest.raises(UserError, match="不能为空"):
        admin.users.add_user("judge one", "周志刚", "judge1-2026", [Role.JUDGE])
    admin.users.add_user("judge1", "周志刚", "judge1-2026", [Role.JUDGE])
    with pytest.raises(UserError, match="已有用户 judge1"):
        admin.users.add_user("judge1", "周", "judge1-2026", [Role.JUDGE])
    assert [u.username for u in admin.users.users()] == ["admin", "judge1"]


def test_only_an_administrator_manages_accounts(admin: Services) -> None:
    admin.users.add_user("org", "赵组织", "org-2026", [Role.ORGANIZER])
    organizer = admin.as_user(admin.users.authenticate("org", "org-2026"))
    with pytest.raises(PermissionDenied):
        organizer.users.add_user("x", "x", "xxxxxx", [Role.ADMIN])
    # Everyone may change their own password, given the old one.
    with pytest.raises(UserError, match="密码与用户 org 不符"):
        organizer.users.change_own_password("wrong", "new-password")
    organizer.users.change_own_password("org-2026", "new-password")
    assert admin.users.authenticate("org", "new-password").username == "org"


def test_a_password_longer_than_the_hub_takes_is_refused_everywhere(admin: Services) -> None:
    """The hub's log-in reads at most limits.PASSWORD characters: the desk sets no longer
    one, or that judge could never log in on a phone."""
    longest = "x" * limits.PASSWORD
    admin.users.add_user("judge9", "李裁判", longest, [Role.JUDGE])
    with pytest.raises(UserError, match="200"):
        admin.users.add_user("judge10", "王裁判", longest + "x", [Role.JUDGE])
    with pytest.raises(UserError, match="200"):
        admin.users.set_password("judge9", longest + "x")
    assert admin.users.authenticate("judge9", longest).username == "judge9"
    assert [u.username for u in admin.users.users()].count("judge10") == 0
