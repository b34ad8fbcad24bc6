"""The audit view: filters, the chain check and the Excel export, through the widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from contest_desk.domain.audit_words import actor_text, target_text, time_heading
from contest_desk.domain.records.audit import AuditRow
from contest_desk.reports import audit_excel
from contest_desk.services.hub import Services
from contest_desk.storage import audit_reads
from contest_desk.ui.audit import area as audit_area
from contest_desk.ui.audit.area import AuditArea
from contest_desk.ui.state import AppState
from tests.ui import cancelling
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small


@pytest.fixture
def area(qtbot, services: Services, small: SmallEvent) -> AuditArea:
    for judge in small.judges:
        for entry in small.entries[:2]:
            services.scoring.record_score(small.event_id, 1, judge, entry.id, "P1", "8")
    widget = AuditArea(services, AppState())
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def column(area: AuditArea, n: int) -> list[str]:
    return [area.model.data(area.model.index(r, n)) for r in range(area.model.rowCount())]


def stored(area: AuditArea, field: str) -> list[str]:
    """A field of the rows shown, as stored (the view shows them in words)."""
    return [getattr(row, field) for row in area.model.rows]


def test_filters_narrow_the_trail(qtbot, area: AuditArea, small: SmallEvent) -> None:
    everything = area.model.rowCount()
    first = small.entries[0]
    area.entry_box.setCurrentIndex(area.entry_box.findData(first.id))
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    assert set(stored(area, "target")) == {f"entry:{first.id}"}
    assert stored(area, "action").count("score.record") == 3
    assert everything > area.model.rowCount()

    area.entry_box.setCurrentIndex(0)
    area.judge_box.setCurrentIndex(area.judge_box.findData(small.judges[1]))
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    assert stored(area, "action") == ["score.record", "score.record"]
    assert column(area, 6) == ["8", "8"]


def test_the_chain_check_and_the_excel_export(
    qtbot, area: AuditArea, services: Services, tmp_path: Path, monkeypatch
) -> None:
    qtbot.mouseClick(area.verify_button, Qt.MouseButton.LeftButton)
    assert area.result.text().startswith("审计链完整")
    target = tmp_path / "审计记录.xlsx"
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", time_heading(), "用户", "操作")
    assert len(rows) == area.model.rowCount() + 1
    assert rows[1][0] == area.model.rows[0].seq

    with services.ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET actor = 'someone' WHERE seq = 3")
    qtbot.mouseClick(area.verify_button, Qt.MouseButton.LeftButton)
    assert area.result.text() == "审计链在第 3 条处断裂：该条记录在写入后被修改"


def test_an_export_longer_than_a_worksheet_goes_on_in_the_next(
    qtbot, area: AuditArea, services: Services, tmp_path: Path, monkeypatch
) -> None:
    """Every matching row once, newest first, across worksheets of (here) 3 rows and a
    header each, the older rows not shown read for the file as well."""
    monkeypatch.setattr(audit_excel, "SHEET_ROWS", 4)
    monkeypatch.setattr(audit_area, "SHOWN", 5)
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    assert area.model.rowCount() == 5
    target = tmp_path / "审计记录.xlsx"
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)

    book = load_workbook(target)
    trail = [row.seq for row in services.audit.records()]
    sheets = -(-len(trail) // 3)  # 3 rows a sheet, the last perhaps fewer
    assert len(trail) > 6 and book.sheetnames == [
        "审计记录",
        *(f"审计记录 ({n})" for n in range(2, sheets + 1)),
    ]
    rows = [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]
    assert all(len(r) <= 4 and r[0][:2] == ("序号", time_heading()) for r in rows)
    assert [row[0] for r in rows for row in r[1:]] == trail


def test_the_export_writes_the_trail_as_it_reads_it_a_page_at_a_time(
    qtbot, area: AuditArea, services: Services, tmp_path: Path, monkeypatch
) -> None:
    """Neither the trail nor the workbook is held whole: with pages of 2 rows, the first
    row is in the file before the last is read from the database, every row once, in
    order, each with its names (users and subjects of later pages too)."""
    monkeypatch.setattr(audit_area, "SHOWN", 3)
    monkeypatch.setattr(audit_reads, "_BATCH", 2)
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    trail = services.audit.records()
    names = services.audit.names(trail)
    events: list[tuple[str, int]] = []

    def read(seq: int, *rest: object) -> AuditRow:
        events.append(("read", seq))
        return AuditRow(seq, *rest)  # type: ignore[arg-type]

    values = audit_excel._values

    def written(row: AuditRow, known: Any) -> list[Any]:
        events.append(("written", row.seq))
        return values(row, known)

    monkeypatch.setattr(audit_reads, "AuditRow", read)
    monkeypatch.setattr(audit_excel, "_values", written)
    target = tmp_path / "审计记录.xlsx"
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    told = cancelling.steps(monkeypatch)
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)

    seqs = [r.seq for r in trail]
    assert told == [(n, len(seqs)) for n in range(len(seqs))]  # the bar knows its total
    assert len(seqs) > 6
    assert [s for what, s in events if what == "read"] == seqs  # once each, newest first
    assert [s for what, s in events if what == "written"] == seqs
    assert events.index(("written", seqs[0])) < events.index(("read", seqs[-1]))
    rows = list(load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[4]) for r in rows] == [
        (t.seq, actor_text(t.actor, names), target_text(t.target, names)) for t in trail
    ]


def test_cancelling_the_paged_export_stops_the_reading_and_leaves_no_file(
    qtbot, area: AuditArea, services: Services, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(audit_area, "SHOWN", 3)
    monkeypatch.setattr(audit_reads, "_BATCH", 2)
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    total = len(services.audit.records())
    read: list[int] = []

    def counted(seq: int, *rest: object) -> AuditRow:
        read.append(seq)
        return AuditRow(seq, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_reads, "AuditRow", counted)
    folder = tmp_path / "导出"
    folder.mkdir()
    target = folder / "审计记录.xlsx"
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    told = cancelling.steps(monkeypatch, cancel_at=3)  # as the third row is written
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    assert told == [(0, total), (1, total), (2, total)]
    assert len(read) <= 4 < total  # the page of the third row, and none after it
    assert list(folder.iterdir()) == []  # nothing written, nothing left aside
