"""Turning stored rows into records and domain objects, and rubric trees into rows."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import Session, aliased

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.contest import ContestKind, ContestStatus, EventMode
from contest_desk.domain.records.boards import BoardInfo
from contest_desk.domain.records.contests import (
    ContestInfo,
    CriterionColumn,
    EntryInfo,
    EventInfo,
    EventSettings,
    PartInfo,
    PersonInfo,
    RoundInfo,
)
from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.domain.scoring import Part, RoundSpec, ScoringScheme
from contest_desk.domain.settings_codec import (
    award_rule_from_dict,
    measurement_rule_from_dict,
    measurement_rule_to_dict,
    tie_breaks_from_list,
)
from contest_desk.errors import NotFound
from contest_desk.storage import models as m
from contest_desk.storage.save_rows import AnyCriterion


def contest_info(c: m.Contest) -> ContestInfo:
    return ContestInfo(
        c.id,
        c.name,
        ContestKind(c.kind),
        ContestStatus(c.status),
        c.start_date,
        c.end_date,
        c.organizer,
        c.version,
    )


def event_settings(e: m.Event) -> EventSettings:
    return EventSettings(
        aggregation=AggregationRule(Aggregation(e.aggregation), e.trim),
        judges_per_entry=e.judges_per_entry,
        places=e.places,
        tie_breaks=tie_breaks_from_list(e.tie_breaks or []),
        award_rule=award_rule_from_dict(e.award_rule),
        discrepancy_threshold=e.discrepancy,
    )


def event_info(e: m.Event) -> EventInfo:
    return EventInfo(
        e.id,
        e.contest_id,
        e.name,
        EventMode(e.mode),
        event_settings(e),
        tuple(PartInfo(p.id, p.name, p.weight) for p in e.parts),
        tuple(RoundInfo(r.id, r.number, r.name, r.weight) for r in e.rounds),
        e.version,
    )


def unit_path(unit: m.Unit | None) -> str:
    names: list[str] = []
    while unit is not None:
        names.append(unit.name)
        unit = unit.parent
    return "/".join(reversed(names))


def person_info(p: m.Person) -> PersonInfo:
    return PersonInfo(
        p.id,
        p.employee_no,
        p.name,
        p.unit_id,
        unit_path(p.unit),
        p.job_type,
        p.skill_level,
        p.version,
    )


def entry_info(e: m.Entry) -> EntryInfo:
    if e.person is not None:
        return EntryInfo(
            e.id,
            e.person.name,
            unit_path(e.person.unit),
            e.person.employee_no,
            e.code,
            e.person_id,
            None,
        )
    assert e.team is not None
    unit = e.team.members[0].person.unit if e.team.members else None
    return EntryInfo(e.id, e.team.name, unit_path(unit), e.team.name, e.code, None, e.team_id)


def rubric_of(rows: Sequence[m.Criterion]) -> Rubric:
    """Rebuild a part's criteria tree from its rows (ordered by position)."""
    by_parent: dict[int | None, list[m.Criterion]] = {}
    for row in sorted(rows, key=lambda r: r.position):
        by_parent.setdefault(row.parent_id, []).append(row)

    def build(parent: int | None) -> tuple[Criterion, ...]:
        return tuple(_criterion(r, build(r.id)) for r in by_parent.get(parent, []))

    return Rubric(build(None))


def _criterion(r: AnyCriterion, children: tuple[Criterion, ...]) -> Criterion:
    return Criterion(
        code=r.code,
        name=r.name,
        kind=CriterionKind(r.kind) if r.kind else None,
        max_points=r.max_points,
        step=r.step,
        weight=r.weight,
        rule=measurement_rule_from_dict(r.rule),
        children=children,
    )


def criterion_rows(rubric: Rubric) -> list[tuple[m.Criterion, str | None]]:
    """New rows for a rubric, each with its parent's code, in tree order."""
    out: list[tuple[m.Criterion, str | None]] = []
    position = 0

    def walk(nodes: Sequence[Criterion], parent: str | None) -> None:
        nonlocal position
        for c in nodes:
            leaf = c.is_leaf
            row = m.Criterion(
                code=c.code,
                name=c.name,
                kind=c.kind.value if leaf and c.kind else None,
                max_points=c.max_points,
                step=c.step,
                weight=c.weight,
                rule=measurement_rule_to_dict(c.rule) if leaf else None,
                position=position,
            )
            position += 1
            out.append((row, parent))
            walk(c.children, c.code)

    walk(rubric.criteria, None)
    return out


