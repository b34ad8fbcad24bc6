"""Aggregating judges' marks for one criterion of one entry (mean, median, sum, trimmed mean)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from contest_desk.errors import UserError


class Aggregation(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    SUM = "sum"
    TRIMMED_MEAN = "trimmed_mean"  # 去掉最高分和最低分


class MarkSummary(NamedTuple):
    """What one SQL GROUP BY gives for a set of marks; enough for most rules. A named
    tuple, not a frozen dataclass: standings make one per entry and criterion (200,000
    for a 10,000-entry event), and a frozen dataclass's construction took a quarter of
    reading them (py-spy, issue 16)."""

    total: Decimal
    size: int  # how many marks (not "count": a tuple has a method of that name)
    lowest: Decimal
    highest: Decimal

    @classmethod
    def of(cls, marks: Sequence[Decimal]) -> MarkSummary:
        return cls(sum(marks, Decimal(0)), len(marks), min(marks), max(marks))


@dataclass(frozen=True)
class AggregationRule:
    """How an event combines its judges' marks; ``trim`` is k for the trimmed mean."""

    method: Aggregation = Aggregation.TRIMMED_MEAN
    trim: int = 1

    def check_panel(self, judges: int) -> None:
        """Refuse a panel too small for the trimmed mean (it needs more than 2k judges)."""
        if self.method is Aggregation.TRIMMED_MEAN and judges <= 2 * self.trim:
            raise UserError(
                "Dropping the {k} highest and {k} lowest marks needs more than {n} judges; "
                "this panel has {judges}",
                k=self.trim,
                n=2 * self.trim,
                judges=judges,
            )

    @property
    def summarizable(self) -> bool:
        """True when a ``MarkSummary`` suffices (no need to fetch every mark)."""
        return self.method in (Aggregation.MEAN, Aggregation.SUM) or (
            self.method is Aggregation.TRIMMED_MEAN and self.trim <= 1
        )

    def aggregate(self, marks: Sequence[Decimal]) -> Decimal | None:
        """The criterion's value from the marks present, or None when they do not suffice.

        Judges who have not marked are simply absent: never counted as zero.
        """
        if not marks:
            return None
        if self.method is Aggregation.MEDIAN:
            ordered = sorted(marks)
            middle = len(ordered) // 2
            if len(ordered) % 2:
                return ordered[middle]
            return (ordered[middle - 1] + ordered[middle]) / 2
        if self.method is Aggregation.TRIMMED_MEAN and self.trim > 1:
            if len(marks) <= 2 * self.trim:
                return None
            kept = sorted(marks)[self.trim : len(marks) - self.trim]
            return sum(kept, Decimal(0)) / len(kept)
        return self.aggregate_summary(MarkSummary.of(marks))

    def aggregate_summary(self, s: MarkSummary) -> Decimal | None:
        """Same as ``aggregate`` for the rules where ``summarizable`` is true."""
        if s.size == 0:
            return None
        if self.method is Aggregation.SUM:
            return s.total
        if self.method is Aggregation.MEAN:
            return s.total / s.size
        if self.method is Aggregation.TRIMMED_MEAN and self.trim <= 1:
            if self.trim == 0:
                return s.total / s.size
            if s.size <= 2:
                return None
            return (s.total - s.lowest - s.highest) / (s.size - 2)
        raise ValueError(f"{self.method} with trim {self.trim} needs every mark")
