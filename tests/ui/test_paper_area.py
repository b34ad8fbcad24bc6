"""Keying a paper sheet twice through the widgets: totals, mismatches in red, confirmation."""

from __future__ import annotations

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.ui import feedback
from contest_desk.ui.paper.area import FIRST, MISMATCH, SECOND, PaperArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small


def open_as(qtbot, services: Services, name: str) -> PaperArea:
    acting = services.as_user(Actor(name, frozenset({Role.ORGANIZER})))
    area = PaperArea(acting, AppState())
    qtbot.addWidget(area)
    area.show()
    return area


def key_pass(qtbot, area: PaperArea, which: int, odd: str | None = None) -> None:
    area.pass_box.setCurrentIndex(area.pass_box.findData(which))
    model = area.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount() - 1):
            value = odd if (odd and row == 0 and column == 0) else "8"
            assert model.setData(model.index(row, column), value)
    qtbot.waitUntil(lambda: model.index(0, model.columnCount() - 1).data() != "", timeout=5000)


def test_two_clerks_key_and_a_third_confirms(
    qtbot, services, small: SmallEvent, monkeypatch
) -> None:
    shown = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: shown.append(e.message()))
    first = open_as(qtbot, services, "clerk1")
    assert first.model.columnCount() == 3  # P1, P2 and the total: shared values are not keyed here
    key_pass(qtbot, first, FIRST)
    second = open_as(qtbot, services, "clerk2")
    key_pass(qtbot, second, SECOND, odd="7")
    model = second.model
    qtbot.waitUntil(lambda: model.compared is not None and bool(model.compared.mismatches))
    assert model.data(model.index(0, 0), 8) == MISMATCH  # BackgroundRole
    assert model.index(0, 2).data() == "15"  # this pass's running total for the first entry
    third = open_as(qtbot, services, "clerk3")
    third.confirm_button.click()
    assert shown == ["两遍录入有 1 格不一致，请对照纸质评分表核对"]
    key_pass(qtbot, second, SECOND)  # settled against the paper
    third.confirm_button.click()
    assert third.status.text().endswith("；已由 clerk3 确认")
    assert services.scoring.sheet(small.event_id, 1, small.judges[0]).state == "submitted"
