"""The roster: units, persons, teams, entries, judges and their panels."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import (
    EntryInfo,
    JudgeInfo,
    PersonInfo,
    TeamInfo,
    UnitInfo,
)
from contest_desk.domain.records.versioned import PERSON_FIELDS
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.entries import new_entry
from contest_desk.storage.mapping import entry_info, get_event, person_info, unit_path
from contest_desk.storage.roster import entry_infos, judge_infos, person_infos, unit_by_path
from contest_desk.storage.versions import locked_or_missing, refuse_stale_read


class RosterService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # Units and persons ---------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def units(self) -> list[UnitInfo]:
        with self.ctx.db.reading() as s:
            rows = s.scalars(select(m.Unit).order_by(m.Unit.id))
            return [UnitInfo(u.id, u.name, u.parent_id, unit_path(u)) for u in rows]

    @requires(Action.EDIT_ROSTER)
    def add_unit(self, path: str) -> UnitInfo:
        """Add a unit by its path; the units above it are made as needed."""
        if not path.strip("/ "):
            raise UserError("A unit needs a name")
        with self.ctx.db.transaction() as s:
            unit = unit_by_path(s, path, create=True)
            assert unit is not None
            self.ctx.audit(s, "unit.add", f"unit:{unit.id}", path=path)
            return UnitInfo(unit.id, unit.name, unit.parent_id, unit_path(unit))

    @requires(Action.VIEW_SETUP)
    def persons(self, search: str = "") -> list[PersonInfo]:
        with self.ctx.db.reading() as s:
            return person_infos(s, search)

    @requires(Action.EDIT_ROSTER)
    def add_person(
        self,
        employee_no: str,
        name: str,
        unit_path_text: str,
        job_type: str = "",
        skill_level: str = "",
    ) -> PersonInfo:
        employee_no, name = _checked_names(employee_no, name)
        with self.ctx.db.transaction() as s:
            _refuse_taken_number(s, employee_no)
            unit = unit_by_path(s, unit_path_text, create=True)
            person = m.Person(
                employee_no=employee_no,
                name=name,
                unit=unit,
                job_type=job_type.strip(),
                skill_level=skill_level.strip(),
            )
            s.add(person)
            s.flush()
            self.ctx.audit(s, "person.add", f"person:{person.id}", employee_no=employee_no)
            return person_info(person)

    @requires(Action.VIEW_SETUP)
    def person(self, person_id: int) -> PersonInfo:
        """One person as stored now (an edit form's fresh values)."""
        with self.ctx.db.reading() as s:
            person = s.get(m.Person, person_id)
            if person is None:
                raise NotFound("There is no person {id}", id=person_id)
            return person_info(person)

    @requires(Action.EDIT_ROSTER)
    def update_person(
        self,
        read: PersonInfo,
        employee_no: str,
        name: str,
        unit_path_text: str,
        job_type: str = "",
        skill_level: str = "",
    ) -> PersonInfo:
        """Save a person's form. ``read`` is the person as the form read it: when another
        desk saved the person since, the save is refused (StaleEdit) naming who, when and
        each field that differs, and nothing is changed."""
        employee_no, name = _checked_names(employee_no, name)
        with self.ctx.db.transaction() as s:
            person, now, target = _as_read(s, read)
            _refuse_taken_number(s, employee_no, other_than=person.id)
            unit = unit_by_path(s, unit_path_text, create=True)
            person.employee_no, person.name, person.unit = employee_no, name, unit
            person.job_type, person.skill_level = job_type.strip(), skill_level.strip()
            s.flush()
            after = person_info(person)
            old = {
                k: getattr(now, k) for k in PERSON_FIELDS if getattr(now, k) != getattr(after, k)
            }
            new = {k: getattr(after, k) for k in old}
            self.ctx.audit(s, "person.update", target, old=old, new=new)
            return after

    @requires(Action.EDIT_ROSTER)
    def remove_person(self, read: PersonInfo) -> None:
        """Take a person added by mistake off the roster (an undone 添加人员). ``read``: the
        person as last seen; refused, changing nothing, when another desk changed them
        since (StaleEdit), and for anyone an entry, a team or another record names: they
        stay, for the record."""
        with self.ctx.db.transaction() as s:
            person, now, target = _as_read(s, read)
            if _named_elsewhere(s, person.id):
                raise UserError(
                    "{name} ({no}) is already in entries, teams or other records and stays "
                    "on the roster",
                    name=now.name,
                    no=now.employee_no,
                )
            self.ctx.audit(s, "person.remove", target, employee_no=now.employee_no, name=now.name)
            s.delete(person)

    # Teams and entries ---------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def teams(self, contest_id: int) -> list[TeamInfo]:
        with self.ctx.db.reading() as s:
            rows = s.scalars(
                select(m.Team).where(m.Team.contest_id == contest_id).order_by(m.Team.id)
            )
            return [
                TeamInfo(
                    t.id,
                    t.name,
                    unit_path(s.get(m.Unit, t.unit_id) if t.unit_id else None),
                    tuple(tm.person.name for tm in t.members),
                )
                for t in rows
            ]

    @requires(Action.EDIT_ROSTER)
    def add_team(self, contest_id: int, name: str, member_ids: Sequence[int]) -> TeamInfo:
        name = name.strip()
        if not name:
            raise UserError("A team needs a name")
        with self.ctx.db.transaction() as s:
            if s.scalar(select(m.Team).where(m.Team.contest_id == contest_id, m.Team.name == name)):
                raise UserError("The contest already has a team named {name}", name=name)
            members = [s.get(m.Person, pid) for pid in member_ids]
            if any(p is None for p in members):
                raise NotFound("A team member is not in the roster")
            first = members[0] if members else None
            team = m.Team(
                contest_id=contest_id, name=name, unit_id=first.unit_id if first else None
            )
            team.members = [
                m.TeamMember(person_id=p.id, position=i) for i, p in enumerate(members) if p
            ]
            s.add(team)
            s.flush()
            self.ctx.audit(s, "team.add", f"team:{team.id}", name=name)
            return TeamInfo(team.id, name, "", tuple(p.name for p in members if p))

    @requires(Action.VIEW_SETUP)
    def entries(self, event_id: int) -> list[EntryInfo]:
        with self.ctx.db.reading() as s:
            return entry_infos(s, event_id)

    @requires(Action.VIEW_SETUP)
    def entry_counts(self) -> dict[int, int]:
        """How many entries each event has, by event id (events without any left out):
        one query for a listing of every contest, instead of reading each event's entries."""
        with self.ctx.db.reading() as s:
            rows = s.execute(select(m.Entry.event_id, func.count()).group_by(m.Entry.event_id))
            return {event_id: count for event_id, count in rows}

    @requires(Action.EDIT_ROSTER)
    def add_entry(
        self, event_id: int, person_id: int | None = None, team_id: int | None = None
    ) -> EntryInfo:
        """Enter a person (individual event) or a team (team event)."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            entry = new_entry(s, event, person_id, team_id)
            self.ctx.audit(s, "entry.add", f"entry:{entry.id}", event=event_id)
            return entry_info(entry)

    @requires(Action.EDIT_ROSTER)
    def remove_entry(self, entry_id: int) -> None:
        """Withdraw an entry that has no scores yet; a scored entry is kept for the record."""
        with self.ctx.db.transaction() as s:
            entry = s.get(m.Entry, entry_id)
            if entry is None:
                raise NotFound("There is no entry {id}", id=entry_id)
            if s.scalar(select(func.count()).where(m.Score.entry_id == entry_id)):
                raise UserError("This entry already has scores and cannot be removed")
            self.ctx.audit(s, "entry.remove", f"entry:{entry_id}", event=entry.event_id)
            s.delete(entry)

    # Judges --------------------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def judges(self, contest_id: int) -> list[JudgeInfo]:
        with self.ctx.db.reading() as s:
            return judge_infos(s, contest_id)

    @requires(Action.EDIT_ROSTER)
    def add_judge(
        self,
        contest_id: int,
        username: str,
        name: str,
        unit_path_text: str = "",
        trainee: bool = False,
    ) -> JudgeInfo:
        username, name = username.strip(), name.strip()
        if not username or not name:
            raise UserError("A judge needs a user name and a name")
        with self.ctx.db.transaction() as s:
            clash = select(m.Judge).where(
                m.Judge.contest_id == contest_id, m.Judge.username == username
            )
            if s.scalar(clash):
                raise UserError("The contest already has a judge {username}", username=username)
            unit = unit_by_path(s, unit_path_text, create=True) if unit_path_text else None
            judge = m.Judge(
                contest_id=contest_id,
                username=username,
                name=name,
                unit_id=unit.id if unit else None,
                trainee=trainee,
            )
            s.add(judge)
            s.flush()
            self.ctx.audit(s, "judge.add", f"judge:{judge.id}", username=username, trainee=trainee)
            return JudgeInfo(judge.id, username, name, unit_path(unit), (), trainee)

    @requires(Action.EDIT_ROSTER)
    def assign_judge(self, judge_id: int, event_id: int) -> None:
        """Put a judge on an event's panel for every round."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            judge = s.get(m.Judge, judge_id)
            if judge is None or judge.contest_id != event.contest_id:
                raise NotFound("There is no judge {id} in this contest", id=judge_id)
            exists = select(m.JudgeAssignment).where(
                m.JudgeAssignment.judge_id == judge_id, m.JudgeAssignment.event_id == event_id
            )
            if s.scalar(exists) is None:
                s.add(m.JudgeAssignment(judge_id=judge_id, event_id=event_id))
                self.ctx.audit(s, "judge.assign", f"judge:{judge_id}", event=event_id)

    @requires(Action.EDIT_ROSTER)
    def unassign_judge(self, judge_id: int, event_id: int) -> None:
        with self.ctx.db.transaction() as s:
            rows = s.scalars(
                select(m.JudgeAssignment).where(
                    m.JudgeAssignment.judge_id == judge_id, m.JudgeAssignment.event_id == event_id
                )
            ).all()
            for row in rows:
                s.delete(row)
            if rows:
                self.ctx.audit(s, "judge.unassign", f"judge:{judge_id}", event=event_id)

    @requires(Action.VIEW_SETUP)
    def panel(self, event_id: int) -> list[JudgeInfo]:
        """The judges assigned to an event."""
        with self.ctx.db.reading() as s:
            rows = s.scalars(
                select(m.Judge)
                .join(m.JudgeAssignment, m.JudgeAssignment.judge_id == m.Judge.id)
                .where(m.JudgeAssignment.event_id == event_id)
                .distinct()
                .order_by(m.Judge.id)
            )
            # With the unit: pickers tell two judges of one name apart by it.
            return [
                JudgeInfo(
                    j.id,
                    j.username,
                    j.name,
                    unit_path(s.get(m.Unit, j.unit_id) if j.unit_id else None),
                    (event_id,),
                    j.trainee,
                )
                for j in rows
            ]


def _checked_names(employee_no: str, name: str) -> tuple[str, str]:
    """A person's employee number and name as stored (trimmed); both are needed."""
    employee_no, name = employee_no.strip(), name.strip()
    if not employee_no or not name:
        raise UserError("A person needs an employee number and a name")
    return employee_no, name


def _refuse_taken_number(s: Session, employee_no: str, other_than: int | None = None) -> None:
    """UserError when another person of the roster (not ``other_than``, the one being
    saved) has the employee number already."""
    query = select(m.Person.id).where(m.Person.employee_no == employee_no)
    if other_than is not None:
        query = query.where(m.Person.id != other_than)
    if s.scalar(query) is not None:
        raise UserError("The employee number {no} is already in the roster", no=employee_no)


def _as_read(s: Session, read: PersonInfo) -> tuple[m.Person, PersonInfo, str]:
    """The person ``read`` names, locked, as stored now, and their audit target; StaleEdit
    when another desk changed what ``read`` shows since."""
    person = locked_or_missing(s, m.Person, read.id, "There is no person {id}")
    now, target = person_info(person), f"person:{person.id}"
    refuse_stale_read(s, _("This person"), read, now, PERSON_FIELDS, target)
    return person, now, target


def _named_elsewhere(s: Session, person_id: int) -> bool:
    """Whether any row names the person: found from the schema's foreign keys, so that a
    table added later is counted too."""
    persons = m.Person.__table__
    for table in m.Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is persons:
                named = select(func.count()).select_from(table).where(key.parent == person_id)
                if s.scalar(named):
                    return True
    return False
