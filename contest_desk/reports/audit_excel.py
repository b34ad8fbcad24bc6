"""The audit trail as an Excel sheet, as the audit view lists it (newest first): actions and
targets in words, users by name, times in the desk's time zone (the heading says which).

A worksheet holds at most 1,048,576 rows and a plant's year of audit rows can hold more:
past that the trail goes on in further worksheets (审计记录, 审计记录 (2), …), each with
the header row, so that no row is lost and the file still opens.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

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


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (int, str, bool)):
        return value
    return json.dumps(value, ensure_ascii=False)


def _sheet(book: Workbook, number: int) -> Worksheet:
    """The ``number``th worksheet of the trail (from 1), its header row in place."""
    name = _("Audit trail")
    if number == 1:
        sheet = book.active
        assert sheet is not None
        sheet.title = name
    else:
        sheet = book.create_sheet(f"{name} ({number})")
    sheet.append([_(title) if title else time_heading() for title, _width in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, (_title, width) in zip("ABCDEFGHI", COLUMNS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    return sheet


def write_audit_excel(
    path: str | Path,
    rows: Sequence[AuditRow],
    progress: Progress | None = None,
    names: Mapping[str, str] | None = None,
    sheet_rows: int | None = None,
) -> Path:
    """Write the rows; the file appears complete or not at all (written aside, then moved),
    so a Cancel (``progress`` hears of each row) leaves no file. ``names``: what the rows'
    targets and users are called now (the audit service's ``names``). ``sheet_rows``: the
    most rows a worksheet takes, its header among them (``SHEET_ROWS`` when None); the
    rows past it go on in the next worksheet, in order."""
    known = names or {}
    target = Path(path)
    per_sheet = (SHEET_ROWS if sheet_rows is None else sheet_rows) - 1  # below the header
    if per_sheet < 1:
        raise ValueError(f"a worksheet of {sheet_rows} rows has no room below its header")
    book = Workbook()
    sheet = _sheet(book, 1)
    for done, row in enumerate(rows):
        step(progress, done, len(rows))
        if done and done % per_sheet == 0:
            sheet = _sheet(book, done // per_sheet + 1)
        rest = {k: v for k, v in row.detail.items() if k not in ("old", "new")}
        sheet.append(
            [
                row.seq,
                local_time(row.at).replace(microsecond=0),  # a date cell, sortable
                actor_text(row.actor, known),
                action_text(row.action),
                target_text(row.target, known),
                value_text(row.action, row.old),
                value_text(row.action, row.new),
                row.note,
                _cell(rest) if rest else "",
            ]
        )
        # The row by count: openpyxl's max_row looks at every cell of the sheet, which
        # made the export quadratic (20,000 rows: 82 s, 40,000: 385 s; now 100,000: 12 s).
        sheet.cell(done % per_sheet + 2, 2).number_format = "yyyy-mm-dd hh:mm:ss"
    return save_workbook(book, target)
