"""The audit trail: a row per change in the same transaction, hash-chained, tampering found."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import delete, select, text, update

from contest_desk.domain.audit_chain import Break
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.storage.db import Database
from tests.builders import SmallEvent


def score_some(services: Services, small: SmallEvent) -> None:
    event, judge = small.event.id, small.judges[0].id
    for entry, value in zip(small.entries, ("8", "7.5", "9"), strict=False):
        services.scoring.record_score(event, 1, judge, entry.id, "P1", value)
    services.scoring.record_score(event, 1, judge, small.entries[0].id, "P1", "8.5")


def test_every_change_is_a_link_and_the_chain_holds(services, small_event) -> None:
    score_some(services, small_event)
    check = services.audit.verify()
    assert check.broken is None
    rows = services.audit.records(detail={"criterion": "P1"})
    assert [(r.old, r.new) for r in rows][:2] == [("8", "8.5"), (None, "9")]
    assert rows[0].actor == "system" and rows[0].target == f"entry:{small_event.entries[0].id}"
    assert check.rows == len(services.audit.records())


def test_a_refused_change_leaves_no_row(services, small_event) -> None:
    before = services.audit.verify().rows
    with pytest.raises(UserError):
        services.scoring.record_score(
            small_event.event.id, 1, small_event.judges[0].id, small_event.entries[0].id, "P1", "99"
        )
    assert services.audit.verify().rows == before


def test_a_row_edited_behind_the_apps_back_is_found(services, small_event) -> None:
    score_some(services, small_event)
    (target,) = [r for r in services.audit.records(detail={"new": "9"})]
    with services.ctx.db.transaction() as s:
        row = s.scalar(select(m.AuditRecord).where(m.AuditRecord.seq == target.seq))
        assert row is not None
        row.detail = {**row.detail, "new": "10"}
    assert services.audit.verify().broken == Break(target.seq, "changed")


def test_a_deleted_row_is_found(services, small_event) -> None:
    score_some(services, small_event)
    last = services.audit.records()[0].seq
    with services.ctx.db.transaction() as s:
        s.execute(delete(m.AuditRecord).where(m.AuditRecord.seq == last - 2))
    assert services.audit.verify().broken == Break(last - 2, "missing")
    with services.ctx.db.transaction() as s:
        s.execute(delete(m.AuditRecord).where(m.AuditRecord.seq >= last - 2))
    assert services.audit.verify().broken == Break(last - 2, "tail")


def test_an_actor_changed_in_sql_is_found(services, small_event) -> None:
    score_some(services, small_event)
    seq = services.audit.records()[1].seq
    with services.ctx.db.transaction() as s:
        s.execute(update(m.AuditRecord).where(m.AuditRecord.seq == seq).values(actor="judge2"))
    assert services.audit.verify().broken == Break(seq, "changed")


def test_rows_written_before_the_chain_existed_are_chained_by_the_upgrade(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    with db.engine.begin() as conn:
        config = db._alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_baseline")
        conn.execute(
            text(
                "INSERT INTO audit_log (actor, action, target, detail, note)"
                " VALUES ('system', 'contest.create', 'contest:1', '{\"name\": \"比武\"}', '')"
            )
        )
    db.dispose()
    services = Services.open(str(tmp_path / "old.db"))
    check = services.audit.verify()
    assert (check.rows, check.broken) == (1, None)
    services.contests.create_contest("2026年技能比武")
    assert services.audit.verify().rows == 2 and services.audit.verify().broken is None
