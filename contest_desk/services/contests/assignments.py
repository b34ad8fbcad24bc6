"""Conflicts of interest (回避) and which judge marks which entry.

Without entry assignments a round's whole panel marks every entry, except the pairs in
conflict. ``assign_entries`` gives each entry the event's number of judges, balanced,
never a conflicted pair; by hand, a conflicted pair needs an organizer's override with a
reason first. ``check_may_mark`` is what every score write asks.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import bindparam, delete, exists, func, select
from sqlalchemy.orm import Session

from contest_desk.domain.assignment import balanced_assignment, same_unit
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ConflictInfo
from contest_desk.errors import NotFound, PermissionDenied, UserError
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import get_event, get_round
from contest_desk.storage.roster import in_round, unit_paths, unit_paths_of
from contest_desk.storage.save_facts import PEOPLE_AND_DECLARED, People
from contest_desk.storage.save_rows import AnyEvent, AnyJudge, AnyRound


def panel_ids(s: Session, event: m.Event, rnd: m.Round, trainees: bool = False) -> list[int]:
    """The judges of a round's panel whose marks count (trainees too, when asked)."""
    query = (
        select(m.JudgeAssignment.judge_id)
        .join(m.Judge, m.Judge.id == m.JudgeAssignment.judge_id)
        .where(
            m.JudgeAssignment.event_id == event.id,
            (m.JudgeAssignment.round_id.is_(None)) | (m.JudgeAssignment.round_id == rnd.id),
        )
        .distinct()
        .order_by(m.JudgeAssignment.judge_id)
    )
    if not trainees:
        query = query.where(m.Judge.trainee.is_(False))
    return list(s.scalars(query))


def _entry_people(s: Session, event_id: int) -> dict[int, list[tuple[int, int | None]]]:
    """entry id → (person id, unit id) of the person, or of every team member."""
    people: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    solo = select(m.Entry.id, m.Person.id, m.Person.unit_id).join(
        m.Person, m.Person.id == m.Entry.person_id
    )
    teams = (
        select(m.Entry.id, m.Person.id, m.Person.unit_id)
        .join(m.TeamMember, m.TeamMember.team_id == m.Entry.team_id)
        .join(m.Person, m.Person.id == m.TeamMember.person_id)
    )
    for query in (solo, teams):
        for entry_id, person_id, unit_id in s.execute(query.where(m.Entry.event_id == event_id)):
            people[entry_id].append((person_id, unit_id))
    return people


def _conflict(
    judge_id: int,
    judge_unit: str | None,
    people: list[tuple[int, int | None]],
    units: list[str],
    declared: dict[tuple[int, int], str],
) -> tuple[str, str] | None:
    """(kind, note) of a judge's conflict with an entry's people (``units``: their unit
    paths; ``judge_unit``: the judge's, None without a unit), None without one."""
    note = next((declared[(judge_id, p)] for p, _ in people if (judge_id, p) in declared), None)
    if note is not None:
        return "declared", note
    if judge_unit is not None and same_unit(judge_unit, units):
        return "unit", ""
    return None


def conflicts_of(s: Session, event: m.Event) -> list[ConflictInfo]:
    """Every conflicted (judge, entry) pair of an event, overridden ones included."""
    paths = unit_paths(s)
    judges = s.execute(
        select(m.Judge.id, m.Judge.unit_id).where(m.Judge.contest_id == event.contest_id)
    ).all()
    declared = {
        (judge_id, person_id): note
        for judge_id, person_id, note in s.execute(
            select(m.Conflict.judge_id, m.Conflict.person_id, m.Conflict.note)
        )
    }
    overrides = {
        (judge_id, entry_id): reason
        for judge_id, entry_id, reason in s.execute(
            select(
                m.ConflictOverride.judge_id, m.ConflictOverride.entry_id, m.ConflictOverride.reason
            )
        )
    }
    out = []
    for entry_id, people in sorted(_entry_people(s, event.id).items()):
        units = [paths.get(u, "") for _, u in people if u is not None]
        for judge_id, judge_unit in judges:
            path = None if judge_unit is None else paths.get(judge_unit, "")
            found = _conflict(judge_id, path, people, units, declared)
            if found is not None:
                kind, note = found
                override = overrides.get((judge_id, entry_id))
                out.append(ConflictInfo(judge_id, entry_id, kind, note, override))
    return out


