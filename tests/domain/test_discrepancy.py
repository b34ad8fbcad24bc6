"""Discrepancy flags on judgement criteria."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.discrepancy import find_flags, flag_cell
from contest_desk.domain.rubric import Criterion, CriterionKind, MeasurementRule

D = Decimal
JUDGED = Criterion("A1", "操作规范", CriterionKind.JUDGEMENT, D(10), D("0.5"))
MEASURED = Criterion(
    "B1", "尺寸偏差", CriterionKind.MEASUREMENT, D(10), D("0.5"), rule=MeasurementRule()
)
DEDUCTED = Criterion("X1", "安全扣分", CriterionKind.DEDUCTION, D(5), D(1))


def test_exactly_at_the_threshold_is_not_flagged_above_it_is() -> None:
    assert flag_cell(1, JUDGED, [D(8), D(6)], D("0.2")) is None  # spread 2 = 20 % of 10
    flag = flag_cell(1, JUDGED, [D(8), D("5.5"), D(7)], D("0.2"))
    assert flag is not None and (flag.spread, flag.allowed) == (D("2.5"), D(2))


def test_one_mark_and_objective_values_are_never_flagged() -> None:
    assert flag_cell(1, JUDGED, [D(0)], D("0.2")) is None
    assert flag_cell(1, MEASURED, [D(0), D(10)], D("0.2")) is None
    assert flag_cell(1, DEDUCTED, [D(0), D(5)], D("0.2")) is None


def test_flags_come_in_entry_and_code_order() -> None:
    marks = {(2, "A1"): [D(0), D(10)], (1, "A1"): [D(1), D(9)], (1, "B1"): [D(0), D(10)]}
    assert [(f.entry_id, f.code) for f in find_flags([JUDGED, MEASURED], marks)] == [
        (1, "A1"),
        (2, "A1"),
    ]


@given(st.lists(st.integers(0, 20), min_size=2, max_size=7))
def test_flagged_exactly_when_the_spread_exceeds_the_allowance(halves: list[int]) -> None:
    marks = [D(h) / 2 for h in halves]
    flag = flag_cell(1, JUDGED, marks, D("0.2"))
    assert (flag is not None) == (max(marks) - min(marks) > 2)
    assert flag_cell(1, JUDGED, list(reversed(marks)), D("0.2")) is None or flag is not None
