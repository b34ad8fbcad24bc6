"""The Challenge boards area: a board through several periods with challenges, a refusal,
a correction and eliminations, its charts drawn and exported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.ladder import BoardRules, RatingKind
from contest_desk.services.hub import Services
from contest_desk.ui import chart_view, feedback
from contest_desk.ui.boards.area import BoardsArea
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small
LEFT = Qt.MouseButton.LeftButton


def names(area: BoardsArea) -> list[str]:
    """The board's names in place order, those still on it."""
    model = area.rows
    return [model.index(r, 1).data() for r in range(model.rowCount()) if model.index(r, 0).data()]


def cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


@pytest.fixture
def area(qtbot, services: Services, small: SmallEvent) -> BoardsArea:
    for n, name in enumerate(("赵强", "孙丽"), start=5):
        person = services.roster.add_person(f"E{n:03d}", name, "采油五区/采油一班", "采油工")
        services.roster.add_entry(small.event_id, person_id=person.id)
    rules = BoardRules(reach=2, eliminate_bottom=1, rating=RatingKind.ELO)
    board = services.boards.create_board(small.event_id, "采油工擂台", rules, scored=False)
    services.boards.join(board.id, [e.id for e in services.roster.entries(small.event_id)])
    shown = BoardsArea(services, AppState())
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    return shown


def challenge(qtbot, area: BoardsArea, challenger_row: int, target_row: int) -> None:
    area.tabs.setCurrentIndex(0)
    area.board_view.selectRow(challenger_row)
    area.target_view.selectRow(target_row)
    qtbot.mouseClick(area.challenge_button, LEFT)


def settle(qtbot, area: BoardsArea, button) -> None:
    area.tabs.setCurrentIndex(1)
    area.challenge_view.selectRow(0)
    qtbot.mouseClick(area.accept_button, LEFT)
    area.challenge_view.selectRow(0)
    qtbot.mouseClick(button, LEFT)


def test_a_board_through_periods(qtbot, qtmodeltester, area, monkeypatch, tmp_path) -> None:
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "现场裁判长判定")
    start = names(area)
    assert start == ["王建国", "李红梅", "张海涛", "刘晓燕", "赵强", "孙丽"]
    assert area.period_label.text().startswith("第 1 期")

    # Period 1: fourth place may reach second and third, not the title holder.
    area.board_view.selectRow(3)
    qtmodeltester.check(area.targets)
    assert cell(area.targets, 0, 2).startswith("守擂者排名高出挑战者超过 2 位")
    assert [cell(area.targets, r, 2) for r in (1, 2)] == ["可以", "可以"]
    challenge(qtbot, area, 3, 1)
    assert area.challenges.rowCount() == 1
    assert cell(area.challenges, 0, 4) == "等待守擂者应战"
    qtbot.mouseClick(area.close_button, LEFT)  # refused: the challenge is unresolved
    assert refused and "未了结" in refused[-1]
    settle(qtbot, area, area.challenger_won_button)
    assert names(area) == ["王建国", "刘晓燕", "李红梅", "张海涛", "赵强", "孙丽"]
    qtbot.mouseClick(area.close_button, LEFT)
    assert names(area) == ["王建国", "刘晓燕", "李红梅", "张海涛", "赵强"]  # bottom one out
    out = area.rows.rowCount() - 1
    assert cell(area.rows, out, 6) == "已淘汰" and cell(area.rows, out, 7).startswith("第 1 期")

    # Period 2: the title holder defends; then the result is corrected on review.
    challenge(qtbot, area, 1, 0)
    settle(qtbot, area, area.defender_won_button)
    assert names(area)[0] == "王建国"
    area.tabs.setCurrentIndex(2)
    area.bout_view.selectRow(0)  # the newest bout first
    assert cell(area.bouts, 0, 4) == "守擂成功"
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "复核录像，挑战者胜")
    qtbot.mouseClick(area.correct_button, LEFT)
    assert names(area)[:2] == ["刘晓燕", "王建国"]
    assert cell(area.bouts, 0, 7) == "复核录像，挑战者胜"
    qtbot.mouseClick(area.close_button, LEFT)
    assert len(names(area)) == 4
    assert area.period_label.text().startswith("第 3 期")

    # Title holders over time, and the charts drawn from the same history.
    holders = [cell(area.reigns, r, 0) for r in range(area.reigns.rowCount())]
    assert holders == ["王建国", "刘晓燕"]
    assert area.places_chart.figure is not None
    lines = area.places_chart.figure.axes[0].lines
    assert len(lines) == 6 and min(len(line.get_xdata()) for line in lines) == 1
    target = tmp_path / "名次变化"
    monkeypatch.setattr(chart_view, "ask_save_path", lambda *a: str(target))
    saved = area.places_chart.export()
    assert saved == Path(f"{target}.png") and saved.read_bytes()[:4] == b"\x89PNG"


