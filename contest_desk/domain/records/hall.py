"""The hall's screen (成绩大屏): what the organizer lets the hall see, and what it shows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class HallMode(StrEnum):
    """Final results only, or provisional ones too (marked as such)."""

    FINAL_ONLY = "final_only"
    PROVISIONAL = "provisional"


@dataclass(frozen=True)
class HallChoice:
    """The organizer's choice for one contest: rounds as (event id, round number), boards
    by id, in the order the hall shows them."""

    mode: HallMode = HallMode.PROVISIONAL
    rounds: tuple[tuple[int, int], ...] = ()
    boards: tuple[int, ...] = ()


@dataclass(frozen=True)
class HallOption:
    """A round or a board the organizer may put on the hall's screen."""

    title: str
    event_id: int
    round_number: int | None  # None for a board
    board_id: int | None
    locked: bool = False


@dataclass(frozen=True)
class HallRow:
    """One line of a panel. ``name`` is the entry's code until its round is locked."""

    rank: int | None  # a board's place; None where nothing ranks yet
    code: str
    name: str
    total: Decimal | None  # a board's rating, where it is rated


@dataclass(frozen=True)
class HallPanel:
    """One chosen round's standings, or one board's places."""

    title: str
    event_id: int
    round_number: int | None  # None for a board
    board_id: int | None
    final: bool  # locked round (a board is always as it stands)
    provisional: bool  # shown before the lock: marked so on the screen
    withheld: bool  # final results only and the round is not locked: no rows
    rows: tuple[HallRow, ...]
    problem: str = ""  # why the standings cannot be computed now (e.g. too few judges)


@dataclass(frozen=True)
class HallView:
    contest_id: int
    title: str
    mode: HallMode
    panels: tuple[HallPanel, ...]
    version: int  # the audit head's sequence when read: a later change moves it
