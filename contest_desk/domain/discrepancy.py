"""Discrepancies: a judgement criterion whose judges' marks for one entry spread too far.

The allowed spread is a share of the criterion's max points (by default 20 %, see
DESIGN.md); a spread above it flags the cell for the chief judge, who has the sheets
concerned re-marked or confirms the marks with a note. Measurement and deduction values
are entered once, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from contest_desk.domain.rubric import Criterion, CriterionKind

DEFAULT_THRESHOLD = Decimal("0.2")


@dataclass(frozen=True)
class Flag:
    entry_id: int
    code: str
    marks: tuple[Decimal, ...]  # in judge order
    spread: Decimal
    allowed: Decimal


def allowed_spread(criterion: Criterion, threshold: Decimal = DEFAULT_THRESHOLD) -> Decimal:
    return criterion.max_points * threshold


def flag_cell(
    entry_id: int, criterion: Criterion, marks: Sequence[Decimal], threshold: Decimal
) -> Flag | None:
    """The flag for one cell, or None: fewer than two marks never disagree."""
    if criterion.kind is not CriterionKind.JUDGEMENT or len(marks) < 2:
        return None
    spread = max(marks) - min(marks)
    allowed = allowed_spread(criterion, threshold)
    if spread <= allowed:
        return None
    return Flag(entry_id, criterion.code, tuple(marks), spread, allowed)


def find_flags(
    criteria: Iterable[Criterion],
    marks: Mapping[tuple[int, str], Sequence[Decimal]],
    threshold: Decimal = DEFAULT_THRESHOLD,
) -> list[Flag]:
    """Every flagged (entry, criterion) cell, by entry, then by criterion code."""
    by_code = {c.code: c for c in criteria}
    flags = []
    for (entry_id, code), values in sorted(marks.items()):
        criterion = by_code.get(code)
        if criterion is not None and (flag := flag_cell(entry_id, criterion, values, threshold)):
            flags.append(flag)
    return flags
