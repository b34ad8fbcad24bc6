"""Labor competition scoring: every rule at its edges, monotony, vetoes, ranks and awards."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.labor import (
    Direction,
    Indicator,
    IndicatorRule,
    Veto,
    competition_vetoes,
    cumulative,
    period_vetoes,
    ranked,
    score_indicator,
    team_result,
)
from contest_desk.errors import UserError

D = Decimal
OUTPUT = Indicator(
    "C1", "原油产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, D(30), D(1000), D(1500)
)
ENERGY = Indicator(
    "C2", "吨液耗电", "kWh/t", Direction.LOWER, IndicatorRule.LINEAR, D(20), D(12), D(10)
)
UPTIME = Indicator(
    "C3", "设备完好率", "%", Direction.HIGHER, IndicatorRule.BONUS, D(20), D(90), D(98),
    bonus_per_unit=D("0.5"), bonus_cap=D(2),
)  # fmt: skip
SAFETY = Indicator(
    "C4", "安全事件", "起", Direction.LOWER, IndicatorRule.PENALTY, D(0), penalty_per_event=D(5)
)
REPORTS = Indicator(
    "C5", "报表及时", "次", Direction.LOWER, IndicatorRule.PASS_FAIL, D(10), target=D(0)
)


def points(indicator: Indicator, value: str) -> Decimal:
    return score_indicator(indicator, D(value)).points


def test_linear_at_the_baseline_the_target_and_beyond() -> None:
    assert points(OUTPUT, "1000") == 0 and points(OUTPUT, "900") == 0
    assert points(OUTPUT, "1250") == 15
    assert points(OUTPUT, "1500") == 30 and points(OUTPUT, "2000") == 30  # capped
    assert score_indicator(OUTPUT, D(1250)).working == "(1250 − 1000) ÷ (1500 − 1000) × 30 = 15"


def test_lower_is_better() -> None:
    assert points(ENERGY, "12") == 0 and points(ENERGY, "13") == 0
    assert points(ENERGY, "11") == 10
    assert points(ENERGY, "10") == 20 and points(ENERGY, "9.5") == 20
    assert score_indicator(ENERGY, D(11)).working == "(12 − 11) ÷ (12 − 10) × 20 = 10"


def test_a_bonus_beyond_the_target_up_to_its_cap() -> None:
    assert points(UPTIME, "98") == 20
    assert points(UPTIME, "99") == D("20.5")
    assert points(UPTIME, "103") == 22 and points(UPTIME, "110") == 22  # the cap
    assert points(UPTIME, "94") == 10  # no bonus short of the target
    assert "+ 1 × 0.5 (≤ 2) = 0.5" in score_indicator(UPTIME, D(99)).working


def test_a_penalty_per_event_and_pass_or_fail() -> None:
    assert points(SAFETY, "0") == 0 and points(SAFETY, "2") == -10
    assert points(REPORTS, "0") == 10 and points(REPORTS, "1") == 0


def test_weights_multiply_and_a_missing_value_scores_nothing() -> None:
    heavy = Indicator(
        "C1", "原油产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, D(30), D(1000), D(1500),
        weight=D("1.5"),
    )  # fmt: skip
    result = team_result(1, [heavy, ENERGY], {"C1": D(1500)})
    assert result.total == 45 and result.missing == 1
    assert result.scores[1].value is None and result.scores[1].points == 0


def test_an_indicator_that_cannot_score_is_refused() -> None:
    backwards = Indicator(
        "X", "产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, D(10), D(5), D(3)
    )
    with pytest.raises(UserError, match="目标值"):
        backwards.check()
    with pytest.raises(UserError, match="负"):
        Indicator(
            "X", "产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, D(-1), D(0), D(3)
        ).check()
    for good in (OUTPUT, ENERGY, UPTIME, SAFETY, REPORTS):
        good.check()


values = st.decimals(min_value=-10_000, max_value=10_000, places=2)


@given(values, values, st.sampled_from([OUTPUT, UPTIME]))
def test_more_output_never_scores_less(a: Decimal, b: Decimal, indicator: Indicator) -> None:
    low, high = sorted((a, b))
    assert points(indicator, str(low)) <= points(indicator, str(high))


@given(values, values, st.sampled_from([ENERGY, SAFETY, REPORTS]))
def test_less_of_a_lower_is_better_indicator_never_scores_less(a, b, indicator) -> None:
    low, high = sorted((a, b))
    assert points(indicator, str(low)) >= points(indicator, str(high))


@given(values)
def test_linear_points_stay_between_zero_and_full(value: Decimal) -> None:
    assert 0 <= points(OUTPUT, str(value)) <= OUTPUT.points
    assert 0 <= points(UPTIME, str(value)) <= UPTIME.points + UPTIME.bonus_cap


AWARDS = AwardRule(AwardMode.COUNTS, (AwardLevel("一等奖", D(1)), AwardLevel("二等奖", D(1))))


def test_a_veto_keeps_the_rank_but_takes_no_award_nor_one_from_others() -> None:
    results = [team_result(t, [OUTPUT], {"C1": D(v)}) for t, v in ((1, 1500), (2, 1400), (3, 1300))]
    vetoes = [Veto(1, 1, "发生一般及以上安全事故")]
    out = ranked(results, period_vetoes(vetoes, 1), AWARDS)
    assert [(r.team, r.rank, r.award, r.veto) for r in out] == [
        (1, 1, None, "发生一般及以上安全事故"),
        (2, 2, "一等奖", None),
        (3, 3, "二等奖", None),
    ]
    assert period_vetoes(vetoes, 2) == {} and competition_vetoes(vetoes) == {}
    whole = [Veto(3, None, "弄虚作假")]
    assert period_vetoes(whole, 5) == {3: "弄虚作假"} == competition_vetoes(whole)


def test_ties_share_a_rank_and_cumulative_totals_add_periods_up() -> None:
    one = [team_result(t, [OUTPUT], {"C1": D(v)}) for t, v in ((1, 1250), (2, 1250), (3, 1000))]
    two = [team_result(t, [OUTPUT], {"C1": D(v)}) for t, v in ((1, 1000), (2, 1500), (3, 1500))]
    assert [r.rank for r in ranked(one, {}, None)] == [1, 1, 3]
    total = ranked(cumulative([one, two]), {}, AWARDS)
    assert [(r.team, r.total, r.rank, r.award) for r in total] == [
        (2, 45, 1, "一等奖"),
        (3, 30, 2, "二等奖"),
        (1, 15, 3, None),
    ]
