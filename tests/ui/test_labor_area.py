"""The Labor competitions area: a period keyed in the grid, its ranks and breakdown, a
correction that asks for a reason, a refused value, a veto, the closed period read-only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.labor import Direction, Indicator, IndicatorRule
from contest_desk.domain.records.labor import PeriodKind
from contest_desk.services.hub import Services
from contest_desk.ui import ask, feedback
from contest_desk.ui.labor.area import LaborArea
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services
D = Decimal
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def area(qtbot, services: Services) -> LaborArea:
    contest = services.contests.create_contest("原油上产劳动竞赛", ContestKind.LABOR)
    for n, area_name in enumerate(("采油一区", "采油二区", "采油三区"), start=1):
        person = services.roster.add_person(f"L{n}", f"班长{n}", f"{area_name}/采油一班")
        services.roster.add_team(contest.id, f"{area_name}一班", [person.id])
    services.labor.set_indicators(
        contest.id,
        [
            Indicator(
                "C1",
                "原油产量",
                "吨",
                Direction.HIGHER,
                IndicatorRule.LINEAR,
                D(60),
                D(1000),
                D(1600),
            ),
            Indicator(
                "C2",
                "安全事件",
                "起",
                Direction.LOWER,
                IndicatorRule.PENALTY,
                D(0),
                penalty_per_event=D(20),
            ),
        ],
    )
    services.labor.set_award_rule(
        contest.id, AwardRule(AwardMode.COUNTS, (AwardLevel("一等奖", D(1)),))
    )
    services.labor.add_period(
        contest.id, "7月", PeriodKind.MONTH, dt.date(2026, 7, 1), dt.date(2026, 7, 31)
    )
    shown = LaborArea(services, AppState())
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    return shown


def key(area: LaborArea, row: int, column: int, text: str) -> bool:
    return area.grid.setData(area.grid.index(row, column), text, EDIT)


def ranks(area: LaborArea) -> list[tuple[str, str, str, str]]:
    m = area.ranks
    return [tuple(m.index(r, c).data() for c in (0, 1, 2, 3)) for r in range(m.rowCount())]


def test_a_period_keyed_in_shows_its_ranks(qtbot, qtmodeltester, area, monkeypatch) -> None:
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    assert area.period_box.currentText() == "7月" and area.state_label.text() == "进行中"
    assert area.setup_button.isVisible() and area.setup_button.parent() is not None
    assert [area.grid.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == [
        "采油一区一班", "采油二区一班", "采油三区一班",
    ]  # fmt: skip
    for row, (output, events) in enumerate((("1300", "0"), ("1600", "1"), ("1450", "0"))):
        assert key(area, row, 0, output) and key(area, row, 1, events)
    qtmodeltester.check(area.grid)
    assert ranks(area) == [
        ("1", "采油三区一班", "45.00", "一等奖"),
        ("2", "采油二区一班", "40.00", ""),
        ("3", "采油一区一班", "30.00", ""),
    ]
    area.rank_view.selectRow(0)
    how = [area.breakdown.index(r, 3).data() for r in range(area.breakdown.rowCount())]
    assert how == ["(1450 − 1000) ÷ (1600 − 1000) × 60 = 45", "0 × −20 = 0"]

    assert not key(area, 0, 1, "半起")  # refused in the cell, nothing stored
    assert "半起" in refused[-1] and area.grid.index(0, 1).data() == "0"
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: None)
    assert not key(area, 0, 0, "1600")  # a correction cancelled: nothing changes
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "日报更正")
    assert key(area, 0, 0, "1600")
    assert ranks(area)[0][1:3] == ("采油一区一班", "60.00")

    answers = iter([0, 0])
    monkeypatch.setattr(ask, "ask_choice", lambda *a: next(answers))
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "发生安全事故")
    qtbot.mouseClick(area.veto_button, Qt.MouseButton.LeftButton)
    first = area.ranks.index(0, 4).data()
    assert first == "发生安全事故" and area.ranks.index(0, 3).data() == ""
    assert area.ranks.index(1, 3).data() == "一等奖"

    qtbot.mouseClick(area.close_button, Qt.MouseButton.LeftButton)
    assert area.state_label.text() == "已结束"
    assert not area.grid.flags(area.grid.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert area.cumulative.rowCount() == 3 and area.race_chart.figure is not None


def test_a_competition_set_up_in_the_window(qtbot, services: Services, monkeypatch) -> None:
    from contest_desk.ui.labor.setup_dialog import LaborSetupDialog

    contest = services.contests.create_contest("节能降耗劳动竞赛", ContestKind.LABOR)
    dialog = LaborSetupDialog(services, contest.id)
    qtbot.addWidget(dialog)
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    dialog.indicators.set_rows(
        [
            ["E1", "吨液耗电", "kWh/t", "lower", "linear", "40", "12", "10", "1", "0", "0", "0"],
            ["E2", "原油产量", "吨", "higher", "linear", "60", "900", "800", "1", "0", "0", "0"],
        ]
    )
    assert not dialog.save_indicators()  # E2's target is below its baseline
    assert "原油产量" in refused[-1] and services.labor.indicators(contest.id) == []
    dialog.indicators.set_rows(
        [["E1", "吨液耗电", "kWh/t", "lower", "linear", "40", "12", "10", "1", "0", "0", "0"]]
    )
    assert dialog.save_indicators()
    (saved,) = services.labor.indicators(contest.id)
    assert (saved.direction, saved.baseline, saved.target) == (Direction.LOWER, D(12), D(10))
    dialog.period_name.setText("第一阶段")
    dialog.period_kind.setCurrentIndex(dialog.period_kind.findData("phase"))
    assert dialog.add_period() and "第一阶段" in dialog.periods_label.text()
    dialog.period_name.setText("第一阶段")
    assert not dialog.add_period() and "已有" in refused[-1]
    dialog.awards.mode_box.setCurrentIndex(dialog.awards.mode_box.findData("counts"))
    dialog.awards.model.set_rows([["一等奖", "1"]])
    assert dialog.save_awards()
    assert services.labor.award_rule(contest.id) is not None


def test_the_periods_result_notice_prints(qtbot, area, monkeypatch) -> None:
    from contest_desk.ui import notice_printing

    printed = []
    monkeypatch.setattr(
        notice_printing, "preview_notice", lambda _p, notice: printed.append(notice)
    )
    qtbot.mouseClick(area.notice_button, Qt.MouseButton.LeftButton)
    (notice,) = printed
    assert notice.title.endswith("7月") and len(notice.rows) == 3
