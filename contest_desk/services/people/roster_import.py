"""Importing a roster (报名表): every row is checked first, then all of it is written or none.

Organizers collect entries in a spreadsheet, one row per person and event. The
rows arrive here as plain ``RosterRow`` records (read by reports/roster_excel.py
or built by any other reader); this service finds every problem in one pass so
that the organizer can fix the whole file at once, and writes nothing unless
the file is clean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from contest_desk.domain import limits
from contest_desk.domain.contest import EventMode
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ImportSummary
from contest_desk.domain.records.roster import (
    FIELDS,
    REQUIRED_CELLS,
    RosterRow,
    column_label,
)
from contest_desk.errors import ImportRejected, Location, NotFound, Progress, UserError, step
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.roster import unit_by_path

# Person details a later row may repeat but not contradict.
DETAILS = ("unit", "job_type", "skill_level")
# The shared limits (domain/limits.py: the schema's column sizes, which SQLite does not
# enforce and PostgreSQL does), the same as a contest file's and the window's.
MAX_LENGTH = {
    "employee_no": limits.EMPLOYEE_NO,
    "name": limits.PERSON_NAME,
    "job_type": limits.JOB_TYPE,
    "skill_level": limits.SKILL_LEVEL,
    "team": limits.TEAM_NAME,
}
MAX_UNIT_NAME = limits.UNIT_NAME

# Chinese names are often padded for alignment in spreadsheets ("张  三"); the spaces are not
# part of the name. Names in other scripts keep their spaces.
_CJK_NAME = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\u00b7\u2022\s]+$")


def clean_row(row: RosterRow) -> RosterRow:
    """The row as it will be compared and stored: trimmed, numbers in half-width digits."""
    name = row.name.strip()
    if _CJK_NAME.match(name):
        name = "".join(name.split())
    return replace(
        row,
        employee_no=unicodedata.normalize("NFKC", row.employee_no).strip(),
        name=name,
        unit="/".join(p.strip() for p in row.unit.replace("\\", "/").split("/") if p.strip()),
        job_type=row.job_type.strip(),
        skill_level=row.skill_level.strip(),
        event=row.event.strip(),
        team=row.team.strip(),
    )


def _invalid_texts(row: RosterRow, source: str) -> list[UserError]:
    """A problem for each cell of ``row`` that is not valid text (limits.check_text)."""
    found = []
    for name in FIELDS:
        value = getattr(row, name, "")
        try:
            limits.check_text(value, None, column_label(name), Location(source, row.row))
        except UserError as error:
            found.append(error)
    return found


@dataclass
class _Stored:
    """What the database already holds that the rows refer to, loaded in a few queries."""

    events: dict[str, m.Event]
    persons: dict[str, m.Person]
    teams: dict[str, m.Team]
    entered: set[tuple[int, int]]  # (event id, person id), alone or in a team
    team_entries: set[tuple[int, int]]  # (event id, team id)

    @classmethod
    def load(cls, s: Session, contest_id: int, rows: Sequence[RosterRow]) -> _Stored:
        events = {
            e.name: e for e in s.scalars(select(m.Event).where(m.Event.contest_id == contest_id))
        }
        numbers = sorted({r.employee_no for r in rows if r.employee_no})
        persons = {
            p.employee_no: p
            for p in s.scalars(select(m.Person).where(m.Person.employee_no.in_(numbers)))
        }
        teams = {
            t.name: t
            for t in s.scalars(
                select(m.Team)
                .where(m.Team.contest_id == contest_id)
                .options(selectinload(m.Team.members))
            )
        }
        event_ids = [e.id for e in events.values()]
        alone = s.execute(
            select(m.Entry.event_id, m.Entry.person_id).where(
                m.Entry.event_id.in_(event_ids), m.Entry.person_id.is_not(None)
            )
        )
        in_team = s.execute(
            select(m.Entry.event_id, m.TeamMember.person_id)
            .join(m.TeamMember, m.TeamMember.team_id == m.Entry.team_id)
            .where(m.Entry.event_id.in_(event_ids))
        )
        team_entries = s.execute(
            select(m.Entry.event_id, m.Entry.team_id).where(
                m.Entry.event_id.in_(event_ids), m.Entry.team_id.is_not(None)
            )
        )
        return cls(
            events,
            persons,
            teams,
            {(e, p) for e, p in [*alone, *in_team] if p is not None},
            {(e, t) for e, t in team_entries if t is not None},
        )


@dataclass
class _Checker:
    """Collects every problem of a roster against what is stored, without writing anything."""

    stored: _Stored
    source: str
    problems: list[UserError] = field(default_factory=list)
    first_row: dict[str, RosterRow] = field(default_factory=dict)  # employee no → first row
    details: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    in_event: dict[tuple[str, str], int] = field(default_factory=dict)  # (event, no) → row

    def problem(self, at: RosterRow, column: str, msgid: str, /, **params: Any) -> None:
        where = Location(self.source, at.row, column_label(column))
        self.problems.append(UserError(msgid, where=where, **params))

    def check(self, rows: Iterable[RosterRow]) -> list[UserError]:
        for row in rows:
            missing = [f for f in REQUIRED_CELLS if not getattr(row, f)]
            for name in missing:
                self.problem(row, name, "This cell is required")
            self._check_lengths(row)
            if missing:
                continue
            self._check_person(row)
            self._check_entry(row)
        return self.problems

    def _check_lengths(self, row: RosterRow) -> None:
        for name, limit in MAX_LENGTH.items():
            if len(getattr(row, name)) > limit:
                self.problem(row, name, "Longer than {limit} characters", limit=limit)
        if any(len(part) > MAX_UNIT_NAME for part in row.unit.split("/")):
            self.problem(
                row, "unit", "A unit name is longer than {limit} characters", limit=MAX_UNIT_NAME
            )

    def _check_person(self, row: RosterRow) -> None:
        no = row.employee_no
        stored = self.stored.persons.get(no)
        first = self.first_row.setdefault(no, row)
        if stored is not None and stored.name != row.name:
            self.problem(
                row,
                "name",
                "Employee number {no} is {stored} in the roster, not {name}",
                no=no,
                stored=stored.name,
                name=row.name,
            )
        elif first.name != row.name:
            self.problem(
                row,
                "name",
                "Employee number {no} is {first} in row {row}, not {name}",
                no=no,
                first=first.name,
                row=first.row,
                name=row.name,
            )
        for name in DETAILS:
            value = getattr(row, name)
            if not value:
                continue
            seen, seen_row = self.details.setdefault((no, name), (value, row.row))
            if seen != value:
                self.problem(
                    row,
                    name,
                    "{value} differs from {seen} given for employee number {no} in row {row}",
                    value=value,
                    seen=seen,
                    no=no,
                    row=seen_row,
                )

    def _check_entry(self, row: RosterRow) -> None:
        event = self.stored.events.get(row.event)
        if event is None:
            known = "、".join(sorted(self.stored.events)) or "—"
            self.problem(
                row,
                "event",
                "{event} is not an event of this contest (its events: {known})",
                event=row.event,
                known=known,
            )
            return
        team_event = event.mode == EventMode.TEAM.value
        if team_event and not row.team:
            self.problem(
                row, "team", "{event} is a team event: give the team's name", event=event.name
            )
        if not team_event and row.team:
            self.problem(
                row,
                "team",
                "{event} is an individual event: leave the team blank",
                event=event.name,
            )
        first = self.in_event.setdefault((event.name, row.employee_no), row.row)
        if first != row.row:
            self.problem(
                row,
                "employee_no",
                "Employee number {no} is already in {event} in row {row}",
                no=row.employee_no,
                event=event.name,
                row=first,
            )
        person = self.stored.persons.get(row.employee_no)
        if person is not None and (event.id, person.id) in self.stored.entered:
            self.problem(
                row,
                "employee_no",
                "{name} ({no}) is already entered in {event}",
                name=person.name,
                no=row.employee_no,
                event=event.name,
            )


class RosterImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.EDIT_ROSTER)
    def import_rows(
        self,
        contest_id: int,
        rows: Sequence[RosterRow],
        source: str,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Write a roster's units, persons, teams and entries in one transaction, or nothing.

        Every problem (with ``source``, row and column) is collected before anything
        is written and raised together as ImportRejected. An existing person (same
        employee number and name) gets the unit, job type and skill level the file
        gives; blank cells keep what is stored. ``progress`` follows the rows written;
        a Cancel raises Cancelled inside the transaction, so nothing is kept.
        """
        cleaned = [clean_row(r) for r in rows]
        if not cleaned:
            raise UserError("There are no rows to import", where=Location(source))
        # Text no database can hold is refused before any query binds it.
        if invalid := [p for r in cleaned for p in _invalid_texts(r, source)]:
            raise ImportRejected(invalid)
        with self.ctx.db.transaction() as s:
            if s.get(m.Contest, contest_id) is None:
                raise NotFound("There is no contest {id}", id=contest_id)
            stored = _Stored.load(s, contest_id, cleaned)
            problems = _Checker(stored, source).check(cleaned)
            if problems:
                raise ImportRejected(problems)
            summary = _write(s, contest_id, stored, cleaned, progress)
            self.ctx.audit(
                s,
                "roster.import",
                f"contest:{contest_id}",
                source=source,
                rows=len(cleaned),
                created=summary.created,
                updated=summary.updated,
            )
            return summary


