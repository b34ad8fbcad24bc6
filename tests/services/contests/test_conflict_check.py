"""The conflict check of one save (``in_conflict``, one judge and one entry) agrees with the
whole event's rule (``excluded_judges``) for every pair: declared, by unit, by a team
member's unit, overridden, a judge without a unit, a judge of another contest."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.contest import EventMode
from contest_desk.services.contests.assignments import (
    assigned_judges,
    assigned_or_open,
    excluded_judges,
    in_conflict,
)
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.storage.save_facts import round_and_facts
from tests.builders import SmallEvent


def _pairs(services: Services, event_id: int) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(judge, entry) pairs refused by the one-pair check, and by the whole event's rule."""
    with services.ctx.db.reading() as s:
        event = s.get_one(m.Event, event_id)
        judges = s.query(m.Judge).all()
        entries = s.query(m.Entry.id).where(m.Entry.event_id == event_id).all()
        excluded = excluded_judges(s, event)
        one = {(j.id, e) for j in judges for (e,) in entries if in_conflict(s, event, j, e)}
        whole = {(j, e) for e, js in excluded.items() for j in js}
        # A save's way: the entry's people read with its facts.
        saved = {(j.id, e) for j in judges for (e,) in entries if _save_refuses(s, event, j, e)}
        assert saved == one
        return one, whole


def _save_refuses(s: Session, event: m.Event, judge: m.Judge, entry: int) -> bool:
    found = round_and_facts(s, event.id, 1, judge.id, entry, "P1")
    assert found is not None
    people = found[2].people
    assert people is not None  # read with the facts, not by the check's own query
    return in_conflict(s, found[0], judge, entry, people)


def test_the_one_pair_check_agrees_with_the_whole_events_rule(
    services: Services, small_event: SmallEvent
) -> None:
    event = small_event.event
    contest = event.contest_id
    roster, assignments = services.roster, services.assignments
    same_unit = roster.add_judge(contest, "u1", "本区裁判", "采油一区/技术室")
    second_unit = roster.add_judge(contest, "u2", "外区裁判", "采油二区")
    other = services.contests.create_contest("另一场比武")
    roster.add_judge(other.id, "u3", "他场裁判", "采油一区")  # another contest's judge
    persons = [e.person_id for e in roster.entries(event.id)]
    assert all(p is not None for p in persons)
    assignments.declare_conflict(small_event.judges[2].id, persons[1] or 0, "师徒关系")
    assignments.declare_conflict(same_unit.id, persons[0] or 0, "亲属")  # declared and by unit
    assignments.override_conflict(same_unit.id, small_event.entries[2].id, "仅此一名考评员")
    team_event = services.contests.create_event(contest, "团体赛", mode=EventMode.TEAM)
    elsewhere = roster.add_person("201", "赵六", "采油二区/作业一班", "采油工")
    mixed = roster.add_team(contest, "混合队", [persons[3] or 0, elsewhere.id])
    team_entry = roster.add_entry(team_event.id, team_id=mixed.id)
    alone = roster.add_team(contest, "二区队", [elsewhere.id])
    overridden = roster.add_entry(team_event.id, team_id=alone.id)
    assignments.override_conflict(second_unit.id, overridden.id, "复核")

    for event_id in (event.id, team_event.id):
        one, whole = _pairs(services, event_id)
        assert one == whole
    one, _ = _pairs(services, event.id)
    # The scene has conflicts of every kind, so agreeing says something.
    assert (small_event.judges[2].id, small_event.entries[1].id) in one
    assert (same_unit.id, small_event.entries[0].id) in one
    assert (same_unit.id, small_event.entries[2].id) not in one
    team_pairs, _ = _pairs(services, team_event.id)
    assert team_pairs == {(same_unit.id, team_entry.id), (second_unit.id, team_entry.id)}


def test_the_one_pair_assignment_check_agrees_with_the_rounds_assignments(
    services: Services, small_event: SmallEvent
) -> None:
    event = small_event.event
    judges, entries = [j.id for j in small_event.judges], [e.id for e in small_event.entries]

    def agreeing() -> set[tuple[int, int]]:
        with services.ctx.db.reading() as s:
            round_id = s.scalars(select(m.Round.id).where(m.Round.event_id == event.id)).first()
            assert round_id is not None
            assigned = assigned_judges(s, round_id)
            pairs = {(j, e) for j in judges for e in entries if assigned_or_open(s, round_id, j, e)}
            expected = {
                (j, e) for j in judges for e in entries if assigned is None or j in assigned[e]
            }
            assert pairs == expected
            return pairs

    assert len(agreeing()) == len(judges) * len(entries)  # no assignments: all open
    services.contests.update_event(
        event.id, event.name, replace(event.settings, judges_per_entry=2)
    )
    services.assignments.assign_entries(event.id, 1)
    assert len(agreeing()) == 2 * len(entries)
