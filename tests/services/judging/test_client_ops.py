"""A mark sent by a page under an op id is applied once: sent again (its answer lost), the
first outcome comes back and nothing is written; the same id with other content is
refused. Every save from a device carries its address in the audit row and on the sheet."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import SmallEvent

OP = "5f0c2b8e-8d1a-4c43-9d55-0b7c1f0a2e11"


def counts(services: Services) -> tuple[int, int, int]:
    with services.ctx.db.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(m.Score)) or 0,
            s.scalar(select(func.count()).select_from(m.ClientOp)) or 0,
            s.scalar(select(func.count()).select_from(m.AuditRecord)) or 0,
        )


def test_a_replayed_op_returns_the_first_outcome_and_writes_nothing(
    services: Services, small_event: SmallEvent
) -> None:
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    save = services.as_user(services.ctx.actor, device="10.0.0.7").scoring.record_score
    assert save(ev.event.id, 1, judge.id, entry.id, "P1", "8", expected=None, op=OP) == D(8)
    after_first = counts(services)
    # The answer was lost; the page sends the same op again: same outcome, nothing new.
    assert save(ev.event.id, 1, judge.id, entry.id, "P1", "8", expected=None, op=OP) == D(8)
    assert counts(services) == after_first
    # Meanwhile another device changed it: the replay still answers what the op did.
    services.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P1", "9")
    assert save(ev.event.id, 1, judge.id, entry.id, "P1", "8", expected=None, op=OP) == D(8)
    assert services.scoring.sheet(ev.event.id, 1, judge.id).values[(entry.id, "P1")] == D(9)


def test_the_same_op_id_with_other_content_is_refused(
    services: Services, small_event: SmallEvent
) -> None:
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    save = services.scoring.record_score
    save(ev.event.id, 1, judge.id, entry.id, "P1", "8", expected=None, op=OP)
    before = counts(services)
    for value, code, other in (("7", "P1", entry.id), ("8", "P2", entry.id),
                               ("8", "P1", small_event.entries[1].id)):  # fmt: skip
        with pytest.raises(UserError, match="已用于另一项修改"):
            save(ev.event.id, 1, judge.id, other, code, value, expected=None, op=OP)
    assert counts(services) == before


def test_a_wrong_op_id_is_refused_before_anything_is_read(
    services: Services, small_event: SmallEvent
) -> None:
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    before = counts(services)
    for op in ("", "x" * 65, "naïve", "tab\there"):
        with pytest.raises(UserError, match="操作编号应为"):
            services.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P1", "8", op=op)
    assert counts(services) == before


def test_a_refused_op_is_not_kept_and_may_be_sent_again(
    services: Services, small_event: SmallEvent
) -> None:
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    save = services.scoring.record_score
    before = counts(services)
    with pytest.raises(UserError, match="超出"):
        save(ev.event.id, 1, judge.id, entry.id, "P1", "11", op=OP)
    assert counts(services) == before
    # Sent again, it is judged afresh (a refusal is not kept): the same reason again.
    with pytest.raises(UserError, match="超出"):
        save(ev.event.id, 1, judge.id, entry.id, "P1", "11", op=OP)
    assert save(ev.event.id, 1, judge.id, entry.id, "P1", "10", op=OP) == D(10)


def test_a_save_from_a_device_names_it_in_the_audit_row_and_on_the_sheet(
    services: Services, small_event: SmallEvent
) -> None:
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    phone = services.as_user(services.ctx.actor, device="192.168.1.31")
    phone.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P1", "8", op=OP)
    (record,) = scores(services, entry.id)
    assert (record.action, record.detail["device"], record.detail["new"]) == (
        "score.record", "192.168.1.31", "8")  # fmt: skip
    with services.ctx.db.reading() as s:
        sheet = s.scalar(select(m.Sheet).where(m.Sheet.judge_id == judge.id))
        assert sheet is not None and sheet.last_device == "192.168.1.31"
        assert sheet.last_mark_at is not None
    services.scoring.record_score(ev.event.id, 1, judge.id, entry.id, "P2", "12")  # the desk
    assert "device" not in scores(services, entry.id)[0].detail  # newest first


def scores(services: Services, entry_id: int) -> list:
    return [r for r in services.audit.records(targets=(f"entry:{entry_id}",))
            if r.action == "score.record"]  # fmt: skip


def test_the_same_op_sent_twice_at_once_is_applied_once(
    services: Services, small_event: SmallEvent
) -> None:
    """A page that resends a mark whose answer is slow: the requests at the same moment
    (side by side on PostgreSQL; on SQLite the process's writers take their turns)."""
    ev, judge, entry = small_event, small_event.judges[0], small_event.entries[0]
    before = counts(services)
    start = threading.Barrier(4)

    def send() -> D | None:
        start.wait()
        return services.scoring.record_score(
            ev.event.id, 1, judge.id, entry.id, "P1", "7.5", expected=None, op=OP
        )

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _n: send(), range(4)))
    assert answers == [D("7.5")] * 4
    scores, ops, audit = counts(services)
    assert (scores, ops, audit) == (before[0] + 1, before[1] + 1, before[2] + 1)
