"""Totals: criteria → part (rubric) → round → event, with weights and completeness."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from contest_desk.domain.aggregation import AggregationRule, MarkSummary
from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric

Marks = Sequence[Decimal] | MarkSummary
# (round number, criterion code) → the marks stored for one entry
EntryMarks = Mapping[tuple[int, str], Marks]


@dataclass(frozen=True)
class Part:
    """A weighted part of an event (e.g. theory 30 %, practical 70 %) with its rubric."""

    name: str
    weight: Decimal
    rubric: Rubric


@dataclass(frozen=True)
class RoundSpec:
    number: int
    name: str
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class ScoringScheme:
    """Everything needed to turn an event's stored marks into totals."""

    parts: tuple[Part, ...]
    rounds: tuple[RoundSpec, ...]
    aggregation: AggregationRule = field(default_factory=AggregationRule)

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        """Every leaf criterion by code."""
        return {c.code: c for part in self.parts for c in part.rubric.leaves()}

    def for_round(self, number: int) -> ScoringScheme:
        """The same scheme limited to one round, weighted 1 (for per-round standings)."""
        spec = next(r for r in self.rounds if r.number == number)
        return ScoringScheme(self.parts, (RoundSpec(spec.number, spec.name),), self.aggregation)


@dataclass(frozen=True)
class EntryResult:
    """One entry's unrounded totals; ``complete`` is False while marks are missing."""

    entry_id: int
    total: Decimal
    round_totals: dict[int, Decimal]
    part_totals: dict[str, Decimal]
    criterion_points: dict[str, Decimal]
    missing: int

    @property
    def complete(self) -> bool:
        return self.missing == 0


def _count(marks: Marks | None) -> int:
    if marks is None:
        return 0
    return marks.count if isinstance(marks, MarkSummary) else len(marks)


def _value(rule: AggregationRule, criterion: Criterion, marks: Marks) -> Decimal | None:
    if criterion.objective:
        # Entered once; should several rows exist, the service keeps only the last.
        if isinstance(marks, MarkSummary):
            return marks.highest if marks.count else None
        return marks[-1] if marks else None
    if isinstance(marks, MarkSummary):
        return rule.aggregate_summary(marks)
    return rule.aggregate(marks)


class _RoundScorer:
    """Evaluates one round's criteria trees for one entry, counting missing marks."""

    def __init__(self, scheme: ScoringScheme, marks: EntryMarks, spec: RoundSpec, panel: int):
        self.scheme, self.marks, self.spec, self.panel = scheme, marks, spec, panel
        self.missing = 0
        self.criterion_points: dict[str, Decimal] = {}

    def node(self, c: Criterion) -> Decimal:
        if not c.is_leaf:
            return sum((ch.weight * self.node(ch) for ch in c.children), Decimal(0))
        stored = self.marks.get((self.spec.number, c.code))
        if c.kind is not CriterionKind.DEDUCTION:
            wanted = 1 if c.objective else self.panel
            self.missing += max(wanted - _count(stored), 0)
        value = _value(self.scheme.aggregation, c, stored) if stored is not None else None
        if value is None:
            return Decimal(0)
        points = c.points(value)
        if c.kind is CriterionKind.DEDUCTION:
            points = -points
        self.criterion_points[c.code] = points
        return points

    def part_total(self, part: Part) -> Decimal:
        """A part never goes below zero, however many deductions it carries."""
        total = sum((c.weight * self.node(c) for c in part.rubric.criteria), Decimal(0))
        return max(total, Decimal(0))


def score_entry(
    scheme: ScoringScheme, entry_id: int, marks: EntryMarks, panel_sizes: Mapping[int, int]
) -> EntryResult:
    """Compute an entry's totals from its marks; ``panel_sizes`` is judges per round."""
    missing = 0
    round_totals: dict[int, Decimal] = {}
    part_totals: dict[str, Decimal] = {p.name: Decimal(0) for p in scheme.parts}
    criterion_points: dict[str, Decimal] = {code: Decimal(0) for code in scheme.criteria}

    for spec in scheme.rounds:
        scorer = _RoundScorer(scheme, marks, spec, panel_sizes.get(spec.number, 0))
        round_total = Decimal(0)
        for part in scheme.parts:
            part_total = scorer.part_total(part)
            part_totals[part.name] += spec.weight * part_total
            round_total += part.weight * part_total
        round_totals[spec.number] = round_total
        missing += scorer.missing
        for code, points in scorer.criterion_points.items():
            criterion_points[code] += spec.weight * points

    total = sum((s.weight * round_totals[s.number] for s in scheme.rounds), Decimal(0))
    return EntryResult(entry_id, total, round_totals, part_totals, criterion_points, missing)
