"""Writing marks: the one way a judge's mark is stored or cleared, shared by the scoring
grid, double entry and offline sheets, so that each change is noted for the audit row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from contest_desk.domain.records.contests import CriterionColumn
from contest_desk.storage import models as m
from contest_desk.storage.ledger import note_mark
from contest_desk.storage.sheets import sheet_row


def store_mark(
    s: Session,
    round_id: int,
    entry_id: int,
    column: CriterionColumn,
    judge_id: int,
    value: Decimal | None,
) -> Decimal | None:
    """Write or clear a mark and return the value it replaces; an objective value replaces
    whoever keyed it before."""
    where = [
        m.Score.round_id == round_id,
        m.Score.entry_id == entry_id,
        m.Score.criterion_id == column.id,
    ]
    if not column.criterion.objective:
        where.append(m.Score.judge_id == judge_id)
    # Locked until the commit (PostgreSQL): a second save of the cell waits, then reads
    # what the first stored, so a check against the value a device saw holds.
    removed = s.execute(
        select(m.Score.judge_id, m.Score.value).where(*where).with_for_update()
    ).all()
    old = removed[0].value if removed else None
    for judge, _value in removed:
        note_mark(s, (round_id, entry_id, column.id, judge), None)
    if value is not None:
        note_mark(s, (round_id, entry_id, column.id, judge_id), value)
    if value is not None and len(removed) == 1:  # a mark changed: its row, in one statement
        s.execute(
            update(m.Score)
            .where(*where)
            .values(value=value, judge_id=judge_id, updated_at=func.current_timestamp())
        )
        return old
    s.execute(delete(m.Score).where(*where))
    if value is not None:
        s.add(
            m.Score(
                round_id=round_id,
                entry_id=entry_id,
                criterion_id=column.id,
                judge_id=judge_id,
                value=value,
            )
        )
    return old


def mark_seen(
    s: Session, round_id: int, judge_id: int, at: dt.datetime, device: str | None
) -> None:
    """Note when a judge's sheet last had a mark, and from which device (the chief judge's
    live desk): one UPDATE, the sheet made (as a draft) only the first time."""
    sheets = m.Sheet.__table__
    changed = s.connection().execute(
        update(sheets)
        .where(sheets.c.round_id == round_id, sheets.c.judge_id == judge_id)
        .values(last_mark_at=at, last_device=device)
    )
    if changed.rowcount == 0:
        sheet = sheet_row(s, round_id, judge_id)
        sheet.last_mark_at, sheet.last_device = at, device
