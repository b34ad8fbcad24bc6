"""Issue 14's target, counted: last year's contest (the demo's) and this year's roster file
to a contest ready for scoring (entries in, judges on the panels, the draw done) in at most
ten actions of the organizer in the Contests area. Every click, typed field and chosen file
counts as one; the test drives the real widgets and fails when more are needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QTableView, QTabWidget, QWidget

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.demo.build import CONTEST_NAME
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.copy_dialog import CopyContestDialog, next_name
from contest_desk.ui.state import AppState
from tests.ui import test_contests_area as shared

shown = shared.shown

# The offscreen platform cannot raise a popup or give it the keyboard; a real screen does.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
TARGET = 10
NEW_NAME = "2027年采油厂职工技能比武"
# This year's roster as the plant sends it: Chinese headers, a title row, numbers as numbers.
ROSTER = [
    (20270001, "郭子豪", "采油一区/采油一班", "采油工", "高级工", "采油工技能比武", None),
    (20270002, "马晓燕", "采油一区/采油二班", "采油工", "技师", "采油工技能比武", None),
    (20270003, "韩立军", "采油二区/采油三班", "采油工", "中级工", "采油工技能比武", None),
    (20270004, "冯建平", "维修大队/焊工班", "电焊工", "高级工", "电焊工技能比武", None),
    (20270005, "邓小川", "维修大队/焊工班", "电焊工", "技师", "电焊工技能比武", None),
    (20270006, "曹振东", "维修大队/仪表班", "仪表维修工", "高级工", "仪表维修工技能比武", None),
    (20270007, "彭永刚", "维修大队/仪表班", "仪表维修工", "中级工", "仪表维修工技能比武", None),
    (20270001, "郭子豪", "采油一区/采油一班", "采油工", "高级工", "采油班组团体赛", "采油一队"),
    (20270002, "马晓燕", "采油一区/采油二班", "采油工", "技师", "采油班组团体赛", "采油一队"),
    (20270003, "韩立军", "采油二区/采油三班", "采油工", "中级工", "采油班组团体赛", "采油二队"),
]


class Actions:
    """The organizer's hands: each method is one action, and counts itself."""

    def __init__(self, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
        self.qtbot, self.monkeypatch = qtbot, monkeypatch
        self.done: list[str] = []

    def _count(self, what: str) -> None:
        self.done.append(what)

    def click(self, widget: QWidget, what: str) -> None:
        assert widget.isVisible() and widget.isEnabled(), what
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self._count(what)

    def click_row(self, view: QTableView, row: int, what: str) -> None:
        rect = view.visualRect(view.model().index(row, 0))
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self._count(what)

    def click_tab(self, tabs: QTabWidget, page: QWidget, what: str) -> None:
        bar = tabs.tabBar()
        rect = bar.tabRect(tabs.indexOf(page))
        assert bar.isTabVisible(tabs.indexOf(page)) and rect.isValid(), what
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
        self._count(what)

    def type(self, line: QLineEdit, text: str, what: str) -> None:
        """Click into a field, select what it holds and type over it: one action."""
        self.qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
        line.selectAll()
        if text.isascii():
            self.qtbot.keyClicks(line, text)
        else:  # Chinese comes through the input method, not key by key (QTest aborts on it)
            line.insert(text)
        self._count(what)

    def will_choose_file(self, path: Path, what: str) -> None:
        """The next open-file dialog is answered with ``path``: one action."""

        def chosen(*_args: object, **_kwargs: object) -> tuple[str, str]:
            self._count(what)
            return str(path), ""

        self.monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)


def roster_file(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["2027年采油厂职工技能比武报名表"])
    ws.append(["工号", "姓名", "单位", "工种", "技能等级", "参赛项目", "参赛队"])
    for row in ROSTER:
        ws.append(list(row))
    wb.save(path)
    return path


@pytest.fixture
def organizer(demo_copy: str) -> Iterator[Services]:
    services = Services.open(demo_copy)
    yield services.as_user(Actor("organizer", frozenset({Role.ORGANIZER})))
    services.ctx.db.dispose()


