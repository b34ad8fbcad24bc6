"""The audit view's long work runs off the window's thread: the chain check shows its
progress and stops at Cancel; the Excel file is written with progress, Cancel leaves no
file (an older one as it was), a refusal is shown."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from contest_desk.errors import Progress, UserError, step
from contest_desk.services.safety import audit as audit_service
from contest_desk.ui import feedback, operations
from contest_desk.ui.audit import area as audit_area
from contest_desk.ui.audit.area import AuditArea
from tests.ui import cancelling
from tests.ui import test_audit_area as shared

area = shared.area
language = shared.language
services = shared.services
small = shared.small


def test_the_chain_check_shows_its_progress_and_stops_at_cancel(
    qtbot, area: AuditArea, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = cancelling.steps(monkeypatch)
    pressed = threading.Event()

    def slow_step(progress: Progress | None, done: int, total: int) -> None:
        if done == 1:  # the first check is done when Cancel is pressed
            pressed.wait(20)
        step(progress, done, total)

    monkeypatch.setattr(audit_service, "step", slow_step)
    seen: dict[str, object] = {}
    cancelling.press_cancel_when_shown(seen, pressed)
    qtbot.mouseClick(area.verify_button, Qt.MouseButton.LeftButton)
    assert seen == {"label": "正在校验审计链…"}
    assert told == [(0, 3), (1, 3)]
    assert area.result.text() == "校验未完成。"

    monkeypatch.setattr(audit_service, "step", step)
    qtbot.mouseClick(area.verify_button, Qt.MouseButton.LeftButton)
    assert area.result.text().startswith("审计链完整")


def test_a_file_that_cannot_be_written_is_explained(
    qtbot, area: AuditArea, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[UserError] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _parent, error: shown.append(error))
    target = tmp_path / "没有这个文件夹" / "审计记录.xlsx"
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    before = area.result.text()
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    assert [e.msgid for e in shown] == ["Cannot write {file}: {reason}"]
    assert str(target) in shown[0].message()
    assert not target.exists()
    assert area.result.text() == before


def test_cancelling_the_export_leaves_an_older_file_as_it_was(
    qtbot, area: AuditArea, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "导出"
    folder.mkdir()
    target = folder / "审计记录.xlsx"
    target.write_bytes(b"an older export")
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    before = area.result.text()
    told = cancelling.steps(monkeypatch, cancel_at=2)  # Cancel as the second row is written
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    assert told == [(0, area.model.rowCount()), (1, area.model.rowCount())]
    assert target.read_bytes() == b"an older export"
    assert [p.name for p in folder.iterdir()] == ["审计记录.xlsx"]
    assert area.result.text() == before

    told.clear()
    monkeypatch.setattr(operations.Progress, "__call__", cancelling.REAL_CALL)
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    assert area.result.text() == f"已写入：{target}"
    assert load_workbook(target).active.max_row == area.model.rowCount() + 1
