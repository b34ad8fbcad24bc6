"""The Certificates area: a batch written with its progress, a batch cancelled that leaves
nothing behind, a template copy edited with its preview, a check and a re-issue."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations, round_notice
from contest_desk.ui.certificates import area as area_module
from contest_desk.ui.certificates import template_editor
from contest_desk.ui.certificates.area import CertificatesArea
from contest_desk.ui.certificates.template_editor import TemplateEditor
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from tests.builders import copy_of_demo
from tests.ui import test_scoring_models as shared

language = shared.language


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("certs")))


def skill_area(qtbot, demo: Services, monkeypatch) -> CertificatesArea:
    """The area shown on the demo's skill contest and its first event."""
    # The demo's rounds are open: the organizer prints them marked 暂定 (asked each time).
    monkeypatch.setattr(round_notice, "ask_provisional", lambda *_a: True)
    state = AppState()
    skill = next(c for c in demo.contests.contests() if c.kind.value == "skill")
    state.choose_contest(skill.id)
    state.choose_event(1)
    shown = CertificatesArea(demo, state)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def area(qtbot, demo: Services, monkeypatch) -> CertificatesArea:
    return skill_area(qtbot, demo, monkeypatch)


def test_a_batch_with_progress_and_one_cancelled(qtbot, area, monkeypatch, tmp_path) -> None:
    # The batch reports to the runner's Progress (its dialog shows only after a while), so
    # the steps are read there, and the person's Cancel is a cancel() at the third step.
    values: list[int] = []
    real = operations.Progress.__call__
    monkeypatch.setattr(
        operations.Progress, "__call__", lambda self, d, t: (values.append(d), real(self, d, t))[1]
    )
    folder = tmp_path / "逐人"
    folder.mkdir()
    written = area.write(folder, combined=False)
    assert len(written) == 14 and values[-1] == 14 and sorted(folder.iterdir()) == sorted(written)
    assert area.issued.rowCount() == 14 and "14" in area.result.text()

    calls = {"n": 0}

    def cancelled_at_third(self: operations.Progress, done: int, total: int) -> bool:
        calls["n"] += 1
        if calls["n"] >= 3:
            self.cancel()
        return real(self, done, total)

    monkeypatch.setattr(operations.Progress, "__call__", cancelled_at_third)
    other = tmp_path / "合并"
    other.mkdir()
    assert area.write(other / "全部.pdf", combined=True) == []
    assert list(other.iterdir()) == [] and area.result.text() == "已取消：没有写入任何文件。"


def test_a_template_copy_with_its_preview(qtbot, area, demo, monkeypatch, tmp_path) -> None:
    editor = TemplateEditor(demo.certificates.templates(1)["landscape"])
    qtbot.addWidget(editor)
    assert not editor.preview.pixmap().isNull() and editor.problem.text() == ""
    editor.body_edit.setPlainText("{name} 获得 {prize}")
    assert "prize" in editor.problem.text()
    editor.body_edit.setPlainText("{name} 同志荣获{award}。")
    editor.name_edit.setText("工会红版")
    assert editor.problem.text() == ""
    monkeypatch.setattr(template_editor, "edit_template", lambda *_a: replace(editor.template()))
    area.edit_template()
    assert area.template_box.currentText() == "工会红版"
    (pdf,) = area.write(tmp_path / "红版.pdf", combined=True)
    assert "同志荣获" in PdfReader(pdf).pages[0].extract_text()


def test_check_and_reissue(qtbot, area, demo, monkeypatch, tmp_path) -> None:
    shown: list[str] = []
    monkeypatch.setattr(area_module, "show_verdict", lambda _p, text: shown.append(text))
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: shown.append(e.message()))
    (pdf,) = area.write(tmp_path / "一份.pdf", combined=True)
    assert area.verify(str(pdf)).count("真实有效") == 14
    area.issued_view.selectRow(0)
    serial = area.issued.index(0, 0).data()
    monkeypatch.setattr(sheet_bar, "ask_text", lambda *a, **k: "原件遗失")
    area.reissue()
    assert area.issued.index(0, 4).data() != ""
    assert "已作废" in area.verify(serial) and shown


def test_certificates_and_the_notice_print_through_qt(qtbot, area, tmp_path) -> None:
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from contest_desk.ui.certificates.area import paint_all

    def pdf_printer(name: str, landscape: bool = False) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / name))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if landscape:
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setFullPage(True)
        return printer

    items = area._issue()[:3]
    paint_all(pdf_printer("打印证书.pdf", landscape=True), items, "123:3f2a9c1b5d6e7f80")
    reader = PdfReader(tmp_path / "打印证书.pdf")
    assert len(reader.pages) == 3
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    assert items[0].fields["name"] in page.extract_text()
    assert "审计锚点：123:3f2a9c1b5d6e7f80" in "".join(page.extract_text().split())
    from contest_desk.ui.notice_printing import print_notice_to

    notice = area.notice()
    assert notice is not None
    print_notice_to(pdf_printer("公示.pdf"), notice, area)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "公示.pdf").pages)
    assert "成绩公示" in text and items[0].fields["name"] in text
