"""The roster's counts: what the contests listing shows for each event."""

from __future__ import annotations

import pytest

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from tests.builders import SmallEvent


def test_entry_counts_give_each_event_its_number_of_entries(
    services: Services, small_event: SmallEvent
) -> None:
    other = services.contests.create_event(small_event.event.contest_id, "空项目")
    counts = services.roster.entry_counts()
    assert counts[small_event.event.id] == len(services.roster.entries(small_event.event.id))
    assert counts[small_event.event.id] == len(small_event.entries) > 0
    assert other.id not in counts


def test_a_person_is_refused_a_number_someone_else_has_but_keeps_their_own(
    services: Services,
) -> None:
    roster = services.roster
    first = roster.add_person(" 301 ", " 王强 ", "采油一区")
    second = roster.add_person("302", "李明", "采油一区")
    assert (first.employee_no, first.name) == ("301", "王强")  # stored trimmed
    for refused in (
        lambda: roster.add_person("301", "赵刚", "采油一区"),
        lambda: roster.update_person(second, "301", "李明", "采油一区"),
    ):
        with pytest.raises(UserError) as caught:
            refused()
        assert caught.value.msgid == "The employee number {no} is already in the roster"
    with pytest.raises(UserError) as caught:
        roster.update_person(second, "302", "  ", "采油一区")
    assert caught.value.msgid == "A person needs an employee number and a name"
    assert [(p.employee_no, p.name) for p in roster.persons()] == [("301", "王强"), ("302", "李明")]
    kept = roster.update_person(first, "301", "王强国", "采油一区")  # their own number
    assert (kept.employee_no, kept.name) == ("301", "王强国")
