"""The Standings area: ranks, totals and awards from the marks typed, refreshed as they change."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.records.contests import EventSettings
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui.scoring.area import ScoringArea
from contest_desk.ui.standings.area import StandingsArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import AWARDS, SmallEvent

D = Decimal
# The event and fixtures shared with test_scoring_models.py.
language = shared.language
services = shared.services
small = shared.small

# entry position → criterion → the three judges' marks (objective values: one value)
MARKS: dict[int, dict[str, tuple[str, ...]]] = {
    0: {"P1": ("8.5", "9", "9.5"), "P2": ("18", "17", "16"), "M1": ("51",)},
    1: {"P1": ("7", "7.5", "8"), "P2": ("19", "19", "19"), "M1": ("50",), "S1": ("2",)},
    2: {"P1": ("6", "6", "6"), "P2": ("10", "12", "14"), "M1": ("52",)},
    3: {"P1": ("9",)},  # only the first judge has marked: incomplete
}


def mean(texts: tuple[str, ...]) -> Decimal:
    return sum((D(t) for t in texts), D(0)) / len(texts)


def m1_points(text: str) -> Decimal:
    """LINEAR: target 50 ± 0.5, 1 point off per started 0.5 beyond, out of 5."""
    excess = abs(D(text) - 50) - D("0.5")
    if excess <= 0:
        return D(5)
    started = -(-excess // D("0.5"))
    return max(D(5) - started, D(0))


def expected_totals() -> dict[int, tuple[Decimal, Decimal, Decimal]]:
    """entry position → (practical, theory, total), worked out by hand from MARKS."""
    out = {}
    for position, marks in MARKS.items():
        practical = mean(marks["P1"])
        practical += m1_points(marks["M1"][0]) if "M1" in marks else 0
        practical -= D(marks["S1"][0]) if "S1" in marks else 0
        theory = mean(marks["P2"]) if "P2" in marks else D(0)
        total = D("0.7") * practical + D("0.3") * theory
        out[position] = (practical, theory, total)
    return out


def enter_marks(services: Services, small: SmallEvent, upto: int = 4) -> None:
    for position, marks in list(MARKS.items())[:upto]:
        entry = small.entries[position].id
        for code, texts in marks.items():
            for judge, text in zip(small.judges, texts, strict=False):
                services.scoring.record_score(small.event_id, 1, judge, entry, code, text)


def open_standings(qtbot, services: Services, state: AppState) -> StandingsArea:
    area = StandingsArea(services, state)
    qtbot.addWidget(area)
    area.resize(1100, 500)
    with qtbot.waitSignal(area.table_shown, timeout=20000):
        area.show()
    return area


def shown(area: StandingsArea) -> dict[str, list[str]]:
    """The table as text, column kind → cells in row order."""
    model = area.model
    return {
        kind: [model.data(model.index(r, c)) for r in range(model.rowCount())]
        for c, kind in enumerate(model.column_kinds())
        if kind not in ("part",)
    } | {
        model.headerData(c, Qt.Orientation.Horizontal): [
            model.data(model.index(r, c)) for r in range(model.rowCount())
        ]
        for c, kind in enumerate(model.column_kinds())
        if kind == "part"
    }


def test_standings_show_ranks_totals_awards_and_incomplete_entries(qtbot, services, small):
    enter_marks(services, small)
    area = open_standings(qtbot, services, AppState())
    expected = expected_totals()
    # By hand: 王建国 14.2, 李红梅 13.05, 张海涛 9.2, 刘晓燕 6.3 (incomplete)
    assert [round_half_up(expected[p][2], 2) for p in range(4)] == [
        D("14.20"),
        D("13.05"),
        D("9.20"),
        D("6.30"),
    ]
    table = shown(area)
    assert table["rank"] == ["1", "2", "3", "4"]
    assert table["name"] == ["王建国", "李红梅", "张海涛", "刘晓燕"]
    assert table["total"] == [str(round_half_up(expected[p][2], 2)) for p in range(4)]
    assert table["Practical"] == [str(round_half_up(expected[p][0], 2)) for p in range(4)]
    assert table["Theory"] == [str(round_half_up(expected[p][1], 2)) for p in range(4)]
    assert table["award"] == ["一等奖", "二等奖", "三等奖", ""]
    # The incomplete entry is marked and gets no award: P1 lacks 2 marks, P2 3, M1 1.
    assert table["marks"] == ["完整", "完整", "完整", "不完整（缺 6 项）"]
    award = area.model.column_of("award")
    gold = area.model.data(area.model.index(0, award), Qt.ItemDataRole.BackgroundRole)
    assert gold.name() == "#ffd54f"


def test_standings_refresh_after_a_score_typed_in_the_scoring_area(qtbot, services, small):
    enter_marks(services, small)
    state = AppState()
    standings = open_standings(qtbot, services, state)
    scoring = ScoringArea(services, state)
    qtbot.addWidget(scoring)
    with qtbot.waitSignal(scoring.sheet_loaded, timeout=20000):
        scoring.show()
    index = scoring.model.index(3, scoring.model.column_of("P1"))
    judge = scoring.judge_box.findData(small.judges[1])
    with qtbot.waitSignal(scoring.sheet_loaded, timeout=20000):
        scoring.judge_box.setCurrentIndex(judge)
    scoring.grid.setFocus()
    scoring.grid.setCurrentIndex(index)
    # 刘晓燕's second P1 mark: the mean of 9 and 10 is 9.5, practical 9.5 → total 6.65.
    qtbot.keyClicks(scoring.grid, "10")
    qtbot.keyClick(scoring.grid, Qt.Key.Key_Return)
    total = standings.model.column_of("total")
    qtbot.waitUntil(
        lambda: standings.model.data(standings.model.index(3, total)) == "6.65", timeout=20000
    )
    assert standings.model.data(standings.model.index(3, standings.model.column_of("marks"))) == (
        "不完整（缺 5 项）"
    )


def test_a_burst_of_scores_is_computed_once(qtbot, services, small):
    state = AppState()
    area = open_standings(qtbot, services, state)
    computed = []
    area.table_shown.connect(lambda: computed.append(1))
    for text in ("5", "6", "7", "8"):
        services.scoring.record_score(
            small.event_id, 1, small.judges[0], small.entries[0].id, "P1", text
        )
        state.scores_changed.emit(small.event_id)
    qtbot.waitUntil(lambda: bool(computed), timeout=20000)
    qtbot.wait(500)
    assert len(computed) == 1
    # one of three judges: mean 8 of P1 → 0.7 × 8
    assert area.model.data(area.model.index(0, area.model.column_of("total"))) == "5.60"


def test_a_refused_computation_is_shown_instead_of_the_table(qtbot, services, small):
    settings = EventSettings(
        aggregation=AggregationRule(Aggregation.TRIMMED_MEAN, 1),
        judges_per_entry=3,
        places=2,
        award_rule=AWARDS,
    )
    services.contests.update_event(small.event_id, "采油工技能比武", settings)
    services.roster.unassign_judge(small.judges[2], small.event_id)
    state = AppState()
    area = open_standings(qtbot, services, state)
    assert area.stack.currentWidget() is area.message
    with pytest.raises(UserError) as caught:
        settings.aggregation.check_panel(2)
    assert area.message.text() == caught.value.message()
    assert area.model.rowCount() == 0
    # Back on the panel: setup_changed brings the table back.
    services.roster.assign_judge(small.judges[2], small.event_id)
    with qtbot.waitSignal(area.table_shown, timeout=20000):
        state.setup_changed.emit()
    assert area.stack.currentWidget() is area.view
    assert area.model.rowCount() == 4


def test_round_choice_and_round_columns(qtbot, services, small):
    services.contests.set_rounds(small.event_id, [("初赛", D("0.4")), ("决赛", D("0.6"))])
    enter_marks(services, small, upto=1)
    state = AppState()
    area = open_standings(qtbot, services, state)
    kinds = area.model.column_kinds()
    assert kinds.count("round") == 2
    headers = [area.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(kinds))]
    assert "初赛" in headers and "决赛" in headers
    assert [area.round_box.itemText(i) for i in range(3)] == ["全部轮次", "初赛", "决赛"]
    with qtbot.waitSignal(area.table_shown, timeout=20000):
        area.round_box.setCurrentIndex(1)
    assert "round" not in area.model.column_kinds()
    # Round 1 alone, weighted 1: 王建国's practical 13 and theory 17 → 14.2
    assert area.model.data(area.model.index(0, area.model.column_of("total"))) == "14.20"


def test_the_standings_charts_are_drawn_with_the_table(
    qtbot, services, small, monkeypatch, tmp_path
) -> None:
    from contest_desk.ui import chart_view
    from contest_desk.ui.standings.area import StandingsArea
    from contest_desk.ui.state import AppState

    state = AppState()
    state.choose_contest(small.contest_id)
    state.choose_event(small.event_id)
    area = StandingsArea(services, state)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.bars.figure is not None, timeout=5000)
    bars = area.bars.figure.axes[0].patches
    assert len(bars) == len(small.entries)
    assert area.spread.figure is not None
    target = tmp_path / "成绩图.svg"
    monkeypatch.setattr(chart_view, "ask_save_path", lambda *a: str(target))
    assert area.bars.export() == target and target.read_text(encoding="utf-8").startswith("<?xml")
