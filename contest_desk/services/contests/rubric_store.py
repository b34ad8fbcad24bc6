"""Writing one part's rubric inside a transaction: shared by the editor's save and the
Excel import, which replaces several parts in one transaction, all or none."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from contest_desk.domain.rubric import Rubric, rubric_problems
from contest_desk.domain.rubric_changes import RubricChanges, compare
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext
from contest_desk.storage import models as m
from contest_desk.storage.mapping import criterion_rows, rubric_of
from contest_desk.storage.versions import refuse_changed


def get_part(s: Session, part_id: int) -> m.Part:
    part = s.get(m.Part, part_id)
    if part is None:
        raise NotFound("There is no part {id}", id=part_id)
    return part


def scored_values(s: Session, part: m.Part) -> dict[str, dict[Decimal, int]]:
    """Each scored criterion's code → its distinct stored values with their counts
    (a few values per criterion, however many entries and judges)."""
    rows = s.execute(
        select(m.Criterion.code, m.Score.value, func.count())
        .join(m.Score, m.Score.criterion_id == m.Criterion.id)
        .where(m.Criterion.part_id == part.id)
        .group_by(m.Criterion.code, m.Score.value)
    )
    found: dict[str, dict[Decimal, int]] = {}
    for code, value, count in rows:
        found.setdefault(code, {})[value] = count
    return found


def locked_rounds(s: Session, part: m.Part) -> list[str]:
    """The names of the event's locked rounds that hold scores of the part's criteria."""
    scored = (
        select(m.Score.id)
        .join(m.Criterion, m.Criterion.id == m.Score.criterion_id)
        .where(m.Score.round_id == m.Round.id, m.Criterion.part_id == part.id)
    )
    return list(
        s.scalars(
            select(m.Round.name)
            .where(m.Round.event_id == part.event_id, m.Round.locked_at.is_not(None))
            .where(scored.exists())
            .order_by(m.Round.number)
        )
    )


def rubric_changes(s: Session, part: m.Part, rubric: Rubric) -> RubricChanges:
    """What saving ``rubric`` would change in the part, with the scores it touches (and
    refused where they are the final results of a locked round)."""
    changes = compare(rubric_of(part.criteria), rubric, scored_values(s, part))
    if not changes.touching_scores:
        return changes
    return changes.with_locked_rounds(locked_rounds(s, part))


def refuse_stale_rubric(s: Session, part: m.Part, read: Rubric) -> None:
    """Refuse a save whose draft started from ``read`` when the stored rubric is no longer
    that (another desk saved the part since), naming each criterion they changed."""
    stored = rubric_of(part.criteria)
    if stored == read:
        return
    theirs = compare(read, stored, {})
    said = [c.describe() for c in theirs.changes]
    refuse_changed(s, _("This rubric"), [f"part:{part.id}"], current=stored, said=said)


def check_codes_unique_in_event(s: Session, part: m.Part, rubric: Rubric) -> None:
    """Score files name criteria by code, so a code may appear in one part only."""
    codes = {row.code for row, _ in criterion_rows(rubric)}
    clash = s.scalar(
        select(m.Criterion.code)
        .join(m.Part, m.Part.id == m.Criterion.part_id)
        .where(m.Part.event_id == part.event_id, m.Part.id != part.id, m.Criterion.code.in_(codes))
    )
    if clash:
        raise UserError("The code {code} is already used in another part", code=clash)


def replace_rubric(
    s: Session,
    ctx: ServiceContext,
    part: m.Part,
    rubric: Rubric,
    source: str = "",
    check_codes: bool = True,
) -> RubricChanges:
    """Replace a part's criteria tree after checking it, and audit what changed.

    Criteria keep their identity by code, so scores stay attached; a change that would
    leave stored scores wrong (see domain/rubric_changes.py) is refused, naming each
    criterion and how many scores it holds. ``source``: the file it came from, if any;
    ``check_codes``: False when the caller, replacing several parts at once, has checked
    the codes against the other parts itself (a code may move from one to another).
    """
    problems = rubric_problems(rubric.criteria)
    if problems:
        raise problems[0].error
    if check_codes:
        check_codes_unique_in_event(s, part, rubric)
    changes = rubric_changes(s, part, rubric)
    changes.check()
    old = {c.code: c for c in part.criteria}
    new_rows = criterion_rows(rubric)
    ids: dict[str, m.Criterion] = {}
    for row, _parent in new_rows:
        target = old.pop(row.code, None) or m.Criterion(part_id=part.id, code=row.code)
        for attr in ("name", "kind", "max_points", "step", "weight", "rule", "position"):
            setattr(target, attr, getattr(row, attr))
        target.parent_id = None
        s.add(target)
        ids[row.code] = target
    s.flush()
    for row, parent_code in new_rows:
        ids[row.code].parent_id = ids[parent_code].id if parent_code else None
    for leftover in old.values():
        s.delete(leftover)
    # The criteria are rows of their own: the part's edit version moves with them.
    flag_modified(part, "position")
    detail: dict[str, Any] = {
        "leaves": sum(1 for _ in rubric.leaves()),
        "changes": changes.audit_detail(),
    }
    if source:
        detail["source"] = source
    ctx.audit(s, "rubric.save", f"part:{part.id}", part=part.name, **detail)
    s.flush()
    s.expire(part)
    return changes