def test_a_board_set_up_in_the_window(qtbot, services, small, monkeypatch, tmp_path) -> None:
    from contest_desk.ui import ask
    from contest_desk.ui.boards import rules_dialog

    area = BoardsArea(services, AppState())
    qtbot.addWidget(area)
    area.show()
    assert area.view is None and area.board_box.count() == 0
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))

    def answer(**fields):
        def fill(parent, rules, events):
            dialog = rules_dialog.BoardDialog(rules, events, parent)
            for name, value in fields.items():
                widget = getattr(dialog, name)
                if hasattr(widget, "setValue"):
                    widget.setValue(value)
                elif hasattr(widget, "findData"):
                    widget.setCurrentIndex(widget.findData(value))
                elif hasattr(widget, "setChecked"):
                    widget.setChecked(value)
                else:
                    widget.setText(value)
            dialog.accept()
            return dialog

        return fill

    monkeypatch.setattr(
        rules_dialog,
        "ask_board",
        answer(
            name_edit="采油工擂台",
            skill_edit="量油测气",
            scored_box=False,
            reach_spin=3,
            rating_box=RatingKind.GLICKO2,
            tau_edit="0.3",
        ),
    )
    qtbot.mouseClick(area.new_button, LEFT)
    assert area.view is not None and area.view.info.name == "采油工擂台"
    assert area.view.rules.reach == 3 and area.view.rules.tau == Decimal("0.3")
    assert not area.view.info.scored and not area.scores_button.isVisible()

    monkeypatch.setattr(ask, "ask_many", lambda *a: [2, 0])
    qtbot.mouseClick(area.join_button, LEFT)
    assert names(area) == ["张海涛", "王建国"]

    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "第二期起放宽")
    monkeypatch.setattr(rules_dialog, "ask_board", answer(tau_edit="零点三"))
    qtbot.mouseClick(area.rules_button, LEFT)
    assert refused and "零点三" in refused[-1] and area.view.next_rules is None
    monkeypatch.setattr(rules_dialog, "ask_board", answer(reach_spin=1))
    qtbot.mouseClick(area.rules_button, LEFT)
    assert area.view.next_rules is not None and area.view.next_rules.reach == 1
    assert area.view.rules.reach == 3 and "下一期起" in area.rules_label.text()
    (change,) = area.view.rule_changes
    assert (change.from_period, change.note) == (2, "第二期起放宽")
    assert area.rule_changes.index(0, 1).data().startswith("按月分期；可挑战排名高出至多 1 位者")

    paper = tmp_path / "纸质擂台.csv"
    paper.write_text("名次,工号,评分\n1,E004,1650\n", encoding="utf-8")
    area.import_paper_file(paper)  # the board is no longer empty: refused, nothing joins
    assert "空擂台" in refused[-1] and names(area) == ["张海涛", "王建国"]


def test_the_boards_result_notice_prints(qtbot, area, monkeypatch) -> None:
    from contest_desk.ui import notice_printing

    printed = []
    monkeypatch.setattr(
        notice_printing, "preview_notice", lambda _p, notice: printed.append(notice)
    )
    qtbot.mouseClick(area.notice_button, LEFT)
    (notice,) = printed
    assert notice.rows[0][5] == "擂主" and len(notice.rows) == 6
