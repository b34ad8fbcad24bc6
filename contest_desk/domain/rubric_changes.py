"""What a new version of a rubric changes, criterion by criterion, and what it does to scores.

Scores refer to criteria by code, so a criterion keeps its identity by code from one
version to the next. A change that would leave stored scores wrong is refused: a scored
criterion removed or made a group (its scores would be lost), its kind changed (a judge's
mark would be read as a measured value, or back), a max or step its scores no longer fit.
Every other change of a scored criterion (name, weight, rule, a higher max, its place in
the tree) is allowed and changes the results: the window asks first, and the audit row
keeps what changed (``audit_detail``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from contest_desk.domain.rubric import Criterion, CriterionKind, MeasurementRule, Rubric
from contest_desk.errors import UserError
from contest_desk.i18n import N_, _

# Stored scores of one criterion: each distinct value with how many scores hold it.
ScoredValues = Mapping[Decimal, int]


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    NAME = "name"
    KIND = "kind"
    MAX = "max_points"
    STEP = "step"
    WEIGHT = "weight"
    RULE = "rule"
    PLACE = "place"  # moved under another group
    GROUPED = "grouped"  # a leaf that now has sub-criteria
    UNGROUPED = "ungrouped"  # a group that is now a leaf


# How each change reads in a warning; {old}/{new} are the values before and after.
CHANGE_TEXTS = {
    Change.ADDED: N_("new"),
    Change.REMOVED: N_("removed"),
    Change.NAME: N_("name {old} → {new}"),
    Change.KIND: N_("kind {old} → {new}"),
    Change.MAX: N_("max points {old} → {new}"),
    Change.STEP: N_("step {old} → {new}"),
    Change.WEIGHT: N_("weight {old} → {new}"),
    Change.RULE: N_("measurement rule changed"),
    Change.PLACE: N_("moved under {new}"),
    Change.GROUPED: N_("now has sub-criteria"),
    Change.UNGROUPED: N_("no longer has sub-criteria"),
}
KIND_NAMES = {"judgement": N_("Judgement"), "measurement": N_("Measurement")}
KIND_NAMES |= {"deduction": N_("Deduction"), "": N_("group")}


@dataclass(frozen=True)
class CriterionChange:
    """One criterion that differs between two versions, with the scores it touches.

    ``scores``: the stored scores of the criterion (of its leaves, for a group);
    ``unfit``: how many of them the new version would refuse; ``refusal``: why the
    change cannot be saved, or None.
    """

    code: str
    name: str
    changes: tuple[Change, ...]
    before: dict[str, str]
    after: dict[str, str]
    scores: int = 0
    unfit: int = 0
    refusal: UserError | None = None

    def describe(self) -> str:
        """ "B1 操作规范: max points 10 → 8 (12 scores)", in the current language."""
        if self.refusal is not None:
            return self.refusal.message()
        parts = []
        for change in self.changes:
            key = change.value
            old, new = self.before.get(key, ""), self.after.get(key, "")
            if change is Change.KIND:
                old, new = _(KIND_NAMES[old]), _(KIND_NAMES[new])
            parts.append(_(CHANGE_TEXTS[change], old=old, new=new or _("the top level")))
        changes = _("; ").join(parts)
        text = _("{code} {name}: {changes}", code=self.code, name=self.name, changes=changes)
        if self.scores:
            text = _("{text} ({count} scores)", text=text, count=self.scores)
        return text


@dataclass(frozen=True)
class RubricChanges:
    """Every criterion a new version changes, in the new version's order (removed last)."""

    changes: tuple[CriterionChange, ...]
    scored_part: bool  # the part had any scores before the change

    @property
    def refused(self) -> list[CriterionChange]:
        return [c for c in self.changes if c.refusal is not None]

    @property
    def touching_scores(self) -> list[CriterionChange]:
        """The changes that alter results: of scored criteria, or new ones in a scored part."""
        return [
            c for c in self.changes if c.scores or (self.scored_part and Change.ADDED in c.changes)
        ]

    def with_locked_rounds(self, rounds: Sequence[str]) -> RubricChanges:
        """The same changes, when locked ``rounds`` have scores in the part: their results
        are final, so every change to how those scores count (anything but a name) is
        refused until the round is unlocked, which needs the chief judge and a reason."""
        if not rounds:
            return self
        touching = {id(c) for c in self.touching_scores}
        out = []
        for c in self.changes:
            if c.refusal is None and id(c) in touching and set(c.changes) != {Change.NAME}:
                c = replace(
                    c,
                    refusal=UserError(
                        "{code} {name}: {rounds} is locked; unlock it before changing how "
                        "its scores count",
                        code=c.code,
                        name=c.name,
                        rounds="、".join(rounds),
                    ),
                )
            out.append(c)
        return RubricChanges(tuple(out), self.scored_part)

    def check(self) -> None:
        """Refuse the new version when any change would leave stored scores wrong."""
        refused = self.refused
        if refused:
            raise UserError(
                "The rubric was not saved: {reasons}",
                reasons=_("; ").join(c.describe() for c in refused),
            )

    def audit_detail(self) -> list[dict[str, Any]]:
        """The changes as an audit row keeps them: code, what changed, before, after."""
        return [
            {
                "code": c.code,
                "name": c.name,
                "changes": [x.value for x in c.changes],
                "before": c.before,
                "after": c.after,
                "scores": c.scores,
            }
            for c in self.changes
        ]


