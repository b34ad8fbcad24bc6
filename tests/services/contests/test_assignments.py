"""Conflicts of interest and entry assignments, as every score write obeys them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contest_desk.errors import ImportRejected, PermissionDenied, UserError
from contest_desk.services.hub import Services
from tests.builders import SmallEvent

D = Decimal


@pytest.fixture
def conflicted(services: Services, small_event: SmallEvent) -> SmallEvent:
    """Judge j1 works in 采油一区, where every entrant of the small event works too;
    j2 works elsewhere; j3 declares a conflict with 李明 (his apprentice)."""
    contest = small_event.event.contest_id
    j1 = services.roster.add_judge(contest, "u1", "本区裁判", "采油一区/技术室")
    services.roster.assign_judge(j1.id, small_event.event.id)
    return small_event


def test_a_judge_from_the_entrants_unit_is_in_conflict(services, conflicted) -> None:
    event = conflicted.event.id
    (u1,) = [j for j in services.roster.judges(conflicted.event.contest_id) if j.username == "u1"]
    pairs = [(c.judge_id, c.entry_id, c.kind) for c in services.assignments.conflicts(event)]
    assert pairs == [(u1.id, e.id, "unit") for e in conflicted.entries]
    with pytest.raises(PermissionDenied) as refused:
        services.scoring.record_score(event, 1, u1.id, conflicted.entries[0].id, "P1", "8")
    assert refused.value.message() == "本区裁判 与该参赛单元有利害关系，需回避"
    assert services.audit.records(detail={"judge": u1.id}) == []


def test_an_override_needs_a_reason_and_is_recorded(services, conflicted) -> None:
    event, entry = conflicted.event.id, conflicted.entries[0].id
    (u1,) = [j for j in services.roster.judges(conflicted.event.contest_id) if j.username == "u1"]
    with pytest.raises(UserError, match="请填写理由"):
        services.assignments.override_conflict(u1.id, entry, "")
    services.assignments.override_conflict(u1.id, entry, "本工种仅此一名高级考评员")
    services.scoring.record_score(event, 1, u1.id, entry, "P1", "8")
    (row,) = services.audit.records(
        targets=(f"entry:{entry}",), detail={"judge": u1.id, "new": True}
    )
    assert (row.action, row.note) == ("conflict.override", "本工种仅此一名高级考评员")
    with pytest.raises(UserError, match="没有需要"):
        services.assignments.override_conflict(conflicted.judges[0].id, entry, "no conflict")


def test_a_declared_conflict_covers_the_person_in_any_entry(services, small_event) -> None:
    j3, person = small_event.judges[2], small_event.entries[1]
    person_id = services.roster.entries(small_event.event.id)[1].person_id
    assert person_id is not None
    with pytest.raises(UserError):
        services.assignments.declare_conflict(j3.id, person_id, " ")
    services.assignments.declare_conflict(j3.id, person_id, "师徒关系")
    (c,) = services.assignments.conflicts(small_event.event.id)
    assert (c.judge_id, c.entry_id, c.kind, c.note) == (j3.id, person.id, "declared", "师徒关系")
    with pytest.raises(PermissionDenied):
        services.scoring.record_score(small_event.event.id, 1, j3.id, person.id, "P1", "8")


def test_conflicted_pairs_are_left_out_of_expected_marks(services, conflicted) -> None:
    event = conflicted.event.id
    for judge in conflicted.judges:
        for entry in conflicted.entries:
            for code in ("P1", "P2"):
                services.scoring.record_score(event, 1, judge.id, entry.id, code, "8")
    for entry in conflicted.entries:
        services.scoring.record_score(event, 1, conflicted.judges[0].id, entry.id, "M1", "0.5")
        services.scoring.record_score(event, 1, conflicted.judges[0].id, entry.id, "S1", "0")
    services.scoring.record_score(
        event, 1, conflicted.judges[0].id, conflicted.entries[0].id, "T1", "90"
    )
    rows = {r.entry.id: r for r in services.standings.standings(event).rows}
    # Four panel judges, one in conflict with everyone: three marks make an entry complete.
    assert rows[conflicted.entries[0].id].complete


def test_automatic_assignment_is_balanced_and_binding(services, small_event) -> None:
    event = small_event.event
    services.contests.update_event(
        event.id, event.name, type(event.settings)(event.settings.aggregation, 2, 2)
    )
    short = services.assignments.assign_entries(event.id, 1)
    assert short == {}
    judges_of = services.assignments.entry_judges(event.id, 1)
    assert all(len(j) == 2 for j in judges_of.values())
    loads = [sum(j.id in js for js in judges_of.values()) for j in small_event.judges]
    assert max(loads) - min(loads) <= 1
    entry = small_event.entries[0].id
    (outsider,) = [j.id for j in small_event.judges if j.id not in judges_of[entry]]
    with pytest.raises(PermissionDenied, match="未分配"):
        services.scoring.record_score(event.id, 1, outsider, entry, "P1", "8")
    # Once marks are in, the automatic assignment is not redone behind the judges' backs.
    services.scoring.record_score(event.id, 1, judges_of[entry][0], entry, "P1", "8")
    with pytest.raises(UserError, match="已有成绩"):
        services.assignments.assign_entries(event.id, 1)


def test_assigning_by_hand_refuses_a_conflict(services, conflicted) -> None:
    event, entry = conflicted.event.id, conflicted.entries[0].id
    (u1,) = [j for j in services.roster.judges(conflicted.event.contest_id) if j.username == "u1"]
    with pytest.raises(UserError, match="回避"):
        services.assignments.set_entry_judges(event, 1, entry, [u1.id])
    j1, j2 = conflicted.judges[0].id, conflicted.judges[1].id
    services.assignments.set_entry_judges(event, 1, entry, [j1, j2])
    assert services.assignments.entry_judges(event, 1)[entry] == (j1, j2)


def test_the_score_import_obeys_conflicts(services, conflicted) -> None:
    rows = [{"entry": "101", "judge": "u1", "criterion": "P1", "value": "8"}]
    with pytest.raises(ImportRejected) as rejected:
        services.score_import.import_rows(conflicted.event.id, rows, "paper.csv")
    assert rejected.value.problems[0].message().endswith("本区裁判 与该参赛单元有利害关系，需回避")


def test_a_judges_sheet_holds_only_their_entries(services, small_event) -> None:
    event = small_event.event
    services.contests.update_event(
        event.id, event.name, type(event.settings)(event.settings.aggregation, 2, 2)
    )
    services.assignments.assign_entries(event.id, 1)
    judges_of = services.assignments.entry_judges(event.id, 1)
    judge = small_event.judges[0]
    mine = {e for e, js in judges_of.items() if judge.id in js}
    sheet = services.scoring.sheet(event.id, 1, judge.id)
    assert {e.id for e in sheet.entries} == mine and len(mine) < len(small_event.entries)
    (status,) = [
        s for s in services.sheets.round_status(event.id, 1).sheets if s.judge.id == judge.id
    ]
    assert status.expected == len(mine) * 2  # P1 and P2 of their own entries only
