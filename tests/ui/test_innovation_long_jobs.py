"""The Innovation area's long work runs through the runner: the ledger's import reports
each achievement and Cancel imports nothing; the yearly compilation reports each page it
lays out and Cancel leaves the folder as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from contest_desk.services.hub import Services
from contest_desk.ui.innovation.area import InnovationArea
from tests.ui import cancelling
from tests.ui import test_innovation_area as shared

area = shared.area
language = shared.language
services = shared.services
TITLES = ("抽油机平衡自动调节装置", "注水井在线洗井工艺", "井口取样防喷装置")


@pytest.fixture
def ledger(area: InnovationArea, services: Services) -> InnovationArea:
    studio = services.innovation.studios()[0].id
    for title in TITLES:
        services.innovation.propose(studio, title, "tool", ["P1"], started_on=dt.date(2026, 3, 1))
    area.refresh()
    return area


def test_the_ledger_import_stops_at_cancel_and_imports_nothing(
    qtbot, ledger: InnovationArea, services: Services, monkeypatch, tmp_path: Path
) -> None:
    path = tmp_path / "台账.xlsx"
    ledger.export_to(path)
    wb = openpyxl.load_workbook(path)
    sheet = wb.worksheets[0]
    for row in range(2, sheet.max_row + 1):  # the same achievements, under new titles
        sheet.cell(row, 1).value = f"{sheet.cell(row, 1).value}（二期）"
    wb.save(path)

    seen = cancelling.steps(monkeypatch, cancel_at=2)
    assert not ledger.import_file(path)
    assert seen[:2] == [(0, 3), (1, 3)]
    assert len(services.ledger.achievements()) == 3

    seen = cancelling.steps(monkeypatch)
    assert ledger.import_file(path)
    assert seen[-1] == (3, 3) and len(services.ledger.achievements()) == 6
    assert ledger.ledger_tab.rows.rowCount() == 6


def test_the_compilation_stops_at_cancel_and_leaves_no_file(
    qtbot, ledger: InnovationArea, monkeypatch, tmp_path: Path
) -> None:
    folder = tmp_path / "汇编"
    folder.mkdir()
    path = folder / "2026.pdf"
    path.write_bytes(b"last year's booklet")
    seen = cancelling.steps(monkeypatch, cancel_at=2)
    assert not ledger.write_report(2026, path)
    assert seen == [(1, 9), (2, 9)]  # three achievements, counted over three passes
    assert path.read_bytes() == b"last year's booklet"
    assert sorted(p.name for p in folder.iterdir()) == ["2026.pdf"]  # nothing half-written

    seen = cancelling.steps(monkeypatch)
    assert ledger.write_report(2026, path)
    assert len(seen) >= 6 and all(done <= total == 9 for done, total in seen)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert all(title in text for title in TITLES)
