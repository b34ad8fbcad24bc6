"""The audit trail as an Excel sheet, as the audit view lists it (newest first): actions and
targets in words, users by name, times in the desk's time zone (the heading says which)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
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


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (int, str, bool)):
        return value
    return json.dumps(value, ensure_ascii=False)


def write_audit_excel(
    path: str | Path,
    rows: Sequence[AuditRow],
    progress: Progress | None = None,
    names: Mapping[str, str] | None = None,
) -> Path:
    """Write the rows; the file appears complete or not at all (written aside, then moved),
    so a Cancel (``progress`` hears of each row) leaves no file. ``names``: what the rows'
    targets and users are called now (the audit service's ``names``)."""
    known = names or {}
    target = Path(path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Audit trail")
    sheet.append([_(title) if title else time_heading() for title, _width in COLUMNS])
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
        sheet.cell(sheet.max_row, 2).number_format = "yyyy-mm-dd hh:mm:ss"
    return save_workbook(book, target)
