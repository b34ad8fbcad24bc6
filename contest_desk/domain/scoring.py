"""Totals: criteria → part (rubric) → round → event, with weights and completeness."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from contest_desk.domain.aggregation import AggregationRule, MarkSummary
from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.errors import UserError

Marks = Sequence[Decimal] | MarkSummary
# (round number, criterion code) → the marks stored for one entry
EntryMarks = Mapping[tuple[int, str], Marks]


class _Leaf(NamedTuple):
    """A leaf criterion as scoring walks it: its weight along the path, its kind's flags."""

    criterion: Criterion
    code: str
    weight: Decimal
    objective: bool
    deduction: bool


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

    @cached_property
    def weighted_leaves(self) -> dict[str, tuple[_Leaf, ...]]:
        """Each part's leaves with the product of the weights on their path.

        A group's value is the weighted sum of its children, so a part total is
        linear in its leaves; flattening once saves walking the tree per entry.
        """

        def walk(nodes: tuple[Criterion, ...], factor: Decimal) -> list[_Leaf]:
            out: list[_Leaf] = []
            for c in nodes:
                if c.is_leaf:
                    deduction = c.kind is CriterionKind.DEDUCTION
                    out.append(_Leaf(c, c.code, factor * c.weight, c.objective, deduction))
                else:
                    out.extend(walk(c.children, factor * c.weight))
            return out

        return {p.name: tuple(walk(p.rubric.criteria, Decimal(1))) for p in self.parts}

    def for_round(self, number: int) -> ScoringScheme:
        """The same scheme limited to one round, weighted 1 (for per-round standings)."""
        spec = next((r for r in self.rounds if r.number == number), None)
        if spec is None:
            raise UserError("There is no round {number}", number=number)
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


def _count(marks: Marks) -> int:
    return marks.size if isinstance(marks, MarkSummary) else len(marks)


def _value(rule: AggregationRule, leaf: _Leaf, marks: Marks) -> Decimal | None:
    if isinstance(marks, MarkSummary):
        if leaf.objective:
            return marks.highest if marks.size else None
        return rule.aggregate_summary(marks)
    if leaf.objective:
        # Entered once; should several rows ever exist, the highest stands, as in a summary.
        return max(marks) if marks else None
    return rule.aggregate(marks)


class _RoundScorer:
    """Evaluates one round's criteria for one entry, counting missing marks."""

    def __init__(self, scheme: ScoringScheme, marks: EntryMarks, spec: RoundSpec, panel: int):
        self.scheme, self.marks, self.spec, self.panel = scheme, marks, spec, panel
        self.missing = 0
        self.criterion_points: dict[str, Decimal] = {}

    def part_total(self, part: Part) -> Decimal:
        """A part never goes below zero, however many deductions it carries."""
        total = Decimal(0)
        rule, number, marks = self.scheme.aggregation, self.spec.number, self.marks
        for leaf in self.scheme.weighted_leaves[part.name]:
            stored = marks.get((number, leaf.code))
            if not leaf.deduction:
                wanted = 1 if leaf.objective else self.panel
                present = 0 if stored is None else _count(stored)
                if present < wanted:
                    self.missing += wanted - present
            if stored is None:
                continue
            value = _value(rule, leaf, stored)
            if value is None:
                continue
            points = leaf.criterion.points(value)
            if leaf.deduction:
                points = -points
            self.criterion_points[leaf.code] = points
            total += leaf.weight * points
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