# A save's queries, made once with parameters: building a statement and its cache key
# each time cost more than running it (0.15 against 0.03 ms).
_OVERRIDDEN = select(m.ConflictOverride.id).where(
    m.ConflictOverride.judge_id == bindparam("judge"),
    m.ConflictOverride.entry_id == bindparam("entry"),
)
_ASSIGNED = m.EntryAssignment
_ASSIGNED_OR_OPEN = select(
    exists().where(_ASSIGNED.round_id == bindparam("round")),
    exists().where(
        _ASSIGNED.round_id == bindparam("round"),
        _ASSIGNED.entry_id == bindparam("entry"),
        _ASSIGNED.judge_id == bindparam("judge"),
    ),
)


def in_conflict(
    s: Session, event: AnyEvent, judge: AnyJudge, entry_id: int, read: People | None = None
) -> bool:
    """Whether a judge must not mark an entry of ``event`` (a conflict not overridden):
    ``excluded_judges`` for one pair, without working out the whole event's (a save asks
    this every time). ``read``: the entry's people as PEOPLE_AND_DECLARED gives them,
    when the caller read them already (a save on SQLite: storage/save_facts.py)."""
    if judge.contest_id != event.contest_id:  # conflicts_of looks at the contest's judges
        return False
    rows = read
    if rows is None:
        asked = {"entry": entry_id, "event": event.id, "judge": judge.id}
        s.flush()  # what the session holds first, as its own query would
        # On the connection: the session's path costs more than the query (issue 16).
        found = s.connection().execute(PEOPLE_AND_DECLARED, asked)
        rows = [(person, unit, note) for person, unit, note in found]
    people = [(person_id, unit_id) for person_id, unit_id, _ in rows]
    declared = {(judge.id, p): note for p, _, note in rows if note is not None}
    paths: dict[int, str] = {}
    if judge.unit_id is not None and not declared:
        paths = unit_paths_of(s, {judge.unit_id, *(u for _, u in people if u is not None)})
    units = [paths.get(u, "") for _, u in people if u is not None]
    path = None if judge.unit_id is None else paths.get(judge.unit_id, "")
    if _conflict(judge.id, path, people, units, declared) is None:
        return False
    return s.connection().scalar(_OVERRIDDEN, {"judge": judge.id, "entry": entry_id}) is None


def excluded_judges(s: Session, event: m.Event) -> dict[int, frozenset[int]]:
    """entry id → judges who must not mark it (conflicts not overridden)."""
    out: dict[int, set[int]] = defaultdict(set)
    for c in conflicts_of(s, event):
        if c.override is None:
            out[c.entry_id].add(c.judge_id)
    return {entry: frozenset(judges) for entry, judges in out.items()}


def assigned_judges(s: Session, round_id: int) -> dict[int, set[int]] | None:
    """entry id → its judges in a round; None when the round has no entry assignments."""
    rows = s.execute(
        select(m.EntryAssignment.entry_id, m.EntryAssignment.judge_id).where(
            m.EntryAssignment.round_id == round_id
        )
    ).all()
    if not rows:
        return None
    out: dict[int, set[int]] = defaultdict(set)
    for entry_id, judge_id in rows:
        out[entry_id].add(judge_id)
    return out


def assigned_or_open(s: Session, round_id: int, judge_id: int, entry_id: int) -> bool:
    """``assigned_judges`` for one pair: the round has no entry assignments, or the judge
    is assigned to the entry."""
    asked = {"round": round_id, "entry": entry_id, "judge": judge_id}
    any_assigned, assigned = s.execute(_ASSIGNED_OR_OPEN, asked).one()
    return bool(assigned) or not any_assigned


