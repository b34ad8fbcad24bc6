"""One whole story through the main window, driven like the people who run a contest would.

An organizer creates a contest and an event, builds its rubric, imports the roster from the
app's own Excel template and seats three judges; each judge keys their marks into the grid
with the keyboard; the standings show the ranks and awards worked out by hand below.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from contest_desk.domain.aggregation import Aggregation
from contest_desk.domain.rubric import CriterionKind
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.rubric_model import KIND, MAX, NAME, STEP, VALUE_ROLE
from contest_desk.ui.main_window import MainWindow
from contest_desk.ui.scoring.area import ScoringArea
from contest_desk.ui.standings.area import StandingsArea
from tests.builders import fill_rows
from tests.ui import test_contests_area as shared

D = Decimal

EVENT = "采油工"
ROSTER = [
    ["1001", "王建国", "采油一区/作业一班", "采油工", "高级工", EVENT, None],
    ["1002", "李明", "采油一区/作业二班", "采油工", "技师", EVENT, None],
    ["2001", "赵强", "采油二区/注水班", "采油工", "中级工", EVENT, None],
    ["2002", "孙丽", "采油二区/注水班", "采油工", "高级工", EVENT, None],
]
JUDGES = [("judge1", "周志刚"), ("judge2", "吴海燕"), ("judge3", "郑国庆")]
# 操作规范 (A1, out of 10) as each judge types it. The safety deduction (A2) is an objective
# value, entered once for all judges: the first judge keys it, the others Tab past it.
MARKS = {
    "judge1": {"王建国": "9", "李明": "8", "赵强": "9.5", "孙丽": "7"},
    "judge2": {"王建国": "9.5", "李明": "8", "赵强": "9", "孙丽": "8"},
    "judge3": {"王建国": "8.5", "李明": "8.5", "赵强": "9.5", "孙丽": "7"},
}
DEDUCTIONS = {"王建国": "0", "李明": "1", "赵强": "1", "孙丽": "0"}
# Worked out by hand, mean of the three judges less the deduction, rounded half-up:
# 王建国 27/3 − 0 = 9.00; 赵强 28/3 − 1 = 8.33; 孙丽 22/3 − 0 = 7.33; 李明 24.5/3 − 1 = 7.17.
EXPECTED = [
    ("1", "王建国", "9.00", "一等奖"),
    ("2", "赵强", "8.33", "二等奖"),
    ("3", "孙丽", "7.33", "三等奖"),
    ("4", "李明", "7.17", ""),
]


# Errors the window would show, collected instead of opening a modal box.
shown = shared.shown


@pytest.fixture
def window(qtbot, tmp_path: Path, shown: list[UserError]) -> MainWindow:
    window = MainWindow(Services.open(str(tmp_path / "story.db")))
    qtbot.addWidget(window)
    window.show()
    return window


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_area(qtbot, window: MainWindow, key: str) -> None:
    """Click the area's entry in the side bar."""
    row = list(window.areas).index(key)
    item = window.sidebar.item(row)
    qtbot.mouseClick(
        window.sidebar.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.sidebar.visualItemRect(item).center(),
    )
    assert window.stack.currentWidget() is window.areas[key]


def set_up_contest(qtbot, area: ContestsArea) -> None:
    click(qtbot, area.navigator.new_contest_button)
    panel = area.contest_panel
    panel.name_edit.setText("2026年采油厂职业技能比武")
    panel.organizer_edit.setText("采油厂工会")
    panel.start_edit.setDate(QDate(2026, 5, 10))
    panel.end_edit.setDate(QDate(2026, 5, 12))
    click(qtbot, panel.save_button)

    click(qtbot, area.navigator.new_event_button)
    editor = area.event_editor
    editor.name_edit.setText(EVENT)
    editor.parts.set_rows([["实操", "100"]])
    editor.aggregation_box.setCurrentIndex(editor.aggregation_box.findData(Aggregation.MEAN.value))
    editor.judges_spin.setValue(3)
    awards = editor.awards
    awards.mode_box.setCurrentIndex(awards.mode_box.findData("counts"))
    awards.model.set_rows([["一等奖", "1"], ["二等奖", "1"], ["三等奖", "1"]])
    click(qtbot, editor.save_button)