def _fields(c: Criterion, parent: str) -> dict[str, str]:
    """A criterion's values as compared and kept in the audit trail (text, as typed)."""
    fields = {"name": c.name, "weight": plain(c.weight), "place": parent}
    if c.is_leaf:
        fields |= {"kind": c.kind.value if c.kind else "", "max_points": plain(c.max_points)}
        fields |= {"step": plain(c.step), "rule": _rule_text(c)}
    else:
        fields["kind"] = ""
    return fields


def _rule_text(c: Criterion) -> str:
    """A measurement's rule as "linear 0 ±0.1, 2 per 0.1" ("" for other kinds): equal
    rules give equal texts whatever zeros their numbers were typed with."""
    if c.kind is not CriterionKind.MEASUREMENT:
        return ""
    r = c.rule or MeasurementRule()
    numbers = (r.target, r.tolerance, r.deduction_per_unit, r.unit)
    target, tolerance, deduction, unit = (plain(n) for n in numbers)
    return f"{r.mode.value} {target} ±{tolerance}, {deduction} per {unit}"


def plain(value: Decimal) -> str:
    """A decimal as typed: 30, 0.5 (no exponent, no trailing zeros)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _by_code(criteria: Sequence[Criterion]) -> dict[str, tuple[Criterion, str]]:
    """Every criterion of a tree by code, with its parent's code ("" at the top)."""
    found: dict[str, tuple[Criterion, str]] = {}

    def walk(nodes: Sequence[Criterion], parent: str) -> None:
        for c in nodes:
            found[c.code] = (c, parent)
            walk(c.children, c.code)

    walk(criteria, "")
    return found


def _leaf_codes(c: Criterion) -> Iterator[str]:
    if c.is_leaf:
        yield c.code
    for child in c.children:
        yield from _leaf_codes(child)


def compare(old: Rubric, new: Rubric, scored: Mapping[str, ScoredValues]) -> RubricChanges:
    """What ``new`` changes in ``old``, given the stored scores of each leaf by code."""
    before, after = _by_code(old.criteria), _by_code(new.criteria)
    counts = {code: sum(values.values()) for code, values in scored.items()}

    def scores_of(c: Criterion) -> int:
        return sum(counts.get(code, 0) for code in _leaf_codes(c))

    out = [
        change
        for code, (c, parent) in after.items()
        if (change := _changed(before.get(code), c, parent, scored.get(code, {}), scores_of))
    ]
    for code, (c, parent) in before.items():
        if code not in after:
            count = scores_of(c)
            fields = _fields(c, parent)
            refusal = None
            if count:
                refusal = UserError(
                    "{code} {name} already has scores ({count}) and cannot be removed",
                    code=code,
                    name=c.name,
                    count=count,
                )
            removed = CriterionChange(
                code, c.name, (Change.REMOVED,), fields, {}, count, count, refusal
            )
            out.append(removed)
    return RubricChanges(tuple(out), any(counts.values()))


def _changed(
    was: tuple[Criterion, str] | None,
    c: Criterion,
    parent: str,
    values: ScoredValues,
    scores_of: Callable[[Criterion], int],
) -> CriterionChange | None:
    new_fields = _fields(c, parent)
    if was is None:
        return CriterionChange(c.code, c.name, (Change.ADDED,), {}, new_fields)
    old, old_parent = was
    old_fields = _fields(old, old_parent)
    keys = ("name", "kind", "max_points", "step", "weight", "rule")
    changes = [Change(key) for key in keys if old_fields.get(key) != new_fields.get(key)]
    if old_parent != parent:
        changes.append(Change.PLACE)
    if old.is_leaf and not c.is_leaf:
        changes = [Change.GROUPED, *(x for x in changes if x is Change.NAME or x is Change.WEIGHT)]
    elif not old.is_leaf and c.is_leaf:
        changes = [Change.UNGROUPED, *changes]
    if not changes:
        return None
    count = scores_of(old)
    unfit, refusal = 0, None
    if count and old.is_leaf:
        unfit, refusal = _refusal(old, c, values, count)
    return CriterionChange(
        c.code, c.name, tuple(changes), old_fields, new_fields, count, unfit, refusal
    )


def _refusal(
    old: Criterion, new: Criterion, values: ScoredValues, count: int
) -> tuple[int, UserError | None]:
    """Why a scored leaf cannot become ``new``: how many scores it would leave wrong."""
    if not new.is_leaf:
        return count, UserError(
            "{code} {name} already has scores ({count}) and cannot get sub-criteria",
            code=new.code,
            name=new.name,
            count=count,
        )
    if new.kind is not old.kind:
        return count, UserError(
            "{code} {name} already has scores ({count}): its kind cannot change",
            code=new.code,
            name=new.name,
            count=count,
        )
    unfit = 0
    for value, times in values.items():
        try:
            new.check_value(value)
        except UserError:
            unfit += times
    if not unfit:
        return 0, None
    return unfit, UserError(
        "{code} {name} already has scores: {unfit} of its {count} do not fit max points "
        "{max} in steps of {step}",
        code=new.code,
        name=new.name,
        unfit=unfit,
        count=count,
        max=plain(new.max_points),
        step=plain(new.step),
    )


def describe_audit(detail: Mapping[str, Any]) -> list[str]:
    """The changes a ``rubric.save`` audit row keeps (``audit_detail``), one line each in
    the current language: for the audit trail's window to show them in words."""
    lines = []
    for item in detail.get("changes") or []:
        try:
            change = CriterionChange(
                str(item["code"]),
                str(item["name"]),
                tuple(Change(x) for x in item["changes"]),
                dict(item["before"]),
                dict(item["after"]),
                int(item["scores"]),
            )
        except (KeyError, ValueError, TypeError):
            continue  # a row written by another version: shown as stored elsewhere
        lines.append(change.describe())
    return lines
