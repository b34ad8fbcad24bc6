"""The audit chain's turn: rows are linked when their transaction commits, so a transaction
still at work keeps no other writer waiting for the chain's head (PostgreSQL's row lock)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import SmallEvent

WAIT = 30.0  # seconds: only a save stuck behind the open transaction comes near it


@pytest.mark.parametrize("databases", ["postgresql"], indirect=True)
def test_a_transaction_at_work_keeps_no_other_save_waiting(
    services: Services, small_event: SmallEvent
) -> None:
    ev, judge, entry = small_event.event, small_event.judges[1], small_event.entries[0]
    written, release = threading.Event(), threading.Event()

    def held_open() -> None:  # a long change: its audit row written, its work not done
        with services.ctx.db.transaction() as s:
            services.ctx.audit(s, "test.held", "entry:held")
            written.set()
            release.wait(WAIT)

    with ThreadPoolExecutor(2) as pool:
        held = pool.submit(held_open)
        assert written.wait(WAIT)
        try:
            save = pool.submit(
                services.scoring.record_score, ev.id, 1, judge.id, entry.id, "P1", "7"
            )
            # Before, the open transaction held the chain's head from its audit row on,
            # and this save waited for it to end.
            assert save.result(timeout=WAIT) == D("7")
            assert not held.done()
        finally:
            release.set()
        held.result(timeout=WAIT)
    with services.ctx.db.reading() as s:
        actions = s.scalars(select(m.AuditRecord.action).order_by(m.AuditRecord.seq)).all()
    # Linked in the order of the commits: the save's row first, the held one's after it.
    assert actions[-2:] == ["score.record", "test.held"]
    assert services.audit.verify().intact


def test_a_rolled_back_transaction_leaves_no_audit_row(services: Services) -> None:
    with services.ctx.db.reading() as s:
        before = s.scalar(select(m.AuditHead.seq))
    with pytest.raises(RuntimeError), services.ctx.db.transaction() as s:
        services.ctx.audit(s, "test.undone", "entry:undone")
        raise RuntimeError("the change failed after its audit row was written")
    with services.ctx.db.transaction() as s:  # the same kind of session, used again
        services.ctx.audit(s, "test.done", "entry:done")
    with services.ctx.db.reading() as s:
        rows = s.scalars(select(m.AuditRecord).where(m.AuditRecord.seq > (before or 0))).all()
    assert [r.action for r in rows] == ["test.done"]
    assert services.audit.verify().intact
