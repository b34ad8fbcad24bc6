"""What a transaction changed in the audited state, carried into its audit row.

Marks, sheets' states and round locks decide results (and so do labor values, boards'
logs and issued certificates, recorded as rows below), so the audit trail records each
change to them exactly — round, entry, criterion and judge by id, and the value — and
``audit verify`` replays those records and compares them with the tables: a value
changed behind the app's back no longer passes as long as the chain is whole.

Whatever writes such state notes it here, in the session; the next audit row of the
transaction takes the notes into its ``state`` detail; a transaction that would commit
with notes no audit row took is a bug, and ``Database.transaction`` refuses it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

_NOTES = "contest_desk.ledger"

MarkKey = tuple[int, int, int, int]  # round id, entry id, criterion id, judge id


def _notes(session: Session) -> dict[str, list[Any]]:
    notes: dict[str, list[Any]] = session.info.setdefault(
        _NOTES, {"marks": [], "sheets": [], "locks": [], "rows": []}
    )
    return notes


def note_mark(session: Session, key: MarkKey, value: Decimal | None) -> None:
    """A mark is now ``value`` (None: removed)."""
    _notes(session)["marks"].append([*key, None if value is None else str(value)])


def note_marks(session: Session, rows: list[dict[str, Any]]) -> None:
    """Marks inserted in bulk, as the Core insert's dictionaries."""
    _notes(session)["marks"].extend(
        [r["round_id"], r["entry_id"], r["criterion_id"], r["judge_id"], str(r["value"])]
        for r in rows
    )


def note_sheet(session: Session, round_id: int, judge_id: int, state: str) -> None:
    """A judge's sheet of a round is now in ``state`` (draft or submitted)."""
    _notes(session)["sheets"].append([round_id, judge_id, state])


def note_lock(session: Session, round_id: int, locked: bool) -> None:
    _notes(session)["locks"].append([round_id, locked])


def take_notes(session: Session) -> dict[str, list[Any]]:
    """The notes so far, for an audit row's detail; they are cleared."""
    notes = session.info.pop(_NOTES, None) or {}
    return {k: v for k, v in notes.items() if v}


def untaken(session: Session) -> bool:
    """Whether changes were noted that no audit row took."""
    return any(session.info.get(_NOTES, {}).values())


# Rows of other tables whose values decide results (labor values, boards' logs, issued
# certificates) are recorded as a canonical text of their audited columns, by key.
def canonical(value: Any) -> str:
    """One text for a JSON-like value, the same before it is stored and after it is read."""
    plain = json.loads(json.dumps(value, default=str))
    return json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def labor_value_content(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


def board_log_content(kind: str, data: dict[str, Any], note: str) -> str:
    return canonical([kind, data, note])


def certificate_content(fields: dict[str, Any], superseded_by: str | None) -> str:
    return canonical([fields, superseded_by])


def note_row(session: Session, table: str, key: list[Any], content: str | None) -> None:
    """A row of ``table`` (labor_values, board_log, certificates) now holds ``content``."""
    _notes(session)["rows"].append([table, key, content])