def build_rubric(qtbot, area: ContestsArea) -> None:
    area.tabs.setCurrentWidget(area.rubric_editor)
    editor = area.rubric_editor
    skill = editor.add_criterion()
    skill.setText(NAME, "操作规范")
    skill.setText(MAX, "10")
    skill.setText(STEP, "0.5")
    safety = editor.add_criterion()
    safety.setText(NAME, "安全扣分")
    safety.setData(KIND, VALUE_ROLE, CriterionKind.DEDUCTION.value)
    safety.setText(MAX, "5")
    safety.setText(STEP, "1")
    assert editor.total_label.text() == "Max total: 10"
    click(qtbot, editor.save_button)
    assert not editor.dirty


def import_roster(qtbot, area: ContestsArea, path: Path) -> None:
    area.tabs.setCurrentWidget(area.roster_tab)
    roster = area.roster_tab
    assert roster.write_template_file(path)
    fill_rows(path, ROSTER)
    with qtbot.waitSignal(roster.import_finished, timeout=20000):
        assert roster.import_roster_file(path) is not None
    assert roster.persons.rowCount() == len(ROSTER)


def seat_judges(qtbot, area: ContestsArea) -> None:
    tab = area.judges_tab
    area.tabs.setCurrentWidget(tab)
    for username, name in JUDGES:
        tab.username_edit.setText(username)
        tab.name_edit.setText(name)
        click(qtbot, tab.add_button)
    for row in range(len(JUDGES)):
        tab.judge_view.selectRow(row)
        click(qtbot, tab.assign_button)
    assert tab.panel.rowCount() == len(JUDGES)


def key_in_marks(qtbot, area: ScoringArea, username: str) -> None:
    """Choose the judge, click the first cell, then only type and press Enter."""
    box = area.judge_box
    index = box.findText(dict(JUDGES)[username])  # the picker names people, not accounts
    if box.currentIndex() != index:
        with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
            box.setCurrentIndex(index)
    model = area.model
    first = model.index(0, model.column_of("A1"))
    qtbot.mouseClick(
        area.grid.viewport(), Qt.MouseButton.LeftButton, pos=area.grid.visualRect(first).center()
    )
    for row in range(model.rowCount()):
        name = model.entry_at(row).label
        qtbot.keyClicks(area.grid, MARKS[username][name])
        qtbot.keyClick(area.grid, Qt.Key.Key_Return)
        if username == JUDGES[0][0]:
            qtbot.keyClicks(area.grid, DEDUCTIONS[name])
            qtbot.keyClick(area.grid, Qt.Key.Key_Return)
        else:
            assert area.grid.currentIndex().data() == DEDUCTIONS[name]
            qtbot.keyClick(area.grid, Qt.Key.Key_Tab)
    stored = area.services.scoring.sheet(area.state.event_id, 1, box.currentData()).values
    assert {
        (model.entry_at(row).label, code): str(stored[(model.entry_at(row).id, code)])
        for row in range(model.rowCount())
        for code in ("A1", "A2")
    } == {(name, "A1"): mark for name, mark in MARKS[username].items()} | {
        (name, "A2"): mark for name, mark in DEDUCTIONS.items()
    }


def standings_rows(area: StandingsArea) -> list[tuple[str, ...]]:
    model = area.model
    kinds = model.column_kinds()
    columns = [kinds.index(kind) for kind in ("rank", "name", "total", "award")]
    return [tuple(model.data(model.index(r, c)) for c in columns) for r in range(model.rowCount())]


def test_a_skill_contest_from_set_up_to_awards(qtbot, window, shown, tmp_path):
    contests = window.areas["contests"]
    assert isinstance(contests, ContestsArea)
    set_up_contest(qtbot, contests)
    build_rubric(qtbot, contests)
    import_roster(qtbot, contests, tmp_path / "报名表.xlsx")
    seat_judges(qtbot, contests)

    scoring = window.areas["scoring"]
    assert isinstance(scoring, ScoringArea)
    with qtbot.waitSignal(scoring.sheet_loaded, timeout=20000):
        open_area(qtbot, window, "scoring")
    assert scoring.model.rowCount() == len(ROSTER)
    for username, _name in JUDGES:
        key_in_marks(qtbot, scoring, username)

    standings = window.areas["standings"]
    assert isinstance(standings, StandingsArea)
    with qtbot.waitSignal(standings.table_shown, timeout=20000):
        open_area(qtbot, window, "standings")
    assert standings_rows(standings) == EXPECTED
    assert shown == []

    # What the window showed is what the services store.
    event_id = window.state.event_id
    assert event_id is not None
    stored = window.services.standings.standings(event_id)
    assert [(str(r.rank), r.award or "") for r in stored.rows] == [
        (rank, award) for rank, _name, _total, award in EXPECTED
    ]
