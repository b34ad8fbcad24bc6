"""Undo and redo in the rubric editor (issue 15): Ctrl+Z shows the draft as it was, and
undoes a save by saving the earlier rubric through the service; Ctrl+Y does both again;
a refused undo says why and keeps the history; another contest starts it afresh."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.errors import StaleEdit
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.rubric_editor import RubricEditor
from contest_desk.ui.contests.rubric_model import CODE, MAX, NAME
from tests.ui import test_contests_area as shared
from tests.ui import undo_keys
from tests.ui.test_contests_rubric import practical_editor

D = Decimal
area = shared.area
chinese = shared.chinese
services = shared.services
shown = shared.shown
STORED = Rubric(
    (
        Criterion("B1", "取样操作", CriterionKind.JUDGEMENT, D(10), D("0.5")),
        Criterion("B2", "安全", CriterionKind.DEDUCTION, D(5), D(1)),
    )
)


@pytest.fixture
def editor(area: ContestsArea, services: Services) -> RubricEditor:
    editor = practical_editor(area, services, STORED)
    editor.tree.setFocus()
    return editor


def press(qtbot, editor: RubricEditor, key: Qt.Key) -> None:
    undo_keys.press(qtbot, editor.tree, key)


def stored_max(services: Services, editor: RubricEditor, code: str) -> Decimal | None:
    rubric = services.contests.rubric(editor.part_id)
    return next((c.max_points for c in rubric.criteria if c.code == code), None)


def shown_codes(editor: RubricEditor) -> list[str]:
    return [editor.tree.topLevelItem(i).text(CODE) for i in range(editor.tree.topLevelItemCount())]


def test_an_edit_saved_is_undone_in_the_store_and_on_screen_and_redone(
    qtbot, chinese, editor, services
):
    first = editor.tree.topLevelItem(0)
    first.setText(MAX, "20")
    assert editor.undo.history.undo_action.text() == "撤销「B1 满分」"
    assert editor.save()
    assert stored_max(services, editor, "B1") == D(20)
    assert editor.undo.history.undo_action.text() == "撤销「保存评分细则」"

    press(qtbot, editor, Qt.Key.Key_Z)  # the save: the earlier rubric saved again
    assert stored_max(services, editor, "B1") == D(10)
    assert editor.tree.topLevelItem(0).text(MAX) == "10" and not editor.dirty
    assert editor.undo.history.redo_action.text() == "重做「保存评分细则」"
    press(qtbot, editor, Qt.Key.Key_Z)  # the edit of the draft
    assert editor.undo.history.redo_action.text() == "重做「B1 满分」"
    assert not editor.undo.history.undo_action.isEnabled()

    press(qtbot, editor, Qt.Key.Key_Y)
    assert editor.tree.topLevelItem(0).text(MAX) == "20" and editor.dirty
    assert stored_max(services, editor, "B1") == D(10)  # a draft, not saved yet
    press(qtbot, editor, Qt.Key.Key_Y)
    assert stored_max(services, editor, "B1") == D(20)
    assert editor.tree.topLevelItem(0).text(MAX) == "20" and not editor.dirty
    # Every save, undone or again, is the service's: on the audit trail.
    saves = [r for r in services.audit.records() if r.action == "rubric.save"]
    assert len(saves) >= 4  # the fixture's, the save, its undo, its redo


def test_shaping_the_draft_is_undone_and_redone(qtbot, editor):
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    added = editor.add_criterion()
    added.setText(NAME, "记录")
    assert shown_codes(editor) == ["B1", "B2", "B3"]
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    editor.delete_criterion()
    assert shown_codes(editor) == ["B2", "B3"]

    press(qtbot, editor, Qt.Key.Key_Z)  # the deletion
    assert shown_codes(editor) == ["B1", "B2", "B3"]
    assert editor.tree.topLevelItem(0).text(NAME) == "取样操作"
    press(qtbot, editor, Qt.Key.Key_Z)  # the name typed
    assert editor.tree.topLevelItem(2).text(NAME) == ""
    press(qtbot, editor, Qt.Key.Key_Z)  # the criterion added
    assert shown_codes(editor) == ["B1", "B2"] and not editor.dirty
    assert not editor.save_button.isEnabled()

    for _ in range(2):
        press(qtbot, editor, Qt.Key.Key_Y)
    undo_keys.press(qtbot, editor.tree, Qt.Key.Key_Z, shift=True)  # the other redo key
    assert shown_codes(editor) == ["B2", "B3"] and editor.dirty
    assert editor.tree.topLevelItem(1).text(NAME) == "记录"


def test_an_undo_the_service_refuses_is_said_and_the_history_kept(qtbot, editor, services, shown):
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    editor.delete_criterion()  # B2 goes
    assert editor.save()
    # Meanwhile the theory part takes the code B2: saving the earlier rubric would clash.
    theory = services.contests.event(editor.state.event_id).parts[0]
    services.contests.save_rubric(
        theory.id, Rubric((Criterion("B2", "理论", CriterionKind.JUDGEMENT, D(10), D(1)),))
    )
    index = editor.undo.history.stack.index()

    press(qtbot, editor, Qt.Key.Key_Z)
    assert [e.msgid for e in shown] == ["The code {code} is already used in another part"]
    assert [c.code for c in services.contests.rubric(editor.part_id).criteria] == ["B1"]
    assert shown_codes(editor) == ["B1"]
    assert editor.undo.history.stack.index() == index  # still the save, to try again


def test_another_contest_starts_the_history_afresh(qtbot, editor, services):
    editor.tree.topLevelItem(0).setText(MAX, "8")
    assert editor.undo.history.stack.canUndo()
    other = services.contests.create_contest("2026年电焊工技能比武")
    editor.state.choose_contest(other.id)
    assert not editor.undo.history.stack.canUndo()
    assert not editor.undo_button.isEnabled()


def test_an_undo_over_a_rubric_saved_elsewhere_is_refused(qtbot, editor, services, shown):
    editor.tree.topLevelItem(0).setText(MAX, "20")
    assert editor.save()
    # Meanwhile another desk saves the part's rubric: the undo would overwrite it.
    other = Rubric((Criterion("B1", "取样操作", CriterionKind.JUDGEMENT, D(15), D("0.5")),))
    services.contests.save_rubric(editor.part_id, other)
    index = editor.undo.history.stack.index()

    press(qtbot, editor, Qt.Key.Key_Z)
    assert len(shown) == 1 and isinstance(shown[0], StaleEdit)
    assert services.contests.rubric(editor.part_id) == other
    assert editor.undo.history.stack.index() == index
