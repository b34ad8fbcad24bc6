"""A form anywhere in the window whose save meets the server gone away (issue 16): the
runner waits with its dialog, sends the save again once the server is back and the form
goes on as after any save; 停止等待 says the absence; a step partly saved is said and never
sent again (a commit whose answer was lost: tests/ui/test_server_wait.py). The contest
panel (竞赛 → 基本信息) stands for every such form, on a PostgreSQL server of the test's own."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy import func, select

from contest_desk.domain.contest import ContestKind
from contest_desk.errors import ServerUnavailable, UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.ui import operations
from contest_desk.ui.contests.contest_panel import ContestPanel
from contest_desk.ui.state import AppState
from tests import pg_second_server as gone
from tests.ui import test_scoring_models as shared
from tests.ui import test_server_gone_forms as forms
from tests.ui.test_server_wait import Watch, waiting_dialog

# The second server's fixtures, used by name.
gone_url, second_server, services = gone.gone_url, gone.second_server, gone.services
language = shared.language
shown = forms.shown  # what the window says to the person, collected
OLD, NEW = "2026年采油工技能比武", "2026年采油工职业技能竞赛"
BACK_MS = 2500  # the server is started again this long after the save began


def contest_panel(qtbot: Any, services: Services) -> tuple[ContestPanel, list[int]]:
    """The panel showing a saved contest; the list counts the setup changes it announces."""
    contest = services.contests.create_contest(OLD, ContestKind.SKILL, None, None, "采油厂工会")
    state = AppState()
    state.choose_contest(contest.id)
    panel = ContestPanel(services, state)
    qtbot.addWidget(panel)
    panel.show()
    announced: list[int] = []
    state.setup_changed.connect(lambda: announced.append(1))
    return panel, announced


@pytest.fixture
def away(
    qtbot: Any, services: Services, second_server: gone.SecondServer
) -> tuple[ContestPanel, list[int]]:
    """The panel with a new name typed while the server is stopped."""
    panel, announced = contest_panel(qtbot, services)
    second_server.stop()
    panel.name_edit.setText(NEW)
    return panel, announced


def stored(url: str) -> list[tuple[str, int]]:
    """The contests' names and their update audit rows, as another program reads them."""
    fresh = Services.open(url)
    try:
        names = [c.name for c in fresh.contests.contests()]
        with fresh.ctx.db.reading() as s:
            updates = s.scalar(select(func.count()).where(m.AuditRecord.action == "contest.update"))
    finally:
        fresh.ctx.db.dispose()
    return [(name, int(updates or 0)) for name in names]


def test_a_save_that_meets_the_server_gone_waits_and_lands_once_it_is_back(
    qtbot: Any,
    away: tuple[ContestPanel, list[int]],
    gone_url: str,
    second_server: gone.SecondServer,
    shown: list[UserError],
) -> None:
    panel, announced = away
    with Watch(lambda _dialog: QTimer.singleShot(BACK_MS, second_server.start)) as watch:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)  # back once saved
    server = f"127.0.0.1:{second_server.port}"
    assert watch.seen == [
        f"服务器连接中断|与服务器的连接中断：{server}。已输入的内容保留，恢复后会自动重试。"
    ]
    assert shown == [] and waiting_dialog() is None
    # The panel went on as after any save: the saved contest shown and announced.
    assert panel.contest is not None and panel.contest.name == NEW
    assert panel.title.text() == f"竞赛：{NEW}" and announced == [1]
    assert stored(gone_url) == [(NEW, 1)]


def test_stop_waiting_says_the_server_is_away_and_saves_nothing(
    qtbot: Any,
    away: tuple[ContestPanel, list[int]],
    gone_url: str,
    second_server: gone.SecondServer,
    shown: list[UserError],
) -> None:
    panel, announced = away

    def stop(dialog: QWidget) -> None:
        button = dialog.findChild(QPushButton, "server_wait_stop")
        assert button is not None and button.text() == "停止等待"
        button.click()

    with Watch(stop) as watch:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert len(watch.seen) == 1 and waiting_dialog() is None
    (said,) = shown
    assert isinstance(said, ServerUnavailable) and not said.unknown
    assert said.message().endswith("未做任何修改，请在服务器恢复后重试。")
    assert panel.name_edit.text() == NEW and announced == []  # the form keeps what was typed
    second_server.start()
    assert stored(gone_url) == [(OLD, 0)]


def test_a_step_whose_first_save_was_committed_is_said_and_not_sent_again(
    qtbot: Any,
    services: Services,
    gone_url: str,
    second_server: gone.SecondServer,
    shown: list[UserError],
) -> None:
    """Two service calls in one work; the server goes between them. Sent again, the work
    would make the first contest twice."""
    contests = services.contests
    calls: list[int] = []

    def two_saves() -> None:
        calls.append(1)
        contests.create_contest(OLD, ContestKind.SKILL, None, None, "采油厂工会")
        second_server.stop()
        contests.create_contest("2026年电焊工技能比武", ContestKind.SKILL, None, None, "")

    with Watch() as watch:
        assert operations.done(None, two_saves) is False
    assert calls == [1] and watch.seen == []
    (said,) = shown
    assert isinstance(said, ServerUnavailable) and said.partly
    assert "这一步已有一部分保存" in said.message()
    second_server.start()
    assert stored(gone_url) == [(OLD, 0)]
