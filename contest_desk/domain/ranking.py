"""Competition ranking (1, 2, 2, 4) after an ordered list of tie-breaks."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.scoring import EntryResult


class TieBreakKind(StrEnum):
    CRITERION = "criterion"  # a named criterion's points, higher first
    PART = "part"  # a part's total (e.g. practical), higher first
    TIME = "time"  # completion time, shorter first; no time recorded comes last


@dataclass(frozen=True)
class TieBreak:
    kind: TieBreakKind
    key: str = ""  # criterion code or part name; unused for time

    def describe(self) -> str:
        return f"{self.kind.value}:{self.key}" if self.key else self.kind.value


def rename_parts(
    tie_breaks: Sequence[TieBreak], renamed: Mapping[str, str]
) -> tuple[TieBreak, ...]:
    """The tie-breaks after parts were renamed (old name → new name)."""
    return tuple(
        TieBreak(tb.kind, renamed.get(tb.key, tb.key)) if tb.kind is TieBreakKind.PART else tb
        for tb in tie_breaks
    )


def competition_ranks(sorted_keys: Sequence[Hashable]) -> list[int]:
    """Ranks for keys already in order: equal neighbours share a rank (1, 2, 2, 4)."""
    ranks: list[int] = []
    for i, k in enumerate(sorted_keys):
        ranks.append(ranks[-1] if i and sorted_keys[i - 1] == k else i + 1)
    return ranks


def tie_break_value(
    result: EntryResult, tb: TieBreak, times: dict[int, Decimal], places: int
) -> Decimal | None:
    """The value a tie-break compares, rounded as shown; None when not recorded."""
    if tb.kind is TieBreakKind.CRITERION:
        return round_half_up(result.criterion_points.get(tb.key, Decimal(0)), places)
    if tb.kind is TieBreakKind.PART:
        return round_half_up(result.part_totals.get(tb.key, Decimal(0)), places)
    return times.get(result.entry_id)


def ranking_key(
    total: Decimal, tie_values: Sequence[Decimal | None], tie_breaks: Sequence[TieBreak]
) -> tuple[Decimal, ...]:
    """A key where smaller is better: total and score tie-breaks descending, time ascending."""
    parts: list[Decimal] = [-total]
    for value, tb in zip(tie_values, tie_breaks, strict=True):
        if tb.kind is TieBreakKind.TIME:
            # No recorded time sorts after every real one.
            parts.extend((Decimal(1), Decimal(0)) if value is None else (Decimal(0), value))
        else:
            parts.append(-(value or Decimal(0)))
    return tuple(parts)
