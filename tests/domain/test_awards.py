"""awards.py: award levels by counts, by shares of the field and by score thresholds."""

from __future__ import annotations

import itertools
import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.awards import (
    DEFAULT_AWARD_RULE,
    AwardLevel,
    AwardMode,
    AwardRule,
    Placing,
)
from contest_desk.domain.ranking import competition_ranks
from contest_desk.errors import UserError

D = Decimal
FIRST, SECOND, THIRD = "一等奖", "二等奖", "三等奖"


def levels(*values: str) -> tuple[AwardLevel, ...]:
    names = (FIRST, SECOND, THIRD, "优秀奖")
    return tuple(AwardLevel(name, D(v)) for name, v in zip(names, values, strict=False))


def placings(*ranks: int, total: str = "80") -> list[Placing]:
    return [Placing(rank, D(total)) for rank in ranks]


def field(n: int) -> list[Placing]:
    """n eligible entries with distinct totals, ranked 1…n."""
    return [Placing(i + 1, D(100 - i)) for i in range(n)]


COUNTS = AwardRule(AwardMode.COUNTS, levels("1", "2", "3"))
SHARES = AwardRule(AwardMode.SHARES, levels("0.1", "0.2", "0.3"))
THRESHOLDS = AwardRule(AwardMode.THRESHOLDS, levels("90", "80", "70"))


# --- by counts -----------------------------------------------------------------------------


def test_counts():
    assert COUNTS.assign(field(8)) == [FIRST, SECOND, SECOND, THIRD, THIRD, THIRD, None, None]


def test_counts_in_a_small_field():
    assert COUNTS.assign(field(2)) == [FIRST, SECOND]
    assert COUNTS.assign([]) == []


def test_a_tie_at_the_cut_shares_the_award():
    # two entries share 3rd place where only 3 first-or-second prizes exist
    assert COUNTS.assign(placings(1, 2, 3, 3, 5)) == [FIRST, SECOND, SECOND, SECOND, THIRD]
    # a tie for first gives both the first prize
    assert COUNTS.assign(placings(1, 1, 3, 4, 5, 6, 7)) == [
        FIRST,
        FIRST,
        SECOND,
        THIRD,
        THIRD,
        THIRD,
        None,
    ]
    # a tie straddling the last cut: everybody tied at 6th gets the third prize
    assert COUNTS.assign(placings(1, 2, 3, 4, 5, 6, 6, 6, 9)) == [
        FIRST,
        SECOND,
        SECOND,
        THIRD,
        THIRD,
        THIRD,
        THIRD,
        THIRD,
        None,
    ]


def test_a_level_of_zero_count_gives_nobody_that_level():
    rule = AwardRule(AwardMode.COUNTS, levels("0", "2"))
    assert rule.assign(field(3)) == [SECOND, SECOND, None]


# --- by shares -----------------------------------------------------------------------------


def test_default_rule_is_ten_twenty_thirty_percent():
    assert DEFAULT_AWARD_RULE.mode is AwardMode.SHARES
    assert [(lv.name, lv.value) for lv in DEFAULT_AWARD_RULE.levels] == [
        (FIRST, D("0.1")),
        (SECOND, D("0.2")),
        (THIRD, D("0.3")),
    ]
    assert DEFAULT_AWARD_RULE.min_score is None


def test_shares_of_ten():
    expected = [FIRST] + [SECOND] * 2 + [THIRD] * 3 + [None] * 4
    assert SHARES.assign(field(10)) == expected
    assert DEFAULT_AWARD_RULE.assign(field(10)) == expected


def test_shares_are_rounded_down():
    # 15 × 10 % = 1.5 → 1; 15 × 30 % = 4.5 → 4; 15 × 60 % = 9
    expected = [FIRST] + [SECOND] * 3 + [THIRD] * 5 + [None] * 6
    assert SHARES.assign(field(15)) == expected


def test_a_field_too_small_for_a_first_prize():
    # 9 × 10 % = 0.9 → no first prize; 9 × 30 % = 2.7 → 2; 9 × 60 % = 5.4 → 5
    assert SHARES.assign(field(9)) == [SECOND, SECOND, THIRD, THIRD, THIRD] + [None] * 4
    assert SHARES.assign(field(1)) == [None]


