"""Undo and redo in the roster (issue 15): Ctrl+Z saves a person's earlier values back, or
takes a person just added off the roster, through the roster service; Ctrl+Y does it
again; a refused undo (the person entered meanwhile, or changed on another desk) says why
and keeps the history; another contest starts it afresh."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from contest_desk.errors import StaleEdit, UserError
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.person_dialog import EditPersonDialog
from contest_desk.ui.contests.roster_tab import RosterTab
from tests.ui import test_contests_area as shared
from tests.ui import undo_keys

area = shared.area
chinese = shared.chinese
services = shared.services
shown = shared.shown


@pytest.fixture
def roster(area: ContestsArea, services: Services) -> RosterTab:
    contest = services.contests.create_contest("2026年青工技能月")
    services.contests.create_event(contest.id, "采油工技能比武")
    area.state.choose_contest(contest.id)
    area.tabs.setCurrentWidget(area.roster_tab)
    tab = area.roster_tab
    tab.person_view.setFocus()
    return tab


def edit(roster: RosterTab, monkeypatch, row: int, name: str, unit: str) -> None:
    """The person's form, filled in and saved as a person would."""

    def answer(dialog: EditPersonDialog) -> int:
        dialog.name.setText(name)
        dialog.unit.setCurrentText(unit)
        assert dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EditPersonDialog, "exec", answer)
    roster.edit_person_dialog(row)


def press(qtbot, roster: RosterTab, key: Qt.Key) -> None:
    undo_keys.press(qtbot, roster.person_view, key)


def shown_rows(roster: RosterTab) -> list[tuple[str, str]]:
    model = roster.persons
    return [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def stored(services: Services) -> list[tuple[str, str]]:
    return [(p.name, p.unit) for p in services.roster.persons()]


def test_an_edit_and_an_add_are_undone_and_redone_through_the_service(
    qtbot, chinese, roster, services, monkeypatch
):
    assert roster.add_person("1001", "王建国", "采油一区/作业一班", "采油工", "高级工")
    edit(roster, monkeypatch, 0, "王建军", "采油二区/集输班")
    assert stored(services) == [("王建军", "采油二区/集输班")]
    assert roster.undo.history.undo_action.text() == "撤销「修改 王建军」"

    press(qtbot, roster, Qt.Key.Key_Z)  # the edit: the earlier values saved back
    assert stored(services) == shown_rows(roster) == [("王建国", "采油一区/作业一班")]
    press(qtbot, roster, Qt.Key.Key_Z)  # the add: off the roster again
    assert stored(services) == shown_rows(roster) == []
    assert roster.undo.history.redo_action.text() == "重做「添加 王建国」"

    press(qtbot, roster, Qt.Key.Key_Y)  # added again (a new row) …
    assert stored(services) == shown_rows(roster) == [("王建国", "采油一区/作业一班")]
    press(qtbot, roster, Qt.Key.Key_Y)  # … and the edit reaches it
    assert stored(services) == shown_rows(roster) == [("王建军", "采油二区/集输班")]
    actions = [r.action for r in services.audit.records() if r.action.startswith("person.")]
    assert sorted(actions) == sorted(["person.add"] * 2 + ["person.update"] * 3 + ["person.remove"])


def test_undoing_the_add_of_someone_entered_meanwhile_is_refused(qtbot, roster, services, shown):
    person = roster.add_person("1002", "李明", "采油一区/作业二班")
    event = services.contests.events(roster.state.contest_id)[0]
    services.roster.add_entry(event.id, person_id=person.id)
    index = roster.undo.history.stack.index()

    press(qtbot, roster, Qt.Key.Key_Z)
    assert len(shown) == 1 and shown[0].msgid.endswith("stays on the roster")
    assert stored(services) == shown_rows(roster) == [("李明", "采油一区/作业二班")]
    assert roster.undo.history.stack.index() == index


def test_an_undo_over_a_change_made_elsewhere_is_refused(
    qtbot, roster, services, shown, monkeypatch
):
    roster.add_person("1003", "张伟", "采油二区/集输班")
    edit(roster, monkeypatch, 0, "张伟", "采油二区/注水班")
    now = services.roster.persons()[0]  # another desk renames the person
    services.roster.update_person(now, now.employee_no, "张维", now.unit)

    press(qtbot, roster, Qt.Key.Key_Z)
    assert len(shown) == 1 and isinstance(shown[0], StaleEdit)
    assert stored(services) == [("张维", "采油二区/注水班")]
    assert roster.undo.history.undo_action.isEnabled()


def test_another_contest_starts_the_history_afresh(roster, services, shown: list[UserError]):
    roster.add_person("1004", "刘洋", "采油二区/集输班")
    assert roster.undo_button.isEnabled()
    other = services.contests.create_contest("2026年电焊工技能比武")
    roster.state.choose_contest(other.id)
    assert not roster.undo.history.stack.canUndo() and not roster.undo_button.isEnabled()
