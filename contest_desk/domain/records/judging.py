"""What the judging services hand out beside the score sheets: the judges' consistency
report of a round."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from contest_desk.domain.consistency import IccResult, JudgeBias
from contest_desk.domain.records.contests import JudgeInfo

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
