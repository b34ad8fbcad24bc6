"""scoring.py: criteria → part → round → event totals, weights and completeness."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.aggregation import Aggregation, AggregationRule, MarkSummary
from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
)
from contest_desk.domain.scoring import Part, RoundSpec, ScoringScheme, score_entry

D = Decimal
MEAN = AggregationRule(Aggregation.MEAN)
J, M, X = CriterionKind.JUDGEMENT, CriterionKind.MEASUREMENT, CriterionKind.DEDUCTION


def leaf(code: str, kind=J, max_points: str = "10", weight: str = "1", rule=None) -> Criterion:
    step = D("0.5") if kind is J else D("0.001") if kind is M else D(1)
    return Criterion(code, code, kind, D(max_points), step, D(weight), rule)


def group(code: str, *children: Criterion, weight: str = "1") -> Criterion:
    return Criterion(code, code, None, weight=D(weight), children=children)


def ms(*values: str | int) -> list[Decimal]:
    return [D(v) for v in values]


def one_part(*criteria: Criterion, aggregation: AggregationRule = MEAN) -> ScoringScheme:
    return ScoringScheme(
        (Part("实操", D(1), Rubric(criteria)),), (RoundSpec(1, "决赛"),), aggregation
    )


# --- a single part -------------------------------------------------------------------------


def test_a_judge_who_has_not_marked_is_left_out_and_the_entry_is_incomplete():
    scheme = one_part(leaf("A"))
    result = score_entry(scheme, 7, {(1, "A"): ms(8, 9)}, {1: 3})
    assert result.entry_id == 7
    assert result.criterion_points == {"A": D("8.5")}
    assert result.total == D("8.5")
    assert result.missing == 1
    assert not result.complete


def test_a_full_panel_is_complete():
    scheme = one_part(leaf("A"), leaf("B"))
    marks = {(1, "A"): ms(8, 9, 10), (1, "B"): ms("6.5", 7, "7.5")}
    result = score_entry(scheme, 1, marks, {1: 3})
    assert result.criterion_points == {"A": D(9), "B": D(7)}
    assert result.total == D(16)
    assert result.round_totals == {1: D(16)}
    assert result.part_totals == {"实操": D(16)}
    assert result.missing == 0
    assert result.complete


def test_default_trimmed_mean_of_five_judges():
    scheme = one_part(leaf("A"), aggregation=AggregationRule())
    result = score_entry(scheme, 1, {(1, "A"): ms(7, 8, "8.5", 9, 10)}, {1: 5})
    assert result.total == D("8.5")
    assert result.complete


def test_trimmed_mean_without_enough_marks_counts_nothing_yet():
    scheme = one_part(leaf("A"), leaf("B"), aggregation=AggregationRule())
    marks = {(1, "A"): ms(8, 9), (1, "B"): ms(6, 7, 9)}
    result = score_entry(scheme, 1, marks, {1: 3})
    assert result.criterion_points == {"A": D(0), "B": D(7)}
    assert result.total == D(7)
    assert result.missing == 1


def test_a_criterion_with_no_marks_is_missing_a_whole_panel():
    scheme = one_part(leaf("A"), leaf("B"))
    result = score_entry(scheme, 1, {(1, "A"): ms(8, 8, 8, 8, 8)}, {1: 5})
    assert result.missing == 5
    assert result.criterion_points == {"A": D(8), "B": D(0)}
    assert result.total == D(8)


def test_no_marks_at_all():
    scheme = one_part(leaf("A"), leaf("B"), leaf("M", M))
    result = score_entry(scheme, 3, {}, {1: 3})
    assert result.total == D(0)
    assert result.missing == 3 + 3 + 1
    assert result.criterion_points == {"A": D(0), "B": D(0), "M": D(0)}


def test_totals_stay_unrounded():
    scheme = one_part(leaf("A"))
    result = score_entry(scheme, 1, {(1, "A"): ms(8, 9, 9)}, {1: 3})
    assert result.total == D(26) / 3
    assert result.total != D("8.67")


def test_marks_of_another_round_are_ignored():
    scheme = one_part(leaf("A"))
    result = score_entry(scheme, 1, {(2, "A"): ms(9, 9, 9), (1, "A"): ms(5, 5, 5)}, {1: 3})
    assert result.total == D(5)


def test_a_summary_scores_like_the_marks_it_summarizes():
    scheme = one_part(leaf("A"), leaf("B", M), aggregation=AggregationRule())
    values = ms(7, 8, "8.5", 9, 10)
    from_marks = score_entry(scheme, 1, {(1, "A"): values, (1, "B"): ms(6)}, {1: 5})
    summaries = {(1, "A"): MarkSummary.of(values), (1, "B"): MarkSummary.of(ms(6))}
    from_summary = score_entry(scheme, 1, summaries, {1: 5})
    assert from_summary == from_marks
    assert from_summary.total == D("14.5")


def test_a_summary_with_too_few_marks_counts_as_missing():
    scheme = one_part(leaf("A"))
    result = score_entry(scheme, 1, {(1, "A"): MarkSummary.of(ms(8, 9))}, {1: 3})
    assert result.total == D("8.5")
    assert result.missing == 1


# --- measurement and deduction -------------------------------------------------------------

LINEAR = MeasurementRule(MeasurementMode.LINEAR, D("10.00"), D("0.02"), D("0.5"), D("0.01"))


def test_a_measurement_is_entered_once_and_converted_by_its_rule():
    scheme = one_part(leaf("A"), leaf("M", M, max_points="5", rule=LINEAR))
    marks = {(1, "A"): ms(8, 8, 8), (1, "M"): ms("10.031")}
    result = score_entry(scheme, 1, marks, {1: 3})
    assert result.criterion_points == {"A": D(8), "M": D(4)}
    assert result.total == D(12)
    assert result.missing == 0  # one value suffices, whatever the panel


def test_a_direct_measurement_is_capped_at_its_max():
    scheme = one_part(leaf("T", M, max_points="100"))
    assert score_entry(scheme, 1, {(1, "T"): ms(87)}, {1: 5}).total == D(87)
    assert score_entry(scheme, 1, {(1, "T"): ms(120)}, {1: 5}).total == D(100)


def test_a_missing_measurement_counts_one_missing_value():
    scheme = one_part(leaf("A"), leaf("M", M, rule=LINEAR))
    result = score_entry(scheme, 1, {(1, "A"): ms(8, 8, 8)}, {1: 3})
    assert result.missing == 1
    assert result.total == D(8)


def test_an_objective_value_entered_twice_keeps_the_last():
    scheme = one_part(leaf("T", M, max_points="100"))
    result = score_entry(scheme, 1, {(1, "T"): ms(70, 85)}, {1: 3})
    assert result.total == D(85)
    assert result.missing == 0


def test_a_deduction_is_subtracted():
    scheme = one_part(leaf("A"), leaf("B"), leaf("X", X, max_points="5"))
    marks = {(1, "A"): ms(8, 8, 8), (1, "B"): ms(9, 9, 9), (1, "X"): ms(2)}
    result = score_entry(scheme, 1, marks, {1: 3})
    assert result.total == D(15)
    assert result.criterion_points["X"] == D(-2)
    assert result.part_totals == {"实操": D(15)}


def test_an_absent_deduction_is_not_missing():
    scheme = one_part(leaf("A"), leaf("X", X, max_points="5"))
    result = score_entry(scheme, 1, {(1, "A"): ms(8, 8, 8)}, {1: 3})
    assert result.complete
    assert result.total == D(8)
    assert result.criterion_points["X"] == D(0)


def test_a_part_never_goes_below_zero():
    scheme = one_part(leaf("A"), leaf("X", X, max_points="10"), leaf("Y", X, max_points="10"))
    marks = {(1, "A"): ms(3, 3, 3), (1, "X"): ms(5), (1, "Y"): ms(4)}
    result = score_entry(scheme, 1, marks, {1: 3})
    assert result.part_totals == {"实操": D(0)}
    assert result.total == D(0)
    assert result.criterion_points == {"A": D(3), "X": D(-5), "Y": D(-4)}


def test_a_deduction_in_one_part_does_not_reach_another():
    scheme = ScoringScheme(
        (
            Part("理论", D("0.3"), Rubric((leaf("T", M, max_points="100"),))),
            Part("实操", D("0.7"), Rubric((leaf("A"), leaf("X", X)))),
        ),
        (RoundSpec(1, "决赛"),),
        MEAN,
    )
    marks = {(1, "T"): ms(90), (1, "A"): ms(2, 2, 2), (1, "X"): ms(6)}
    result = score_entry(scheme, 1, marks, {1: 3})
    assert result.part_totals == {"理论": D(90), "实操": D(0)}
    assert result.total == D(27)


# --- weights: criteria tree, parts, rounds -------------------------------------------------


def test_group_and_leaf_weights():
    scheme = one_part(
        leaf("A", weight="1"),
        group("G", leaf("G1", weight="1"), leaf("G2", weight="0.5"), weight="2"),
        group("H", group("H1", leaf("H11", weight="3"), weight="0.5")),
    )
    marks = {
        (1, "A"): ms(6, 6),
        (1, "G1"): ms(8, 8),
        (1, "G2"): ms(4, 4),
        (1, "H11"): ms(2, 2),
    }
    result = score_entry(scheme, 1, marks, {1: 2})
    # 6 + 2 × (8 + 0.5 × 4) + 1 × 0.5 × 3 × 2
    assert result.total == D(29)
    # criterion points are the criterion's own, before weights
    assert result.criterion_points == {"A": D(6), "G1": D(8), "G2": D(4), "H11": D(2)}


def test_a_deduction_inside_a_weighted_group():
    scheme = one_part(group("G", leaf("G1"), leaf("GX", X), weight="2"))
    result = score_entry(scheme, 1, {(1, "G1"): ms(8), (1, "GX"): ms(1)}, {1: 1})
    assert result.total == D(14)  # 2 × (8 − 1)


def theory_and_practical() -> ScoringScheme:
    theory = Rubric((leaf("T", M, max_points="100"),))
    practical = Rubric((leaf("P1", max_points="50"), leaf("P2", max_points="50")))
    return ScoringScheme(
        (Part("理论", D("0.3"), theory), Part("实操", D("0.7"), practical)),
        (RoundSpec(1, "决赛"),),
        MEAN,
    )


def test_theory_thirty_practical_seventy():
    marks = {(1, "T"): ms(80), (1, "P1"): ms(40, 42, 44), (1, "P2"): ms("45.5", "44.5", 45)}
    result = score_entry(theory_and_practical(), 9, marks, {1: 3})
    assert result.part_totals == {"理论": D(80), "实操": D(87)}
    assert result.round_totals == {1: D("84.9")}
    assert result.total == D("84.9")  # 0.3 × 80 + 0.7 × 87
    assert result.complete


def two_rounds() -> ScoringScheme:
    rubric = Rubric((leaf("A"), leaf("B")))
    return ScoringScheme(
        (
            Part("理论", D("0.3"), Rubric((leaf("T", M, max_points="100"),))),
            Part("实操", D("0.7"), rubric),
        ),
        (RoundSpec(1, "初赛", D("0.4")), RoundSpec(2, "决赛", D("0.6"))),
        MEAN,
    )


TWO_ROUND_MARKS = {
    (1, "T"): ms(60),
    (1, "A"): ms(8, 8),
    (1, "B"): ms(6, 6),
    (2, "T"): ms(90),
    (2, "A"): ms(10, 9),
    (2, "B"): ms(7, 8),
}


def test_rounds_are_weighted():
    result = score_entry(two_rounds(), 1, TWO_ROUND_MARKS, {1: 2, 2: 2})
    # round 1: 0.3 × 60 + 0.7 × 14 = 27.8; round 2: 0.3 × 90 + 0.7 × 17 = 38.9
    assert result.round_totals == {1: D("27.8"), 2: D("38.9")}
    assert result.total == D("0.4") * D("27.8") + D("0.6") * D("38.9")
    assert result.total == D("34.46")
    # a part's total over the event is weighted by the rounds
    assert result.part_totals == {"理论": D(78), "实操": D("15.8")}
    assert result.criterion_points == {"T": D(78), "A": D("8.9"), "B": D("6.9")}
    assert result.complete


def test_missing_marks_are_counted_per_round():
    marks = dict(TWO_ROUND_MARKS)
    del marks[(2, "A")]
    marks[(1, "B")] = ms(6)
    result = score_entry(two_rounds(), 1, marks, {1: 2, 2: 3})
    # round 1: B lacks 1; round 2: A lacks 3, B lacks 1
    assert result.missing == 5


def test_for_round_scores_one_round_at_full_weight():
    scheme = two_rounds()
    only_final = scheme.for_round(2)
    assert only_final.rounds == (RoundSpec(2, "决赛", D(1)),)
    assert only_final.parts == scheme.parts
    assert only_final.aggregation == scheme.aggregation
    result = score_entry(only_final, 1, TWO_ROUND_MARKS, {1: 2, 2: 2})
    assert result.total == D("38.9")
    assert result.round_totals == {2: D("38.9")}


def test_criteria_lists_every_leaf_of_every_part():
    scheme = theory_and_practical()
    assert list(scheme.criteria) == ["T", "P1", "P2"]
    assert scheme.criteria["P1"].max_points == D(50)


# --- properties ----------------------------------------------------------------------------

mark = st.integers(min_value=0, max_value=20).map(lambda n: n * D("0.5"))
weight = st.integers(min_value=1, max_value=100).map(lambda n: n * D("0.01"))
# Exact aggregations only, so that sums can be compared to the last digit.
exact_rules = st.sampled_from(
    [AggregationRule(Aggregation.SUM), AggregationRule(Aggregation.MEDIAN)]
)


@st.composite
def schemes_and_marks(draw):
    n_parts = draw(st.integers(min_value=1, max_value=3))
    n_rounds = draw(st.integers(min_value=1, max_value=3))
    parts = []
    for p in range(n_parts):
        criteria = []
        for c in range(draw(st.integers(min_value=1, max_value=3))):
            kind = draw(st.sampled_from([J, J, M, X]))
            criteria.append(leaf(f"P{p}C{c}", kind, weight=str(draw(weight))))
        if draw(st.booleans()):
            criteria = [group(f"P{p}G", *criteria, weight=str(draw(weight)))]
        parts.append(Part(f"part{p}", draw(weight), Rubric(tuple(criteria))))
    rounds = tuple(RoundSpec(r + 1, f"round{r + 1}", draw(weight)) for r in range(n_rounds))
    scheme = ScoringScheme(tuple(parts), rounds, draw(exact_rules))
    panels = {r.number: draw(st.integers(min_value=1, max_value=5)) for r in rounds}
    marks = {}
    for r in rounds:
        for code, c in scheme.criteria.items():
            size = 1 if c.objective else panels[r.number]
            marks[(r.number, code)] = draw(st.lists(mark, min_size=0, max_size=size))
    return scheme, marks, panels


@settings(max_examples=100)
@given(schemes_and_marks())
def test_the_event_total_is_the_weighted_sum_of_rounds_and_of_parts(case):
    scheme, marks, panels = case
    result = score_entry(scheme, 1, marks, panels)
    by_rounds = sum((r.weight * result.round_totals[r.number] for r in scheme.rounds), D(0))
    by_parts = sum((p.weight * result.part_totals[p.name] for p in scheme.parts), D(0))
    assert result.total == by_rounds
    assert result.total == by_parts
    for r in scheme.rounds:
        alone = score_entry(scheme.for_round(r.number), 1, marks, panels)
        weighted_parts = sum((p.weight * alone.part_totals[p.name] for p in scheme.parts), D(0))
        assert alone.total == result.round_totals[r.number] == weighted_parts
        assert all(v >= 0 for v in alone.part_totals.values())
    per_round = [score_entry(scheme.for_round(r.number), 1, marks, panels) for r in scheme.rounds]
    assert result.missing == sum(x.missing for x in per_round)
    for p in scheme.parts:
        expected = sum(
            (
                r.weight * x.part_totals[p.name]
                for r, x in zip(scheme.rounds, per_round, strict=True)
            ),
            D(0),
        )
        assert result.part_totals[p.name] == expected


@settings(max_examples=100)
@given(schemes_and_marks())
def test_totals_lie_between_zero_and_the_best_possible(case):
    scheme, marks, panels = case
    result = score_entry(scheme, 1, marks, panels)
    # SUM adds up to a panel's worth of maxima; scale the bound accordingly.
    most = max(panels.values())
    best = sum(
        (
            r.weight * p.weight * p.rubric.max_total() * most
            for r in scheme.rounds
            for p in scheme.parts
        ),
        D(0),
    )
    assert D(0) <= result.total <= best


@settings(max_examples=100)
@given(schemes_and_marks(), st.randoms(use_true_random=False))
def test_the_order_of_the_judges_marks_does_not_matter(case, rnd):
    scheme, marks, panels = case
    shuffled = {}
    for key, values in marks.items():
        values = list(values)
        rnd.shuffle(values)
        shuffled[key] = values
    # objective criteria keep one value, so shuffling them changes nothing
    assert score_entry(scheme, 1, shuffled, panels) == score_entry(scheme, 1, marks, panels)


@settings(max_examples=100)
@given(
    st.lists(st.lists(mark, min_size=0, max_size=5), min_size=1, max_size=4),
    st.lists(weight, min_size=4, max_size=4),
    st.sampled_from(
        [
            AggregationRule(Aggregation.MEAN),
            AggregationRule(Aggregation.MEDIAN),
            AggregationRule(Aggregation.SUM),
            AggregationRule(Aggregation.TRIMMED_MEAN, 1),
            AggregationRule(Aggregation.TRIMMED_MEAN, 2),
        ]
    ),
)
def test_a_judged_part_is_the_weighted_sum_of_its_aggregated_criteria(per_criterion, weights, rule):
    criteria = tuple(
        leaf(f"C{i}", weight=str(w))
        for i, w in zip(range(len(per_criterion)), weights, strict=False)
    )
    scheme = one_part(*criteria, aggregation=rule)
    marks = {(1, c.code): values for c, values in zip(criteria, per_criterion, strict=True)}
    result = score_entry(scheme, 1, marks, {1: 5})
    expected = D(0)
    for c, values in zip(criteria, per_criterion, strict=True):
        value = rule.aggregate(values)
        expected += c.weight * (value if value is not None else D(0))
        assert result.criterion_points[c.code] == (value if value is not None else D(0))
    assert result.total == expected
    assert result.missing == sum(max(5 - len(v), 0) for v in per_criterion)
