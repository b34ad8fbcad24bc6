"""Labor competitions by indicators (劳动竞赛): production results turned into points.

An assessment scheme (考核评比细则) lists indicators (考核指标), each with a unit, a
direction (higher or lower is better), a weight, a baseline and a target, and a scoring
rule. A team's values for a period become points indicator by indicator; the period's
total is the weighted sum; the competition's total adds the periods up. A single-item veto
(一票否决) takes a team out of a period's awards, or the whole competition's, whatever its
points. Everything is ``Decimal``; each indicator's points come with how they were worked
out, so a team can check its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from contest_desk.domain.awards import AwardRule, Placing
from contest_desk.domain.ranking import competition_ranks
from contest_desk.errors import UserError
from contest_desk.i18n import N_

D = Decimal
ZERO, ONE = D(0), D(1)


class Direction(StrEnum):
    HIGHER = "higher"  # output, uptime, cost saved
    LOWER = "lower"  # energy per tonne, downtime hours


class IndicatorRule(StrEnum):
    LINEAR = "linear"  # baseline → 0, target → full points, straight between, capped
    BONUS = "bonus"  # linear, plus so much per unit beyond the target up to a cap
    PENALTY = "penalty"  # a count of events, each taking a fixed number of points
    PASS_FAIL = "pass_fail"  # full points when the target is met, none otherwise


RULE_NAMES = {
    IndicatorRule.LINEAR: N_("linear between baseline and target"),
    IndicatorRule.BONUS: N_("linear, with a bonus beyond the target"),
    IndicatorRule.PENALTY: N_("a penalty per event"),
    IndicatorRule.PASS_FAIL: N_("pass or fail"),
}


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    direction: Direction
    rule: IndicatorRule
    points: Decimal  # full points (linear, bonus, pass/fail)
    baseline: Decimal = ZERO
    target: Decimal = ZERO
    weight: Decimal = ONE
    bonus_per_unit: Decimal = ZERO
    bonus_cap: Decimal = ZERO
    penalty_per_event: Decimal = ZERO

    def check(self) -> None:
        """Refuse an indicator that cannot score: the message names it and the reason."""
        if not self.code.strip() or not self.name.strip():
            raise UserError("An indicator needs a code and a name")
        if self.weight < 0 or self.points < 0:
            raise UserError("{name}: weight and points cannot be negative", name=self.name)
        if self.rule in (IndicatorRule.LINEAR, IndicatorRule.BONUS):
            better = self.target > self.baseline
            if self.target == self.baseline or better != (self.direction is Direction.HIGHER):
                raise UserError(
                    "{name}: the target must be better than the baseline "
                    "(above it when higher is better, below it when lower is)",
                    name=self.name,
                )
        if self.rule is IndicatorRule.BONUS and (self.bonus_per_unit < 0 or self.bonus_cap < 0):
            raise UserError("{name}: the bonus cannot be negative", name=self.name)
        if self.rule is IndicatorRule.PENALTY and self.penalty_per_event < 0:
            raise UserError("{name}: the penalty is given as a positive number", name=self.name)


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator's points for one team in one period, with how they were worked out."""

    code: str
    value: Decimal | None  # None: not keyed yet
    points: Decimal  # before the weight
    weighted: Decimal
    working: str  # e.g. "(1250 − 1000) ÷ (1500 − 1000) × 20 = 10"


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def progress(indicator: Indicator, value: Decimal) -> Decimal:
    """How far from the baseline to the target the value went, between 0 and 1."""
    if indicator.direction is Direction.HIGHER:
        share = (value - indicator.baseline) / (indicator.target - indicator.baseline)
    else:
        share = (indicator.baseline - value) / (indicator.baseline - indicator.target)
    return min(max(share, ZERO), ONE)


def beyond_target(indicator: Indicator, value: Decimal) -> Decimal:
    """Units past the target in the better direction (0 when it is not reached)."""
    past = value - indicator.target
    if indicator.direction is Direction.LOWER:
        past = -past
    return max(past, ZERO)


