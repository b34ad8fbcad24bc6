"""What the judging services hand out beside the score sheets (records/contests.py):
appeals, discrepancy flags, double entry's comparison, paper rounds and offline sheets,
re-checks, and the judges' consistency report of a round."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from contest_desk.domain import recheck as rules
from contest_desk.domain.consistency import IccResult, JudgeBias
from contest_desk.domain.discrepancy import Flag
from contest_desk.domain.records.contests import JudgeInfo, ScoreSheet

TOTAL = "total"  # the code of the agreement on each judge's total per entry


@dataclass(frozen=True)
class JudgeLine:
    judge: JudgeInfo
    bias: JudgeBias[int]


@dataclass(frozen=True)
class Agreement:
    code: str  # a criterion's code, or TOTAL
    name: str
    icc: IccResult
    kendall_w: Decimal | None


@dataclass(frozen=True)
class ConsistencyReport:
    event_id: int
    event_name: str
    round_number: int
    judges: tuple[JudgeLine, ...]
    agreements: tuple[Agreement, ...]  # per judgement criterion, then the totals


@dataclass(frozen=True)
class AppealInfo:
    id: int
    entry_id: int
    round_number: int | None
    filed_at: dt.datetime
    filed_by: str
    reason: str
    outcome: str | None
    decision: str
    decided_at: dt.datetime | None
    decided_by: str | None


@dataclass(frozen=True)
class FlagInfo:
    flag: Flag
    judges: tuple[int, ...]  # who marked the cell, in the order of ``flag.marks``
    confirmed: str | None  # the chief judge's note when confirmed on these very marks


Cell = tuple[int, str]  # a double-entry cell: (entry id, criterion code)


@dataclass(frozen=True)
class PassComparison:
    first: dict[Cell, Decimal]
    second: dict[Cell, Decimal]
    mismatches: tuple[Cell, ...]  # keyed in both passes, differently
    missing: tuple[Cell, ...]  # keyed in one pass only
    first_totals: dict[int, Decimal]  # entry id → sum of the first pass's values
    second_totals: dict[int, Decimal]
    keyed_by: str | None
    confirmed_by: str | None

    @property
    def agreed(self) -> bool:
        return not self.mismatches and not self.missing and bool(self.first)


@dataclass(frozen=True)
class PaperRound:
    contest: str
    event: str
    round_name: str
    sheets: tuple[tuple[JudgeInfo, ScoreSheet], ...]


@dataclass(frozen=True)
class SheetImport:
    stored: int  # values written
    unchanged: int  # values already stored, the same


@dataclass(frozen=True)
class RecheckInfo:
    id: int
    event_id: int
    round_number: int
    seed: str
    entries: tuple[int, ...]  # sampled, best first
    cells: tuple[rules.Cell, ...]  # every stored mark of the sampled entries, to key again