def test_shares_tie_at_the_cut():
    # field 10: first prize to rank ≤ 1, second ≤ 3, third ≤ 6
    ranks = (1, 2, 2, 2, 5, 6, 6, 8, 9, 10)
    assert SHARES.assign(placings(*ranks)) == [
        FIRST,
        SECOND,
        SECOND,
        SECOND,
        THIRD,
        THIRD,
        THIRD,
        None,
        None,
        None,
    ]


def test_shares_count_only_eligible_entries_in_the_field():
    # 20 ranked entries, the last incomplete: the field is 19, not 20, so
    # 1.9 → 1 first prize, 5.7 → 5 first-or-second, 11.4 → 11 awarded (not 2, 6, 12)
    ranked = field(20)
    ranked[19] = Placing(20, D(81), eligible=False)
    expected = [FIRST] + [SECOND] * 4 + [THIRD] * 6 + [None] * 9
    assert SHARES.assign(ranked) == expected


# --- by thresholds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "award"),
    [
        ("100", FIRST),
        ("90", FIRST),  # at the threshold
        ("89.99", SECOND),
        ("80", SECOND),
        ("79.999", THIRD),
        ("70", THIRD),
        ("69.5", None),
        ("0", None),
    ],
)
def test_thresholds(total: str, award: str | None):
    assert THRESHOLDS.assign([Placing(1, D(total))]) == [award]


def test_thresholds_in_any_order():
    rule = AwardRule(AwardMode.THRESHOLDS, levels("70", "90", "80"))
    # levels are named in the order given; the highest threshold reached wins
    assert rule.assign([Placing(1, D(95)), Placing(2, D(85)), Placing(3, D(72))]) == [
        SECOND,
        THIRD,
        FIRST,
    ]


def test_thresholds_ignore_ranks():
    ranked = [Placing(1, D(95)), Placing(2, D(91)), Placing(3, D(90)), Placing(4, D(50))]
    assert THRESHOLDS.assign(ranked) == [FIRST, FIRST, FIRST, None]


# --- min score and eligibility -------------------------------------------------------------


def test_min_score_withholds_an_award():
    rule = AwardRule(AwardMode.COUNTS, levels("1", "2", "3"), min_score=D(60))
    ranked = [Placing(1, D(88)), Placing(2, D(61)), Placing(3, D(60)), Placing(4, D("59.99"))]
    assert rule.assign(ranked) == [FIRST, SECOND, SECOND, None]


def test_min_score_with_shares():
    rule = AwardRule(AwardMode.SHARES, levels("0.1", "0.2", "0.3"), min_score=D(95))
    # field 10 (totals 100 … 91): third prizes would reach rank 6 (total 95)
    assert rule.assign(field(10)) == [FIRST, SECOND, SECOND, THIRD, THIRD, THIRD] + [None] * 4
    rule = AwardRule(AwardMode.SHARES, levels("0.1", "0.2", "0.3"), min_score=D("97.5"))
    assert rule.assign(field(10)) == [FIRST, SECOND, SECOND] + [None] * 7


def test_min_score_with_thresholds():
    rule = AwardRule(AwardMode.THRESHOLDS, levels("90", "80", "70"), min_score=D(75))
    assert rule.assign([Placing(1, D(91)), Placing(2, D(74)), Placing(3, D(76))]) == [
        FIRST,
        None,
        THIRD,
    ]


@pytest.mark.parametrize("rule", [COUNTS, SHARES, THRESHOLDS], ids=lambda r: r.mode.value)
def test_incomplete_entries_get_no_award(rule: AwardRule):
    ranked = [Placing(i + 1, D(100 - i), eligible=i != 0) for i in range(10)]
    awards = rule.assign(ranked)
    assert awards[0] is None
    assert any(a is not None for a in awards[1:])


