"""consistency.py: judges' bias, intraclass correlation and Kendall's W."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.consistency import (
    IccResult,
    JudgeBias,
    MeanSquares,
    complete_targets,
    icc,
    judge_bias,
    kendall_w,
)

D = Decimal
JUDGES = "ABCDEF"


def table(*rows: tuple[int | str, ...]) -> dict[int, dict[str, Decimal]]:
    """Targets 1, 2, … in order; one column per judge, A, B, C…"""
    return {
        t: {j: D(v) for j, v in zip(JUDGES[: len(row)], row, strict=True)}
        for t, row in enumerate(rows, start=1)
    }


# --- Shrout & Fleiss (1979), Table 2 --------------------------------------------------------

SHROUT_FLEISS = table(
    (9, 2, 5, 8),
    (6, 1, 3, 2),
    (8, 4, 6, 8),
    (7, 1, 2, 6),
    (10, 5, 6, 9),
    (6, 2, 4, 7),
)


def test_shrout_fleiss_mean_squares_match_the_paper():
    # By hand, n = 6 targets, k = 4 judges, grand mean 127/24:
    # BSS = 1349/24, WSS = 451/4, JSS = 2339/24, ESS = WSS − JSS = 367/24, so
    # BMS = 1349/120 = 11.2417, WMS = 451/72 = 6.2639, JMS = 2339/72 = 32.4861,
    # EMS = 367/360 = 1.0194; the paper prints 11.24, 6.26, 32.49, 1.02.
    ms = icc(SHROUT_FLEISS).mean_squares
    assert ms == MeanSquares(D("11.2417"), D("6.2639"), D("32.4861"), D("1.0194"))
    published = (D("11.24"), D("6.26"), D("32.49"), D("1.02"))
    assert tuple(round(v, 2) for v in (ms.bms, ms.wms, ms.jms, ms.ems)) == published


def test_shrout_fleiss_table_2():
    # From the exact mean squares above:
    # ICC(1,1) = (BMS − WMS) / (BMS + 3 WMS)                     = 448/2703 = 0.16574…
    # ICC(2,1) = (BMS − EMS) / (BMS + 3 EMS + 4 (JMS − EMS) / 6) = 184/635  = 0.28976…
    # ICC(3,1) = (BMS − EMS) / (BMS + 3 EMS)                     = 920/1287 = 0.71484…
    # (The paper's rounded mean squares give 0.1659, 0.2897 and 0.7147: the same two places.)
    result = icc(SHROUT_FLEISS)
    assert (result.icc1, result.icc2, result.icc3) == (D("0.1657"), D("0.2898"), D("0.7148"))
    assert result.icc1 is not None and result.icc2 is not None and result.icc3 is not None
    published = (D("0.17"), D("0.29"), D("0.71"))
    assert (round(result.icc1, 2), round(result.icc2, 2), round(result.icc3, 2)) == published
    assert (result.targets_used, result.targets_left_out, result.judges) == (6, 0, 4)


# --- ICC, other examples ------------------------------------------------------------------


def test_a_target_with_a_gap_is_left_out_and_counted():
    matrix = {**SHROUT_FLEISS, 7: {"A": D(9), "B": D(9), "D": D(1)}, 8: {}}
    assert complete_targets(matrix) == ([1, 2, 3, 4, 5, 6], [7, 8])
    result = icc(matrix)
    assert result == dataclasses.replace(icc(SHROUT_FLEISS), targets_left_out=2)


def test_identical_marks_leave_every_icc_undefined():
    result = icc(table((8, 8, 8), (8, 8, 8), (8, 8, 8)))
    assert (result.icc1, result.icc2, result.icc3) == (None, None, None)
    assert result.mean_squares == MeanSquares(D(0), D(0), D(0), D(0))


def test_icc2_is_undefined_when_its_denominator_is_zero():
    # 2 × 2, marks 1 0 / 0 1: BMS = 0, WMS = 1/2, JMS = 0, EMS = 1; ICC(2,1)'s
    # denominator BMS + EMS + 2 (JMS − EMS) / 2 is 0.
    result = icc(table((1, 0), (0, 1)))
    assert (result.icc1, result.icc2, result.icc3) == (D(-1), None, D(-1))


@pytest.mark.parametrize(
    "matrix",
    [
        {},
        table((8, 9, 7)),  # one target
        table((8,), (9,), (7,)),  # one judge
        table((8, 9), (7,)),  # one complete target
    ],
)
def test_icc_needs_two_targets_and_two_judges(matrix: dict[int, dict[str, Decimal]]):
    result = icc(matrix)
    assert (result.icc1, result.icc2, result.icc3, result.mean_squares) == (None,) * 4
    assert result.targets_used + result.targets_left_out == len(matrix)


def test_a_judge_who_marks_everyone_higher_lowers_agreement_not_consistency():
    # Judge B adds 2 to judge A's marks: a perfectly consistent panel that does not agree.
    result = icc(table((5, 7), (6, 8), (8, 10), (9, 11)))
    assert result.icc3 == D(1)
    assert result.icc2 is not None and result.icc2 < 1
    assert result.icc1 is not None and result.icc1 < 1


# --- Kendall's W ----------------------------------------------------------------------------


def test_three_judges_giving_the_same_order_agree_fully():
    assert kendall_w(table((9, 8, 10), (7, 6, 9), (5, 5, 7), (3, 1, 2))) == D(1)


def test_two_judges_giving_opposite_orders_do_not_agree_at_all():
    assert kendall_w(table((1, 4), (2, 3), (3, 2), (4, 1))) == D(0)


def test_kendall_w_with_ties():
    # Ranks, highest mark first, ties sharing the average rank:
    #          A: marks → ranks     B: marks → ranks     C: marks → ranks     rank sum
    #   t1     9 → 1                9 → 1.5              8 → 1                3.5
    #   t2     8 → 2.5              9 → 1.5              7 → 2                6
    #   t3     8 → 2.5              7 → 3                6 → 3.5              9
    #   t4     6 → 4                5 → 4                6 → 3.5              11.5
    # Mean rank sum m(n + 1)/2 = 7.5; S = 4² + 1.5² + 1.5² + 4² = 36.5.
    # Each judge has one pair of ties: T = 2³ − 2 = 6, Σ T = 18.
    # W = 12 S / (m²(n³ − n) − m Σ T) = 438 / (9·60 − 3·18) = 438/486 = 73/81 = 0.90123…
    # (Without the tie correction it would be 438/540 = 0.8111.)
    assert kendall_w(table((9, 9, 8), (8, 9, 7), (8, 7, 6), (6, 5, 6))) == D("0.9012")


@pytest.mark.parametrize(
    "matrix",
    [
        {},
        table((8, 9, 7)),  # one target
        table((8,), (9,), (7,)),  # one judge
        table((8, 9), (8, 9), (8, 9)),  # every judge ties every target
    ],
)
def test_kendall_w_is_undefined(matrix: dict[int, dict[str, Decimal]]):
    assert kendall_w(matrix) is None


def test_kendall_w_uses_only_complete_targets():
    matrix = {**table((9, 8, 10), (7, 6, 9), (5, 5, 7)), 4: {"A": D(10), "B": D(1)}}
    assert kendall_w(matrix) == D(1)


# --- bias -----------------------------------------------------------------------------------


def test_bias_worked_example():
    # cell       A      B      C        mean    A − mean   B − mean   C − mean
    # (1, P1)    8      9      7        8        0         +1         −1         flagged
    # (1, P2)    6      7      —        6.5     −0.5       +0.5        C skipped: left out
    # (2, P1)    9      9.5    8.5      9        0         +0.5       −0.5
    # (2, P2)    5      —      —        5        only A marked: not compared
    # A: (0 − 0.5 + 0)/3 = −1/6; B: (1 + 0.5 + 0.5)/3 = 2/3; C: (−1 − 0.5)/2 = −3/4.
    # (Counting C's skipped mark as 0 would make (1, P2)'s mean 13/3 and change everyone.)
    marks = {
        (1, "P1", "A"): D(8),
        (1, "P1", "B"): D(9),
        (1, "P1", "C"): D(7),
        (1, "P2", "A"): D(6),
        (1, "P2", "B"): D(7),
        (2, "P1", "A"): D(9),
        (2, "P1", "B"): D("9.5"),
        (2, "P1", "C"): D("8.5"),
        (2, "P2", "A"): D(5),
    }
    assert judge_bias(marks, {(1, "P1")}) == [
        JudgeBias("A", marks=4, compared=3, bias=D("-0.1667"), flagged=1, flagged_share=D("0.25")),
        JudgeBias("B", marks=3, compared=3, bias=D("0.6667"), flagged=1, flagged_share=D("0.3333")),
        JudgeBias("C", marks=2, compared=2, bias=D("-0.75"), flagged=1, flagged_share=D("0.5")),
    ]


def test_bias_rounds_half_up_from_the_exact_value():
    # A is 0.0005 above the mean in one cell and level in the other: bias 0.00025 exactly.
    marks = {
        (1, "P1", "A"): D("8.001"),
        (1, "P1", "B"): D(8),
        (1, "P2", "A"): D(7),
        (1, "P2", "B"): D(7),
    }
    biases = {b.judge: b.bias for b in judge_bias(marks, set())}
    assert biases == {"A": D("0.0003"), "B": D("-0.0003")}


def test_a_judge_who_shares_no_cell_has_no_bias():
    marks = {(1, "P1", "A"): D(8), (2, "P1", "B"): D(9)}
    assert judge_bias(marks, {(2, "P1")}) == [
        JudgeBias("A", marks=1, compared=0, bias=None, flagged=0, flagged_share=D(0)),
        JudgeBias("B", marks=1, compared=0, bias=None, flagged=1, flagged_share=D(1)),
    ]


def test_judges_come_in_the_order_the_marks_name_them():
    marks = {(1, "P1", "C"): D(8), (2, "P1", "A"): D(9), (1, "P1", "B"): D(7)}
    assert [b.judge for b in judge_bias(marks, set())] == ["C", "A", "B"]


def test_no_marks_give_no_judges():
    assert judge_bias({}, set()) == []


# --- properties ----------------------------------------------------------------------------

mark = st.integers(min_value=0, max_value=20).map(lambda n: n * D("0.5"))


@st.composite
def matrices(draw: st.DrawFn, min_targets: int = 0) -> dict[int, dict[str, Decimal]]:
    targets = draw(st.integers(min_value=min_targets, max_value=7))
    judges = draw(st.integers(min_value=1, max_value=len(JUDGES)))
    return {t: {j: draw(mark) for j in JUDGES[:judges]} for t in range(1, targets + 1)}


def shuffled(matrix: dict[int, dict[str, Decimal]], rnd) -> dict[int, dict[str, Decimal]]:
    """The same marks with targets and judges in another order."""
    targets = list(matrix)
    rnd.shuffle(targets)
    judges = list(dict.fromkeys(j for row in matrix.values() for j in row))
    rnd.shuffle(judges)
    return {t: {j: matrix[t][j] for j in judges if j in matrix[t]} for t in targets}


@settings(max_examples=100)
@given(matrices(), st.randoms(use_true_random=False))
def test_the_order_of_targets_and_judges_does_not_matter(matrix, rnd):
    other = shuffled(matrix, rnd)
    assert icc(other) == icc(matrix)
    assert kendall_w(other) == kendall_w(matrix)


@settings(max_examples=100)
@given(matrices())
def test_kendall_w_lies_between_0_and_1(matrix):
    w = kendall_w(matrix)
    assert w is None or D(0) <= w <= D(1)


@settings(max_examples=100)
@given(
    st.lists(st.integers(min_value=0, max_value=10), min_size=2, max_size=7),
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=3), st.integers(min_value=0, max_value=5)),
        min_size=2,
        max_size=5,
    ),
)
def test_kendall_w_is_1_when_every_judge_gives_the_same_order(base, judges):
    # Each judge marks a·base + b with a > 0: the same order, ties included.
    matrix = {
        t: {JUDGES[j]: D(a * v + b) for j, (a, b) in enumerate(judges)} for t, v in enumerate(base)
    }
    expected = None if len(set(base)) == 1 else D(1)
    assert kendall_w(matrix) == expected


@settings(max_examples=100)
@given(
    st.lists(st.integers(min_value=0, max_value=10), min_size=2, max_size=7),
    st.lists(st.integers(min_value=0, max_value=5), min_size=2, max_size=5),
)
def test_judges_who_differ_by_a_constant_are_fully_consistent(base, shifts):
    matrix = {t: {JUDGES[j]: D(v + s) for j, s in enumerate(shifts)} for t, v in enumerate(base)}
    result = icc(matrix)
    if len(set(base)) == 1:
        assert result.icc3 is None
    else:
        assert result.icc3 == D(1)
        assert result.icc2 is not None and result.icc2 <= D(1)


@settings(max_examples=100)
@given(matrices(min_targets=2), st.data())
def test_incomplete_targets_are_left_out_and_counted(matrix, data):
    judges = list(matrix[1])
    gaps = data.draw(
        st.lists(
            st.lists(st.sampled_from(judges), unique=True, max_size=len(judges) - 1).flatmap(
                lambda present: st.fixed_dictionaries({j: mark for j in present})
            ),
            max_size=4,
        )
    )
    with_gaps = {**matrix, **{100 + i: row for i, row in enumerate(gaps)}}
    assert complete_targets(with_gaps) == (list(matrix), [100 + i for i in range(len(gaps))])
    expected: IccResult = dataclasses.replace(icc(matrix), targets_left_out=len(gaps))
    assert icc(with_gaps) == expected
    assert kendall_w(with_gaps) == kendall_w(matrix)


@settings(max_examples=100)
@given(
    st.dictionaries(
        st.tuples(st.integers(1, 4), st.sampled_from(["P1", "P2"]), st.sampled_from(JUDGES[:4])),
        mark,
        max_size=32,
    ),
    st.sets(st.tuples(st.integers(1, 4), st.sampled_from(["P1", "P2"]))),
    st.randoms(use_true_random=False),
)
def test_bias_does_not_depend_on_the_order_of_marks_or_their_level(marks, flagged, rnd):
    items = list(marks.items())
    rnd.shuffle(items)
    by_judge = {b.judge: b for b in judge_bias(marks, flagged)}
    assert {b.judge: b for b in judge_bias(dict(items), flagged)} == by_judge
    raised = {key: value + 3 for key, value in marks.items()}
    assert {b.judge: b for b in judge_bias(raised, flagged)} == by_judge
    assert sum(b.marks for b in by_judge.values()) == len(marks)
    # Deviations from a cell's mean cancel out, up to each bias's rounding.
    drift = sum((b.bias * b.compared for b in by_judge.values() if b.bias is not None), D(0))
    assert abs(drift) <= D("0.00005") * sum(b.compared for b in by_judge.values())
