"""Taking a person added by mistake off the roster (what undoing 添加人员 calls): done and
audited for a person nothing names; refused, changing nothing, for one in an entry or a
team, and for one changed on another desk since."""

from __future__ import annotations

import pytest

from contest_desk.errors import StaleEdit, UserError
from contest_desk.services.hub import Services
from tests.builders import SmallEvent


def test_a_person_in_nothing_is_taken_off_and_audited(services: Services) -> None:
    person = services.roster.add_person("9001", "赵磊", "采油一区/作业一班")
    services.roster.remove_person(person)
    assert [p.employee_no for p in services.roster.persons()] == []
    (row,) = [r for r in services.audit.records() if r.action == "person.remove"]
    assert row.target == f"person:{person.id}" and row.detail["employee_no"] == "9001"


def test_a_person_entered_or_in_a_team_stays(services: Services, small_event: SmallEvent) -> None:
    entered = services.roster.person(small_event.entries[0].person_id)
    with pytest.raises(UserError) as refused:
        services.roster.remove_person(entered)
    assert refused.value.msgid.endswith("stays on the roster")
    member = services.roster.add_person("9002", "钱坤", "采油二区/集输班")
    services.roster.add_team(small_event.event.contest_id, "集输一队", [member.id])
    with pytest.raises(UserError):
        services.roster.remove_person(member)
    stored = {p.employee_no for p in services.roster.persons()}
    assert {entered.employee_no, "9002"} <= stored
    assert not [r for r in services.audit.records() if r.action == "person.remove"]


def test_a_person_changed_since_is_not_taken_off(services: Services) -> None:
    person = services.roster.add_person("9003", "孙强", "采油一区/作业一班")
    services.roster.update_person(person, "9003", "孙强强", "采油一区/作业一班")
    with pytest.raises(StaleEdit):
        services.roster.remove_person(person)
    assert services.roster.person(person.id).name == "孙强强"