def test_no_award_for_anybody_incomplete():
    ranked = [Placing(i + 1, D(100 - i), eligible=False) for i in range(5)]
    for rule in (COUNTS, SHARES, THRESHOLDS):
        assert rule.assign(ranked) == [None] * 5


# --- check ---------------------------------------------------------------------------------


def test_check_accepts_sensible_rules():
    for rule in (COUNTS, SHARES, THRESHOLDS, DEFAULT_AWARD_RULE):
        assert rule.check() is None
    assert AwardRule(AwardMode.SHARES, levels("0.5", "0.5")).check() is None  # exactly 100 %
    assert AwardRule(AwardMode.COUNTS, levels("5", "10")).check() is None


def test_check_refuses_shares_above_a_hundred_percent():
    with pytest.raises(UserError) as caught:
        AwardRule(AwardMode.SHARES, levels("0.3", "0.4", "0.31")).check()
    assert caught.value.msgid == "The award shares add up to more than 100 %"


@pytest.mark.parametrize("mode", list(AwardMode))
def test_check_refuses_a_negative_level(mode: AwardMode):
    with pytest.raises(UserError) as caught:
        AwardRule(mode, levels("1", "-1")).check()
    assert caught.value.msgid == "An award level has a negative value"


# --- properties ----------------------------------------------------------------------------

totals = st.lists(st.integers(min_value=0, max_value=40).map(lambda n: n * D("2.5")), max_size=40)
rules = st.sampled_from(
    [
        COUNTS,
        SHARES,
        THRESHOLDS,
        AwardRule(AwardMode.COUNTS, levels("1", "2", "3"), min_score=D(50)),
        AwardRule(AwardMode.SHARES, levels("0.15", "0.25", "0.35", "0.25"), min_score=D(30)),
    ]
)


def ranked_field(values: list[Decimal], eligible: list[bool]) -> list[Placing]:
    ordered = sorted(values, reverse=True)
    ranks = competition_ranks([-v for v in ordered])
    return [Placing(r, v, e) for r, v, e in zip(ranks, ordered, eligible, strict=False)]


@settings(max_examples=100)
@given(rules, totals, st.lists(st.booleans(), min_size=40, max_size=40))
def test_tied_entries_share_the_award_and_better_never_gets_less(rule, values, eligible):
    ranked = ranked_field(values, eligible)
    awards = rule.assign(ranked)
    order = {lv.name: i for i, lv in enumerate(rule.levels)}
    if rule.mode is AwardMode.THRESHOLDS:
        order = {lv.name: -lv.value for lv in rule.levels}
    for p, a in zip(ranked, awards, strict=True):
        if not p.eligible or (rule.min_score is not None and p.total < rule.min_score):
            assert a is None
    eligible_awarded = [
        (p, a) for p, a in zip(ranked, awards, strict=True) if p.eligible and a is not None
    ]
    for (p, a), (q, b) in itertools.pairwise(eligible_awarded):
        assert p.rank <= q.rank
        assert order[a] <= order[b]  # a better place never gets a lesser level
    for p, a in zip(ranked, awards, strict=True):
        for q, b in zip(ranked, awards, strict=True):
            if p.rank == q.rank and p.eligible and q.eligible:
                assert a == b


@settings(max_examples=100)
@given(st.integers(min_value=0, max_value=60))
def test_shares_award_the_floor_of_each_cumulative_share(n: int):
    awards = SHARES.assign(field(n))
    assert awards.count(FIRST) == math.floor(n * D("0.1"))
    assert awards.count(FIRST) + awards.count(SECOND) == math.floor(n * D("0.3"))
    assert len([a for a in awards if a]) == math.floor(n * D("0.6"))


def test_an_incomplete_entry_does_not_use_up_an_award() -> None:
    rule = AwardRule(
        AwardMode.COUNTS, (AwardLevel("一等奖", Decimal(1)), AwardLevel("二等奖", Decimal(1)))
    )
    placings = [
        Placing(1, Decimal(95), eligible=False),
        Placing(2, Decimal(90)),
        Placing(3, Decimal(85)),
        Placing(4, Decimal(80)),
    ]
    assert rule.assign(placings) == [None, "一等奖", "二等奖", None]
