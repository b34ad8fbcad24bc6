"""The server going away mid-entry (issue 16): the scoring grid keeps the typed marks,
marked 未保存, the status bar says it retries, and once the server is back the marks are
saved (once each) and shown saved. On a PostgreSQL server of the test's own, stopped and
started in the middle of the test (tests/pg_second_server.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow
from sqlalchemy import func, select

from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.ui import ask
from contest_desk.ui.reconnect import Reconnect
from contest_desk.ui.scoring.area import ScoringArea
from contest_desk.ui.scoring.model import ROLE_PENDING
from contest_desk.ui.state import AppState
from tests import pg_second_server as gone
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_area import choose, click_cell
from tests.ui.test_scoring_models import SmallEvent, build_event

# The second server's fixtures, used by name.
gone_url, second_server, services = gone.gone_url, gone.second_server, gone.services
language = shared.language
WAIT_MS = 60000  # the probe asks every 1–5 s; a slow machine gets time


@pytest.fixture
def small(services: Services) -> SmallEvent:
    return build_event(services)


def scoring_window(
    qtbot: Any, services: Services, small: SmallEvent
) -> tuple[QMainWindow, ScoringArea]:
    """The Scoring area in a window with a status bar, as the main window holds it."""
    window = QMainWindow()
    area = ScoringArea(services, AppState())
    window.setCentralWidget(area)
    qtbot.addWidget(window)
    window.resize(1100, 600)
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        window.show()
    choose(qtbot, area, small.event_id, 1, small.judges[0])
    return window, area


def type_mark(qtbot: Any, area: ScoringArea, row: int, code: str, text: str) -> None:
    click_cell(qtbot, area, row, code)
    qtbot.keyClicks(area.grid, text)
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)


def status_line(window: QMainWindow) -> str:
    label = window.findChild(QLabel, "reconnect_status")
    assert label is not None and label.isVisible()
    return str(label.text())


def saved_in_a_fresh_database(url: str, small: SmallEvent) -> dict[tuple[int, str], Decimal]:
    """The judge's marks as another program reads them: a new Database object."""
    fresh = Services.open(url)
    try:
        return dict(fresh.scoring.sheet(small.event_id, 1, small.judges[0]).values)
    finally:
        fresh.ctx.db.dispose()


def audited_saves(url: str) -> int:
    fresh = Services.open(url)
    try:
        with fresh.ctx.db.reading() as s:
            found = s.scalar(select(func.count()).where(m.AuditRecord.action == "score.record"))
    finally:
        fresh.ctx.db.dispose()
    return int(found or 0)


def test_marks_typed_while_the_server_is_down_are_kept_and_saved_when_it_is_back(
    qtbot: Any,
    services: Services,
    small: SmallEvent,
    gone_url: str,
    second_server: gone.SecondServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, area = scoring_window(qtbot, services, small)
    model = area.model
    first, second = small.entries[0].id, small.entries[1].id
    second_server.stop()
    type_mark(qtbot, area, 0, "P1", "8.5")  # the save meets the server's absence
    type_mark(qtbot, area, 1, "P1", "7")  # joins the queue: saves keep their order
    p1_first = model.index(0, model.column_of("P1"))
    p1_second = model.index(1, model.column_of("P1"))
    for index, typed in ((p1_first, "8.5"), (p1_second, "7")):
        assert model.data(index) == typed  # the typed value stays in its cell
        assert model.data(index, ROLE_PENDING) == typed
        assert "未保存" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.pending_count() == 2
    assert status_line(window) == "服务器连接中断，正在重试…（2 项未保存）"
    assert f"与服务器的连接中断：127.0.0.1:{second_server.port}" in area.status.text()
    assert "已输入的内容保留，恢复后会自动重试" in area.status.text()

    # Closing the window now asks first; kept open when the person keeps waiting.
    asked: list[str] = []

    def keep_waiting(_parent: Any, _title: str, text: str, *_args: Any, **_kw: Any) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(ask, "ask_go", keep_waiting)
    window.close()
    assert window.isVisible() and len(asked) == 1 and "2 项" in asked[0]

    retries = window.findChild(Reconnect)
    assert retries is not None
    second_server.start()
    with qtbot.waitSignal(retries.back, timeout=WAIT_MS):
        pass
    assert saved_in_a_fresh_database(gone_url, small) == {
        (first, "P1"): Decimal("8.5"),
        (second, "P1"): Decimal("7"),
    }
    assert audited_saves(gone_url) == 2  # each mark saved once
    for index, typed in ((p1_first, "8.5"), (p1_second, "7")):
        assert model.data(index) == typed
        assert model.data(index, ROLE_PENDING) is None
        assert "未保存" not in (model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
    assert model.pending_count() == 0
    assert status_line(window) == "已重新连接"
    assert area.status.text() == "已重新连接：期间输入的内容已全部保存"
    window.close()  # nothing waits: closed without a question
    assert not window.isVisible() and len(asked) == 1


def test_a_mark_whose_commit_answer_was_lost_is_sent_again_and_saved_once(
    qtbot: Any,
    services: Services,
    small: SmallEvent,
    gone_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The commit reached the server but its answer did not come back: the grid cannot
    know, keeps the mark unsaved and sends it again with the same op id; the service
    answers with the first outcome, and the mark is stored and audited once."""
    window, area = scoring_window(qtbot, services, small)
    gone.lose_next_commit_answer(services.ctx.db.engine, monkeypatch)
    type_mark(qtbot, area, 0, "P1", "9")
    index = area.model.index(0, area.model.column_of("P1"))
    assert area.model.data(index, ROLE_PENDING) == "9"  # saved or not: not shown saved
    retries = window.findChild(Reconnect)
    assert retries is not None
    with qtbot.waitSignal(retries.back, timeout=WAIT_MS):
        pass
    assert area.model.data(index, ROLE_PENDING) is None and area.model.data(index) == "9"
    assert saved_in_a_fresh_database(gone_url, small) == {(small.entries[0].id, "P1"): Decimal("9")}
    assert audited_saves(gone_url) == 1


def test_a_sheet_read_again_while_the_server_is_down_keeps_its_unsaved_marks(
    qtbot: Any,
    services: Services,
    small: SmallEvent,
    gone_url: str,
    second_server: gone.SecondServer,
) -> None:
    """The sheet is read again (another desk's news, a choice) while the server is away:
    the grid stays with the typed mark unsaved; the sheet is read again by itself later."""
    window, area = scoring_window(qtbot, services, small)
    model = area.model
    second_server.stop()
    type_mark(qtbot, area, 0, "P1", "6")
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        area.load(again=True)
    index = model.index(0, model.column_of("P1"))
    assert model.data(index) == "6" and model.data(index, ROLE_PENDING) == "6"
    assert area.status.text().startswith("与服务器的连接中断")
    assert area.stack.currentWidget() is not area.message  # the grid, not a message
    retries = window.findChild(Reconnect)
    assert retries is not None
    second_server.start()
    with qtbot.waitSignal(retries.back, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not area._stale, timeout=WAIT_MS)  # read again once it answers
    assert model.data(index) == "6" and model.data(index, ROLE_PENDING) is None
    assert saved_in_a_fresh_database(gone_url, small) == {(small.entries[0].id, "P1"): Decimal("6")}
