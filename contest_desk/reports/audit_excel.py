"""The audit trail as an Excel sheet, as the audit view lists it (newest first): actions and
targets in words, users by name, times in the desk's time zone (the heading says which).

A worksheet holds at most 1,048,576 rows and a plant's year of audit rows can hold more:
past that the trail goes on in further worksheets (审计记录, 审计记录 (2), …), each with
the header row, so that no row is lost and the file still opens.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sized
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font

from contest_desk.domain.audit_words import (
    action_text,
    actor_text,
    local_time,
    target_text,
    time_heading,
    value_text,
)
from contest_desk.domain.records.audit import AuditRow
from contest_desk.errors import Progress, step
from contest_desk.i18n import _
from contest_desk.reports.cells import inert_cell
from contest_desk.reports.files import save_workbook

COLUMNS = (
    ("Row", 8),
    ("", 24),  # the time, headed with its zone (time_heading)
    ("User", 12),
    ("Action", 24),
    ("Subject", 24),
    ("Old value", 14),
    ("New value", 14),
    ("Reason", 30),
    ("Details", 60),
)
# The most rows an .xlsx worksheet holds (Excel since 2007, WPS, LibreOffice): past it
# Excel refuses the file as damaged. One of them is the header row.
SHEET_ROWS = 1_048_576
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (int, str, bool)):
        return value
    return json.dumps(value, ensure_ascii=False)


class _Sheets:
    """The trail's worksheets in openpyxl's write-only mode: each row is written out as it
    is appended and not kept, so the memory a workbook takes does not grow with its rows
    (an in-memory workbook took about 320 MB per 100,000). Its cells cannot be visited
    again at saving, so each text cell is made inert (``cells.inert_cell``) on the way in."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.sheet: Any = None

    def start(self, number: int) -> None:
        """The ``number``th worksheet of the trail (from 1), its header row in place."""
        name = _("Audit trail")
        sheet = self.book.create_sheet(name if number == 1 else f"{name} ({number})")
        for letter, (_title, width) in zip("ABCDEFGHI", COLUMNS, strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        self.sheet = sheet
        bold = Font(bold=True)
        self.append(
            [self._text(_(title) if title else time_heading(), bold) for title, _w in COLUMNS]
        )

    def _text(self, value: str, font: Font | None = None) -> Cell:
        cell = WriteOnlyCell(self.sheet, value)
        if font is not None:
            cell.font = font
        return inert_cell(cell)

    def cells(self, values: list[Any]) -> list[Any]:
        """The row's values as the sheet takes them: text guarded, the time a date cell."""
        row: list[Any] = [self._text(v) if isinstance(v, str) else v for v in values]
        row[1] = WriteOnlyCell(self.sheet, values[1])
        row[1].number_format = DATE_FORMAT  # a date cell, sortable
        return row

    def append(self, row: list[Any]) -> None:
        self.sheet.append(row)


def _values(row: AuditRow, known: Mapping[str, str]) -> list[Any]:
    rest = {k: v for k, v in row.detail.items() if k not in ("old", "new")}
    return [
        row.seq,
        local_time(row.at).replace(microsecond=0),
        actor_text(row.actor, known),
        action_text(row.action),
        target_text(row.target, known),
        value_text(row.action, row.old),
        value_text(row.action, row.new),
        row.note,
        _cell(rest) if rest else "",
    ]


def write_audit_excel(
    path: str | Path,
    rows: Iterable[AuditRow],
    progress: Progress | None = None,
    names: Mapping[str, str] | None = None,
    sheet_rows: int | None = None,
    total: int | None = None,
) -> Path:
    """Write the rows; the file appears complete or not at all (written aside, then moved),
    so a Cancel (``progress`` hears of each row) leaves no file. ``rows``: a list, or an
    iterator read as the file is written (``AuditService.record_pages``), so that neither
    the rows nor the workbook are ever held whole. ``total``: how many rows, for
    ``progress``, when ``rows`` cannot say (0: not known). ``names``: what the rows'
    targets and users are called now (the audit service's ``names``), looked up as each row
    is written: it may grow as an iterator reads on. ``sheet_rows``: the most rows a
    worksheet takes, its header among them (``SHEET_ROWS`` when None); the rows past it go
    on in the next worksheet, in order."""
    known = {} if names is None else names
    target = Path(path)
    per_sheet = (SHEET_ROWS if sheet_rows is None else sheet_rows) - 1  # below the header
    if per_sheet < 1:
        raise ValueError(f"a worksheet of {sheet_rows} rows has no room below its header")
    count = len(rows) if isinstance(rows, Sized) else total or 0
    book = Workbook(write_only=True)
    sheets = _Sheets(book)
    sheets.start(1)
    for done, row in enumerate(rows):
        step(progress, done, count)
        if done and done % per_sheet == 0:
            sheets.start(done // per_sheet + 1)
        sheets.append(sheets.cells(_values(row, known)))
    return save_workbook(book, target)
