"""The innovation ledger: studios, achievements and their lifecycle.

Benefits, patents, awards, rollout sites and recommendations are in
``innovation_details.py``; files in ``attachments.py``; meetings in ``meetings.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.innovation import (
    Approval,
    Move,
    MoveKind,
    Stage,
    approval_for,
    check_move,
    similar_titles,
)
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.innovation import AchievementInfo, StudioInfo
from contest_desk.domain.records.versioned import ACHIEVEMENT_FIELDS, differences
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.permissions import check, requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import unit_path
from contest_desk.storage.roster import unit_by_path
from contest_desk.storage.versions import locked_or_missing, refuse_stale

LEVELS = ("plant", "oilfield", "group")
CATEGORIES = ("technique", "tool", "process", "software", "management", "other")
APPROVALS = {Approval.PROJECT: Action.APPROVE_PROJECT, Approval.RESULT: Action.APPROVE_RESULT}


def get_studio(s: Session, studio_id: int) -> m.Studio:
    row = s.get(m.Studio, studio_id)
    if row is None:
        raise NotFound("There is no studio {id}", id=studio_id)
    return row


def get_achievement(s: Session, achievement_id: int) -> m.Achievement:
    row = s.get(m.Achievement, achievement_id)
    if row is None:
        raise NotFound("There is no achievement {id}", id=achievement_id)
    return row


def persons_named(s: Session, employee_nos: Sequence[str]) -> list[m.Person]:
    """Persons by employee number, in the order given; an unknown one is named."""
    out = []
    for number in employee_nos:
        person = s.scalar(select(m.Person).where(m.Person.employee_no == number.strip()))
        if person is None:
            raise NotFound("There is no person with the employee number {no}", no=number)
        out.append(person)
    return out


def studio_info(s: Session, row: m.Studio) -> StudioInfo:
    unit = s.get(m.Unit, row.unit_id) if row.unit_id is not None else None
    leader = s.get(m.Person, row.leader_id) if row.leader_id is not None else None
    members = s.scalars(
        select(m.Person.name)
        .join(m.StudioMember, m.StudioMember.person_id == m.Person.id)
        .where(m.StudioMember.studio_id == row.id)
        .order_by(m.StudioMember.position)
    )
    return StudioInfo(
        row.id,
        row.name,
        unit_path(unit),
        leader.name if leader else "",
        row.level,
        row.founded_on,
        row.specialties,
        row.status,
        tuple(members),
    )


class InnovationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # Studios -------------------------------------------------------------------

    @requires(Action.VIEW_RESULTS)
    def studios(self) -> list[StudioInfo]:
        with self.ctx.db.reading() as s:
            return [studio_info(s, r) for r in s.scalars(select(m.Studio).order_by(m.Studio.id))]

    @requires(Action.EDIT_INNOVATION)
    def add_studio(
        self,
        name: str,
        unit: str,
        level: str,
        leader: str | None = None,
        members: Sequence[str] = (),
        founded_on: dt.date | None = None,
        specialties: str = "",
    ) -> StudioInfo:
        """A studio; ``leader`` and ``members`` are employee numbers from the roster."""
        name = name.strip()
        if not name:
            raise UserError("A studio needs a name")
        if level not in LEVELS:
            raise UserError(
                "A studio's level is plant, oilfield or group, not {level}", level=level
            )
        with self.ctx.db.transaction() as s:
            if s.scalar(select(m.Studio).where(m.Studio.name == name)):
                raise UserError("There is already a studio named {name}", name=name)
            people = persons_named(s, members)
            head = persons_named(s, [leader])[0] if leader else None
            unit_row = unit_by_path(s, unit, create=True) if unit.strip() else None
            row = m.Studio(
                name=name,
                unit_id=unit_row.id if unit_row else None,
                leader_id=head.id if head else None,
                level=level,
                founded_on=founded_on,
                specialties=specialties.strip(),
                status="active",
            )
            s.add(row)
            s.flush()
            s.add_all(
                m.StudioMember(studio_id=row.id, person_id=p.id, position=i)
                for i, p in enumerate(people)
            )
            s.flush()
            self.ctx.audit(s, "studio.add", f"studio:{row.id}", name=name, level=level)
            return studio_info(s, row)

    # Achievements --------------------------------------------------------------

    @requires(Action.VIEW_RESULTS)
    def similar(self, title: str) -> list[str]:
        """Titles already in the ledger that look like ``title`` (shown while typing)."""
        with self.ctx.db.reading() as s:
            return similar_titles(title, s.scalars(select(m.Achievement.title)))

    @requires(Action.EDIT_INNOVATION)
    def propose(
        self,
        studio_id: int,
        title: str,
        category: str,
        completers: Sequence[str],
        problem: str = "",
        description: str = "",
        started_on: dt.date | None = None,
    ) -> int:
        """A new achievement at the proposal stage; completers by employee number, in
        order of contribution."""
        title = title.strip()
        if not title:
            raise UserError("An achievement needs a title")
        if category not in CATEGORIES:
            raise UserError("{category} is not a category of achievements", category=category)
        if not completers:
            raise UserError("An achievement needs at least one completer")
        with self.ctx.db.transaction() as s:
            get_studio(s, studio_id)
            people = persons_named(s, completers)
            if len({p.id for p in people}) != len(people):
                raise UserError("A completer is listed twice")
            row = m.Achievement(
                studio_id=studio_id,
                title=title,
                category=category,
                problem=problem.strip(),
                description=description.strip(),
                started_on=started_on,
                stage=Stage.PROPOSAL.value,
                created_at=utc_now(),
            )
            s.add(row)
            s.flush()
            s.add_all(
                m.AchievementCompleter(achievement_id=row.id, person_id=p.id, position=i)
                for i, p in enumerate(people)
            )
            self.ctx.audit(s, "achievement.propose", f"achievement:{row.id}", title=title)
            return row.id

    @requires(Action.EDIT_INNOVATION)
    def update(
        self,
        achievement_id: int,
        title: str,
        category: str,
        problem: str,
        description: str,
        finished_on: dt.date | None = None,
        read: AchievementInfo | None = None,
    ) -> None:
        """Save an achievement's details. ``read``: the achievement as the form read it; a
        save after another desk changed them is refused (StaleEdit), changing nothing."""
        if not title.strip():
            raise UserError("An achievement needs a title")
        if category not in CATEGORIES:
            raise UserError("{category} is not a category of achievements", category=category)
        with self.ctx.db.transaction() as s:
            row = locked_or_missing(
                s, m.Achievement, achievement_id, "There is no achievement {id}"
            )
            if read is not None:
                now = replace(read, title=row.title, category=row.category, problem=row.problem,
                              description=row.description, finished_on=row.finished_on,
                              version=row.version)  # fmt: skip
                changes = differences(read, now, ACHIEVEMENT_FIELDS)
                target = [f"achievement:{row.id}"]
                refuse_stale(s, _("This achievement"), read.version, row.version, changes, target)
            old = {"title": row.title, "category": row.category}
            row.title, row.category = title.strip(), category
            row.problem, row.description = problem.strip(), description.strip()
            row.finished_on = finished_on
            self.ctx.audit(
                s, "achievement.update", f"achievement:{row.id}", old=old,
                new={"title": row.title, "category": row.category},
            )  # fmt: skip

    @requires(Action.APPROVE_PROJECT)
    def move(
        self,
        achievement_id: int,
        to_stage: Stage,
        decision: str,
        note: str = "",
        on: dt.date | None = None,
    ) -> MoveKind:
        """Move an achievement to another stage, approved by the acting user. Every move
        takes the right to approve projects; application, rollout and closing also take
        the right to approve results (see ``domain.innovation.approval_for``)."""
        with self.ctx.db.transaction() as s:
            row = get_achievement(s, achievement_id)
            current = Stage(row.stage)
            suspended = Stage(row.suspended_from) if row.suspended_from else None
            kind = check_move(current, to_stage, note, suspended)
            check(self.ctx, APPROVALS[approval_for(current, to_stage)])
            if not decision.strip():
                raise UserError("Record the approver's decision with the move")
            if kind is MoveKind.SUSPEND:
                row.suspended_from = current.value
            elif kind is MoveKind.RESUME:
                row.suspended_from = None
            # A move back sends it to re-review; the next approval forward clears that.
            row.under_review = kind is MoveKind.BACK
            row.stage = to_stage.value
            if to_stage is Stage.CLOSED and row.finished_on is None:
                row.finished_on = on or dt.date.today()
            s.add(
                m.AchievementMove(
                    achievement_id=row.id,
                    from_stage=current.value,
                    to_stage=to_stage.value,
                    on=on or dt.date.today(),
                    approver=self.ctx.actor.username,
                    decision=decision.strip(),
                    note=note.strip(),
                    at=utc_now(),
                )
            )
            self.ctx.audit(
                s, "achievement.move", f"achievement:{row.id}", note.strip(),
                old=current.value, new=to_stage.value, decision=decision.strip(),
            )  # fmt: skip
            return kind

    @requires(Action.VIEW_RESULTS)
    def timeline(self, achievement_id: int) -> list[Move]:
        with self.ctx.db.reading() as s:
            get_achievement(s, achievement_id)
            return moves_of(s, achievement_id)


def moves_of(s: Session, achievement_id: int) -> list[Move]:
    rows = s.scalars(
        select(m.AchievementMove)
        .where(m.AchievementMove.achievement_id == achievement_id)
        .order_by(m.AchievementMove.id)
    )
    return [
        Move(Stage(r.from_stage), Stage(r.to_stage), r.on, r.approver, r.decision, r.note)
        for r in rows
    ]
