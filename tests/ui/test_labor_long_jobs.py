"""The Labor competitions area's long work runs through the runner: the Excel import
reports each value and Cancel leaves the period as it was; a refused value keeps its cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from contest_desk.domain.records.labor import HEADER_ROW
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, notice_printing
from contest_desk.ui.labor.area import LaborArea
from tests.ui import cancelling
from tests.ui import test_labor_area as shared

area = shared.area
language = shared.language
services = shared.services
ranks = shared.ranks


def filled_template(area: LaborArea, path: Path) -> Path:
    area.write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    for row, (output, events) in enumerate(((1300, 0), (1600, 1), (1450, 0)), start=HEADER_ROW + 1):
        ws.cell(row, 2, output)
        ws.cell(row, 3, events)
    wb.save(path)
    return path


def stored(services: Services, area: LaborArea) -> dict[int, dict[str, object]]:
    contest, period = area.contest_id(), area.period_id()
    assert contest is not None and period is not None
    return services.labor_values.grid(contest, period).values


def test_the_import_stops_at_cancel_and_changes_nothing(
    qtbot, area: LaborArea, services: Services, monkeypatch, tmp_path: Path
) -> None:
    path = filled_template(area, tmp_path / "7月.xlsx")
    seen = cancelling.steps(monkeypatch, cancel_at=3)
    area.import_file(path)
    assert seen[:3] == [(0, 6), (1, 6), (2, 6)]  # six values, stopped at the third
    assert not any(stored(services, area).values()) and ranks(area)[0][2] == "0.00"

    seen = cancelling.steps(monkeypatch)
    area.import_file(path)
    assert seen[-1] == (6, 6)
    assert ranks(area)[0][1:4] == ("采油三区一班", "45.00", "一等奖")


def test_a_value_refused_by_the_service_keeps_its_cell(
    qtbot, area: LaborArea, services: Services, monkeypatch
) -> None:
    """The save runs through the runner: its refusal is shown and the cell stays empty."""
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e.message()))
    qtbot.mouseClick(area.close_button, Qt.MouseButton.LeftButton)  # the period closes
    assert area.state_label.text() == "已结束" and refused == []
    assert not area.grid.setData(area.grid.index(0, 0), "1300", Qt.ItemDataRole.EditRole)
    assert refused and area.grid.index(0, 0).data() == ""
    assert not any(stored(services, area).values())


def test_the_notice_cancelled_opens_no_preview(qtbot, area: LaborArea, monkeypatch) -> None:
    previews: list[object] = []
    monkeypatch.setattr(notice_printing, "preview_notice", lambda _p, n: previews.append(n))
    seen = cancelling.steps(monkeypatch, cancel_at=1)
    qtbot.mouseClick(area.notice_button, Qt.MouseButton.LeftButton)
    assert seen == [(1, 2)] and previews == []