def check_may_mark(
    s: Session,
    event: AnyEvent,
    rnd: AnyRound,
    judge: AnyJudge,
    entry_id: int,
    assigned: bool | None = None,
    people: People | None = None,
) -> None:
    """A judge marks an entry only when assigned to it, and never one in conflict.
    ``assigned``: ``assigned_or_open``, and ``people``: the entry's people (in_conflict),
    when the caller read them already (a save)."""
    # A trainee shadows the whole panel; everyone else marks only what they are assigned
    # (when the round has entry assignments: asked for this pair, not the whole round's).
    if assigned is None and not judge.trainee:
        assigned = assigned_or_open(s, rnd.id, judge.id, entry_id)
    if not judge.trainee and not assigned:
        raise PermissionDenied(
            "{judge} is not assigned to this entry in {round}", judge=judge.name, round=rnd.name
        )
    if in_conflict(s, event, judge, entry_id, people):
        raise PermissionDenied(
            "{judge} has a conflict of interest with this entry", judge=judge.name
        )


def entries_of_judge(s: Session, event: m.Event, rnd: m.Round, judge: m.Judge) -> set[int]:
    """The entries a judge's sheet holds: those assigned to them (a trainee shadows all),
    or, without assignments, every entry but those they are in conflict with."""
    everyone = in_round(s, event.id, rnd.number)
    excluded = excluded_judges(s, event)
    mine = {e for e in everyone if judge.id not in excluded.get(e, frozenset())}
    assigned = assigned_judges(s, rnd.id)
    if assigned is None or judge.trainee:
        return mine
    return {e for e in mine if judge.id in assigned.get(e, set())}


class AssignmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_SETUP)
    def conflicts(self, event_id: int) -> list[ConflictInfo]:
        with self.ctx.db.reading() as s:
            return conflicts_of(s, get_event(s, event_id))

    @requires(Action.EDIT_ROSTER)
    def declare_conflict(self, judge_id: int, person_id: int, note: str) -> None:
        """A conflict the unit rule cannot see: a relative, one's own apprentice…"""
        if not note.strip():
            raise UserError("Say what the conflict is; it is kept on the record")
        with self.ctx.db.transaction() as s:
            if s.get(m.Judge, judge_id) is None:
                raise NotFound("There is no judge {id}", id=judge_id)
            if s.get(m.Person, person_id) is None:
                raise NotFound("There is no person {id}", id=person_id)
            s.add(m.Conflict(judge_id=judge_id, person_id=person_id, note=note.strip()))
            self.ctx.audit(
                s, "conflict.declare", f"judge:{judge_id}", note, person=person_id, new=True
            )

    @requires(Action.EDIT_ROSTER)
    def override_conflict(self, judge_id: int, entry_id: int, reason: str) -> None:
        """Let a conflicted judge mark an entry (e.g. no other judge of the trade is left)."""
        if not reason.strip():
            raise UserError("Give a reason; it is kept on the record")
        with self.ctx.db.transaction() as s:
            entry = s.get(m.Entry, entry_id)
            if entry is None:
                raise NotFound("There is no entry {id}", id=entry_id)
            event = get_event(s, entry.event_id)
            if not any(
                c.judge_id == judge_id and c.entry_id == entry_id for c in conflicts_of(s, event)
            ):
                raise UserError("There is no conflict to override for this judge and entry")
            s.add(
                m.ConflictOverride(
                    judge_id=judge_id,
                    entry_id=entry_id,
                    reason=reason.strip(),
                    decided_by=self.ctx.actor.username,
                )
            )
            self.ctx.audit(
                s, "conflict.override", f"entry:{entry_id}", reason, judge=judge_id, new=True
            )

    @requires(Action.VIEW_SETUP)
    def entry_judges(self, event_id: int, round_number: int | None) -> dict[int, tuple[int, ...]]:
        """entry id → judges who mark it in the round (the panel less conflicts when unassigned)."""
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            assigned = assigned_judges(s, rnd.id)
            if assigned is not None:
                return {e: tuple(sorted(j)) for e, j in assigned.items()}
            panel = panel_ids(s, event, rnd)
            excluded = excluded_judges(s, event)
            entries = s.scalars(select(m.Entry.id).where(m.Entry.event_id == event.id))
            return {
                e: tuple(j for j in panel if j not in excluded.get(e, frozenset())) for e in entries
            }

    @requires(Action.EDIT_ROSTER)
    def assign_entries(self, event_id: int, round_number: int | None) -> dict[int, int]:
        """Give each entry the event's number of judges from the panel, balanced, never a
        pair in conflict. Returns the entries left short of judges (entry id → how many)."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            marked = s.scalar(
                select(func.count()).select_from(m.Score).where(m.Score.round_id == rnd.id)
            )
            if marked:
                raise UserError(
                    "{round} already has scores: change its assignments by hand", round=rnd.name
                )
            panel = panel_ids(s, event, rnd)
            if not panel:
                raise UserError("No judge is on the panel of {event} yet", event=event.name)
            entries = list(
                s.scalars(
                    select(m.Entry.id).where(m.Entry.event_id == event.id).order_by(m.Entry.id)
                )
            )
            plan = balanced_assignment(
                entries, panel, event.judges_per_entry, excluded_judges(s, event)
            )
            s.execute(delete(m.EntryAssignment).where(m.EntryAssignment.round_id == rnd.id))
            s.add_all(
                m.EntryAssignment(round_id=rnd.id, judge_id=judge, entry_id=entry)
                for entry, judges in plan.judges_of.items()
                for judge in judges
            )
            self.ctx.audit(
                s,
                "assignment.auto",
                f"event:{event.id}",
                round=rnd.number,
                load={str(j): n for j, n in sorted(plan.load().items())},
                short={str(e): n for e, n in plan.short.items()},
            )
            return dict(plan.short)

    @requires(Action.EDIT_ROSTER)
    def set_entry_judges(
        self, event_id: int, round_number: int | None, entry_id: int, judge_ids: list[int]
    ) -> None:
        """By hand: exactly these judges mark this entry in the round."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            entry = s.get(m.Entry, entry_id)
            if entry is None or entry.event_id != event.id:
                raise NotFound("There is no entry {id} in {event}", id=entry_id, event=event.name)
            panel = set(panel_ids(s, event, rnd))
            excluded = excluded_judges(s, event).get(entry_id, frozenset())
            names: dict[int, str] = {j: n for j, n in s.execute(select(m.Judge.id, m.Judge.name))}
            for judge_id in judge_ids:
                if judge_id not in panel:
                    raise UserError(
                        "{judge} is not on the panel of {event}",
                        judge=names.get(judge_id, judge_id),
                        event=event.name,
                    )
                if judge_id in excluded:
                    raise UserError(
                        "{judge} has a conflict of interest with this entry; "
                        "an organizer must override it with a reason first",
                        judge=names[judge_id],
                    )
            before = (assigned_judges(s, rnd.id) or {}).get(entry_id, set())
            dropped = before - set(judge_ids)
            marked = s.scalars(
                select(m.Score.judge_id).where(
                    m.Score.round_id == rnd.id,
                    m.Score.entry_id == entry_id,
                    m.Score.judge_id.in_(dropped),
                )
            ).first()
            if marked is not None:
                raise UserError(
                    "{judge} has already marked this entry and cannot be taken off it",
                    judge=names[marked],
                )
            s.execute(
                delete(m.EntryAssignment).where(
                    m.EntryAssignment.round_id == rnd.id, m.EntryAssignment.entry_id == entry_id
                )
            )
            s.add_all(
                m.EntryAssignment(round_id=rnd.id, judge_id=j, entry_id=entry_id)
                for j in dict.fromkeys(judge_ids)
            )
            self.ctx.audit(
                s,
                "assignment.entry",
                f"entry:{entry_id}",
                round=rnd.number,
                old=sorted(before),
                new=sorted(dict.fromkeys(judge_ids)),
            )
