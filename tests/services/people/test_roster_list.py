"""The roster as the Persons tab lists it (RosterService.persons, read from plain rows)."""

from __future__ import annotations

from contest_desk.domain.records.contests import PersonInfo
from contest_desk.services.hub import Services


def test_persons_come_by_employee_number_with_unit_paths_and_versions(
    services: Services,
) -> None:
    roster = services.roster
    late = roster.add_person("300", "王建国", "采油一厂/作业一区/一班", "采油工", "高级工")
    roster.add_person("100", "李明", "", "电焊工")
    middle = roster.add_person("200", "张伟", "采油一厂")
    roster.update_person(middle, "200", "张伟", "采油一厂", "仪表工", "技师")

    listed = roster.persons()

    assert [p.employee_no for p in listed] == ["100", "200", "300"]
    assert listed[0].unit == "" and listed[0].unit_id is None
    assert listed[1] == PersonInfo(
        middle.id, "200", "张伟", middle.unit_id, "采油一厂", "仪表工", "技师", middle.version + 1
    )
    assert listed[1].version == middle.version + 1  # the version is no part of ==
    assert listed[2].unit == "采油一厂/作业一区/一班"
    assert listed[2] == roster.person(late.id)  # as the person's form reads it


def test_persons_search_by_part_of_a_name_or_an_employee_number(services: Services) -> None:
    roster = services.roster
    for number, name in (("S0101", "王建国"), ("S0102", "王建华"), ("T0201", "李明")):
        roster.add_person(number, name, "采油一厂")

    assert [p.name for p in roster.persons("建")] == ["王建国", "王建华"]
    assert [p.name for p in roster.persons("T02")] == ["李明"]
    assert roster.persons("赵") == []
