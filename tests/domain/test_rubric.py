"""rubric.py: criterion kinds, measurement rules, value checks and rubric problems."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
    RubricProblem,
    iter_leaves,
    rubric_problems,
)
from contest_desk.errors import UserError

D = Decimal
OUTSIDE = "{value} is outside 0–{max} for {code}"
OFF_STEP = "{value} is not a multiple of the step {step} for {code}"


def judged(code: str = "A1", max_points: str = "10", step: str = "0.5", **kw) -> Criterion:
    return Criterion(code, f"name {code}", CriterionKind.JUDGEMENT, D(max_points), D(step), **kw)


def measured(rule: MeasurementRule | None, code: str = "M1", max_points: str = "10") -> Criterion:
    return Criterion(code, "measured", CriterionKind.MEASUREMENT, D(max_points), rule=rule)


def deduction(code: str = "X1", max_points: str = "5", step: str = "1") -> Criterion:
    return Criterion(code, "safety", CriterionKind.DEDUCTION, D(max_points), D(step))


def group(code: str, *children: Criterion, weight: str = "1", kind=None) -> Criterion:
    return Criterion(code, f"group {code}", kind, weight=D(weight), children=children)


# --- MeasurementRule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7.5", "7.5"), ("0", "0"), ("10", "10"), ("-1", "0"), ("12", "10"), ("9.999", "9.999")],
)
def test_direct_measurement_is_the_value_clamped_to_the_range(value: str, expected: str):
    rule = MeasurementRule(MeasurementMode.DIRECT)
    assert rule.points(D(value), D(10)) == D(expected)


def test_default_rule_is_direct():
    assert MeasurementRule().mode is MeasurementMode.DIRECT
    assert MeasurementRule().points(D("6.5"), D(10)) == D("6.5")


PASS_FAIL = MeasurementRule(MeasurementMode.PASS_FAIL, target=D(50), tolerance=D("0.5"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("50", "8"),  # on target
        ("50.5", "8"),  # at the tolerance above
        ("49.5", "8"),  # at the tolerance below
        ("50.501", "0"),  # just beyond
        ("49.499", "0"),
        ("60", "0"),
    ],
)
def test_pass_fail_measurement(value: str, expected: str):
    assert PASS_FAIL.points(D(value), D(8)) == D(expected)


def test_pass_fail_with_zero_tolerance_needs_the_exact_target():
    rule = MeasurementRule(MeasurementMode.PASS_FAIL, target=D("12.5"))
    assert rule.points(D("12.5"), D(4)) == D(4)
    assert rule.points(D("12.501"), D(4)) == D(0)


# Target 10.00 mm ± 0.02; every started 0.01 mm beyond the tolerance costs 0.5 points.
LINEAR = MeasurementRule(
    MeasurementMode.LINEAR,
    target=D("10.00"),
    tolerance=D("0.02"),
    deduction_per_unit=D("0.5"),
    unit=D("0.01"),
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10.00", "5"),  # on target
        ("10.02", "5"),  # at the tolerance: full points
        ("9.98", "5"),
        ("10.021", "4.5"),  # just beyond: one unit started
        ("9.979", "4.5"),
        ("10.03", "4.5"),  # exactly one unit beyond
        ("10.031", "4.0"),  # a second unit started
        ("10.04", "4.0"),
        ("10.065", "2.5"),  # 0.045 beyond → 5 started units
        ("10.12", "0"),  # 10 units: exactly all points lost
        ("10.5", "0"),  # far beyond: floored at 0, never negative
        ("0", "0"),
    ],
)
def test_linear_measurement(value: str, expected: str):
    assert LINEAR.points(D(value), D(5)) == D(expected)


@settings(max_examples=100)
@given(
    st.decimals(min_value=-100, max_value=100, places=3),
    st.sampled_from(list(MeasurementMode)),
    st.decimals(min_value=0, max_value=2, places=2),
    st.decimals(min_value=0, max_value=3, places=1),
    st.sampled_from([D("0.01"), D("0.1"), D(1)]),
    st.integers(min_value=1, max_value=40).map(lambda n: n * D("0.5")),
)
def test_measurement_points_stay_within_zero_and_max(
    value: Decimal,
    mode: MeasurementMode,
    tolerance: Decimal,
    per_unit: Decimal,
    unit: Decimal,
    max_points: Decimal,
):
    rule = MeasurementRule(mode, D(0), tolerance, per_unit, unit)
    points = rule.points(value, max_points)
    assert D(0) <= points <= max_points


@settings(max_examples=100)
@given(
    st.decimals(min_value=0, max_value=5, places=3),
    st.decimals(min_value=0, max_value=5, places=3),
    st.booleans(),
)
def test_linear_points_never_rise_as_the_deviation_grows(a: Decimal, b: Decimal, below: bool):
    near, far = sorted((a, b))
    sign = -1 if below else 1
    near_points = LINEAR.points(LINEAR.target + sign * near, D(5))
    far_points = LINEAR.points(LINEAR.target + sign * far, D(5))
    assert far_points <= near_points
    # symmetric around the target
    assert LINEAR.points(LINEAR.target - sign * far, D(5)) == far_points


# --- Criterion -----------------------------------------------------------------------------


def test_criterion_defaults():
    c = Criterion("A1", "操作规范")
    assert c.kind is CriterionKind.JUDGEMENT
    assert c.max_points == D(10)
    assert c.step == D("0.5")
    assert c.weight == D(1)
    assert c.is_leaf
    assert not c.objective


def test_objective_kinds():
    assert measured(None).objective
    assert deduction().objective
    assert not judged().objective


def test_a_group_is_not_a_leaf():
    g = group("G", judged("A1"))
    assert not g.is_leaf
    assert judged().is_leaf


@pytest.mark.parametrize("value", ["0", "0.5", "8.5", "10", "9.5"])
def test_judgement_accepts_values_on_step_within_range(value: str):
    assert judged().check_value(D(value)) is None


@pytest.mark.parametrize("value", ["-0.5", "10.5", "11", "-1"])
def test_judgement_refuses_values_outside_the_range(value: str):
    with pytest.raises(UserError) as caught:
        judged("A1").check_value(D(value))
    err = caught.value
    assert err.msgid == OUTSIDE
    assert err.params == {"value": D(value), "max": D(10), "code": "A1"}
    assert "A1" in str(err)
    assert value in str(err)


@pytest.mark.parametrize("value", ["8.3", "0.25", "9.75", "1.001"])
def test_judgement_refuses_values_off_the_step(value: str):
    with pytest.raises(UserError) as caught:
        judged("A1").check_value(D(value))
    err = caught.value
    assert err.msgid == OFF_STEP
    assert err.params == {"value": D(value), "step": D("0.5"), "code": "A1"}
    assert "0.5" in str(err)
    assert "A1" in str(err)


def test_judgement_with_a_quarter_step():
    c = judged("A2", max_points="3", step="0.25")
    c.check_value(D("2.75"))
    with pytest.raises(UserError) as caught:
        c.check_value(D("2.7"))
    assert caught.value.msgid == OFF_STEP
    with pytest.raises(UserError) as caught:
        c.check_value(D("3.25"))
    assert caught.value.msgid == OUTSIDE


@pytest.mark.parametrize("value", ["0", "1", "5"])
def test_deduction_accepts_values_within_range(value: str):
    assert deduction().check_value(D(value)) is None


@pytest.mark.parametrize(("value", "msgid"), [("6", OUTSIDE), ("-1", OUTSIDE), ("1.5", OFF_STEP)])
def test_deduction_refuses_bad_values(value: str, msgid: str):
    with pytest.raises(UserError) as caught:
        deduction("X1").check_value(D(value))
    assert caught.value.msgid == msgid
    assert caught.value.params["code"] == "X1"


@pytest.mark.parametrize("value", ["-3", "0", "1000.123", "10.021"])
def test_measurement_accepts_any_value(value: str):
    assert measured(LINEAR).check_value(D(value)) is None


def test_a_group_refuses_a_value():
    g = group("G1", judged("A1"))
    with pytest.raises(UserError) as caught:
        g.check_value(D(5))
    assert caught.value.msgid == "{code} is a group; score its sub-criteria"
    assert caught.value.params == {"code": "G1"}


def test_points_of_judgement_and_deduction_are_the_value():
    assert judged().points(D("8.5")) == D("8.5")
    assert judged().points(D(26) / 3) == D(26) / 3
    # deduction points are positive here; the part total subtracts them
    assert deduction().points(D(2)) == D(2)


def test_points_of_a_measurement_use_its_rule():
    assert measured(LINEAR, max_points="5").points(D("10.031")) == D(4)
    assert measured(PASS_FAIL, max_points="8").points(D("51")) == D(0)


def test_points_of_a_measurement_without_a_rule_are_direct():
    c = measured(None, max_points="100")
    assert c.points(D("87.5")) == D("87.5")
    assert c.points(D("120")) == D(100)
    assert c.points(D("-5")) == D(0)


# --- Rubric --------------------------------------------------------------------------------


def test_leaves_are_listed_depth_first_in_order():
    tree = (
        judged("A"),
        group("G", judged("G1"), group("H", judged("H1"), judged("H2")), judged("G2")),
        deduction("X"),
    )
    assert [c.code for c in Rubric(tree).leaves()] == ["A", "G1", "H1", "H2", "G2", "X"]
    assert [c.code for c in iter_leaves(tree)] == ["A", "G1", "H1", "H2", "G2", "X"]


def test_max_total_weights_groups_and_leaves_and_ignores_deductions():
    tree = (
        judged("A", max_points="10"),
        group(
            "G",
            judged("G1", max_points="20"),
            judged("G2", max_points="10", weight=D("0.5")),
            deduction("GX", max_points="5"),
            weight="2",
        ),
        measured(LINEAR, code="M", max_points="5"),
        deduction("X", max_points="10"),
    )
    # 10 + 2 × (20 + 0.5 × 10) + 5
    assert Rubric(tree).max_total() == D(65)


def test_max_total_of_an_empty_rubric_is_zero():
    assert Rubric(()).max_total() == D(0)


# --- rubric_problems -----------------------------------------------------------------------


def where(problems: list[RubricProblem]) -> list[tuple[str, str]]:
    return [(p.code, p.field) for p in problems]


def test_a_sound_rubric_has_no_problems():
    tree = (
        group(
            "G",  # a group without a kind is fine
            judged("G1"),
            group("H", judged("H1", max_points="3", step="0.25"), weight="0.5"),
        ),
        group("K", judged("K1"), kind=CriterionKind.JUDGEMENT),  # so is a group with one
        measured(LINEAR, code="M1", max_points="5"),
        measured(None, code="M2", max_points="100"),
        deduction("X1"),
    )
    assert rubric_problems(tree) == []


def test_an_empty_rubric_is_a_problem():
    problems = rubric_problems(())
    assert where(problems) == [("", "criteria")]
    assert problems[0].error.msgid == "The rubric has no criteria"


def test_duplicate_codes_are_flagged_once_per_repeat():
    tree = (judged("A1"), group("G", judged("A1"), judged("B1")), judged("B1"))
    assert where(rubric_problems(tree)) == [("A1", "code"), ("B1", "code")]


def test_a_child_reusing_its_group_code_is_a_duplicate():
    assert where(rubric_problems((group("G", judged("G")),))) == [("G", "code")]


@pytest.mark.parametrize("code", ["", "  "])
def test_an_empty_code_is_flagged(code: str):
    assert where(rubric_problems((judged(code),))) == [(code, "code")]


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_flagged(name: str):
    c = Criterion("A1", name)
    assert where(rubric_problems((c,))) == [("A1", "name")]


def test_an_empty_group_name_is_flagged():
    g = Criterion("G", "", None, children=(judged("G1"),))
    assert where(rubric_problems((g,))) == [("G", "name")]


@pytest.mark.parametrize("weight", ["0", "-1"])
def test_a_weight_not_above_zero_is_flagged(weight: str):
    assert where(rubric_problems((judged("A1", weight=D(weight)),))) == [("A1", "weight")]
    g = group("G", judged("G1"), weight=weight)
    assert where(rubric_problems((g,))) == [("G", "weight")]


def test_a_leaf_without_a_kind_is_flagged():
    c = Criterion("A1", "no kind", None)
    assert where(rubric_problems((c,))) == [("A1", "kind")]


@pytest.mark.parametrize("max_points", ["0", "-5"])
def test_max_points_not_above_zero_are_flagged(max_points: str):
    assert where(rubric_problems((judged("A1", max_points=max_points),))) == [("A1", "max_points")]


@pytest.mark.parametrize("step", ["0", "-0.5", "0.0001"])
def test_a_bad_step_is_flagged(step: str):
    assert where(rubric_problems((judged("A1", step=step),))) == [("A1", "step")]


@pytest.mark.parametrize(("max_points", "step"), [("10", "3"), ("10", "0.3"), ("2.5", "1")])
def test_max_points_not_a_multiple_of_the_step_are_flagged(max_points: str, step: str):
    problems = rubric_problems((judged("A1", max_points=max_points, step=step),))
    assert where(problems) == [("A1", "step")]
    assert max_points in str(problems[0].error)
    assert step in str(problems[0].error)


def test_a_linear_rule_needs_a_unit_above_zero():
    rule = MeasurementRule(MeasurementMode.LINEAR, D(10), D(0), D(1), unit=D(0))
    assert where(rubric_problems((measured(rule),))) == [("M1", "rule")]


def test_a_rule_cannot_have_a_negative_tolerance():
    rule = MeasurementRule(MeasurementMode.PASS_FAIL, D(10), tolerance=D("-0.1"))
    assert where(rubric_problems((measured(rule),))) == [("M1", "rule")]


def test_problems_deep_in_the_tree_are_all_found_in_order():
    tree = (
        group(
            "G",
            Criterion("G1", "", None),
            group("H", Criterion("H1", "ok", max_points=D(0))),
        ),
        judged("G1"),
    )
    assert where(rubric_problems(tree)) == [
        ("G1", "name"),
        ("G1", "kind"),
        ("H1", "max_points"),
        ("G1", "code"),
    ]


BAD_CRITERIA = [
    pytest.param(Criterion("Q7", ""), id="empty name"),
    pytest.param(judged("Q7", weight=D(0)), id="zero weight"),
    pytest.param(Criterion("Q7", "no kind", None), id="no kind"),
    pytest.param(judged("Q7", max_points="0"), id="zero max"),
    pytest.param(judged("Q7", step="0"), id="zero step"),
    pytest.param(judged("Q7", max_points="10", step="3"), id="max off step"),
    pytest.param(
        measured(MeasurementRule(MeasurementMode.LINEAR, unit=D(0)), code="Q7"), id="zero unit"
    ),
]


@pytest.mark.parametrize("criterion", BAD_CRITERIA)
def test_every_problem_message_names_the_criterion(criterion: Criterion):
    problems = rubric_problems((criterion,))
    assert len(problems) == 1
    text = str(problems[0].error)
    assert "Q7" in text
    assert "{" not in text  # no unfilled placeholder shown to the organizer


def test_a_repeated_code_message_names_the_code():
    problems = rubric_problems((judged("Q7"), judged("Q7")))
    assert len(problems) == 1
    assert "Q7" in str(problems[0].error)
    assert "{" not in str(problems[0].error)
