"""The Persons tab: units, searching, adding a person, the Excel template and the roster import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from contest_desk.domain.contest import EventMode
from contest_desk.errors import ImportRejected
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.roster_tab import AddPersonDialog, RosterTab
from tests.builders import fill_rows
from tests.ui import test_contests_area as shared

# Fixtures and helpers shared with test_contests_area.py.
area = shared.area
services = shared.services
shown = shared.shown

SOLO = "采油工技能比武"
TEAM = "集输工团体赛"


@pytest.fixture
def roster(area: ContestsArea, services: Services) -> RosterTab:
    contest = services.contests.create_contest("2026年青工技能月")
    services.contests.create_event(contest.id, SOLO)
    services.contests.create_event(contest.id, TEAM, mode=EventMode.TEAM)
    area.state.choose_contest(contest.id)
    area.tabs.setCurrentWidget(area.roster_tab)
    return area.roster_tab


def fill_template(roster: RosterTab, path: Path, rows: list[list[Any]]) -> Path:
    """The area's own template, filled in from row 2 as an organizer would."""
    assert roster.write_template_file(path)
    return fill_rows(path, rows)


ROWS = [
    ["1001", "王建国", "采油一区/作业一班", "采油工", "高级工", SOLO, None],
    ["1002", "李明", "采油一区/作业二班", "采油工", "技师", SOLO, None],
    ["2001", "张伟", "采油二区/集输班", "集输工", "中级工", TEAM, "集输一队"],
    ["2002", "刘洋", "采油二区/集输班", "集输工", "高级工", TEAM, "集输一队"],
]


def import_and_wait(qtbot, roster: RosterTab, path: Path) -> Any:
    with qtbot.waitSignal(roster.import_finished, timeout=20000) as finished:
        assert roster.import_roster_file(path) is not None
    return finished.args[0]


def test_the_template_lists_the_contests_events(roster, tmp_path):
    path = tmp_path / "报名表.xlsx"
    assert roster.write_template_file(path)
    wb = load_workbook(path)
    notes = "\n".join(str(c.value) for row in wb.worksheets[1].iter_rows() for c in row)
    assert SOLO in notes and TEAM in notes
    assert "报名表.xlsx" in roster.message.text()


def test_import_a_roster_and_see_persons_units_and_entries(qtbot, area, roster, services, tmp_path):
    path = fill_template(roster, tmp_path / "报名表.xlsx", ROWS)
    summary = import_and_wait(qtbot, roster, path)

    assert summary.created["persons"] == 4
    assert roster.persons.rowCount() == 4
    assert [roster.persons.index(r, 1).data() for r in range(4)] == [
        "王建国",
        "李明",
        "张伟",
        "刘洋",
    ]
    assert roster.persons.index(0, 2).data() == "采油一区/作业一班"
    assert "4" in roster.message.text()
    assert roster.import_button.isEnabled()
    units = [roster.unit_tree.topLevelItem(0).child(i).text(0) for i in range(2)]
    assert units == ["采油一区", "采油二区"]

    solo, team = services.contests.events(area.state.contest_id)
    area.state.choose_event(solo.id)
    entries = area.entries_tab.entries
    assert [entries.index(r, 0).data() for r in range(entries.rowCount())] == ["王建国", "李明"]
    area.state.choose_event(team.id)
    assert entries.rowCount() == 1
    assert entries.index(0, 0).data() == "集输一队"


def test_a_rejected_roster_lists_every_problem_and_imports_nothing(
    qtbot, roster, services, shown, tmp_path
):
    bad = [
        ["1001", "", "采油一区", "采油工", "", SOLO, None],
        ["1002", "李明", "采油一区", "采油工", "", "没有这个项目", None],
    ]
    path = fill_template(roster, tmp_path / "报名表.xlsx", bad)
    error = import_and_wait(qtbot, roster, path)

    assert isinstance(error, ImportRejected)
    assert shown == [error]
    assert len(error.problems) >= 1
    assert "报名表.xlsx" in error.problems[0].message()
    assert services.roster.persons() == []
    assert roster.persons.rowCount() == 0
    assert roster.note.text() == error.message()


def test_a_file_that_is_not_a_workbook_is_explained(qtbot, roster, shown, tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_text("不是表格", encoding="utf-8")
    error = import_and_wait(qtbot, roster, path)
    assert shown == [error]
    assert "xlsx" in error.message()


def test_add_a_person_and_find_them(qtbot, roster, services):
    roster.add_person("3001", "赵敏", "采油三区/作业一班", "采油工", "高级技师")
    roster.add_person("3002", "孙丽", "采油三区/作业二班")
    assert [p.name for p in services.roster.persons()] == ["赵敏", "孙丽"]
    assert roster.persons.rowCount() == 2

    roster.search.setText("赵")
    qtbot.waitUntil(lambda: roster.persons.rowCount() == 1)
    assert roster.persons.index(0, 1).data() == "赵敏"
    assert roster.persons.index(0, 4).data() == "高级技师"
    roster.search.clear()
    qtbot.waitUntil(lambda: roster.persons.rowCount() == 2)

    # Choosing a unit shows the persons of that unit and the units under it.
    area_item = roster.unit_tree.topLevelItem(0).child(0)
    roster.unit_tree.setCurrentItem(area_item.child(1))
    assert [roster.persons.index(r, 1).data() for r in range(roster.persons.rowCount())] == ["孙丽"]
    roster.unit_tree.setCurrentItem(area_item)
    assert roster.persons.rowCount() == 2


def test_a_person_twice_is_refused_with_the_reason(roster, shown):
    roster.add_person("3001", "赵敏", "采油三区")
    assert roster.add_person("3001", "赵敏", "采油三区") is None
    assert [e.msgid for e in shown] == ["The employee number {no} is already in the roster"]


def test_the_add_person_dialog_hands_over_what_was_typed(qtbot, services):
    services.roster.add_unit("采油一区/作业一班")
    dialog = AddPersonDialog(services.roster.units())
    qtbot.addWidget(dialog)
    assert dialog.unit.findText("采油一区/作业一班") >= 0
    dialog.employee_no.setText("4001")
    dialog.name.setText("周强")
    dialog.unit.setCurrentText("采油一区/作业一班")
    assert dialog.values() == ("4001", "周强", "采油一区/作业一班", "", "")


def test_a_long_roster_is_shown_in_batches(qtbot, qtmodeltester, roster, services):
    for i in range(7):
        services.roster.add_person(f"50{i}", f"职工{i}", "采油一区")
    roster.persons.batch = 3
    roster.reload()
    assert roster.persons.rowCount() == 3
    assert roster.persons.canFetchMore()
    roster.persons.fetchMore()
    assert roster.persons.rowCount() == 6
    assert roster.persons.row_of(roster.persons.records()[6].id) == 6
    assert roster.persons.rowCount() == 7 and not roster.persons.canFetchMore()
    assert roster.count_label.text() == "7 person(s)"
    qtmodeltester.check(roster.persons)


def test_without_a_contest_the_import_waits(qtbot, area):
    roster = area.roster_tab
    assert area.state.contest_id is None
    assert not roster.import_button.isEnabled()
    assert roster.import_roster_file("whatever.xlsx") is None
