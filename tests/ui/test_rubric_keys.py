"""The rubric grid's keyboard, as in the scoring grid: typing opens the cell, Enter commits
and goes down, Tab and Shift+Tab go across, the arrows move between cells."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.ui.contests.rubric_model import CODE, KIND, MAX, NAME, STEP, WEIGHT
from tests.ui import test_contests_area as shared

D = Decimal
area = shared.area
services = shared.services
shown = shared.shown
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(area, services):
    contest = services.contests.create_contest("2026年技能比武")
    event = services.contests.create_event(contest.id, "采油工")
    services.contests.save_rubric(
        event.parts[1].id,
        Rubric(
            (
                Criterion("B1", "取样", CriterionKind.JUDGEMENT, D(10), D("0.5")),
                Criterion("B2", "巡检", CriterionKind.JUDGEMENT, D(10), D("0.5")),
                Criterion("B3", "安全", CriterionKind.DEDUCTION, D(5), D(1)),
            )
        ),
    )
    area.state.choose_contest(contest.id)
    area.state.choose_event(event.id)
    area.tabs.setCurrentWidget(area.rubric_editor)
    editor = area.rubric_editor
    editor.part_box.setCurrentIndex(1)
    return editor


def cell(editor) -> tuple[str, int]:
    tree = editor.tree
    return tree.currentItem().text(CODE), tree.currentColumn()


def test_typing_enter_and_tab_fill_cells_without_a_double_click(qtbot, editor, services):
    tree = editor.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0), MAX)
    qtbot.keyClicks(tree, "8")  # opens the cell with what was typed
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert cell(editor) == ("B2", MAX)  # Enter: down the column
    qtbot.keyClicks(tree, "6")
    qtbot.keyClick(tree, Qt.Key.Key_Tab)
    assert cell(editor) == ("B2", STEP)  # Tab: across
    qtbot.keyClicks(tree, "1")
    qtbot.keyClick(tree, Qt.Key.Key_Tab)
    assert cell(editor) == ("B2", WEIGHT)
    qtbot.keyClick(tree, Qt.Key.Key_Tab, SHIFT)  # Shift+Tab: back
    assert cell(editor) == ("B2", STEP)
    # Tab past a row's last editable cell (a judgement has no rule) goes to the next row.
    tree.setCurrentItem(tree.topLevelItem(1), WEIGHT)
    qtbot.keyClick(tree, Qt.Key.Key_Tab)
    assert cell(editor) == ("B3", CODE)
    assert editor.save()
    stored = services.contests.rubric(editor.part_id).criteria
    assert [(c.code, c.max_points, c.step) for c in stored] == [
        ("B1", D(8), D("0.5")),
        ("B2", D(6), D(1)),
        ("B3", D(5), D(1)),
    ]


def test_the_arrows_move_between_cells(qtbot, editor):
    tree = editor.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(1), NAME)
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert cell(editor) == ("B1", NAME)
    qtbot.keyClick(tree, Qt.Key.Key_Up)  # the edge: stays
    assert cell(editor) == ("B1", NAME)
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert cell(editor) == ("B1", MAX)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert cell(editor) == ("B3", MAX)
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert cell(editor) == ("B3", KIND)
    tree.setCurrentItem(tree.topLevelItem(2), NAME)
    qtbot.keyClicks(tree, "Fire")
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert tree.topLevelItem(2).text(NAME) == "Fire"
    assert cell(editor) == ("B3", NAME)  # the last row: Enter stays
