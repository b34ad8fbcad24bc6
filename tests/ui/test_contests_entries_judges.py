"""The Entries and Judges tabs: persons and teams into an event, judges onto its panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from contest_desk.domain.contest import EventMode
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.pickers import EntryPicker
from tests.builders import build_small_event
from tests.ui import test_contests_area as shared

# Fixtures and helpers shared with test_contests_area.py.
area = shared.area
click = shared.click
services = shared.services
shown = shared.shown


@pytest.fixture
def persons(services: Services) -> list[int]:
    names = ["王建国", "李明", "张伟", "刘洋"]
    return [
        services.roster.add_person(f"10{i}", name, f"采油{i % 2 + 1}区/作业班").id
        for i, name in enumerate(names)
    ]


def choose(area: ContestsArea, services: Services, mode: EventMode = EventMode.INDIVIDUAL) -> int:
    contest = services.contests.create_contest("2026年技能比武")
    event = services.contests.create_event(contest.id, "采油工", mode=mode)
    area.state.choose_contest(contest.id)
    area.state.choose_event(event.id)
    return event.id


def labels(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


# --- Entries ------------------------------------------------------------------------------


def test_enter_persons_into_an_individual_event(area, services, persons, shown):
    event_id = choose(area, services)
    tab = area.entries_tab
    assert tab.add_button.text() == "Add persons…"
    added = tab.add_persons(persons[:3])
    assert [e.label for e in added] == ["王建国", "李明", "张伟"]
    assert [e.label for e in services.roster.entries(event_id)] == ["王建国", "李明", "张伟"]
    assert labels(tab.entries) == ["王建国", "李明", "张伟"]
    assert tab.entries.index(0, 2).data() == "100"

    tab.add_persons([persons[0]])  # already entered
    assert [e.msgid for e in shown] == ["Already entered in {event}"]
    assert tab.entries.rowCount() == 3


def test_remove_an_entry_and_refuse_a_scored_one(area, services, shown):
    small = build_small_event(services)
    area.state.choose_contest(small.event.contest_id)
    area.state.choose_event(small.event.id)
    tab = area.entries_tab
    assert tab.entries.rowCount() == 4
    first, second = small.entries[0], small.entries[1]
    services.scoring.record_score(small.event.id, 1, small.judges[0].id, first.id, "P1", "8")

    tab.view.selectRow(tab.entries.row_of(second.id))
    assert tab.remove_selected()
    assert [e.id for e in services.roster.entries(small.event.id)] == [
        e.id for e in small.entries if e.id != second.id
    ]
    assert tab.entries.rowCount() == 3

    tab.view.selectRow(tab.entries.row_of(first.id))
    assert not tab.remove_selected()
    assert [e.msgid for e in shown] == ["This entry already has scores and cannot be removed"]
    assert len(services.roster.entries(small.event.id)) == 3


def test_a_team_is_made_from_chosen_persons_and_entered(area, services, persons, shown):
    event_id = choose(area, services, EventMode.TEAM)
    tab = area.entries_tab
    assert tab.add_button.text() == "Add team…"
    entry = tab.add_team("集输一队", persons[:2])
    assert entry is not None and entry.label == "集输一队"
    (team,) = services.roster.teams(area.state.contest_id)
    assert team.members == ("王建国", "李明")
    assert labels(tab.entries) == ["集输一队"]

    assert tab.add_team("集输一队", persons[2:]) is None  # the name is taken
    assert [e.msgid for e in shown] == ["The contest already has a team named {name}"]
    assert len(services.roster.entries(event_id)) == 1


def test_an_existing_team_can_be_entered(area, services, persons):
    event_id = choose(area, services, EventMode.TEAM)
    team = services.roster.add_team(area.state.contest_id, "维修二队", persons[2:])
    entry = area.entries_tab.add_existing_team(team.id)
    assert entry is not None
    assert [e.team_id for e in services.roster.entries(event_id)] == [team.id]


def test_the_picker_hands_over_the_chosen_persons(qtbot, services, persons):
    picker = EntryPicker(services.roster.persons())
    qtbot.addWidget(picker)
    assert picker.model.rowCount() == 4
    picker.search.setText("采油1区")
    assert picker.model.rowCount() == 2
    picker.search.clear()
    selection = picker.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (3, 1):
        selection.select(picker.model.index(row, 0), flags)
    assert picker.chosen_person_ids() == [persons[1], persons[3]]
    assert picker.chosen_team_id() is None


def test_the_team_picker_offers_existing_teams(qtbot, services, persons):
    contest = services.contests.create_contest("技能比武")
    team = services.roster.add_team(contest.id, "集输一队", persons[:2])
    picker = EntryPicker(services.roster.persons(), services.roster.teams(contest.id))
    qtbot.addWidget(picker)
    assert picker.chosen_team_id() is None  # a new team by default
    picker.team_box.setCurrentIndex(picker.team_box.findData(team.id))
    assert picker.chosen_team_id() == team.id
    assert not picker.team_name.isEnabled()


# --- Judges -------------------------------------------------------------------------------


def test_add_a_judge_and_put_them_on_the_panel(qtbot, area, services, shown):
    event_id = choose(area, services)
    tab = area.judges_tab
    area.tabs.setCurrentWidget(tab)
    tab.username_edit.setText("zhangwei")
    tab.name_edit.setText("张伟")
    tab.unit_box.setEditText("采油二区")
    click(qtbot, tab.add_button)

    (judge,) = services.roster.judges(area.state.contest_id)
    assert (judge.username, judge.name, judge.unit) == ("zhangwei", "张伟", "采油二区")
    assert tab.judges.rowCount() == 1 and tab.judges.index(0, 4).data() == ""
    assert tab.username_edit.text() == ""

    tab.judge_view.selectRow(0)
    click(qtbot, tab.assign_button)
    assert [j.id for j in services.roster.panel(event_id)] == [judge.id]
    assert labels(tab.panel) == ["张伟"]
    assert tab.judges.index(0, 4).data() == "✓"
    assert "1" in tab.panel_label.text() and "5" in tab.panel_label.text()

    tab.panel_view.selectRow(0)
    click(qtbot, tab.unassign_button)
    assert services.roster.panel(event_id) == []
    assert tab.panel.rowCount() == 0
    assert shown == []


def test_a_judge_twice_is_refused(area, services, shown):
    choose(area, services)
    area.judges_tab.add_judge("lm", "李明")
    assert area.judges_tab.add_judge("lm", "李明") is None
    assert [e.msgid for e in shown] == ["The contest already has a judge {username}"]


def test_judges_need_a_contest(area):
    assert not area.judges_tab.add_button.isEnabled()
    assert not area.judges_tab.assign_button.isEnabled()


def test_a_trainee_judge_is_added_as_such(qtbot, area, services, shown):
    choose(area, services)
    tab = area.judges_tab
    area.tabs.setCurrentWidget(tab)
    tab.username_edit.setText("t1")
    tab.name_edit.setText("见习裁判")
    tab.trainee_check.setChecked(True)
    click(qtbot, tab.add_button)
    (judge,) = services.roster.judges(area.state.contest_id)
    assert judge.trainee and tab.judges.index(0, 3).data() == "✓"
    assert not tab.trainee_check.isChecked()


def test_conflicts_are_listed_declared_and_overridden(
    qtbot, area, services, persons, shown, monkeypatch
):
    from contest_desk.ui import ask
    from contest_desk.ui.scoring import sheet_bar

    event_id = choose(area, services)
    for person_id in persons[:2]:
        services.roster.add_entry(event_id, person_id=person_id)
    contest_id = area.state.contest_id
    local = services.roster.add_judge(contest_id, "u1", "本区裁判", "采油1区/技术室")
    other = services.roster.add_judge(contest_id, "u2", "外区裁判", "培训中心")
    area.state.setup_changed.emit()
    tab = area.judges_tab
    area.tabs.setCurrentWidget(tab)
    box = tab.conflicts_box
    rows = [
        [box.conflicts.index(r, c).data() for c in range(3)]
        for r in range(box.conflicts.rowCount())
    ]
    assert rows == [["本区裁判", "王建国", "Same unit"]]  # 王建国 works in 采油1区 too

    tab.judge_view.selectRow(tab.judges.row_of(other.id))
    monkeypatch.setattr(ask, "ask_choice", lambda *a, **k: 0)
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "亲属关系")
    click(qtbot, box.declare_button)
    declared = [c for c in services.assignments.conflicts(event_id) if c.judge_id == other.id]
    assert [(c.kind, c.note) for c in declared] == [("declared", "亲属关系")]

    row = next(
        r for r in range(box.conflicts.rowCount()) if box.conflicts.record(r).judge_id == other.id
    )
    box.view.selectRow(row)
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "无其他考评员")
    click(qtbot, box.override_button)
    assert box.conflicts.index(row, 3).data() == "无其他考评员"
    assert shown == []
    assert box.conflicts.rowCount() == 2 and local.id in {
        c.judge_id for c in box.conflicts.records()
    }
