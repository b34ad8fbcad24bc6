"""Undo and redo of saved marks in the scoring grid (issue 15): Ctrl+Z types the cell's
earlier value back in through the service, Ctrl+Y the later one; a submitted sheet
refuses both, and another sheet starts the history afresh."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from PySide6.QtCore import Qt
from sqlalchemy import update

from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_area import choose, click_cell, open_area, stored
from tests.ui.test_scoring_models import SmallEvent
from tests.ui.undo_keys import press

language = shared.language
services = shared.services
small = shared.small


def type_mark(qtbot, area, text: str) -> None:
    qtbot.keyClicks(area.grid, text)
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)


def test_ctrl_z_and_ctrl_y_save_the_earlier_and_later_values(
    qtbot, services: Services, small: SmallEvent
) -> None:
    area = open_area(qtbot, services)
    judge = small.judges[1]
    choose(qtbot, area, small.event_id, 1, judge)
    click_cell(qtbot, area, 0, "P1")
    type_mark(qtbot, area, "8.5")
    click_cell(qtbot, area, 0, "P1")
    type_mark(qtbot, area, "7")
    assert stored(services, small, judge, 0, "P1") == D(7)

    press(qtbot, area.grid, Qt.Key.Key_Z)
    assert stored(services, small, judge, 0, "P1") == D("8.5")
    press(qtbot, area.grid, Qt.Key.Key_Z)
    assert stored(services, small, judge, 0, "P1") is None
    assert area.model.data(area.model.index(0, area.model.column_of("P1"))) == ""
    press(qtbot, area.grid, Qt.Key.Key_Y)
    assert stored(services, small, judge, 0, "P1") == D("8.5")
    assert area.model.data(area.model.index(0, area.model.column_of("P1"))) == "8.5"
    # Every step went through the service: one audit row each (2 saves, 2 undos, 1 redo).
    rows = [r for r in services.audit.records() if r.action == "score.record"]
    assert len(rows) >= 5


def test_another_sheet_starts_the_history_afresh(
    qtbot, services: Services, small: SmallEvent
) -> None:
    area = open_area(qtbot, services)
    choose(qtbot, area, small.event_id, 1, small.judges[1])
    click_cell(qtbot, area, 1, "P1")
    type_mark(qtbot, area, "6")
    assert area.history.stack.canUndo()
    choose(qtbot, area, small.event_id, 1, small.judges[2])
    assert not area.history.stack.canUndo()
    press(qtbot, area.grid, Qt.Key.Key_Z)
    assert stored(services, small, small.judges[1], 1, "P1") == D(6)


def test_an_undo_the_service_refuses_is_said_and_dropped(
    qtbot, services: Services, small: SmallEvent
) -> None:
    area = open_area(qtbot, services)
    judge = small.judges[1]
    choose(qtbot, area, small.event_id, 1, judge)
    click_cell(qtbot, area, 2, "P1")
    type_mark(qtbot, area, "9")
    # The round is locked meanwhile, on another desk: the undo is refused.
    with services.ctx.db.engine.begin() as conn:
        conn.execute(
            update(m.Round)
            .where(m.Round.event_id == small.event_id, m.Round.number == 1)
            .values(locked_at=dt.datetime(2026, 5, 12, 16, 0), locked_by="chief")
        )
    refused: list[str] = []
    area.model.refused.connect(lambda _r, _c, reason: refused.append(reason))
    press(qtbot, area.grid, Qt.Key.Key_Z)
    assert refused and stored(services, small, judge, 2, "P1") == D(9)
    assert not area.history.stack.canUndo()
