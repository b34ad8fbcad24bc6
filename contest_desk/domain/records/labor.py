"""What the labor competition services hand out: periods, teams, value grids, standings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from contest_desk.domain.labor import Indicator, IndicatorScore
from contest_desk.i18n import N_


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    PHASE = "phase"  # a named phase with its own dates (阶段)


PERIOD_KIND_NAMES = {
    PeriodKind.MONTH: N_("month"),
    PeriodKind.QUARTER: N_("quarter"),
    PeriodKind.PHASE: N_("phase"),
}


@dataclass(frozen=True)
class PeriodInfo:
    id: int
    name: str
    kind: PeriodKind
    starts_on: dt.date
    ends_on: dt.date
    closed: bool


@dataclass(frozen=True)
class LaborTeam:
    id: int
    name: str
    unit: str


@dataclass(frozen=True)
class VetoInfo:
    id: int
    team: LaborTeam
    period: PeriodInfo | None  # None: the whole competition
    reason: str
    decided_by: str
    lifted: str | None  # the reason it was lifted


@dataclass(frozen=True)
class ValueGrid:
    """One period's values: team id → indicator code → value (absent: not keyed)."""

    period: PeriodInfo
    indicators: tuple[Indicator, ...]
    teams: tuple[LaborTeam, ...]
    values: dict[int, dict[str, Decimal]]


@dataclass(frozen=True)
class LaborRow:
    rank: int
    team: LaborTeam
    total: Decimal
    scores: tuple[IndicatorScore, ...]  # empty in cumulative standings
    missing: int
    award: str | None
    veto: str | None
    by_period: tuple[Decimal, ...] = ()  # cumulative standings: each period's total


@dataclass(frozen=True)
class LaborTable:
    contest_id: int
    contest_name: str
    period: PeriodInfo | None  # None: cumulative over every period
    periods: tuple[PeriodInfo, ...]  # those the table covers
    indicators: tuple[Indicator, ...]
    rows: tuple[LaborRow, ...]

    @property
    def final(self) -> bool:
        """Every period the table covers is closed."""
        return bool(self.periods) and all(p.closed for p in self.periods)


HEADER_ROW = 4  # the template's header row: 班组, then "code name（unit）" per indicator


def column_letter(number: int) -> str:
    """A spreadsheet column's letters (1 is "A", 27 is "AA"), as problems name cells; the
    services read workbooks as records and need no spreadsheet library for this."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class LaborSheet:
    """A filled-in template as read, before any checking against the competition."""

    file: str
    period: str  # as written in the file
    columns: dict[int, tuple[str, str, str]]  # column number → (code, name, unit) of the header
    rows: list[tuple[int, str, dict[int, str]]]  # (row number, team name, column → cell text)
