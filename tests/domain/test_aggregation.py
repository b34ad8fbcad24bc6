"""aggregation.py: combining judges' marks for one criterion of one entry."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.aggregation import Aggregation, AggregationRule, MarkSummary
from contest_desk.errors import UserError

D = Decimal
PANEL_MSGID = (
    "Dropping the {k} highest and {k} lowest marks needs more than {n} judges; "
    "this panel has {judges}"
)


def marks(*values: str | int) -> list[Decimal]:
    return [D(v) for v in values]


MEAN = AggregationRule(Aggregation.MEAN)
MEDIAN = AggregationRule(Aggregation.MEDIAN)
SUM = AggregationRule(Aggregation.SUM)
TRIM0 = AggregationRule(Aggregation.TRIMMED_MEAN, 0)
TRIM1 = AggregationRule(Aggregation.TRIMMED_MEAN, 1)
TRIM2 = AggregationRule(Aggregation.TRIMMED_MEAN, 2)
TRIM3 = AggregationRule(Aggregation.TRIMMED_MEAN, 3)
ALL_RULES = [MEAN, MEDIAN, SUM, TRIM0, TRIM1, TRIM2, TRIM3]


# --- examples ------------------------------------------------------------------------------


def test_the_default_drops_the_highest_and_the_lowest():
    rule = AggregationRule()
    assert rule.method is Aggregation.TRIMMED_MEAN
    assert rule.trim == 1


@pytest.mark.parametrize(
    ("rule", "values", "expected"),
    [
        (MEAN, ("8", "9", "10"), D(9)),
        (MEAN, ("8", "9"), D("8.5")),  # a third judge has not marked: left out, not zero
        (MEAN, ("7.5",), D("7.5")),
        (MEAN, ("8", "9", "9"), D(26) / 3),  # unrounded
        (MEDIAN, ("7", "9", "8"), D(8)),  # odd count: the middle mark
        (MEDIAN, ("10", "1", "9", "2", "5"), D(5)),
        (MEDIAN, ("7", "10", "8", "9"), D("8.5")),  # even count: mean of the middle two
        (MEDIAN, ("8", "9"), D("8.5")),
        (MEDIAN, ("6.5",), D("6.5")),
        (SUM, ("8", "9", "9.5"), D("26.5")),
        (SUM, ("8", "9"), D(17)),
        (TRIM1, ("7", "8", "8.5", "9", "10"), D("8.5")),  # 去掉最高分和最低分
        (TRIM1, ("9", "9", "9"), D(9)),
        (TRIM1, ("1", "8", "10"), D(8)),
        (TRIM1, ("6", "7", "9", "10"), D(8)),
        (TRIM1, ("7", "8", "8", "9"), D(8)),
        (TRIM2, ("1", "7", "8", "9", "10", "10", "10"), D(9)),  # keeps 8, 9, 10
        (TRIM2, ("5", "6", "7", "8", "9"), D(7)),
        (TRIM2, ("2", "6", "7", "8", "9", "9.5"), D("7.5")),
        (TRIM0, ("8", "9"), D("8.5")),  # dropping nothing is the mean
    ],
)
def test_aggregate_examples(rule: AggregationRule, values: tuple[str, ...], expected: Decimal):
    assert rule.aggregate(marks(*values)) == expected


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: f"{r.method}-{r.trim}")
def test_no_marks_give_no_value(rule: AggregationRule):
    assert rule.aggregate([]) is None
    if rule.summarizable:
        assert rule.aggregate_summary(MarkSummary(D(0), 0, D(0), D(0))) is None


@pytest.mark.parametrize(
    ("rule", "values"),
    [
        (TRIM1, ("8",)),
        (TRIM1, ("8", "9")),
        (TRIM2, ("8", "9", "10")),
        (TRIM2, ("7", "8", "9", "10")),
        (TRIM3, ("1", "2", "3", "4", "5", "6")),
    ],
)
def test_trimmed_mean_gives_no_value_from_too_few_marks(
    rule: AggregationRule, values: tuple[str, ...]
):
    assert rule.aggregate(marks(*values)) is None


def test_a_missing_mark_is_never_counted_as_zero():
    # A three-judge panel where one judge has not marked yet.
    assert MEAN.aggregate(marks(8, 9)) == D("8.5")
    assert MEAN.aggregate(marks(8, 9)) != D(17) / 3
    assert MEDIAN.aggregate(marks(8, 9)) == D("8.5")
    assert SUM.aggregate(marks(8, 9)) == D(17)


# --- check_panel ---------------------------------------------------------------------------


@pytest.mark.parametrize(("trim", "judges"), [(1, 0), (1, 1), (1, 2), (2, 3), (2, 4), (3, 6)])
def test_check_panel_refuses_a_panel_too_small_to_trim(trim: int, judges: int):
    rule = AggregationRule(Aggregation.TRIMMED_MEAN, trim)
    with pytest.raises(UserError) as caught:
        rule.check_panel(judges)
    err = caught.value
    assert err.msgid == PANEL_MSGID
    assert err.params == {"k": trim, "n": 2 * trim, "judges": judges}
    text = str(err)
    assert str(2 * trim) in text
    assert str(judges) in text


@pytest.mark.parametrize(("trim", "judges"), [(1, 3), (1, 5), (2, 5), (2, 9), (3, 7), (0, 1)])
def test_check_panel_accepts_more_than_2k_judges(trim: int, judges: int):
    assert AggregationRule(Aggregation.TRIMMED_MEAN, trim).check_panel(judges) is None


@pytest.mark.parametrize("method", [Aggregation.MEAN, Aggregation.MEDIAN, Aggregation.SUM])
@pytest.mark.parametrize("judges", [1, 2])
def test_check_panel_accepts_any_panel_for_other_methods(method: Aggregation, judges: int):
    assert AggregationRule(method, trim=1).check_panel(judges) is None


# --- summaries -----------------------------------------------------------------------------


def test_mark_summary_of():
    s = MarkSummary.of(marks("8", "9.5", "7", "9"))
    assert s == MarkSummary(D("33.5"), 4, D(7), D("9.5"))


@pytest.mark.parametrize(
    ("rule", "expected"),
    [(MEAN, True), (SUM, True), (TRIM0, True), (TRIM1, True), (MEDIAN, False), (TRIM2, False)],
)
def test_summarizable(rule: AggregationRule, expected: bool):
    assert rule.summarizable is expected


@pytest.mark.parametrize(
    ("rule", "expected"), [(MEAN, D(8)), (SUM, D(32)), (TRIM0, D(8)), (TRIM1, D("7.75"))]
)
def test_aggregate_summary_examples(rule: AggregationRule, expected: Decimal):
    # marks 6, 7.5, 8, 10.5 summarized
    assert rule.aggregate_summary(MarkSummary(D(32), 4, D(6), D("10.5"))) == expected


def test_trimmed_summary_of_two_marks_gives_no_value():
    assert TRIM1.aggregate_summary(MarkSummary(D(17), 2, D(8), D(9))) is None


@pytest.mark.parametrize("rule", [MEDIAN, TRIM2, TRIM3])
def test_aggregate_summary_refuses_rules_that_need_every_mark(rule: AggregationRule):
    with pytest.raises(ValueError, match="needs every mark"):
        rule.aggregate_summary(MarkSummary(D(27), 3, D(8), D(10)))


# --- properties ----------------------------------------------------------------------------

half_steps = st.integers(min_value=0, max_value=20).map(lambda n: n * D("0.5"))
tenths = st.decimals(min_value=0, max_value=10, places=1)
mark = st.one_of(half_steps, tenths)
mark_lists = st.lists(mark, min_size=1, max_size=9)
rules = st.sampled_from(ALL_RULES)


@settings(max_examples=100)
@given(rules, mark_lists, st.randoms(use_true_random=False))
def test_the_order_of_the_marks_does_not_matter(rule: AggregationRule, values, rnd):
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert rule.aggregate(shuffled) == rule.aggregate(values)
    assert rule.aggregate(sorted(values, reverse=True)) == rule.aggregate(values)


@settings(max_examples=100)
@given(st.sampled_from([MEAN, MEDIAN, TRIM0, TRIM1, TRIM2, TRIM3]), mark_lists)
def test_averages_lie_between_the_lowest_and_highest_mark(rule: AggregationRule, values):
    result = rule.aggregate(values)
    if rule.method is Aggregation.TRIMMED_MEAN and len(values) <= 2 * rule.trim:
        assert result is None
    else:
        assert result is not None
        assert min(values) <= result <= max(values)


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=3), st.data())
def test_trimmed_mean_lies_between_the_kept_marks(k: int, data):
    values = data.draw(st.lists(mark, min_size=2 * k + 1, max_size=2 * k + 7))
    result = AggregationRule(Aggregation.TRIMMED_MEAN, k).aggregate(values)
    kept = sorted(values)[k : len(values) - k]
    assert result is not None
    assert min(values) <= min(kept) <= result <= max(kept) <= max(values)
    # Raising the single highest mark does not move a trimmed mean.
    raised = sorted(values)
    raised[-1] += 100
    assert AggregationRule(Aggregation.TRIMMED_MEAN, k).aggregate(raised) == result


@settings(max_examples=100)
@given(mark_lists)
def test_sum_and_mean(values):
    total = sum(values, D(0))
    assert SUM.aggregate(values) == total
    assert MEAN.aggregate(values) == total / len(values)
    assert TRIM0.aggregate(values) == MEAN.aggregate(values)


@settings(max_examples=100)
@given(mark_lists, mark)
def test_identical_marks_aggregate_to_that_mark(values, value):
    same = [value] * len(values)
    for rule in (MEAN, MEDIAN, TRIM0):
        assert rule.aggregate(same) == value
    if len(same) > 2:
        assert TRIM1.aggregate(same) == value


@settings(max_examples=100)
@given(st.sampled_from([r for r in ALL_RULES if r.summarizable]), mark_lists)
def test_a_summary_gives_the_same_value_as_the_marks(rule: AggregationRule, values):
    assert rule.aggregate_summary(MarkSummary.of(values)) == rule.aggregate(values)
