"""The Challenge boards area's long work runs through the runner: recomputing the board
reports its steps and stops at Cancel (the area then shows no stale board), and a paper
board's import stops at Cancel with nothing joined."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.ladder import BoardRules
from contest_desk.services.boards import views as board_views
from contest_desk.services.hub import Services
from contest_desk.ui import notice_printing
from contest_desk.ui.boards.area import BoardsArea
from contest_desk.ui.state import AppState
from tests.ui import cancelling
from tests.ui import test_boards_area as shared
from tests.ui.test_scoring_models import SmallEvent

area = shared.area
language = shared.language
services = shared.services
small = shared.small
names = shared.names


def test_recomputing_the_board_reports_its_steps(qtbot, area: BoardsArea, monkeypatch) -> None:
    seen = cancelling.steps(monkeypatch)
    area.refresh()
    assert seen == [(1, 3), (2, 3)]  # read, then replayed
    assert len(names(area)) == 6


def test_recomputing_stops_at_cancel_and_shows_no_stale_board(
    qtbot, area: BoardsArea, monkeypatch
) -> None:
    cancelling.steps(monkeypatch, cancel_at=1)
    area.refresh()
    assert area.view is None and names(area) == []
    assert area.period_label.text() == "未显示：已取消重算"
    monkeypatch.undo()
    area.refresh()  # asked again, it is all there
    assert len(names(area)) == 6 and area.period_label.text().startswith("第 1 期")


def test_the_recompute_dialog_has_a_cancel_button_that_stops_it(
    qtbot, area: BoardsArea, monkeypatch
) -> None:
    """The real dialog: it shows while the replay runs, and its Cancel stops the work."""
    pressed, seen = threading.Event(), {}
    monkeypatch.setattr(board_views, "replay", cancelling.held_until(pressed, board_views.replay))
    cancelling.press_cancel_when_shown(seen, pressed)
    area.refresh()
    assert seen == {"label": "正在重算擂台…"}
    assert area.view is None and area.period_label.text() == "未显示：已取消重算"


@pytest.fixture
def empty_board(qtbot, services: Services, small: SmallEvent) -> BoardsArea:
    services.boards.create_board(small.event_id, "纸质擂台", BoardRules(), scored=False)
    shown = BoardsArea(services, AppState())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_a_paper_board_import_stops_at_cancel_with_nothing_joined(
    qtbot, empty_board: BoardsArea, services: Services, monkeypatch, tmp_path: Path
) -> None:
    paper = tmp_path / "纸质擂台.csv"
    paper.write_text("名次,工号\n1,E003\n2,E001\n3,E004\n", encoding="utf-8")
    seen = cancelling.steps(monkeypatch, cancel_at=2)
    empty_board.import_paper_file(paper)
    assert seen[:2] == [(0, 3), (1, 3)]
    board = empty_board.board_id()
    assert board is not None and services.board_views.view(board).rows == ()
    assert names(empty_board) == []

    seen = cancelling.steps(monkeypatch)
    empty_board.import_paper_file(paper)
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3), (1, 3), (2, 3)]  # joined, then shown
    assert names(empty_board) == ["张海涛", "王建国", "刘晓燕"]


def test_the_notice_cancelled_opens_no_preview(qtbot, area: BoardsArea, monkeypatch) -> None:
    previews: list[object] = []
    monkeypatch.setattr(notice_printing, "preview_notice", lambda _p, n: previews.append(n))
    seen = cancelling.steps(monkeypatch, cancel_at=1)
    qtbot.mouseClick(area.notice_button, Qt.MouseButton.LeftButton)
    assert seen == [(1, 2)] and previews == []
