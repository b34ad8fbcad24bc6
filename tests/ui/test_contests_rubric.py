"""The rubric editor: shaping the criteria tree, checking as you type, saving."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidgetItem

from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
)
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.rubric_editor import RubricEditor
from contest_desk.ui.contests.rubric_model import (
    CODE,
    KIND,
    MAX,
    MODE,
    NAME,
    STEP,
    TOLERANCE,
    UNIT,
    VALUE_ROLE,
    WEIGHT,
)
from tests.ui import test_contests_area as shared

D = Decimal
# Fixtures and helpers shared with test_contests_area.py.
area = shared.area
chinese = shared.chinese
click = shared.click
services = shared.services
shown = shared.shown


def practical_editor(
    area: ContestsArea, services: Services, stored: Rubric | None = None
) -> RubricEditor:
    """The rubric editor on the practical part of a new event 采油工, whose rubric is
    ``stored`` (saved before the event is chosen) or none yet."""
    contest = services.contests.create_contest("2026年技能比武")
    event = services.contests.create_event(contest.id, "采油工")
    if stored is not None:
        services.contests.save_rubric(event.parts[1].id, stored)
    area.state.choose_contest(contest.id)
    area.state.choose_event(event.id)
    area.tabs.setCurrentWidget(area.rubric_editor)
    editor = area.rubric_editor
    editor.part_box.setCurrentIndex(1)  # practical
    assert editor.part_id == event.parts[1].id
    return editor


@pytest.fixture
def editor(area: ContestsArea, services: Services) -> RubricEditor:
    return practical_editor(area, services)


def is_marked(item: QTreeWidgetItem, column: int) -> bool:
    return item.background(column).style() != Qt.BrushStyle.NoBrush


def test_build_a_rubric_see_a_problem_as_you_type_fix_it_and_save(qtbot, editor, services):
    group = editor.add_criterion()
    assert group.text(CODE) == "B1"  # B: the second part
    group.setText(NAME, "操作规范")
    first = editor.add_criterion()
    first.setText(NAME, "取样操作")
    editor.indent()  # under 操作规范
    assert first.parent() is group and group.text(KIND) == ""
    first.setText(MAX, "10")
    first.setText(STEP, "0.3")

    # 10 is not a multiple of 0.3: the step cell says so, and Save waits.
    assert is_marked(first, STEP)
    assert "不是步长 0.3 的整数倍" in first.toolTip(STEP)
    assert not editor.save_button.isEnabled()
    assert editor.problem_label.text().startswith("1 problem(s)")

    first.setText(STEP, "0.5")
    assert not is_marked(first, STEP) and first.toolTip(STEP) == ""
    assert editor.save_button.isEnabled()
    assert editor.total_label.text() == "Max total: 10"

    safety = editor.add_criterion()
    safety.setText(NAME, "安全扣分")
    editor.outdent()
    assert safety.parent() is None
    safety.setData(KIND, VALUE_ROLE, CriterionKind.DEDUCTION.value)
    safety.setText(MAX, "5")
    safety.setText(STEP, "1")
    assert editor.total_label.text() == "Max total: 10"  # deductions add nothing to the best
    click(qtbot, editor.save_button)

    group, safety = services.contests.rubric(editor.part_id).criteria
    assert (group.code, group.name, group.is_leaf) == ("B1", "操作规范", False)
    # A criterion added and indented takes a code from its new place.
    assert group.children == (
        Criterion("B1.1", "取样操作", CriterionKind.JUDGEMENT, D(10), D("0.5")),
    )
    assert safety == Criterion("B2", "安全扣分", CriterionKind.DEDUCTION, D(5), D(1))
    assert not editor.dirty and not editor.save_button.isEnabled()
    assert editor.problem_label.text() == "Saved."


def test_a_number_that_does_not_parse_is_a_problem_on_its_cell(editor):
    item = editor.add_criterion()
    item.setText(NAME, "巡检")
    item.setText(MAX, "十")
    assert is_marked(item, MAX)
    assert "不是数字" in item.toolTip(MAX)
    assert not is_marked(item, STEP)  # one slip, one problem
    assert not editor.save_button.isEnabled()
    item.setText(MAX, "10")
    assert editor.save_button.isEnabled()


def test_every_problem_of_the_rubric_is_marked(editor):
    a = editor.add_criterion()
    b = editor.add_criterion()
    a.setText(NAME, "甲")
    b.setText(NAME, "")
    b.setText(CODE, a.text(CODE))
    b.setText(WEIGHT, "0")
    messages = {(p.column, p.message) for p in editor.problems}
    assert any(col == CODE and "重复" in msg for col, msg in messages)
    assert any(col == NAME for col, _ in messages)
    assert any(col == WEIGHT for col, _ in messages)
    assert is_marked(b, NAME) and is_marked(b, WEIGHT)


def test_a_measurement_has_a_rule_that_is_checked(editor, services):
    item = editor.add_criterion()
    item.setText(NAME, "尺寸偏差")
    item.setData(KIND, VALUE_ROLE, CriterionKind.MEASUREMENT.value)
    assert item.data(MODE, VALUE_ROLE) == MeasurementMode.DIRECT.value
    assert item.text(UNIT) == "1"
    item.setData(MODE, VALUE_ROLE, MeasurementMode.LINEAR.value)
    item.setText(UNIT, "0")
    assert is_marked(item, UNIT)
    assert "扣分单位必须大于 0" in item.toolTip(UNIT)
    item.setText(UNIT, "0.1")
    item.setText(TOLERANCE, "-1")
    assert is_marked(item, TOLERANCE)
    item.setText(TOLERANCE, "0.1")
    item.setText(editor.tree.headers.index("Deduction per unit"), "2")
    assert editor.problems == []
    assert editor.save()

    (stored,) = services.contests.rubric(editor.part_id).criteria
    assert stored.kind is CriterionKind.MEASUREMENT
    assert stored.rule == MeasurementRule(MeasurementMode.LINEAR, D(0), D("0.1"), D(2), D("0.1"))

    # Back to judgement: the rule columns empty.
    item = editor.tree.topLevelItem(0)  # saving shows the stored rubric anew
    item.setData(KIND, VALUE_ROLE, CriterionKind.JUDGEMENT.value)
    assert item.text(UNIT) == "" and item.data(MODE, VALUE_ROLE) is None


def test_moving_and_deleting_criteria(editor):
    a, b, c = (editor.add_criterion() for _ in range(3))
    assert [editor.tree.topLevelItem(i) for i in range(3)] == [a, b, c]
    editor.tree.setCurrentItem(c)
    editor.move_up()
    assert [editor.tree.topLevelItem(i) for i in range(3)] == [a, c, b]
    editor.move_down()
    editor.move_down()  # already last: stays
    assert [editor.tree.topLevelItem(i) for i in range(3)] == [a, b, c]
    editor.tree.setCurrentItem(b)
    editor.delete_criterion()
    assert [editor.tree.topLevelItem(i) for i in range(2)] == [a, c]
    assert editor.tree.currentItem() is c


def test_a_sub_criterion_goes_under_the_current_one(editor):
    parent = editor.add_criterion()
    child = editor.add_sub_criterion()
    assert child.parent() is parent
    assert child.text(CODE) == parent.text(CODE) + ".1"
    assert parent.text(STEP) == "" and parent.text(MAX) == "10"  # a group shows its best total
    parent.takeChild(0)
    editor.tree.setCurrentItem(parent)
    editor.delete_criterion()
    assert editor.tree.topLevelItemCount() == 0


def test_keyboard_shortcuts_shape_the_tree(qtbot, editor):
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(open_editor(editor), Qt.Key.Key_Escape)
    assert editor.tree.topLevelItemCount() == 1
    first = editor.tree.topLevelItem(0)
    qtbot.keyClick(editor.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(open_editor(editor), Qt.Key.Key_Escape)
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.tree, Qt.Key.Key_Right, alt_shift)
    assert first.childCount() == 1
    qtbot.keyClick(editor.tree, Qt.Key.Key_Left, alt_shift)
    assert first.childCount() == 0 and editor.tree.topLevelItemCount() == 2
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert editor.tree.topLevelItemCount() == 1


def open_editor(editor: RubricEditor) -> QLineEdit:
    """The cell editor being typed in (closed ones linger until deleted later)."""
    (line,) = [w for w in editor.tree.viewport().findChildren(QLineEdit) if w.isVisible()]
    return line


def test_typing_in_a_cell_is_checked_before_the_edit_ends(qtbot, editor):
    item = editor.add_criterion()  # opens the name cell for typing
    qtbot.keyClicks(open_editor(editor), "Patrol")  # QTest types Latin keys only
    assert item.text(NAME) == "Patrol"
    qtbot.keyClick(open_editor(editor), Qt.Key.Key_Return)
    # The delegate closes its editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: editor.tree.state() != QAbstractItemView.State.EditingState)
    editor.tree.setCurrentItem(item, STEP)
    editor.tree.editItem(item, STEP)
    line = open_editor(editor)
    line.selectAll()
    qtbot.keyClicks(line, "0.3")
    # Still editing, and the problem is already shown.
    assert item.text(STEP) == "0.3"
    assert is_marked(item, STEP)
    assert not editor.save_button.isEnabled()


def test_kinds_are_shown_in_chinese(qtbot, chinese, services, area):
    contest = services.contests.create_contest("技能比武")
    event = services.contests.create_event(contest.id, "采油工")
    services.contests.save_rubric(
        event.parts[0].id,
        Rubric(
            (
                Criterion("T1", "理论", CriterionKind.MEASUREMENT, D(100), D("0.5")),
                Criterion("T2", "操作", CriterionKind.JUDGEMENT, D(10), D("0.5")),
                Criterion("T3", "安全", CriterionKind.DEDUCTION, D(5), D(1)),
            )
        ),
    )
    editor = area.rubric_editor
    area.state.choose_contest(contest.id)
    area.state.choose_event(event.id)
    kinds = [editor.tree.topLevelItem(i).text(KIND) for i in range(3)]
    assert kinds == ["测量分", "评判分", "扣分"]
    assert editor.tree.headerItem().text(MAX) == "满分"
    assert editor.total_label.text() == "满分合计：110"


def test_a_save_the_service_refuses_is_explained(editor, services, shown):
    other = services.contests.event(editor.state.event_id).parts[0]
    services.contests.save_rubric(
        other.id, Rubric((Criterion("B1", "理论", CriterionKind.JUDGEMENT, D(10), D(1)),))
    )
    item = editor.add_criterion()
    item.setText(NAME, "操作")
    item.setText(CODE, "B1")  # already used by the theory part
    assert editor.save_button.isEnabled()
    assert not editor.save()
    assert [e.msgid for e in shown] == ["The code {code} is already used in another part"]
    assert editor.dirty
