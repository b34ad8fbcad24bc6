"""Rubrics: trees of criteria, their kinds, and the checks on a value typed for one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from contest_desk.domain import limits
from contest_desk.domain.numbers import (
    MAX_PLACES,
    QUANTUM,
    is_on_step,
    parse_decimal,
    parse_measured,
    units_started,
)
from contest_desk.errors import UserError
from contest_desk.i18n import N_


class CriterionKind(StrEnum):
    """评判分 / 测量分 / 扣分."""

    JUDGEMENT = "judgement"  # every assigned judge marks it; marks are aggregated
    MEASUREMENT = "measurement"  # one objective value, converted to points by a rule
    DEDUCTION = "deduction"  # penalty points, subtracted from the part total


class MeasurementMode(StrEnum):
    DIRECT = "direct"  # the value is the points (e.g. a theory paper's mark)
    PASS_FAIL = "pass_fail"  # full points within target ± tolerance, else 0
    LINEAR = "linear"  # full points, less a deduction per started unit beyond tolerance


@dataclass(frozen=True)
class MeasurementRule:
    """How a measured value becomes points; see ``points``."""

    mode: MeasurementMode = MeasurementMode.DIRECT
    target: Decimal = Decimal(0)
    tolerance: Decimal = Decimal(0)
    deduction_per_unit: Decimal = Decimal(0)
    unit: Decimal = Decimal(1)

    def points(self, value: Decimal, max_points: Decimal) -> Decimal:
        """Points for ``value``, always within [0, max_points]."""
        if self.mode is MeasurementMode.DIRECT:
            return min(max(value, Decimal(0)), max_points)
        excess = abs(value - self.target) - self.tolerance
        if self.mode is MeasurementMode.PASS_FAIL:
            return max_points if excess <= 0 else Decimal(0)
        if excess <= 0:
            return max_points
        lost = units_started(excess, self.unit) * self.deduction_per_unit
        return max(max_points - lost, Decimal(0))


@dataclass(frozen=True)
class Criterion:
    """A node of a rubric. A leaf has a kind and max points; a group has children."""

    code: str
    name: str
    kind: CriterionKind | None = CriterionKind.JUDGEMENT
    max_points: Decimal = Decimal(10)
    step: Decimal = Decimal("0.5")
    weight: Decimal = Decimal(1)
    rule: MeasurementRule | None = None
    children: tuple[Criterion, ...] = field(default=())

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def objective(self) -> bool:
        """Measurement and deduction values are entered once, not by every judge."""
        return self.kind in (CriterionKind.MEASUREMENT, CriterionKind.DEDUCTION)

    def check_value(self, value: Decimal) -> None:
        """Refuse a value that cannot be typed for this criterion, saying why."""
        if not self.is_leaf:
            raise UserError("{code} is a group; score its sub-criteria", code=self.code)
        if self.kind is CriterionKind.MEASUREMENT:
            return  # any measured value is converted by the rule
        if value < 0 or value > self.max_points:
            raise UserError(
                "{value} is outside 0–{max} for {code}",
                value=value,
                max=self.max_points,
                code=self.code,
            )
        if not is_on_step(value, self.step):
            raise UserError(
                "{value} is not a multiple of the step {step} for {code}",
                value=value,
                step=self.step,
                code=self.code,
            )

    def read(self, text: str | Decimal, field: str) -> Decimal:
        """A value typed for this criterion, parsed and checked (``check_value``); a
        measured one may be a time typed as 分:秒 ("12:34" is 754 seconds)."""
        value = (
            parse_measured(text, field)
            if self.kind is CriterionKind.MEASUREMENT
            else parse_decimal(text, field)
        )
        self.check_value(value)
        return value

    def points(self, value: Decimal) -> Decimal:
        """The points a (possibly aggregated) value is worth before weighting."""
        if self.kind is CriterionKind.MEASUREMENT:
            return (self.rule or MeasurementRule()).points(value, self.max_points)
        return value


@dataclass(frozen=True)
class Rubric:
    """评分细则: the criteria tree of one part of an event."""

    criteria: tuple[Criterion, ...]

    def leaves(self) -> Iterator[Criterion]:
        return iter_leaves(self.criteria)

    def max_total(self) -> Decimal:
        """The best possible part total: weighted maxima of all non-deduction leaves."""
        return _max_total(self.criteria)


def iter_leaves(criteria: Sequence[Criterion]) -> Iterator[Criterion]:
    for criterion in criteria:
        if criterion.is_leaf:
            yield criterion
        else:
            yield from iter_leaves(criterion.children)


def _max_total(criteria: Sequence[Criterion]) -> Decimal:
    total = Decimal(0)
    for c in criteria:
        if c.is_leaf:
            if c.kind is not CriterionKind.DEDUCTION:
                total += c.weight * c.max_points
        else:
            total += c.weight * _max_total(c.children)
    return total


@dataclass(frozen=True)
class RubricProblem:
    """One thing wrong with a rubric, tied to a criterion code and field."""

    code: str
    field: str
    error: UserError


def rubric_problems(criteria: Sequence[Criterion]) -> list[RubricProblem]:
    """Every problem of a criteria tree, for an editor that validates as you type."""
    problems: list[RubricProblem] = []
    seen: set[str] = set()

    def add(c: Criterion, fieldname: str, msgid: str, **params: Any) -> None:
        # A criterion without a code is named "—" in the messages about its other fields.
        named = c.code.strip() or "—"
        problems.append(RubricProblem(c.code, fieldname, UserError(msgid, code=named, **params)))

    def visit(nodes: Sequence[Criterion], depth: int = 1) -> None:
        for c in nodes:
            if not c.code.strip():
                add(c, "code", N_("Every criterion needs a code"))
            elif len(c.code) > limits.CODE:
                add(c, "code", N_("A code is longer than {limit} characters"), limit=limits.CODE)
            elif c.code in seen:
                add(c, "code", N_("The code {code} is used twice"))
            seen.add(c.code)
            if not c.name.strip():
                add(c, "name", N_("{code} needs a name"))
            elif len(c.name) > limits.TITLE:
                add(
                    c,
                    "name",
                    N_("{code}: the name is longer than {limit} characters"),
                    limit=limits.TITLE,
                )
            if c.weight <= 0:
                add(c, "weight", N_("{code}: the weight must be above 0"))
            if c.is_leaf:
                visit_leaf(c)
            elif depth >= limits.RUBRIC_DEPTH:
                # Deeper trees are not read further: the walks over them recurse per level.
                add(
                    c,
                    "children",
                    N_("{code}: a rubric is at most {limit} levels deep"),
                    limit=limits.RUBRIC_DEPTH,
                )
            else:
                visit(c.children, depth + 1)

    def visit_leaf(c: Criterion) -> None:
        if c.kind is None:
            add(c, "kind", N_("{code} has no sub-criteria, so it needs a kind"))
        if c.max_points <= 0:
            add(c, "max_points", N_("{code}: max points must be above 0"))
        if c.step <= 0 or c.step != c.step.quantize(QUANTUM):
            add(
                c,
                "step",
                N_("{code}: the step must be above 0 with at most {places} decimals"),
                places=MAX_PLACES,
            )
        elif c.max_points > 0 and not is_on_step(c.max_points, c.step):
            add(
                c,
                "step",
                N_("{code}: max points {max} is not a multiple of the step {step}"),
                max=c.max_points,
                step=c.step,
            )
        if c.kind is CriterionKind.MEASUREMENT and c.rule is not None:
            if c.rule.mode is MeasurementMode.LINEAR and c.rule.unit <= 0:
                add(c, "rule", N_("{code}: the deduction unit must be above 0"))
            if c.rule.tolerance < 0:
                add(c, "rule", N_("{code}: the tolerance cannot be negative"))

    if not criteria:
        problems.append(RubricProblem("", "criteria", UserError("The rubric has no criteria")))
    visit(criteria)
    return problems
