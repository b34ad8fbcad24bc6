"""Draws per round: recorded seeds, a second coding by a second person, blind judges."""

from __future__ import annotations

import pytest

from contest_desk.domain.draw import draw as drawn_from
from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import PermissionDenied, UserError
from tests.services.judging.test_sheets import Panel, fill
from tests.services.judging.test_sheets import panel as panel  # the fixture


def test_a_draw_is_recorded_with_its_seed_and_can_be_checked(services, small_event) -> None:
    event = small_event.event.id
    info = services.draws.run(event, 1, seed="2026-05-12", prefix="A", workstations=["1号", "2号"])
    assert info.seed == "2026-05-12" and info.layer == 1
    again = drawn_from(
        sorted(e.id for e in small_event.entries), "2026-05-12", "A", 3, ["1号", "2号"]
    )
    assert [(d.entry.id, d.codes, d.position, d.workstation) for d in info.entries] == [
        (d.entry_id, (d.code,), d.position, d.workstation) for d in again
    ]
    # Lists, files and standings name entries by code from now on.
    assert {e.code for e in services.roster.entries(event)} == {d.code for d in again}
    (row,) = services.audit.records(detail={"seed": "2026-05-12"})
    assert row.action == "draw.run" and row.detail["order"] == [d.entry_id for d in again]
    with pytest.raises(UserError, match="已经抽过签"):
        services.draws.run(event, 1)


def test_no_draw_once_marks_are_in(services, small_event) -> None:
    small = small_event
    services.scoring.record_score(
        small.event.id, 1, small.judges[0].id, small.entries[0].id, "P1", "8"
    )
    with pytest.raises(UserError, match="已有成绩"):
        services.draws.run(small.event.id, 1)


def test_the_second_coding_is_someone_elses_and_decodes_layer_by_layer(
    services, small_event
) -> None:
    event = small_event.event.id
    organizer = services.as_user(Actor("org1", frozenset({Role.ORGANIZER})))
    second = services.as_user(Actor("org2", frozenset({Role.ORGANIZER})))
    chief = services.as_user(Actor("chief", frozenset({Role.CHIEF_JUDGE})))
    organizer.draws.run(event, 1, seed="s1", prefix="A")
    with pytest.raises(UserError, match="另一人"):
        organizer.draws.recode(event, 1, seed="s2")
    info = second.draws.recode(event, 1, seed="s2", prefix="B")
    assert info.layer == 2
    first = info.entries[0]
    a_code, b_code = first.codes
    with pytest.raises(PermissionDenied):
        organizer.draws.decode(event, 1, b_code)
    assert chief.draws.decode(event, 1, b_code) == a_code
    assert chief.draws.decode(event, 1, a_code) == first.entry.label
    decodes = [r for r in services.audit.records() if r.action == "draw.decode"]
    assert [(r.actor, r.detail["layer"]) for r in decodes] == [("chief", 1), ("chief", 2)]


def test_judges_see_codes_until_the_round_is_locked(panel: Panel, services) -> None:
    small, event = panel.small, panel.small.event.id
    services.draws.run(event, 1, seed="blind", prefix="A")
    sheet = panel.judges[0].scoring.sheet(event, 1, small.judges[0].id)
    names = {e.label for e in services.roster.entries(event)}
    assert not names & {e.label for e in sheet.entries}
    drawn = services.draws.draw(event, 1).entries  # in drawn order
    assert [e.code for e in sheet.entries] == [d.codes[0] for d in drawn]
    assert all(e.label.startswith("A") and e.unit == "" for e in sheet.entries)
    for n in range(3):
        fill(panel, n)
        panel.judges[n].sheets.submit(event, 1, small.judges[n].id, f"j{n + 1}-pass")
    panel.chief.sheets.lock_round(event, 1)
    sheet = panel.judges[0].scoring.sheet(event, 1, small.judges[0].id)
    assert {e.label for e in sheet.entries} == names
