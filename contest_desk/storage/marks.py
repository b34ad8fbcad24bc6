"""Writing marks: the one way a judge's mark is stored or cleared, shared by the scoring
grid, double entry and offline sheets, so that each change is noted for the audit row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ColumnElement, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from contest_desk.domain.records.contests import CriterionColumn
from contest_desk.storage import models as m
from contest_desk.storage.direct import Direct
from contest_desk.storage.ledger import note_mark
from contest_desk.storage.sheets import sheet_row


def _where(objective: bool) -> list[ColumnElement[bool]]:
    """A cell's marks: the judge's own, or an objective value's whoever keyed it."""
    where = [
        m.Score.round_id == bindparam("round"),
        m.Score.entry_id == bindparam("entry"),
        m.Score.criterion_id == bindparam("criterion"),
    ]
    if not objective:
        where.append(m.Score.judge_id == bindparam("judge"))
    return where


# Made once with parameters (every save runs them): cheaper than building them each time.
# They run on the session's connection: no Score object of the session to keep in step
# (callers read marks as plain rows; store_mark flushes what was pending first).
# Run on the driver's cursor (storage/direct.py): SQLAlchemy's cost per execution was
# most of a save's CPU (issue 16).
_CELL = {o: Direct(select(m.Score.judge_id, m.Score.value).where(*_where(o)).with_for_update())
         for o in (False, True)}  # fmt: skip
_CHANGE = {o: Direct(update(m.Score).where(*_where(o)).values(
               value=bindparam("new"), judge_id=bindparam("judge"),
               updated_at=func.current_timestamp())) for o in (False, True)}  # fmt: skip
_CLEAR = {o: Direct(delete(m.Score).where(*_where(o))) for o in (False, True)}
_ADD = Direct(insert(m.Score).values(
    round_id=bindparam("round"), entry_id=bindparam("entry"),
    criterion_id=bindparam("criterion"), judge_id=bindparam("judge"), value=bindparam("new"),
))  # fmt: skip
_SEEN = Direct(  # no Sheet object of the session to keep in step
    update(m.Sheet)
    .where(m.Sheet.round_id == bindparam("round"), m.Sheet.judge_id == bindparam("judge"))
    .values(last_mark_at=bindparam("at"), last_device=bindparam("device"))
)


def store_mark(
    s: Session,
    round_id: int,
    entry_id: int,
    column: CriterionColumn,
    judge_id: int,
    value: Decimal | None,
    cell: list[tuple[int, Decimal]] | None = None,
) -> Decimal | None:
    """Write or clear a mark and return the value it replaces; an objective value replaces
    whoever keyed it before. ``cell``: the cell's marks (judge, value) when the caller
    read them already in this transaction, locked (a save reads them with its facts:
    storage/save_facts.py); otherwise they are read here, locked."""
    # Locked until the commit (PostgreSQL): a second save of the cell waits, then reads
    # what the first stored, so a check against the value a device saw holds.
    objective = column.criterion.objective
    asked = {"round": round_id, "entry": entry_id, "criterion": column.id, "judge": judge_id}
    # Plain values, not Score objects of the session: the ORM's path costs more than the
    # query (a save's CPU, issue 16).
    removed = _CELL[objective].rows(s, asked) if cell is None else cell
    old = removed[0][1] if removed else None
    for judge, _value in removed:
        note_mark(s, (round_id, entry_id, column.id, judge), None)
    if value is not None:
        note_mark(s, (round_id, entry_id, column.id, judge_id), value)
    if value is not None and len(removed) == 1:  # a mark changed: its row, in one statement
        _CHANGE[objective].run(s, {**asked, "new": value})
        return old
    if removed:
        _CLEAR[objective].run(s, asked)
    if value is not None:
        _ADD.run(s, {**asked, "new": value})
    return old


def mark_seen(
    s: Session, round_id: int, judge_id: int, at: dt.datetime, device: str | None
) -> None:
    """Note when a judge's sheet last had a mark, and from which device (the chief judge's
    live desk): one UPDATE, the sheet made (as a draft) only the first time."""
    asked = {"round": round_id, "judge": judge_id, "at": at, "device": device}
    if _SEEN.run(s, asked) == 0:
        sheet = sheet_row(s, round_id, judge_id)
        sheet.last_mark_at, sheet.last_device = at, device
