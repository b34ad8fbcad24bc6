"""What the challenge boards' services hand out: a board, its rows, challenges, bouts and
title holders as one view, and the words for its elimination rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from contest_desk.domain.ladder import BoardRules, RatingKind
from contest_desk.domain.ratings import Glicko
from contest_desk.domain.records.contests import EntryInfo
from contest_desk.i18n import N_, _

RULE_TEXTS = {
    "bottom": N_("the last {value} at the period's close"),
    "below": N_("a rating below {value}"),
    "losses": N_("{value} losses in a row"),
    "idle": N_("no bout for {value} periods"),
}
RULE_VALUES = {
    "bottom": "eliminate_bottom",
    "below": "eliminate_below",
    "losses": "eliminate_losses",
    "idle": "eliminate_idle",
}


def rule_text(rule: str, rules: BoardRules) -> str:
    return _(RULE_TEXTS[rule], value=getattr(rules, RULE_VALUES[rule]))


@dataclass(frozen=True)
class BoardInfo:
    id: int
    contest_id: int
    event_id: int
    name: str
    skill: str
    scored: bool  # bouts scored on the event's rubric, or recorded as a win or a loss
    starts_on: dt.date


@dataclass(frozen=True)
class BoardRow:
    place: int | None  # None once off the board
    entry: EntryInfo
    rating: Decimal | None  # None on an unrated board
    deviation: Decimal | None  # Glicko-2 only
    volatility: Decimal | None  # Glicko-2 only
    defences: int
    streak: int  # wins (> 0) or losses (< 0) in a row
    status: str  # holder, active, eliminated, removed
    why: str  # for those off the board: the period and rule, or the reason


@dataclass(frozen=True)
class ChallengeRow:
    number: int  # the board's challenge 1, 2, 3… (the services take it)
    challenger: EntryInfo
    challenger_place: int
    defender: EntryInfo
    defender_place: int
    deadline: dt.date
    accepted: bool
    overdue: bool  # unanswered past the deadline: the challenger's win at the next step
    round: int | None  # the scored bout's round


@dataclass(frozen=True)
class BoutRow:
    number: int  # the board's bout 1, 2, 3… (corrections take it)
    period: int
    challenger: EntryInfo
    defender: EntryInfo
    challenger_won: bool  # False for a draw
    draw: bool
    forfeit: bool
    title: bool  # the title holder was the defender
    totals: tuple[Decimal, Decimal] | None
    note: str
    corrected: str  # the reason of the last correction, if any


@dataclass(frozen=True)
class ReignRow:
    holder: EntryInfo
    first: int
    last: int
    periods: int
    defences: int


@dataclass(frozen=True)
class RuleChangeRow:
    seq: int
    from_period: int
    rules: BoardRules
    note: str


@dataclass(frozen=True)
class BoardView:
    info: BoardInfo
    rules: BoardRules  # in force this period
    next_rules: BoardRules | None  # from the next period on
    period: int  # the open period
    period_label: str
    rows: tuple[BoardRow, ...]  # on the board in place order, then those off it
    challenges: tuple[ChallengeRow, ...]
    bouts: tuple[BoutRow, ...]
    reigns: tuple[ReignRow, ...]
    history: tuple[dict[int, tuple[int, Decimal]], ...]  # per closed period: entry → place, rating
    entries: dict[int, EntryInfo]
    rule_changes: tuple[RuleChangeRow, ...]  # the board's rules over time, after the first
    # Per closed period, beside ``history``: entry → rating, deviation and volatility.
    rating_history: tuple[dict[int, Glicko], ...] = ()

    @property
    def rated(self) -> bool:
        return self.rules.rating is not RatingKind.NONE

    @property
    def glicko(self) -> bool:
        """Deviation and volatility mean something (and are shown) on Glicko-2 boards only."""
        return self.rules.rating is RatingKind.GLICKO2