def score_indicator(indicator: Indicator, value: Decimal | None) -> IndicatorScore:
    if value is None:
        return IndicatorScore(indicator.code, None, ZERO, ZERO, "")
    i = indicator
    if i.rule is IndicatorRule.PASS_FAIL:
        met = value >= i.target if i.direction is Direction.HIGHER else value <= i.target
        points = i.points if met else ZERO
        sign = "≥" if i.direction is Direction.HIGHER else "≤"
        working = f"{_fmt(value)} {sign} {_fmt(i.target)}: {_fmt(points)}"
    elif i.rule is IndicatorRule.PENALTY:
        points = ZERO - i.penalty_per_event * value  # never "-0"
        working = f"{_fmt(value)} × −{_fmt(i.penalty_per_event)} = {_fmt(points)}"
    else:
        share = progress(i, value)
        points = share * i.points
        a, b = (value, i.baseline) if i.direction is Direction.HIGHER else (i.baseline, value)
        c, d = (i.target, i.baseline) if i.direction is Direction.HIGHER else (i.baseline, i.target)
        working = f"({_fmt(a)} − {_fmt(b)}) ÷ ({_fmt(c)} − {_fmt(d)}) × {_fmt(i.points)}"
        if share in (ZERO, ONE):
            working += " → " + ("0" if share == ZERO else _fmt(i.points))
        working += f" = {_fmt(points.quantize(D('0.01')))}"
        if i.rule is IndicatorRule.BONUS:
            past = beyond_target(i, value)
            bonus = min(past * i.bonus_per_unit, i.bonus_cap)
            if bonus:
                working += (
                    f"; + {_fmt(past)} × {_fmt(i.bonus_per_unit)}"
                    f" (≤ {_fmt(i.bonus_cap)}) = {_fmt(bonus)}"
                )
            points += bonus
    return IndicatorScore(indicator.code, value, points, points * i.weight, working)


@dataclass(frozen=True)
class Veto:
    team: int
    period: int | None  # None: the whole competition
    reason: str


@dataclass(frozen=True)
class TeamResult:
    team: int
    total: Decimal
    scores: tuple[IndicatorScore, ...]
    missing: int  # indicators without a value
    rank: int = 0
    award: str | None = None
    veto: str | None = None  # the reason it is out of the awards


def team_result(
    team: int, indicators: Sequence[Indicator], values: Mapping[str, Decimal]
) -> TeamResult:
    scores = tuple(score_indicator(i, values.get(i.code)) for i in indicators)
    total = sum((s.weighted for s in scores), ZERO)
    return TeamResult(team, total, scores, sum(1 for s in scores if s.value is None))


def ranked(
    results: Sequence[TeamResult],
    vetoes: Mapping[int, str],
    rule: AwardRule | None,
) -> list[TeamResult]:
    """Competition ranks by total (ties share a rank), then awards: a vetoed team or one
    with values missing keeps its rank and points but takes no award, nor one from others."""
    order = sorted(results, key=lambda r: (-r.total, r.team))
    ranks = competition_ranks([r.total for r in order])
    eligible = [r.team not in vetoes and r.missing == 0 for r in order]
    awards: list[str | None] = [None] * len(order)
    if rule is not None:
        placings = [
            Placing(rank, r.total, ok) for rank, r, ok in zip(ranks, order, eligible, strict=True)
        ]
        awards = rule.assign(placings)
    return [
        TeamResult(r.team, r.total, r.scores, r.missing, rank, award, vetoes.get(r.team))
        for r, rank, award in zip(order, ranks, awards, strict=True)
    ]


def period_vetoes(vetoes: Sequence[Veto], period: int) -> dict[int, str]:
    """Teams out of one period's awards: vetoed in that period or for the competition."""
    return {v.team: v.reason for v in vetoes if v.period in (period, None)}


def cumulative(periods: Sequence[Sequence[TeamResult]]) -> list[TeamResult]:
    """Each team's totals over the periods added up (its scores are not carried)."""
    totals: dict[int, Decimal] = {}
    missing: dict[int, int] = {}
    for results in periods:
        for r in results:
            totals[r.team] = totals.get(r.team, ZERO) + r.total
            missing[r.team] = missing.get(r.team, 0) + r.missing
    return [TeamResult(team, total, (), missing[team]) for team, total in totals.items()]


def competition_vetoes(vetoes: Sequence[Veto]) -> dict[int, str]:
    """Teams out of the whole competition's awards: any veto scoped to the competition."""
    return {v.team: v.reason for v in vetoes if v.period is None}