def scoring_scheme(e: m.Event) -> ScoringScheme:
    parts = tuple(Part(p.name, p.weight, rubric_of(p.criteria)) for p in e.parts)
    rounds = tuple(RoundSpec(r.number, r.name, r.weight) for r in e.rounds)
    return ScoringScheme(parts, rounds, event_settings(e).aggregation)


def get_event(session: Session, event_id: int) -> m.Event:
    event = session.get(m.Event, event_id)
    if event is None:
        raise NotFound("There is no event {id}", id=event_id)
    return event


def get_round(session: Session, event: m.Event, number: int | None) -> m.Round:
    """A round of an event by number; the first round when ``number`` is None."""
    if number is None:
        if not event.rounds:
            raise NotFound("The event {name} has no rounds", name=event.name)
        return event.rounds[0]
    found = session.scalar(
        select(m.Round).where(m.Round.event_id == event.id, m.Round.number == number)
    )
    return _found_round(event, number, found)


def _found_round(event: m.Event, number: int, found: m.Round | None) -> m.Round:
    if found is None:
        raise NotFound("The event {name} has no round {number}", name=event.name, number=number)
    return found


# Queries a save asks, made once with parameters: building a statement and its cache key
# each time costs more than running it.
_EVENT_AND_ROUND = (
    select(m.Event, m.Round)
    .outerjoin(m.Round, (m.Round.event_id == m.Event.id) & (m.Round.number == bindparam("number")))
    .where(m.Event.id == bindparam("event"))
)
_CHILD = aliased(m.Criterion)
_CRITERION = (
    select(m.Criterion, m.Part.name, exists().where(_CHILD.parent_id == m.Criterion.id))
    .join(m.Part, m.Part.id == m.Criterion.part_id)
    .where(m.Part.event_id == bindparam("event"), m.Criterion.code == bindparam("code"))
)


def event_and_round(session: Session, event_id: int, number: int | None) -> tuple[m.Event, m.Round]:
    """``get_event`` and then ``get_round``, the same refusals, in one query."""
    if number is None:
        event = get_event(session, event_id)
        return event, get_round(session, event, None)
    row = session.execute(_EVENT_AND_ROUND, {"event": event_id, "number": number}).first()
    if row is None:
        raise NotFound("There is no event {id}", id=event_id)
    return row[0], _found_round(row[0], number, row[1])


def criterion_columns(event: m.Event) -> list[CriterionColumn]:
    """The event's leaf criteria in rubric order, part by part."""
    columns = []
    for part in event.parts:
        ids = {c.code: c.id for c in part.criteria}
        for criterion in rubric_of(part.criteria).leaves():
            columns.append(
                CriterionColumn(
                    ids[criterion.code], criterion.code, criterion.name, part.name, criterion
                )
            )
    return columns


def criterion_column(session: Session, event: m.Event, code: str) -> CriterionColumn | None:
    """The column ``code`` of ``criterion_columns(event)`` (None: no such leaf), from one
    query instead of the event's whole rubric (a save asks for one column)."""
    rows = session.execute(_CRITERION, {"event": event.id, "code": code}).all()
    if len(rows) > 1:  # the same code twice: whichever the whole rubric's order finds first
        return next((c for c in criterion_columns(event) if c.code == code), None)
    if not rows or rows[0][2]:  # none, or a group (its sub-criteria are the columns)
        return None
    return leaf_column(rows[0][0], rows[0][1])


def leaf_column(row: AnyCriterion, part: str) -> CriterionColumn:
    """The column of a leaf criterion's row, in part ``part``."""
    return CriterionColumn(row.id, row.code, row.name, part, _criterion(row, ()))


def board_info(row: m.Ladder) -> BoardInfo:
    return BoardInfo(
        row.id, row.contest_id, row.event_id, row.name, row.skill, row.scored, row.starts_on
    )
