"""Judges' consistency for one event or round: each judge's bias, ICC and Kendall's W.

These numbers help the chief judge see who marks high or low and whether a panel
agrees at all; they decide nothing. Arithmetic is exact (``Fraction``) and each
result is rounded once, half-up to four places, so every machine and every report
shows the same digits.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence, Set
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Generic, TypeAlias, TypeVar

PLACES = 4

T = TypeVar("T", bound=Hashable)  # a target: what the judges mark, usually an entry
J = TypeVar("J", bound=Hashable)  # a judge
E = TypeVar("E", bound=Hashable)  # an entry

# One value per target per judge (a criterion's mark, or an entry's total).
Matrix: TypeAlias = Mapping[T, Mapping[J, Decimal]]


def _rounded(value: Fraction) -> Decimal:
    """Half-up to ``PLACES`` like ``numbers.round_half_up``, but from the exact value.

    Dividing into a ``Decimal`` first would round at 28 digits and then again here.
    """
    whole = math.floor(abs(value) * 10**PLACES + Fraction(1, 2))
    return Decimal(whole if value >= 0 else -whole).scaleb(-PLACES)


def _rounded_or_none(numerator: Fraction, denominator: Fraction) -> Decimal | None:
    return None if denominator == 0 else _rounded(numerator / denominator)


# --- each judge against the panel ----------------------------------------------------------


@dataclass(frozen=True)
class JudgeBias(Generic[J]):
    """How one judge's marks sit against the panel's.

    ``bias`` is the mean of (their mark − the mean of every judge's mark in that
    cell) over the cells another judge also marked: a cell only they marked says
    nothing about them and would pull the bias towards 0. Positive marks high.
    It is None when no cell was shared. ``flagged_share`` is ``flagged / marks``.
    """

    judge: J
    marks: int
    compared: int
    bias: Decimal | None
    flagged: int
    flagged_share: Decimal


def judge_bias(
    marks: Mapping[tuple[E, str, J], Decimal], flagged: Set[tuple[E, str]]
) -> list[JudgeBias[J]]:
    """Each judge's bias, mark count and share of flagged marks, in the order ``marks`` names them.

    ``marks`` maps (entry, criterion code, judge) to a mark; a mark not given is
    simply absent, never zero. ``flagged`` holds the (entry, criterion code)
    cells flagged as discrepancies. Which judges (trainees too) and criteria to
    pass is the caller's choice.
    """
    cells: dict[tuple[E, str], list[tuple[J, Fraction]]] = defaultdict(list)
    given: dict[J, int] = {}
    for (entry, code, judge), value in marks.items():
        cells[(entry, code)].append((judge, Fraction(value)))
        given[judge] = given.get(judge, 0) + 1

    compared: dict[J, int] = defaultdict(int)
    deviation: dict[J, Fraction] = defaultdict(Fraction)
    in_flagged: dict[J, int] = defaultdict(int)
    for cell, judged in cells.items():
        mean = sum((m for _, m in judged), Fraction(0)) / len(judged)
        for judge, mark in judged:
            if cell in flagged:
                in_flagged[judge] += 1
            if len(judged) > 1:
                compared[judge] += 1
                deviation[judge] += mark - mean

    return [
        JudgeBias(
            judge=judge,
            marks=count,
            compared=compared[judge],
            bias=_rounded_or_none(deviation[judge], Fraction(compared[judge])),
            flagged=in_flagged[judge],
            flagged_share=_rounded(Fraction(in_flagged[judge], count)),
        )
        for judge, count in given.items()
    ]


# --- the full table both statistics need ---------------------------------------------------


def complete_targets(matrix: Matrix[T, J]) -> tuple[list[T], list[T]]:
    """The targets every judge marked, and the targets left out, each in the matrix's order.

    The judges are everyone who marked any target. ICC and W need a full table;
    filling a gap would invent a mark, so a target with a gap is left out instead.
    """
    judges = _judges(matrix)
    used: list[T] = []
    left_out: list[T] = []
    for target, row in matrix.items():
        (used if judges and all(j in row for j in judges) else left_out).append(target)
    return used, left_out


def _judges(matrix: Matrix[T, J]) -> list[J]:
    return list(dict.fromkeys(judge for row in matrix.values() for judge in row))


def _table(matrix: Matrix[T, J]) -> tuple[list[list[Fraction]], int, int]:
    """The complete rows as exact numbers (judges in one order), the judges, the left out."""
    judges = _judges(matrix)
    used, left_out = complete_targets(matrix)
    rows = [[Fraction(matrix[t][j]) for j in judges] for t in used]
    return rows, len(judges), len(left_out)


# --- intraclass correlation ----------------------------------------------------------------


@dataclass(frozen=True)
class MeanSquares:
    """The ANOVA mean squares of Shrout & Fleiss (1979), Table 1, named as there.

    ``bms`` between targets, ``wms`` within targets, ``jms`` between judges,
    ``ems`` residual.
    """

    bms: Decimal
    wms: Decimal
    jms: Decimal
    ems: Decimal


@dataclass(frozen=True)
class IccResult:
    """Single-rater intraclass correlations of Shrout & Fleiss (1979).

    - ``icc1`` ICC(1,1): each target marked by its own random judges;
    - ``icc2`` ICC(2,1): random judges who mark every target; absolute agreement,
      so a judge who marks everyone high lowers it;
    - ``icc3`` ICC(3,1): this fixed panel; consistency, blind to a judge's shift.

    Each is None when undefined: fewer than 2 targets or 2 judges, or a zero
    denominator (e.g. every mark the same). Only targets every judge marked count.
    """

    icc1: Decimal | None
    icc2: Decimal | None
    icc3: Decimal | None
    targets_used: int
    targets_left_out: int
    judges: int
    mean_squares: MeanSquares | None


def icc(matrix: Matrix[T, J]) -> IccResult:
    """ICC(1,1), ICC(2,1) and ICC(3,1) of a targets × judges table, over its complete targets."""
    rows, k, left_out = _table(matrix)
    n = len(rows)
    if n < 2 or k < 2:
        return IccResult(None, None, None, n, left_out, k, None)

    grand = sum((x for row in rows for x in row), Fraction(0)) / (n * k)
    target_means = [sum(row, Fraction(0)) / k for row in rows]
    judge_means = [sum((row[j] for row in rows), Fraction(0)) / n for j in range(k)]
    bss = k * sum(((m - grand) ** 2 for m in target_means), Fraction(0))
    wss = sum(
        ((x - m) ** 2 for row, m in zip(rows, target_means, strict=True) for x in row),
        Fraction(0),
    )
    jss = n * sum(((m - grand) ** 2 for m in judge_means), Fraction(0))
    bms = bss / (n - 1)
    wms = wss / (n * (k - 1))
    jms = jss / (k - 1)
    ems = (wss - jss) / ((n - 1) * (k - 1))

    return IccResult(
        icc1=_rounded_or_none(bms - wms, bms + (k - 1) * wms),
        icc2=_rounded_or_none(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        icc3=_rounded_or_none(bms - ems, bms + (k - 1) * ems),
        targets_used=n,
        targets_left_out=left_out,
        judges=k,
        mean_squares=MeanSquares(_rounded(bms), _rounded(wms), _rounded(jms), _rounded(ems)),
    )


# --- Kendall's W ---------------------------------------------------------------------------


def _ranks(values: Sequence[Fraction]) -> tuple[list[Fraction], int]:
    """Ranks, highest value first, ties sharing their average rank; and the ties' Σ(t³ − t)."""
    order = sorted(range(len(values)), key=lambda i: values[i], reverse=True)
    ranks = [Fraction(0)] * len(values)
    ties = 0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = Fraction(start + end + 2, 2)
        size = end - start + 1
        ties += size**3 - size
        start = end + 1
    return ranks, ties


def kendall_w(matrix: Matrix[T, J]) -> Decimal | None:
    """Kendall's coefficient of concordance W over the complete targets, with tie correction.

    Each judge ranks the targets by value (ties share their average rank);
    W = 12 S / (m²(n³ − n) − m Σ T), where S is the sum of squared deviations of
    the targets' rank sums from their mean and T = Σ(t³ − t) over one judge's ties.
    1 means every judge gives the same order, 0 no agreement at all. None with
    fewer than 2 targets or 2 judges, or when every judge ties every target.
    """
    rows, m, _ = _table(matrix)
    n = len(rows)
    if n < 2 or m < 2:
        return None
    rank_sums = [Fraction(0)] * n
    tie_total = 0
    for j in range(m):
        ranks, ties = _ranks([row[j] for row in rows])
        tie_total += ties
        rank_sums = [total + r for total, r in zip(rank_sums, ranks, strict=True)]
    mean = Fraction(m * (n + 1), 2)
    s = sum(((r - mean) ** 2 for r in rank_sums), Fraction(0))
    return _rounded_or_none(12 * s, Fraction(m * m * (n**3 - n) - m * tie_total))
