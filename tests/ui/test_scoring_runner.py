"""Scoring, standings, paper sheets and the chief judge's desk through the operations runner:
a mark is saved off the window's thread while the window goes on, a refusal still marks the
cell (no message box), changes are announced to the other areas, and each area, built by the
real window for the roles that open it, is given exactly the services it declares."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

from contest_desk.services.hub import Services, ServiceSubset
from contest_desk.ui import feedback, round_lock
from contest_desk.ui.chief.area import ChiefArea
from contest_desk.ui.paper.area import FIRST, SECOND
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_chief_area import mark
from tests.ui.test_paper_area import key_pass, open_as
from tests.ui.test_roles import accounts, window_for
from tests.ui.test_scoring_area import choose, click_cell, open_area, stored
from tests.ui.test_scoring_models import SmallEvent

D = Decimal
language = shared.language
services = shared.services
small = shared.small
accounts = accounts


def on_window_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


class Relay(QObject):
    """Lives on the window's thread: a ping from a worker is answered only when the
    window's thread gets to its events."""

    ping = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.answered = threading.Event()
        self.ping.connect(self.answer)

    @Slot()
    def answer(self) -> None:
        self.answered.set()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages that would have opened a box, collected instead."""
    shown: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: shown.append(e.message()))
    return shown


def test_a_mark_is_saved_off_the_window_thread_while_the_window_goes_on(
    qtbot, services: Services, small: SmallEvent, monkeypatch, boxes
) -> None:
    """The save waits for an answer from the window's thread: it can only finish if the
    window keeps its events while the mark is being stored."""
    area = open_area(qtbot, services)
    judge = small.judges[0]
    choose(qtbot, area, small.event_id, 1, judge)
    record = services.scoring.record_score
    relay = Relay()
    threads: list[bool] = []

    def record_score(*args, **kwargs):
        threads.append(on_window_thread())
        relay.ping.emit()
        assert relay.answered.wait(10), "the window's thread was blocked by the save"
        return record(*args, **kwargs)

    monkeypatch.setattr(services.scoring, "record_score", record_score)
    click_cell(qtbot, area, 1, "P1")
    qtbot.keyClicks(area.grid, "6.5")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)

    assert threads == [False]
    assert stored(services, small, judge, 1, "P1") == D("6.5")
    assert area.grid.currentIndex() == area.model.index(1, area.model.column_of("M1"))
    assert boxes == []


def test_a_refusal_from_the_worker_marks_the_cell_and_opens_no_box(
    qtbot, services: Services, small: SmallEvent, boxes
) -> None:
    area = open_area(qtbot, services)
    judge = small.judges[0]
    choose(qtbot, area, small.event_id, 1, judge)
    index = click_cell(qtbot, area, 0, "P2")
    qtbot.keyClicks(area.grid, "25")  # P2 is out of 20
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert boxes == []  # said in the cell and the status line, not in a modal box
    reason = area.model.error_at(0, index.column())
    assert reason and "25" in reason and reason in area.status.text()
    assert area.grid.currentIndex() == index
    assert stored(services, small, judge, 0, "P2") is None


def submitted_round(accounts: Services, small: SmallEvent) -> None:
    """Every judge marks 8 everywhere (no discrepancy) and submits their sheet."""
    for n, judge_id in enumerate(small.judges, start=1):
        acting = accounts.as_user(accounts.users.authenticate(f"judge{n}", f"judge{n}-pass"))
        for entry in small.entries:
            for code in ("P1", "P2"):
                acting.scoring.record_score(small.event_id, 1, judge_id, entry.id, code, "8")
        acting.sheets.submit(small.event_id, 1, judge_id, f"judge{n}-pass")


def test_the_chief_desk_announces_a_lock_and_reads_a_burst_once_when_shown(
    qtbot, accounts: Services, small: SmallEvent, monkeypatch, boxes
) -> None:
    submitted_round(accounts, small)
    chief = accounts.as_user(accounts.users.authenticate("chief", "chief-pass"))
    state = AppState()
    area = ChiefArea(chief, state)
    qtbot.addWidget(area)
    area.show()
    assert area.lock_label.text() == "未锁定"
    told: list[int] = []
    state.scores_changed.connect(told.append)
    monkeypatch.setattr(round_lock, "ask_lock", lambda *_a: True)  # what locking means: yes
    monkeypatch.setattr(round_lock, "ask_after_lock", lambda *_a: None)  # the notice: later
    qtbot.mouseClick(area.lock_button, Qt.MouseButton.LeftButton)
    assert boxes == []
    assert told == [small.event_id]  # standings (final now) and the advance tab hear it
    assert area.lock_label.text() == "已由 chief 锁定"
    assert area.unlock_button.isVisible() and not area.lock_button.isVisible()
    assert chief.sheets.round_status(small.event_id, 1).locked

    reads: list[bool] = []
    round_status = chief.sheets.round_status
    monkeypatch.setattr(
        chief.sheets,
        "round_status",
        lambda *a: reads.append(on_window_thread()) or round_status(*a),
    )
    area.hide()
    for _ in range(3):
        state.scores_changed.emit(small.event_id)  # a judge typing elsewhere
    assert reads == []
    area.show()
    qtbot.waitUntil(lambda: reads == [False], timeout=10000)
    qtbot.wait(50)  # nothing more is read for the three
    assert reads == [False]


def test_confirming_a_paper_sheet_is_announced(
    qtbot, services: Services, small: SmallEvent, boxes
) -> None:
    key_pass(qtbot, open_as(qtbot, services, "clerk1"), FIRST)
    key_pass(qtbot, open_as(qtbot, services, "clerk2"), SECOND)
    third = open_as(qtbot, services, "clerk3")
    told: list[int] = []
    third.state.scores_changed.connect(told.append)
    third.confirm_button.click()
    assert boxes == []
    assert told == [small.event_id]
    assert third.status.text().endswith("；已由 clerk3 确认")


MY_AREAS = ("scoring", "standings", "paper", "chief")


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("judge1", ["scoring"]),
        ("org", ["standings", "paper"]),
        ("chief", ["scoring", "standings", "paper", "chief"]),
    ],
)
def test_each_role_opens_its_areas_with_only_the_services_they_declare(
    qtbot, accounts: Services, small: SmallEvent, username: str, expected: list[str], boxes
) -> None:
    """A name missing from USES would be an AttributeError when the area (or its picker,
    tabs and sheet bar) is built, shows its first event and reads it."""
    mark(accounts, small, "8")
    window = window_for(qtbot, accounts, username)
    opened = [key for key in MY_AREAS if key in window.areas]
    assert opened == expected
    for key in opened:
        window.show_area(key)
        area = window.areas[key]
        assert window.stack.currentWidget() is area
        given = area.services
        assert isinstance(given, ServiceSubset) and given.names == set(type(area).USES)
        if key == "scoring":
            qtbot.waitUntil(lambda a=area: a.model.sheet is not None, timeout=20000)
        elif key == "standings":
            qtbot.waitUntil(lambda a=area: a.model.table is not None, timeout=20000)
        elif key == "paper":
            assert area.model.rowCount() == len(small.entries)
        else:
            assert area.sheets.rowCount() == len(small.judges)
            area.recheck_tab.draw_button.click()  # rechecks, roster, contests
            assert area.recheck_tab.model.rowCount() > 0
            assert area.recheck_tab.result.text().startswith("已复核 0 /")
    assert boxes == []
