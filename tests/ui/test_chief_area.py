"""The chief judge's desk: sheets in, a flag resolved, the round locked, the bias chart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from contest_desk.services.hub import Services
from contest_desk.ui import feedback, round_lock
from contest_desk.ui.chief.area import ChiefArea
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small


def mark(services: Services, small: SmallEvent, odd: str) -> None:
    for n, judge in enumerate(small.judges):
        for i, entry in enumerate(small.entries):
            for code in ("P1", "P2"):
                value = odd if (n, i, code) == (0, 0, "P1") else "8"
                services.scoring.record_score(small.event_id, 1, judge, entry.id, code, value)


def test_resolve_a_flag_and_lock(qtbot, qtmodeltester, services, small, monkeypatch) -> None:
    mark(services, small, "2")
    area = ChiefArea(services, AppState())
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()
    assert area.sheets.rowCount() == 3
    assert area.flags.rowCount() == 1
    qtmodeltester.check(area.flags)
    assert area.flags.index(0, 2).data() == "2 / 8 / 8"
    assert area.bias_chart.figure is not None  # the bias chart is drawn, with its export

    shown = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: shown.append(e.message()))
    monkeypatch.setattr(round_lock, "ask_lock", lambda *_a: True)  # what locking means: yes
    qtbot.mouseClick(area.lock_button, Qt.MouseButton.LeftButton)
    assert shown and shown[0].startswith("还有评分表未提交")

    area.flag_view.selectRow(0)
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "现场复核无误")
    qtbot.mouseClick(area.confirm_button, Qt.MouseButton.LeftButton)
    assert area.flags.index(0, 4).data() == "现场复核无误"
    judge_rows = [area.judges.index(r, 0).data() for r in range(area.judges.rowCount())]
    assert judge_rows == ["张振华", "李国强", "王秀兰"]
    assert area.agreement.index(area.agreement.rowCount() - 1, 0).data() == "总分"


def test_recheck_and_appeals_from_the_desk(qtbot, services, small, monkeypatch) -> None:
    mark(services, small, "8")
    area = ChiefArea(services, AppState())
    qtbot.addWidget(area)
    area.show()
    tab = area.recheck_tab
    tab.top_spin.setValue(2)
    tab.share_spin.setValue(50)
    qtbot.mouseClick(tab.draw_button, Qt.MouseButton.LeftButton)
    model = tab.model
    assert model.rowCount() == 3 * 3 * 2  # 3 sampled entries × 3 judges × P1, P2
    for row in range(model.rowCount()):
        model.setData(model.index(row, 3), "8")
    assert tab.result.text().startswith("已复核 18 / 18 格；不一致 0 格：0.0 %")
    model.setData(model.index(0, 3), "7")
    assert "需全面复核" in tab.result.text()

    from contest_desk.ui.chief import appeals_tab

    answers = iter(["王建国", "P1 评分过低", "经复核维持原评分"])
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: next(answers))
    monkeypatch.setattr(appeals_tab, "ask_choice", lambda *a, **k: 1)
    qtbot.mouseClick(area.appeals_tab.file_button, Qt.MouseButton.LeftButton)
    appeals = area.appeals_tab.appeals
    assert appeals.rowCount() == 1 and appeals.index(0, 3).data() == "P1 评分过低"
    area.appeals_tab.view.selectRow(0)
    qtbot.mouseClick(area.appeals_tab.decide_button, Qt.MouseButton.LeftButton)
    assert appeals.index(0, 4).data() == "不成立"
    (stored,) = services.appeals.appeals(small.event_id)
    assert (stored.entry_id, stored.outcome) == (small.entries[1].id, "rejected")
