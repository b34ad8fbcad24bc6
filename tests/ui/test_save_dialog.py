"""The window's one save-file dialog (ui/save_dialog.py): a name typed without the type's
extension gets it, a name with one of the offered types keeps it, and a file that the added
extension makes an existing one is replaced only when the person says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from contest_desk.ui import chart_view, save_dialog
from contest_desk.ui.save_dialog import with_extension

NOTICE = "PDF (*.pdf);;Excel (*.xlsx)"


@pytest.mark.parametrize(
    ("typed", "chosen", "saved"),
    [
        ("公示", "PDF (*.pdf)", "公示.pdf"),
        ("公示", "Excel (*.xlsx)", "公示.xlsx"),
        ("公示.XLSX", "PDF (*.pdf)", "公示.XLSX"),  # an offered type: the writer goes by it
        ("2026.05", "PDF (*.pdf)", "2026.05.pdf"),  # ".05" is no type
        ("名单", "", "名单.pdf"),  # no type said: the first offered
    ],
)
def test_the_chosen_types_extension_is_added(typed: str, chosen: str, saved: str) -> None:
    assert with_extension(typed, chosen, NOTICE) == saved


def answered(monkeypatch: pytest.MonkeyPatch, typed: Path, chosen: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(typed), chosen))


def test_an_existing_file_is_replaced_only_when_the_person_says_so(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "公示.pdf").write_bytes(b"%PDF-1.4 old")
    answered(monkeypatch, tmp_path / "公示", "PDF (*.pdf)")
    asked: list[str] = []
    monkeypatch.setattr(save_dialog, "ask_overwrite", lambda _p, path: asked.append(path) or False)
    assert save_dialog.ask_save_path(None, "成绩公示", NOTICE) is None
    assert asked == [str(tmp_path / "公示.pdf")]

    monkeypatch.setattr(save_dialog, "ask_overwrite", lambda *_a: True)
    assert save_dialog.ask_save_path(None, "成绩公示", NOTICE) == str(tmp_path / "公示.pdf")

    answered(monkeypatch, tmp_path / "新公示", "Excel (*.xlsx)")  # no such file: not asked
    monkeypatch.setattr(save_dialog, "ask_overwrite", lambda *_a: pytest.fail("asked"))
    assert save_dialog.ask_save_path(None, "成绩公示", NOTICE) == str(tmp_path / "新公示.xlsx")


def test_a_chart_typed_without_svg_is_saved_as_svg(qtbot, monkeypatch, tmp_path: Path) -> None:
    answered(monkeypatch, tmp_path / "成绩分布", "SVG (*.svg)")
    assert chart_view.ask_save_path(None, "导出图表") == str(tmp_path / "成绩分布.svg")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))  # cancelled
    assert chart_view.ask_save_path(None, "导出图表") is None


def test_the_audit_export_and_the_rubric_export_ask_through_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from contest_desk.ui.audit import area as audit_area
    from contest_desk.ui.contests import rubric_files

    answered(monkeypatch, tmp_path / "审计记录", "Excel (*.xlsx)")
    assert audit_area.ask_save_path(None, "audit.xlsx") == str(tmp_path / "审计记录.xlsx")
    written: list[str] = []
    monkeypatch.setattr(rubric_files, "export_file", lambda _editor, path: written.append(path))

    class Editor:
        event_name = "电焊工"

    rubric_files.export_dialog(Editor())  # type: ignore[arg-type]
    assert written == [str(tmp_path / "审计记录.xlsx")]
