"""Reading and appending a board's log: the one place its rows become domain events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.board_codec import event_from_dict, event_to_dict, rules_from_dict
from contest_desk.domain.ladder import (
    BoardRules,
    Bout,
    Challenge,
    Event,
    Ladder,
    Logged,
    check,
    numbered,
)
from contest_desk.errors import NotFound
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.storage import models as m
from contest_desk.storage.ledger import board_log_content, note_row


@dataclass(frozen=True)
class LogRow:
    seq: int
    kind: str
    data: dict[str, Any]  # the event's fields and what was kept beside it (totals, round…)
    note: str


@dataclass(frozen=True)
class LoadedBoard:
    row: m.Ladder
    rules: BoardRules  # those it started with
    log: list[Logged]
    rows: dict[int, LogRow]  # by seq


def get_board(s: Session, board_id: int, lock: bool = False) -> m.Ladder:
    # Appends lock the board row, so two seats cannot write the same seq (FOR UPDATE on
    # PostgreSQL; SQLite has one writer anyway).
    row = s.get(m.Ladder, board_id, with_for_update=lock)
    if row is None:
        raise NotFound("There is no board {id}", id=board_id)
    return row


def load(s: Session, board_id: int, lock: bool = False) -> LoadedBoard:
    row = get_board(s, board_id, lock)
    # Plain rows, not ORM objects: a long-running board has 100,000 of them.
    t = m.BoardLogRow
    query = select(t.seq, t.kind, t.data, t.note).where(t.board_id == board_id).order_by(t.seq)
    rows = [LogRow(*r) for r in s.execute(query)]
    log = [Logged(r.seq, event_from_dict(r.kind, r.data)) for r in rows]
    return LoadedBoard(row, rules_from_dict(row.rules), log, {r.seq: r for r in rows})


def challenge_at(loaded: LoadedBoard, number: int) -> tuple[int, Challenge]:
    """The log seq and event of the board's challenge ``number`` (1, 2, 3… as shown)."""
    found = numbered(loaded.log, Challenge)
    if not 1 <= number <= len(found):
        raise NotFound("There is no challenge {seq} on this board", seq=number)
    logged = found[number - 1]
    assert isinstance(logged.event, Challenge)
    return logged.seq, logged.event


def bout_at(loaded: LoadedBoard, number: int) -> int:
    """The log seq of the board's bout ``number`` (1, 2, 3… as shown)."""
    found = numbered(loaded.log, Bout)
    if not 1 <= number <= len(found):
        raise NotFound("There is no bout {seq} on this board", seq=number)
    return found[number - 1].seq


def count_of(loaded: LoadedBoard, kind: type[Challenge] | type[Bout]) -> int:
    """How many challenges (or bouts) the log holds: the number of the newest."""
    return len(numbered(loaded.log, kind))


def refused_or_board(loaded: LoadedBoard, event: Event, today: dt.date | None = None) -> Ladder:
    """The board as it stands, after checking that ``event`` may be added to it."""
    return check(loaded.log, loaded.rules, event, today)


def append(
    ctx: ServiceContext,
    s: Session,
    loaded: LoadedBoard,
    event: Event,
    note: str = "",
    **extra: Any,
) -> int:
    """Write ``event`` as the log's next row (with ``extra`` beside it) and audit it."""
    seq = (loaded.log[-1].seq if loaded.log else 0) + 1
    kind, data = event_to_dict(event)
    row = LogRow(seq, kind, {**data, **extra}, note)
    s.add(
        m.BoardLogRow(
            board_id=loaded.row.id,
            seq=seq,
            kind=kind,
            data=row.data,
            at=utc_now(),
            actor=ctx.actor.username,
            note=note,
        )
    )
    note_row(s, "board_log", [loaded.row.id, seq], board_log_content(kind, row.data, note))
    loaded.log.append(Logged(seq, event))
    loaded.rows[seq] = row
    ctx.audit(s, f"board.{kind}", f"board:{loaded.row.id}", note, seq=seq, **data, **extra)
    return seq
