"""Sessions of the scoring hub: opened by a password or a judge's token, kept as a hash,
ended by log-out, idleness, the day's end or a disabled account; a post needs the
session's forms' token."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from contest_desk.domain.permissions import Role
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.services.people.sessions import IDLE, LONGEST
from contest_desk.storage import models as m

MORNING = dt.datetime(2026, 5, 11, 7, 30)
DEVICE = "192.168.1.23"


@pytest.fixture
def hub(services: Services) -> Services:
    services.users.create_first_admin("admin", "王管理", "admin-2026")
    admin = services.as_user(services.users.authenticate("admin", "admin-2026"))
    admin.users.add_user("judge1", "周志刚", "judge1-2026", [Role.JUDGE])
    admin.users.add_user("boss", "钱振东", "boss-2026", [Role.JUDGE, Role.CHIEF_JUDGE])
    admin.users.add_user("viewer", "孙丽", "viewer-2026", [Role.VIEWER])
    return at(services.as_user(services.ctx.actor, device=DEVICE), MORNING)


def at(hub: Services, when: dt.datetime) -> Services:
    hub.hub_sessions.clock = hub.users.clock = hub.judge_tokens.clock = lambda: when
    hub.judge_tokens.today = when.date
    return hub


def test_a_password_log_in_opens_a_session_kept_as_a_hash_and_audited(hub: Services) -> None:
    opened = hub.hub_sessions.log_in("judge1", "judge1-2026")
    info = hub.hub_sessions.resume(opened.cookie)
    assert (info.actor.username, info.actor.roles, info.device) == (
        "judge1", frozenset({Role.JUDGE}), DEVICE)  # fmt: skip
    assert info.expires_at == MORNING + LONGEST
    with hub.ctx.db.reading() as s:
        (row,) = s.scalars(select(m.HubSession)).all()
        assert opened.cookie not in row.digest and len(row.digest) == 64
    (record,) = [r for r in hub.audit.records(targets=("user:judge1",)) if r.action == "hub.login"]
    assert (record.actor, record.detail["device"], record.detail["via"]) == (
        "judge1", DEVICE, "password")  # fmt: skip


def test_a_chief_judges_session_acts_as_a_judge_only_and_others_are_refused(
    hub: Services,
) -> None:
    opened = hub.hub_sessions.log_in("boss", "boss-2026")
    assert hub.hub_sessions.resume(opened.cookie).actor.roles == frozenset({Role.JUDGE})
    with pytest.raises(UserError, match="不是评委"):
        hub.hub_sessions.log_in("viewer", "viewer-2026")
    with pytest.raises(UserError, match="用户名或密码错误"):
        hub.hub_sessions.log_in("judge1", "wrong-password")


def test_a_token_log_in_opens_a_session_and_a_bad_token_none(hub: Services) -> None:
    organizer = at(hub.as_user(hub.ctx.actor), MORNING)
    issued = organizer.judge_tokens.issue("judge1", MORNING.date())
    opened = hub.hub_sessions.log_in_with_token(issued.token)
    assert hub.hub_sessions.resume(opened.cookie).actor.username == "judge1"
    organizer.judge_tokens.revoke(issued.info.id)
    for token in (issued.token, "x" * 22, "x" * 500):
        with pytest.raises(UserError, match="评委令牌无效"):
            hub.hub_sessions.log_in_with_token(token)
    with hub.ctx.db.reading() as s:
        assert len(s.scalars(select(m.HubSession)).all()) == 1


def test_a_session_ends_on_log_out_when_idle_and_at_the_days_end(hub: Services) -> None:
    sessions = hub.hub_sessions
    out = sessions.log_in("judge1", "judge1-2026")
    sessions.close(out.cookie)
    sessions.close(out.cookie)  # again: nothing to do
    idle = sessions.log_in("judge1", "judge1-2026")
    busy = sessions.log_in("judge1", "judge1-2026")
    for step in range(1, 12):  # a request every hour keeps ``busy`` alive
        at(hub, MORNING + dt.timedelta(hours=step, seconds=-1))
        sessions.resume(busy.cookie)
    at(hub, MORNING + IDLE + dt.timedelta(seconds=1))
    for cookie in (out.cookie, idle.cookie, "", "no-such-cookie", "x" * 5000):
        with pytest.raises(UserError, match="登录已失效"):
            sessions.resume(cookie)
    at(hub, MORNING + LONGEST)
    with pytest.raises(UserError, match="登录已失效"):
        sessions.resume(busy.cookie)
    actions = [r.action for r in hub.audit.records(targets=("user:judge1",))]
    assert actions.count("hub.logout") == 1


def test_a_disabled_account_ends_its_sessions(hub: Services) -> None:
    opened = hub.hub_sessions.log_in("judge1", "judge1-2026")
    hub.users.set_active("judge1", False, "left the panel")
    with pytest.raises(UserError, match="已停用"):
        hub.hub_sessions.resume(opened.cookie)


def test_a_post_needs_the_sessions_forms_token(hub: Services) -> None:
    first = hub.hub_sessions.log_in("judge1", "judge1-2026")
    second = hub.hub_sessions.log_in("judge1", "judge1-2026")
    csrf = hub.hub_sessions.resume(first.cookie).csrf
    assert hub.hub_sessions.resume(first.cookie, csrf).id == first.info.id
    for wrong in ("", "forged", second.info.csrf):
        with pytest.raises(UserError, match="请刷新页面"):
            hub.hub_sessions.resume(first.cookie, wrong)
