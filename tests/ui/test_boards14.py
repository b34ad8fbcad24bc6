"""The Challenge boards area after issue 14: challenges and bouts numbered 1, 2, 3 per
board, a draw recorded and corrected where the rules allow it, deviation and volatility
beside the rating on a Glicko-2 board, and the rating rule in the rules dialog."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.ladder import BoardRules, RatingKind, RatingUpdate
from contest_desk.services.hub import Services
from contest_desk.ui import ask, feedback
from contest_desk.ui.boards import rules_dialog
from contest_desk.ui.boards.area import BoardsArea
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_boards_area import area as area  # an Elo board without draws
from tests.ui.test_boards_area import cell, challenge, names, settle
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small
LEFT = Qt.MouseButton.LeftButton
D = Decimal


@pytest.fixture
def glicko(qtbot, services: Services, small: SmallEvent) -> BoardsArea:
    rules = BoardRules(reach=2, rating=RatingKind.GLICKO2, draws=True)
    board = services.boards.create_board(small.event_id, "量油测气擂台", rules, scored=False)
    services.boards.join(board.id, [e.id for e in services.roster.entries(small.event_id)])
    shown = BoardsArea(services, AppState())
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    return shown


def header_texts(area: BoardsArea) -> list[str]:
    """The board table's visible headings, left to right, as a person reads them."""
    header = area.board_view.horizontalHeader()
    model = area.rows
    shown = [
        (header.visualIndex(c), model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not area.board_view.isColumnHidden(c)
    ]
    return [text for _at, text in sorted(shown)]


def test_a_draw_on_a_glicko_board_numbers_and_volatility(qtbot, glicko, monkeypatch) -> None:
    area = glicko
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "双方战平")
    assert header_texts(area)[:6] == ["名次", "姓名", "单位", "评分", "偏差", "波动率"]
    assert cell(area.rows, 0, 9) == "0.060000" and cell(area.rows, 0, 8) == "350.0"
    assert not area.draw_button.isHidden()
    start = names(area)
    challenge(qtbot, area, 1, 0)
    assert area.challenges.headerData(0, Qt.Orientation.Horizontal) == "挑战序号"
    assert cell(area.challenges, 0, 0) == "1"  # the board's first challenge, not log row 5
    settle(qtbot, area, area.draw_button)
    assert not refused and names(area) == start  # the title holder keeps the title
    area.tabs.setCurrentIndex(2)
    assert (cell(area.bouts, 0, 0), cell(area.bouts, 0, 4)) == ("1", "平局")
    challenge(qtbot, area, 2, 1)
    assert cell(area.challenges, 0, 0) == "2"
    settle(qtbot, area, area.challenger_won_button)
    assert cell(area.bouts, 0, 0) == "2"  # the newest first
    # Corrected on review: the choice is among the two other results.
    asked: list[list[str]] = []

    def pick(_parent, _title, _label, items):
        asked.append(items)
        return items.index("平局")

    monkeypatch.setattr(ask, "ask_choice", pick)
    area.tabs.setCurrentIndex(2)
    area.bout_view.selectRow(0)
    qtbot.mouseClick(area.correct_button, LEFT)
    assert asked == [["守擂成功", "平局"]]
    assert cell(area.bouts, 0, 4) == "平局" and names(area) == start
    assert "允许平局" in area.rules_label.text() and "每期期末" in area.rules_label.text()


def test_an_elo_board_without_draws_shows_neither(qtbot, area) -> None:
    assert "波动率" not in header_texts(area) and "评分" in header_texts(area)
    assert area.draw_button.isHidden()
    assert (
        "每场比试后即更新评分" in area.rules_label.text() and "不设平局" in area.rules_label.text()
    )


def test_the_rules_dialog_sets_the_rating_rule_and_draws(qtbot) -> None:
    dialog = rules_dialog.BoardDialog(BoardRules(rating=RatingKind.ELO), None)
    qtbot.addWidget(dialog)
    assert dialog.update_box.isEnabled() and not dialog.draws_box.isChecked()
    dialog.update_box.setCurrentIndex(dialog.update_box.findData(RatingUpdate.PERIOD))
    dialog.draws_box.setChecked(True)
    rules = dialog.rules()
    assert rules.rating_update is RatingUpdate.PERIOD and rules.draws
    dialog.update_box.setCurrentIndex(dialog.update_box.findData(RatingUpdate.BOUT))
    dialog.rating_box.setCurrentIndex(dialog.rating_box.findData(RatingKind.GLICKO2))
    assert not dialog.update_box.isEnabled()  # Glicko-2 rates once per period
    assert dialog.rules().rating_update is RatingUpdate.PERIOD


def test_a_paper_boards_volatility_shows_in_the_window(qtbot, services, small, tmp_path) -> None:
    rules = BoardRules(rating=RatingKind.GLICKO2)
    board = services.boards.create_board(small.event_id, "纸质擂台", rules, scored=False)
    paper = tmp_path / "纸质擂台.csv"
    paper.write_text("名次,工号,评分,偏差,波动率\n1,E001,1720,80,0.0512\n", encoding="utf-8")
    services.board_import.import_paper(board.id, paper)
    area = BoardsArea(services, AppState())
    qtbot.addWidget(area)
    area.show()
    assert area.view is not None and area.view.rows[0].volatility == D("0.0512")
    assert [cell(area.rows, 0, c) for c in (3, 8, 9)] == ["1720.0", "80.0", "0.051200"]
