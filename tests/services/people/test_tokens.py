"""Judges' tokens for the contest day: issued by the organizer, one judge, one day,
revocable; kept only as a hash."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from sqlalchemy import select

from contest_desk.domain.permissions import Role
from contest_desk.errors import NotFound, PermissionDenied, UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m

DAY = dt.date(2026, 5, 11)
MORNING = dt.datetime(2026, 5, 11, 7, 30)


@pytest.fixture
def organizer(services: Services) -> Services:
    services.users.create_first_admin("admin", "王管理", "admin-2026")
    admin = services.as_user(services.users.authenticate("admin", "admin-2026"))
    admin.users.add_user("org", "赵晓梅", "org-2026", [Role.ORGANIZER])
    admin.users.add_user("judge1", "周志刚", "judge1-2026", [Role.JUDGE])
    admin.users.add_user("boss", "钱振东", "boss-2026", [Role.JUDGE, Role.CHIEF_JUDGE])
    admin.users.add_user("viewer", "孙丽", "viewer-2026", [Role.VIEWER])
    org = services.as_user(services.users.authenticate("org", "org-2026"))
    org.judge_tokens.clock = lambda: MORNING
    org.judge_tokens.today = MORNING.date
    return org


def at(services: Services, when: dt.datetime) -> Services:
    services.judge_tokens.clock = lambda: when
    services.judge_tokens.today = when.date
    return services


def test_a_token_logs_its_judge_in_on_its_day_only(organizer: Services) -> None:
    issued = organizer.judge_tokens.issue("judge1", DAY)
    assert (issued.info.username, issued.info.name, issued.info.valid_on) == (
        "judge1", "周志刚", DAY)  # fmt: skip
    assert len(base64.urlsafe_b64decode(issued.token + "==")) * 8 >= 128
    actor = organizer.judge_tokens.authenticate(issued.token)
    assert (actor.username, actor.roles) == ("judge1", frozenset({Role.JUDGE}))
    for other_day in (dt.datetime(2026, 5, 10, 23, 59), dt.datetime(2026, 5, 12, 0, 1)):
        with pytest.raises(UserError, match="评委令牌无效"):
            at(organizer, other_day).judge_tokens.authenticate(issued.token)


def test_only_the_hash_is_kept_and_no_audit_row_holds_the_token(
    services: Services, organizer: Services
) -> None:
    issued = organizer.judge_tokens.issue("judge1", DAY)
    with organizer.ctx.db.reading() as s:
        (row,) = s.scalars(select(m.JudgeToken)).all()
        assert issued.token not in row.digest and len(row.digest) == 64
        audit = s.scalars(select(m.AuditRecord)).all()
    assert all(issued.token not in repr((a.detail, a.target, a.note)) for a in audit)
    (record,) = services.audit.records(targets=("user:judge1",), detail={"token": row.id})
    assert (record.actor, record.action) == ("org", "token.issue")


def test_a_token_logs_in_a_judge_and_nothing_more(organizer: Services) -> None:
    """A chief judge's card logs in the judge: the token is for marking, not locking."""
    issued = organizer.judge_tokens.issue("boss", DAY)
    assert organizer.judge_tokens.authenticate(issued.token).roles == frozenset({Role.JUDGE})
    with pytest.raises(UserError, match="不是评委"):
        organizer.judge_tokens.issue("viewer", DAY)
    with pytest.raises(NotFound):
        organizer.judge_tokens.issue("nobody", DAY)
    with pytest.raises(UserError, match="已经过去"):
        organizer.judge_tokens.issue("judge1", DAY - dt.timedelta(days=1))


def test_a_revoked_token_and_a_wrong_one_get_the_same_refusal(organizer: Services) -> None:
    issued = organizer.judge_tokens.issue("judge1", DAY)
    spare = organizer.judge_tokens.issue("judge1", DAY)
    revoked = organizer.judge_tokens.revoke(issued.info.id)
    assert revoked.revoked_at == MORNING and not revoked.usable_on(DAY)
    messages = []
    for token in (issued.token, issued.token[:-1] + "A", "", "x" * 10_000):
        with pytest.raises(UserError) as refused:
            organizer.judge_tokens.authenticate(token)
        messages.append(refused.value.message())
    assert len(set(messages)) == 1
    assert organizer.judge_tokens.authenticate(spare.token).username == "judge1"
    listed = organizer.judge_tokens.tokens(DAY)
    assert [(t.id, t.revoked_at is None) for t in listed] == [
        (spare.info.id, True), (issued.info.id, False)]  # fmt: skip


def test_a_disabled_account_or_a_judge_no_more_cannot_use_its_token(
    services: Services, organizer: Services
) -> None:
    issued = organizer.judge_tokens.issue("judge1", DAY)
    admin = services.as_user(services.users.authenticate("admin", "admin-2026"))
    admin.users.set_roles("judge1", [Role.VIEWER])
    with pytest.raises(UserError, match="评委令牌无效"):
        organizer.judge_tokens.authenticate(issued.token)
    admin.users.set_roles("judge1", [Role.JUDGE])
    admin.users.set_active("judge1", False, reason="调岗")
    with pytest.raises(UserError, match="已停用"):
        organizer.judge_tokens.authenticate(issued.token)


def test_only_who_keeps_the_judges_issues_and_revokes(
    services: Services, organizer: Services
) -> None:
    issued = organizer.judge_tokens.issue("judge1", DAY)
    judge = services.as_user(organizer.judge_tokens.authenticate(issued.token))
    for attempt in (
        lambda: judge.judge_tokens.issue("judge1", DAY),
        lambda: judge.judge_tokens.revoke(issued.info.id),
        lambda: judge.judge_tokens.tokens(),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert organizer.judge_tokens.authenticate(issued.token).username == "judge1"
