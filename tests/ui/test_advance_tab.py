"""The Advance tab: a round's rule saved, its preview on the standings, closing refused
until the round is locked, and a bad value named."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from contest_desk.domain.advance import AdvanceMode, AdvanceRule
from contest_desk.ui import feedback
from contest_desk.ui.contests.advance_tab import AdvanceTab
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services
small = shared.small
LEFT = Qt.MouseButton.LeftButton


def test_a_rule_previewed_saved_and_refused_closing(qtbot, services, small, monkeypatch) -> None:
    services.contests.set_rounds(
        small.event_id, [("初赛", Decimal("0.5")), ("决赛", Decimal("0.5"))]
    )
    for judge in small.judges:
        for i, entry in enumerate(small.entries):
            for code in ("P1", "P2"):
                services.scoring.record_score(small.event_id, 1, judge, entry.id, code, str(9 - i))
    state = AppState()
    state.choose_contest(small.contest_id)
    state.choose_event(small.event_id)
    tab = AdvanceTab(services, state)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.summary.text() == "未设晋级规则：本轮所有参赛者均保留"
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))

    tab.mode_box.setCurrentIndex(tab.mode_box.findData(AdvanceMode.TOP))
    tab.value_edit.setText("2.5")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert refused and "整数" in refused[-1]
    assert services.rounds.advance_rule(small.event_id, 1) is None  # nothing saved

    tab.value_edit.setText("2")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert services.rounds.advance_rule(small.event_id, 1) == AdvanceRule(
        AdvanceMode.TOP, Decimal(2)
    )
    outcomes = [tab.preview.index(r, 4).data() for r in range(tab.preview.rowCount())]
    names = [tab.preview.index(r, 1).data() for r in range(tab.preview.rowCount())]
    assert outcomes == ["晋级", "晋级", "淘汰", "淘汰"]
    assert names[:2] == [small.entries[0].label, small.entries[1].label]
    assert tab.summary.text() == "按前 2 名预览：尚未结束"

    qtbot.mouseClick(tab.close_button, LEFT)
    assert "锁定" in refused[-1]
    assert len(services.standings.standings(small.event_id, 2).rows) == 4  # nobody out
