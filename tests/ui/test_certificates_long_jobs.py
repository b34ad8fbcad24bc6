"""The Certificates area's long work runs through the runner: the batch's own dialog stops
it at Cancel with no file left, printing opens no preview once cancelled, and the result
notice is not written when cancelled before it is."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, ClassVar

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from contest_desk.ui import notice_printing
from contest_desk.ui.certificates import area as area_module
from contest_desk.ui.certificates.area import CertificatesArea
from tests.ui import cancelling
from tests.ui import test_certificates_area as shared

area = shared.area
demo = shared.demo
language = shared.language


def test_the_batch_dialog_cancels_and_leaves_no_file(
    qtbot, area: CertificatesArea, monkeypatch, tmp_path: Path
) -> None:
    pressed, seen = threading.Event(), {}
    held = cancelling.held_until(pressed, area_module.write_certificates)
    monkeypatch.setattr(area_module, "write_certificates", held)
    cancelling.press_cancel_when_shown(seen, pressed)
    folder = tmp_path / "逐人"
    folder.mkdir()
    assert area.write(folder, combined=False) == []
    assert seen == {"label": "正在生成证书…"}
    assert list(folder.iterdir()) == [] and area.result.text() == "已取消：没有写入任何文件。"


class Preview:
    """Stands in for Qt's print preview: paints what it is given into a PDF."""

    made: ClassVar[list[Preview]] = []
    target: ClassVar[Path]

    def __init__(self, printer: QPrinter, _parent: Any) -> None:
        self.printer = printer
        self.slots: list[Any] = []
        self.paintRequested = self  # the area connects its painter here
        Preview.made.append(self)

    def connect(self, slot: Any) -> None:
        self.slots.append(slot)

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.target))
        for slot in self.slots:
            slot(self.printer)
        return 0


def test_printing_cancelled_opens_no_preview(
    qtbot, area: CertificatesArea, monkeypatch, tmp_path: Path
) -> None:
    Preview.made, Preview.target = [], tmp_path / "打印.pdf"
    monkeypatch.setattr(area_module, "QPrintPreviewDialog", Preview)
    seen = cancelling.steps(monkeypatch, cancel_at=1)
    area.print_certificates()
    assert seen == [(1, 2)] and Preview.made == []

    cancelling.steps(monkeypatch)
    area.print_certificates()
    assert len(Preview.made) == 1 and len(PdfReader(Preview.target).pages) == 14


def test_the_notice_cancelled_before_it_is_written_leaves_no_file(
    qtbot, area: CertificatesArea, monkeypatch, tmp_path: Path
) -> None:
    path = tmp_path / "公示.pdf"
    seen = cancelling.steps(monkeypatch, cancel_at=2)  # read and anchored, not yet written
    area.write_notice(path)
    assert seen == [(1, 3), (2, 3)] and not path.exists()

    cancelling.steps(monkeypatch)
    area.write_notice(path)
    assert "成绩公示" in "".join(p.extract_text() for p in PdfReader(path).pages)
    assert area.result.text().endswith(str(path))


def test_printing_the_notice_cancelled_opens_no_preview(
    qtbot, area: CertificatesArea, monkeypatch
) -> None:
    previews: list[object] = []
    monkeypatch.setattr(notice_printing, "preview_notice", lambda _p, n: previews.append(n))
    cancelling.steps(monkeypatch, cancel_at=1)
    qtbot.mouseClick(area.print_notice_button, Qt.MouseButton.LeftButton)
    assert previews == []
