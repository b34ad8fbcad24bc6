"""The audit trail as an Excel sheet, as the audit view lists it (newest first)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from contest_desk.domain.records.audit import AuditRow
from contest_desk.errors import Progress, step
from contest_desk.i18n import _
from contest_desk.reports.files import save_workbook

COLUMNS = (
    ("Row", 8),
    ("Time (UTC)", 22),
    ("User", 12),
    ("Action", 18),
    ("Subject", 14),
    ("Old value", 14),
    ("New value", 14),
    ("Reason", 30),
    ("Details", 60),
)


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (int, str, bool)):
        return value
    return json.dumps(value, ensure_ascii=False)


def write_audit_excel(
    path: str | Path, rows: Sequence[AuditRow], progress: Progress | None = None
) -> Path:
    """Write the rows; the file appears complete or not at all (written aside, then moved),
    so a Cancel (``progress`` hears of each row) leaves no file."""
    target = Path(path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Audit trail")
    sheet.append([_(title) for title, _width in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, (_title, width) in zip("ABCDEFGHI", COLUMNS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    for done, row in enumerate(rows):
        step(progress, done, len(rows))
        rest = {k: v for k, v in row.detail.items() if k not in ("old", "new")}
        sheet.append(
            [
                row.seq,
                row.at.strftime("%Y-%m-%d %H:%M:%S"),
                row.actor,
                row.action,
                row.target,
                _cell(row.old),
                _cell(row.new),
                row.note,
                _cell(rest) if rest else "",
            ]
        )
    return save_workbook(book, target)
