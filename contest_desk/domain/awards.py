"""Award levels (一等奖 …) by counts, by shares of the field, or by score thresholds."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum

from contest_desk.errors import UserError


class AwardMode(StrEnum):
    COUNTS = "counts"  # 1 first prize, 2 second prizes …
    SHARES = "shares"  # 10 % / 20 % / 30 % of the ranked field, rounded down
    THRESHOLDS = "thresholds"  # everyone at or above a score


@dataclass(frozen=True)
class AwardLevel:
    name: str
    value: Decimal  # a count, a share (0.1 for 10 %) or a score, by the rule's mode


@dataclass(frozen=True)
class Placing:
    """What awarding needs to know of one ranked entry."""

    rank: int
    total: Decimal
    eligible: bool = True  # False while marks are incomplete


@dataclass(frozen=True)
class AwardRule:
    mode: AwardMode
    levels: tuple[AwardLevel, ...]
    min_score: Decimal | None = None

    def check(self) -> None:
        if self.mode is AwardMode.SHARES and sum(lv.value for lv in self.levels) > 1:
            raise UserError("The award shares add up to more than 100 %")
        if any(lv.value < 0 for lv in self.levels):
            raise UserError("An award level has a negative value")

    def assign(self, placings: Sequence[Placing]) -> list[str | None]:
        """The award level name for each placing (None for no award).

        Cut-offs count eligible entries only: an entry whose marks are incomplete
        neither gets an award nor takes one from the entries below it. Entries
        tied on rank share the better level, so a tie at a cut-off gives every
        tied entry the award.
        """
        eligible_ranks = sorted(p.rank for p in placings if p.eligible)
        field_size = len(eligible_ranks)
        result: list[str | None] = []
        for p in placings:
            level = None
            if p.eligible and (self.min_score is None or p.total >= self.min_score):
                rank = 1 + bisect_left(eligible_ranks, p.rank)  # competition rank among eligible
                level = self._level(rank, p.total, field_size)
            result.append(level)
        return result

    def _level(self, rank: int, total: Decimal, field_size: int) -> str | None:
        if self.mode is AwardMode.THRESHOLDS:
            for lv in sorted(self.levels, key=lambda lv: -lv.value):
                if total >= lv.value:
                    return lv.name
            return None
        cumulative = Decimal(0)
        for lv in self.levels:
            cumulative += lv.value
            places = (
                cumulative
                if self.mode is AwardMode.COUNTS
                else (cumulative * field_size).to_integral_value(rounding=ROUND_FLOOR)
            )
            if rank <= places:
                return lv.name
        return None


DEFAULT_AWARD_RULE = AwardRule(
    AwardMode.SHARES,
    (
        AwardLevel("一等奖", Decimal("0.1")),
        AwardLevel("二等奖", Decimal("0.2")),
        AwardLevel("三等奖", Decimal("0.3")),
    ),
)
