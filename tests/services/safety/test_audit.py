"""The audit trail: a row per change in the same transaction, hash-chained, tampering found."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text, update

from contest_desk.domain.records.audit import Break
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.storage.db import Database
from contest_desk.storage.migrating import alembic_upgrade
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
        alembic_upgrade(conn, db.migrations, "0001_baseline")
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


def mark_row(services: Services, small: SmallEvent, entry: int = 0) -> m.Score:
    with services.ctx.db.reading() as s:
        row = s.scalar(
            select(m.Score).where(
                m.Score.entry_id == small.entries[entry].id,
                m.Score.judge_id == small.judges[0].id,
            )
        )
        assert row is not None
        return row


def test_stored_marks_sheets_and_locks_are_what_the_trail_records(services, small_event) -> None:
    score_some(services, small_event)
    event = small_event.event.id
    rows = [
        {"judge": j.username, "entry": e.key, "criterion": c, "value": "6", "round": "1"}
        for j in small_event.judges[1:]
        for e in small_event.entries
        for c in ("P1", "P2")
    ]
    services.score_import.import_rows(event, rows, "paper.csv")
    check = services.audit.verify()
    assert check.intact and check.differences == ()
    assert check.compared >= len(rows) + 3
    (imported,) = services.audit.records(targets=(f"event:{event}",))[:1]
    assert len(imported.detail["state"]["marks"]) == len(rows)  # every value, not just a count


def test_a_mark_changed_in_sql_is_found_and_named(services, small_event) -> None:
    """An UPDATE of the scores table moved an entrant up the ranking and the check said 完整."""
    score_some(services, small_event)
    row = mark_row(services, small_event)
    with services.ctx.db.transaction() as s:
        s.execute(update(m.Score).where(m.Score.id == row.id).values(value=10))
    check = services.audit.verify()
    assert check.broken is None and not check.intact
    (found,) = check.differences
    name = small_event.entries[0].label
    assert name in found.what and "P1" in found.what and "裁判1" in found.what
    assert (found.stored, found.recorded) == ("10", "8.5")


def test_a_mark_deleted_or_added_in_sql_is_found(services, small_event) -> None:
    score_some(services, small_event)
    row = mark_row(services, small_event, entry=1)
    with services.ctx.db.transaction() as s:
        s.execute(delete(m.Score).where(m.Score.id == row.id))
        s.add(
            m.Score(
                round_id=row.round_id,
                entry_id=small_event.entries[3].id,
                criterion_id=row.criterion_id,
                judge_id=row.judge_id,
                value=9,
            )
        )
    found = services.audit.verify().differences
    assert {(d.stored, d.recorded) for d in found} == {("（无）", "7.5"), ("9", "（无）")}


def test_a_lock_or_a_sheet_changed_in_sql_is_found(services, small_event) -> None:
    score_some(services, small_event)
    with services.ctx.db.transaction() as s:
        s.execute(update(m.Round).values(locked_at=text("CURRENT_TIMESTAMP")))
        s.add(
            m.Sheet(
                round_id=mark_row(services, small_event).round_id,
                judge_id=small_event.judges[1].id,
                state="submitted",
            )
        )
    what = {d.what for d in services.audit.verify().differences}
    assert any("锁定" in w for w in what) and any("评分表" in w for w in what)


def test_audit_verify_on_the_command_line_names_a_changed_mark(
    services, small_event, database_url, capsys
) -> None:
    from contest_desk.cli import main

    if not database_url.endswith(".db"):
        pytest.skip("the command line's unnamed read is for a local file")
    score_some(services, small_event)
    assert main(["--db", database_url, "audit", "verify"]) == 0
    assert "审计记录完整" in capsys.readouterr().out
    row = mark_row(services, small_event)
    with services.ctx.db.transaction() as s:
        s.execute(update(m.Score).where(m.Score.id == row.id).values(value=10))
    assert main(["--db", database_url, "audit", "verify"]) == 3
    err = capsys.readouterr().err
    assert small_event.entries[0].label in err and "审计记录为 8.5" in err


def test_labor_values_board_results_and_certificates_changed_in_sql_are_found(
    services: Services,
) -> None:
    """Every path the demo takes (imports, sheets, locks, boards, labor values, double
    entry) and issuing certificates note what they changed: the replay matches every
    table. Awards come from the last three: a team's production value, a bout in a
    board's log, an issued certificate's award; each changed in SQL is named."""
    from contest_desk.services.demo.build import build_demo

    build_demo(services)
    services.certificates.issue(1, provisional=True)
    check = services.audit.verify()
    assert check.intact, check.differences[:3]
    with services.ctx.db.reading() as s:
        marks = s.scalar(select(func.count()).select_from(m.Score))
    assert marks and check.compared > marks
    with services.ctx.db.transaction() as s:
        value = s.scalars(select(m.LaborValue).order_by(m.LaborValue.id)).first()
        bout = s.scalars(select(m.BoardLogRow).where(m.BoardLogRow.kind == "bout")).first()
        issued = s.scalars(select(m.Certificate).order_by(m.Certificate.id)).first()
        assert value is not None and bout is not None and issued is not None
        value.value = value.value + 1000
        bout.data = {**bout.data, "winner": "伪造"}
        issued.fields = {**issued.fields, "award": "特等奖"}
    what = [d.what for d in services.audit.verify().differences]
    assert len(what) == 3
    assert any("劳动竞赛指标值" in w for w in what)
    assert any("擂台记录第" in w for w in what)
    assert any(issued.serial in w for w in what)


def test_a_state_record_not_as_the_app_writes_it_gives_differences_not_a_traceback(
    services, small_event
) -> None:
    score_some(services, small_event)
    with services.ctx.db.transaction() as s:
        row = s.scalars(select(m.AuditRecord).order_by(m.AuditRecord.seq.desc())).first()
        assert row is not None
        row.detail = {**row.detail, "state": {"marks": [["kaputt"]]}}
    check = services.audit.verify()
    assert check.broken is not None and check.differences  # the edit, and what it hid
