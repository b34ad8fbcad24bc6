"""Who advances from a round (晋级) and who is eliminated (淘汰), by the round's rule.

A rule is the top N, the top X %, or everyone at or above a score. Entries tied with the
last one in advance too, unless the event says ties at the cut are broken by the cut
(then exactly N advance, in rank order). Entries whose marks are incomplete never advance
on a rank they may not keep; the caller decides whether they are ranked at all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from contest_desk.errors import UserError
from contest_desk.i18n import N_


class AdvanceMode(StrEnum):
    TOP = "top"  # the best N
    SHARE = "share"  # the best X % (rounded up)
    MIN_SCORE = "min_score"  # everyone at or above the score


MODE_NAMES = {
    AdvanceMode.TOP: N_("top {value}"),
    AdvanceMode.SHARE: N_("top {value} %"),
    AdvanceMode.MIN_SCORE: N_("{value} points or more"),
}


@dataclass(frozen=True)
class AdvanceRule:
    mode: AdvanceMode
    value: Decimal
    ties_advance: bool = True

    def check(self) -> None:
        if self.value < 0:
            raise UserError("An advance rule needs a value of 0 or more")
        if self.mode is AdvanceMode.SHARE and self.value > 100:
            raise UserError("A share cannot be above 100 %")
        if self.mode is AdvanceMode.TOP and self.value != self.value.to_integral_value():
            raise UserError("The number that advances must be a whole number")


@dataclass(frozen=True)
class Ranked:
    entry_id: int
    rank: int  # competition rank, 1 first; ties share a rank
    total: Decimal


@dataclass(frozen=True)
class Cut:
    advancing: tuple[int, ...]  # in rank order
    eliminated: tuple[int, ...]
    rule: AdvanceRule


def apply_rule(ranked: Sequence[Ranked], rule: AdvanceRule) -> Cut:
    """Split a round's ranked entries (best first) into those who advance and the rest."""
    rule.check()
    order = sorted(ranked, key=lambda r: (r.rank, r.entry_id))
    if rule.mode is AdvanceMode.MIN_SCORE:
        chosen = [r for r in order if r.total >= rule.value]
    else:
        count = (
            int(rule.value)
            if rule.mode is AdvanceMode.TOP
            else math.ceil(Decimal(len(order)) * rule.value / 100)
        )
        chosen = order[:count]
        if rule.ties_advance and chosen and count < len(order):
            last_rank = chosen[-1].rank
            chosen += [r for r in order[count:] if r.rank == last_rank]
    ids = {r.entry_id for r in chosen}
    return Cut(
        tuple(r.entry_id for r in order if r.entry_id in ids),
        tuple(r.entry_id for r in order if r.entry_id not in ids),
        rule,
    )
