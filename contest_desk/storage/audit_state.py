"""Replaying the audit trail's record of marks, sheets and locks against the tables.

Every change to them is written into its audit row's ``state`` detail (storage/ledger.py),
so the trail alone says what each mark, each sheet's state and each round's lock must be
now. A difference is a change made behind the app's back (or a lost write).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.storage import models as m
from contest_desk.storage.ledger import (
    MarkKey,
    board_log_content,
    certificate_content,
    labor_value_content,
)
from contest_desk.storage.sheets import DRAFT

_BATCH = 2000


@dataclass(frozen=True)
class StateDifference:
    """One value the tables hold otherwise than the trail says."""

    kind: str  # "mark", "sheet", "lock", or the table of an audited row
    key: tuple[Any, ...]  # mark: round, entry, criterion, judge; sheet: round, judge; lock:
    # round; labor_values: period, team, indicator; board_log: board, seq; certificates: serial
    stored: str | None  # what the table holds (None: nothing)
    recorded: str | None  # what the audit trail says


RowKey = tuple[str, tuple[Any, ...]]  # table, key


def current_rows(session: Session) -> dict[RowKey, str]:
    """The audited rows of labor values, boards' logs and certificates as they stand."""
    rows: dict[RowKey, str] = {}
    for period, team, indicator, value in session.execute(
        select(
            m.LaborValue.period_id,
            m.LaborValue.team_id,
            m.LaborValue.indicator_id,
            m.LaborValue.value,
        )
    ):
        rows[("labor_values", (period, team, indicator))] = labor_value_content(value)
    for board, seq, kind, data, note in session.execute(
        select(
            m.BoardLogRow.board_id,
            m.BoardLogRow.seq,
            m.BoardLogRow.kind,
            m.BoardLogRow.data,
            m.BoardLogRow.note,
        )
    ):
        rows[("board_log", (board, seq))] = board_log_content(kind, data, note)
    for serial, fields, superseded_by in session.execute(
        select(m.Certificate.serial, m.Certificate.fields, m.Certificate.superseded_by)
    ):
        rows[("certificates", (serial,))] = certificate_content(fields, superseded_by)
    return rows


@dataclass
class _Recorded:
    marks: dict[MarkKey, str | None]
    sheets: dict[tuple[int, int], str]
    locks: dict[int, bool]
    rows: dict[RowKey, str | None]

    def apply(self, state: dict[str, Any]) -> None:
        for round_id, entry_id, criterion_id, judge_id, value in state.get("marks", ()):
            self.marks[(round_id, entry_id, criterion_id, judge_id)] = value
        for round_id, judge_id, sheet_state in state.get("sheets", ()):
            self.sheets[(round_id, judge_id)] = sheet_state
        for round_id, locked in state.get("locks", ()):
            self.locks[round_id] = bool(locked)
        for table, key, content in state.get("rows", ()):
            self.rows[(table, tuple(key))] = content


def recorded_state(session: Session) -> _Recorded:
    """What the audit trail says, replayed in order."""
    recorded = _Recorded({}, {}, {}, {})
    query = select(m.AuditRecord.detail).order_by(m.AuditRecord.seq)
    result = session.execute(query.execution_options(yield_per=_BATCH))
    try:
        for (detail,) in result:
            state = detail.get("state") if isinstance(detail, dict) else None
            if isinstance(state, dict):
                try:
                    recorded.apply(state)
                except (TypeError, ValueError):
                    # Not as the app writes it (a row written by hand): what it would have
                    # said is missing, so the values it touched show as differences.
                    continue
    finally:
        result.close()
    return recorded


def _same(stored: Decimal, recorded: str | None) -> bool:
    if recorded is None:
        return False
    try:
        return Decimal(recorded) == stored
    except InvalidOperation:
        return False


def state_differences(session: Session, most: int = 100) -> tuple[int, list[StateDifference]]:
    """How many values were compared, and the first ``most`` differences."""
    recorded = recorded_state(session)
    found: list[StateDifference] = []
    compared = 0

    def differ(kind: str, key: tuple[int, ...], stored: str | None, said: str | None) -> None:
        if len(found) < most:
            found.append(StateDifference(kind, key, stored, said))

    seen: set[MarkKey] = set()
    marks = select(
        m.Score.round_id, m.Score.entry_id, m.Score.criterion_id, m.Score.judge_id, m.Score.value
    )
    result = session.execute(marks.execution_options(yield_per=_BATCH))
    try:
        for round_id, entry_id, criterion_id, judge_id, value in result:
            key = (round_id, entry_id, criterion_id, judge_id)
            seen.add(key)
            compared += 1
            said = recorded.marks.get(key)
            if not _same(value, said):
                differ("mark", key, str(value), said)
    finally:
        result.close()
    for key, said in recorded.marks.items():
        if said is not None and key not in seen:
            compared += 1
            differ("mark", key, None, said)

    stored_sheets = {
        (r, j): state
        for r, j, state in session.execute(
            select(m.Sheet.round_id, m.Sheet.judge_id, m.Sheet.state)
        )
    }
    for sheet in sorted(stored_sheets.keys() | recorded.sheets.keys()):
        compared += 1
        held, state = stored_sheets.get(sheet, DRAFT), recorded.sheets.get(sheet, DRAFT)
        if held != state:
            differ("sheet", sheet, held, state)

    for round_id, locked_at in session.execute(select(m.Round.id, m.Round.locked_at)):
        compared += 1
        locked, was = locked_at is not None, recorded.locks.get(round_id, False)
        if locked != was:
            differ("lock", (round_id,), str(locked), str(was))

    rows = current_rows(session)
    for row in sorted(rows.keys() | recorded.rows.keys(), key=repr):
        compared += 1
        now, then = rows.get(row), recorded.rows.get(row)
        if now != then:
            differ(row[0], row[1], now, then)
    return compared, found