@pytest.fixture
def area(qtbot, organizer: Services, shown) -> ContestsArea:
    widget = ContestsArea(organizer, AppState())
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def test_last_years_contest_and_this_years_roster_are_ready_in_ten_actions(
    qtbot, area: ContestsArea, organizer: Services, shown, tmp_path: Path, monkeypatch
) -> None:
    roster = roster_file(tmp_path / "2027年报名表.xlsx")
    hands = Actions(qtbot, monkeypatch)
    nav = area.navigator
    (source,) = [c for c in organizer.contests.contests() if c.name == CONTEST_NAME]

    # 1-2: last year's contest, then 以此为模板新建竞赛.
    hands.click_row(nav.contest_view, nav.contests.row_of(source.id), "choose last year's")
    assert area.state.contest_id == source.id
    hands.click(nav.copy_contest_button, "New from this contest…")
    dialogs = area.findChildren(CopyContestDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialog = dialogs[0]
    # 3-6: the name and both dates, typed as clerks type them; then create.
    hands.type(dialog.name_edit, NEW_NAME, "name")
    hands.type(dialog.start_edit.line, "2027/5/11", "start date")
    hands.type(dialog.end_edit.line, "20270513", "end date")
    hands.click(dialog.ok_button, "Create the contest")
    assert shown == [] and not dialog.isVisible()
    (made,) = [c for c in organizer.contests.contests() if c.name == NEW_NAME]
    assert (made.start_date, made.end_date) == (dt.date(2027, 5, 11), dt.date(2027, 5, 13))
    assert area.state.contest_id == made.id  # the new contest is chosen
    assert area.tabs.currentWidget() is area.roster_tab  # where the next step is

    # 7-8: this year's roster, for all the contest's events at once.
    hands.will_choose_file(roster, "the roster file")
    with qtbot.waitSignal(area.roster_tab.import_finished, timeout=30000):
        hands.click(area.roster_tab.import_button, "Import roster…")
    assert shown == []
    # 9-10: the draw of every event.
    hands.click_tab(area.tabs, area.draw_tab, "Draw tab")
    hands.click(area.draw_tab.draw_all_button, "Draw every event")
    assert shown == []

    assert len(hands.done) <= TARGET, hands.done
    ready_for_scoring(organizer, made.id, source.id)


def ready_for_scoring(organizer: Services, contest_id: int, source_id: int) -> None:
    """Entries in, the panels of last year, the first round drawn; a judge sees codes."""
    entered = {}
    for event in organizer.contests.events(contest_id):
        entries = organizer.roster.entries(event.id)
        entered[event.name] = len(entries)
        if not entries:
            continue
        assert organizer.roster.panel(event.id), event.name
        draw = organizer.draws.draw(event.id, 1)
        assert sorted(e.id for e in entries) == sorted(d.entry.id for d in draw.entries)
        assert all(e.code for e in entries)
    assert entered == {
        "采油工技能比武": 3,
        "电焊工技能比武": 2,
        "仪表维修工技能比武": 2,
        "采油班组团体赛": 2,
        "抽油机维修擂台": 0,
    }
    old_panels = {
        e.name: [j.username for j in organizer.roster.panel(e.id)]
        for e in organizer.contests.events(source_id)
    }
    oil = next(e for e in organizer.contests.events(contest_id) if e.name == "采油工技能比武")
    panel = organizer.roster.panel(oil.id)
    assert [j.username for j in panel] == old_panels["采油工技能比武"]
    judge = organizer.as_user(Actor(panel[0].username, frozenset({Role.JUDGE})))
    sheet = judge.scoring.sheet(oil.id, 1, panel[0].id)
    codes = {e.code for e in organizer.roster.entries(oil.id)}
    assert {e.label for e in sheet.entries} == codes  # blind: codes, not names


def test_the_dialog_offers_next_years_name_and_opens_its_calendars_a_year_on(
    qtbot, area: ContestsArea, organizer: Services
) -> None:
    (source,) = [c for c in organizer.contests.contests() if c.name == CONTEST_NAME]
    area.state.choose_contest(source.id)
    dialog = area.copy_contest()
    assert dialog is not None
    assert dialog.name_edit.text() == "2027年采油厂职工技能比武" == next_name(source.name)
    assert dialog.start_edit.line.text() == "" and dialog.start_edit.shown_text() == "Not set"
    calendar = dialog.start_edit.open_calendar().calendar
    assert source.start_date is not None
    assert (calendar.yearShown(), calendar.monthShown()) == (
        source.start_date.year + 1,
        source.start_date.month,
    )
    dialog.start_edit.popup.hide()


def test_a_refused_copy_keeps_the_dialog_open_and_writes_nothing(
    qtbot, area: ContestsArea, organizer: Services, shown
) -> None:
    (source,) = [c for c in organizer.contests.contests() if c.name == CONTEST_NAME]
    area.state.choose_contest(source.id)
    dialog = area.copy_contest()
    assert dialog is not None
    dialog.start_edit.setDate(dt.date(2027, 5, 13))
    dialog.end_edit.setDate(dt.date(2027, 5, 11))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [e.msgid for e in shown] == ["The end date {end} is before the start date {start}"]
    assert dialog.isVisible() and len(organizer.contests.contests()) == 2
    dialog.end_edit.line.setText("2027/2/30")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert shown[-1].params["value"] == "2027/2/30"
    assert len(organizer.contests.contests()) == 2 and area.state.contest_id == source.id