def _write(
    s: Session,
    contest_id: int,
    stored: _Stored,
    rows: Sequence[RosterRow],
    progress: Progress | None = None,
) -> ImportSummary:
    """Write checked rows; the caller's transaction makes it all or nothing."""
    units_before = s.scalar(select(func.count()).select_from(m.Unit)) or 0
    created = dict.fromkeys(("units", "persons", "teams", "entries"), 0)
    updated = dict.fromkeys(("persons", "teams"), 0)
    persons = _write_persons(s, stored, rows, created, updated)
    existing_teams = {t.id for t in stored.teams.values()}
    grown_teams: set[int] = set()
    for done, row in enumerate(rows):
        step(progress, done, len(rows))
        event = stored.events[row.event]
        person = persons[row.employee_no]
        if event.mode != EventMode.TEAM.value:
            s.add(m.Entry(event_id=event.id, person_id=person.id))
            created["entries"] += 1
            continue
        team = stored.teams.get(row.team)
        if team is None:
            team = m.Team(contest_id=contest_id, name=row.team, unit_id=person.unit_id)
            team.members = []
            s.add(team)
            s.flush()
            stored.teams[row.team] = team
            created["teams"] += 1
        if person.id not in {tm.person_id for tm in team.members}:
            team.members.append(m.TeamMember(person_id=person.id, position=len(team.members)))
            if team.id in existing_teams:
                grown_teams.add(team.id)
        if (event.id, team.id) not in stored.team_entries:
            s.add(m.Entry(event_id=event.id, team_id=team.id))
            stored.team_entries.add((event.id, team.id))
            created["entries"] += 1
    s.flush()
    step(progress, len(rows), len(rows))
    updated["teams"] = len(grown_teams)
    created["units"] = (s.scalar(select(func.count()).select_from(m.Unit)) or 0) - units_before
    return ImportSummary(created, updated)


