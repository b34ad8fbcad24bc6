"""Locking a round from the window (ui/round_lock.py): the chief judge's desk and the
scoring area's sheet bar say what locking means first, No leaves the round open, and the
desk offers the result notice (成绩公示) right after a lock, as final."""

from __future__ import annotations

from PySide6.QtCore import Qt

from contest_desk.ui import notice_printing, round_lock
from contest_desk.ui.chief.area import ChiefArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_roles import accounts, open_my_scoring, window_for
from tests.ui.test_scoring_runner import boxes, submitted_round

language = shared.language
services = shared.services
small = shared.small
accounts = accounts
boxes = boxes
LEFT = Qt.MouseButton.LeftButton


def said_meaning(text: str) -> bool:
    """The question names what locking does and how it is undone."""
    return all(
        part in text
        for part in ("分数不能再修改", "选手姓名将公开", "大厅屏幕", "最终成绩", "理由记入审计记录")
    )


def test_the_desk_says_what_locking_means_and_no_leaves_the_round_open(
    qtbot, accounts, small, monkeypatch, boxes
) -> None:
    submitted_round(accounts, small)
    chief = accounts.as_user(accounts.users.authenticate("chief", "chief-pass"))
    area = ChiefArea(chief.only(*ChiefArea.USES), AppState())
    qtbot.addWidget(area)
    area.show()
    asked: list[str] = []
    monkeypatch.setattr(round_lock, "ask_lock", lambda _p, text: asked.append(text) or False)
    qtbot.mouseClick(area.lock_button, LEFT)
    (question,) = asked
    assert question.startswith("锁定") and said_meaning(question)
    assert area.round_box.currentText() in question
    assert not chief.sheets.round_status(small.event_id, 1).locked
    assert area.lock_label.text() == "未锁定" and boxes == []

    offered: list[str] = []
    previews: list[notice_printing.Notice] = []
    monkeypatch.setattr(round_lock, "ask_lock", lambda *_a: True)
    monkeypatch.setattr(
        round_lock, "ask_after_lock", lambda _p, text: offered.append(text) or round_lock.PRINT
    )
    monkeypatch.setattr(notice_printing, "preview_notice", lambda _p, n: previews.append(n))
    qtbot.mouseClick(area.lock_button, LEFT)
    assert chief.sheets.round_status(small.event_id, 1).locked
    assert len(offered) == 1 and "成绩公示" in offered[0] and "已锁定" in offered[0]
    (notice,) = previews  # the chief judge's final notice: nothing to override
    assert notice.state.startswith("成绩状态：已锁定") and not notice.provisional
    assert [row[2] for row in notice.rows] and boxes == []


def test_the_sheet_bar_asks_too_and_no_leaves_the_round_open(
    qtbot, accounts, small, monkeypatch, boxes
) -> None:
    submitted_round(accounts, small)
    window = window_for(qtbot, accounts, "chief")
    area = open_my_scoring(qtbot, window)
    area.state.choose_event(small.event_id)
    asked: list[str] = []
    monkeypatch.setattr(round_lock, "ask_lock", lambda _p, text: asked.append(text) or False)
    qtbot.mouseClick(area.sheet_bar.lock_button, LEFT)
    (question,) = asked
    assert question.startswith("锁定本轮？") and said_meaning(question)
    assert not accounts.sheets.round_status(small.event_id, 1).locked
    assert area.sheet_bar.lock_button.isVisible() and boxes == []
