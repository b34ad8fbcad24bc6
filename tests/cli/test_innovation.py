"""``contest-desk innovation export|import|report`` on the demo ledger."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pypdf import PdfReader

from contest_desk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_export_report_and_a_refused_import(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    ledger = tmp_path / "台账.xlsx"
    status, out, _err = run(capsys, "--db", db, "innovation", "export", str(ledger))
    assert status == 0 and out.startswith("已将 15 项成果写入")
    assert openpyxl.load_workbook(ledger).worksheets[0].max_row == 16
    pdf = tmp_path / "汇编.pdf"
    status, out, _err = run(capsys, "--db", db, "innovation", "report", "--year", "2026",
                            "--out", str(pdf), "--organizer", "采油厂工会")  # fmt: skip
    assert status == 0
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "2026年职工创新成果汇编" in text and "注水井在线洗井工艺" in text
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    status, _out, err = run(capsys, "--db", db, "--user", "organizer", "innovation", "import",
                            str(ledger))  # fmt: skip
    assert status == 2 and "已在台账中" in err and "第 2 行" in err