def _write_persons(
    s: Session,
    stored: _Stored,
    rows: Sequence[RosterRow],
    created: dict[str, int],
    updated: dict[str, int],
) -> dict[str, m.Person]:
    """New persons, and stored ones brought up to date; employee number → person."""
    given: dict[str, dict[str, str]] = {}
    for row in rows:
        values = given.setdefault(row.employee_no, {"name": row.name})
        for name in DETAILS:
            values.setdefault(name, "")
            values[name] = values[name] or getattr(row, name)
    units: dict[str, m.Unit | None] = {}
    persons: dict[str, m.Person] = {}
    for no, values in given.items():
        path = values["unit"]
        if path and path not in units:
            units[path] = unit_by_path(s, path, create=True)
        unit = units.get(path)
        person = stored.persons.get(no)
        if person is None:
            person = m.Person(
                employee_no=no,
                name=values["name"],
                unit_id=unit.id if unit else None,
                job_type=values["job_type"],
                skill_level=values["skill_level"],
            )
            s.add(person)
            created["persons"] += 1
        else:
            changes = {
                "unit_id": unit.id if unit else person.unit_id,
                "job_type": values["job_type"] or person.job_type,
                "skill_level": values["skill_level"] or person.skill_level,
            }
            if any(getattr(person, k) != v for k, v in changes.items()):
                for k, v in changes.items():
                    setattr(person, k, v)
                updated["persons"] += 1
        persons[no] = person
    s.flush()
    return persons
