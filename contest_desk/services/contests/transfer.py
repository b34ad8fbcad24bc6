"""Contest files: a whole contest exported and imported whole (see contest_file.py)."""

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ContestInfo, EventSettings
from contest_desk.domain.settings_codec import (
    award_rule_to_dict,
    tie_breaks_to_list,
)
from contest_desk.errors import ImportRejected, NotFound
from contest_desk.services.contests.contest_file import (
    FORMAT,
    VERSION,
    Data,
    check_contest_file,
    criterion_to_dict,
    limit_problems,
    read_contest_file,
    write_contest_file,
)
from contest_desk.services.contests.transfer_import import ContestImporter
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import (
    contest_info,
    event_settings,
    rubric_of,
    unit_path,
)
from contest_desk.storage.roster import entry_rows


def _settings_to_dict(settings: EventSettings) -> Data:
    return {
        "aggregation": settings.aggregation.method.value,
        "trim": settings.aggregation.trim,
        "judges_per_entry": settings.judges_per_entry,
        "places": settings.places,
        "discrepancy_threshold": str(settings.discrepancy_threshold),
        "tie_breaks": tie_breaks_to_list(settings.tie_breaks),
        "award_rule": award_rule_to_dict(settings.award_rule),
    }


def _export_event(s: Session, e: m.Event, judges: dict[int, str], persons: Data) -> Data:
    entries: list[Data] = []
    key_of: dict[int, str] = {}
    for row in entry_rows(s, e.id):
        if row.person is not None:
            key_of[row.id] = row.person.employee_no
            persons[row.person.employee_no] = row.person
            entries.append({"person": row.person.employee_no})
        else:
            assert row.team is not None
            key_of[row.id] = row.team.name
            entries.append({"team": row.team.name})
        out = row.eliminated_round
        eliminated = None if out is None else {"round": out, "rule": row.eliminated_rule or ""}
        entries[-1].update(code=row.code, status=row.status, eliminated=eliminated)
    rounds = {r.id: r.number for r in e.rounds}
    codes = {c.id: c.code for p in e.parts for c in p.criteria}
    scores = [
        {"round": rounds[r], "entry": key_of[en], "criterion": codes[c], "judge": judges[j]}
        | {"value": str(v)}
        for r, en, c, j, v in s.execute(
            select(
                m.Score.round_id,
                m.Score.entry_id,
                m.Score.criterion_id,
                m.Score.judge_id,
                m.Score.value,
            ).where(m.Score.round_id.in_(rounds))
        )
    ]
    timings = [
        {"round": rounds[r], "entry": key_of[en], "seconds": str(sec)}
        for r, en, sec in s.execute(
            select(m.Timing.round_id, m.Timing.entry_id, m.Timing.seconds).where(
                m.Timing.round_id.in_(rounds)
            )
        )
    ]
    return {
        "name": e.name,
        "mode": e.mode,
        "settings": _settings_to_dict(event_settings(e)),
        "parts": [
            {
                "name": p.name,
                "weight": str(p.weight),
                "criteria": [criterion_to_dict(c) for c in rubric_of(p.criteria).criteria],
            }
            for p in e.parts
        ],
        "rounds": [
            {
                "number": r.number,
                "name": r.name,
                "weight": str(r.weight),
                "advance": r.advance,
                "closed": r.closed_at is not None,
            }
            for r in e.rounds
        ],
        "entries": entries,
        "scores": sorted(
            scores, key=lambda d: (d["round"], d["entry"], d["criterion"], d["judge"])
        ),
        "timings": sorted(timings, key=lambda d: (d["round"], d["entry"])),
    }


def _unit_of(s: Session, unit_id: int | None) -> str:
    return unit_path(s.get(m.Unit, unit_id) if unit_id else None)


def export_contest(s: Session, contest_id: int) -> Data:
    contest = s.get(m.Contest, contest_id)
    if contest is None:
        raise NotFound("There is no contest {id}", id=contest_id)
    judge_rows = list(
        s.scalars(select(m.Judge).where(m.Judge.contest_id == contest_id).order_by(m.Judge.id))
    )
    persons: Data = {}
    events = [
        _export_event(s, e, {j.id: j.username for j in judge_rows}, persons) for e in contest.events
    ]
    order = {e.id: (i, e.name) for i, e in enumerate(contest.events)}
    numbers = {r.id: r.number for e in contest.events for r in e.rounds}
    judges = []
    for j in judge_rows:
        assigned = s.scalars(select(m.JudgeAssignment).where(m.JudgeAssignment.judge_id == j.id))
        keyed = sorted((order[a.event_id], numbers.get(a.round_id or 0, 0)) for a in assigned)
        judges.append(
            {
                "username": j.username,
                "name": j.name,
                "unit": _unit_of(s, j.unit_id),
                "assignments": [{"event": ev[1], "round": n or None} for ev, n in keyed],
            }
        )
    teams = []
    for t in s.scalars(select(m.Team).where(m.Team.contest_id == contest_id).order_by(m.Team.id)):
        members = [tm.person for tm in t.members]
        persons.update({p.employee_no: p for p in members})
        teams.append(
            {
                "name": t.name,
                "unit": _unit_of(s, t.unit_id),
                "members": [p.employee_no for p in members],
            }
        )
    people = [
        {
            "employee_no": no,
            "name": p.name,
            "unit": unit_path(p.unit),
            "job_type": p.job_type,
            "skill_level": p.skill_level,
        }
        for no, p in sorted(persons.items())
    ]
    units = {d["unit"] for d in [*people, *teams, *judges] if d["unit"]}
    return {
        "format": FORMAT,
        "version": VERSION,
        "contest": {
            "name": contest.name,
            "kind": contest.kind,
            "status": contest.status,
            "start_date": contest.start_date.isoformat() if contest.start_date else None,
            "end_date": contest.end_date.isoformat() if contest.end_date else None,
            "organizer": contest.organizer,
        },
        "units": sorted(units),
        "persons": people,
        "teams": teams,
        "judges": judges,
        "events": events,
        # Lets anyone check the contest's certificates offline; the private key never leaves.
        "certificate_public_key": s.scalar(
            select(m.CertificateKey.public_key).where(m.CertificateKey.contest_id == contest.id)
        ),
    }


# Import ------------------------------------------------------------------------------------


class TransferService:
    """Moves whole contests in and out of the database as contest files."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.TRANSFER)
    def export_contest(self, contest_id: int) -> Data:
        with self.ctx.db.reading() as s:
            return export_contest(s, contest_id)

    @requires(Action.TRANSFER)
    def import_contest(self, data: Data, source: str = "") -> ContestInfo:
        """Create a new contest from a file's data: all of it, or nothing when anything is wrong.

        Persons are matched by employee number: a stored person is reused, but
        only when the file gives the same name.
        """
        check_contest_file(data)
        if problems := limit_problems(data):
            raise ImportRejected(problems)
        with self.ctx.db.transaction() as s:
            importer = ContestImporter(s)
            contest = importer.run(data)
            if importer.problems:
                raise ImportRejected(importer.problems)
            self.ctx.audit(
                s, "contest.import", f"contest:{contest.id}", file=source, name=contest.name
            )
            return contest_info(contest)

    @requires(Action.TRANSFER)
    def export_file(self, contest_id: int, path: str | Path) -> Path:
        return write_contest_file(path, self.export_contest(contest_id))

    @requires(Action.TRANSFER)
    def import_file(self, path: str | Path) -> ContestInfo:
        return self.import_contest(read_contest_file(path), Path(path).name)
