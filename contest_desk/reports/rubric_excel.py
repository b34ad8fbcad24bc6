"""The rubric (评分细则) in Excel: one sheet per event, one row per criterion, and reading
such a sheet back (domain/rubric_table.py turns the rows into rubrics and says what is
wrong). Sub-criteria are written both by their code and by indenting the name, so a
chief judge reads the tree at a glance and either way reads back the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from contest_desk.domain import limits
from contest_desk.domain.rubric import Rubric
from contest_desk.domain.rubric_table import (
    COLUMNS,
    REQUIRED_COLUMNS,
    RubricRow,
    column_label,
    header_fields,
    header_key,
    table_rows,
)
from contest_desk.errors import Location, UserError
from contest_desk.i18n import _
from contest_desk.reports.files import save_workbook
from contest_desk.reports.roster_excel import cell_text, open_workbook

WIDTHS = {"part": 10, "code": 10, "name": 40, "mode": 14, "deduction": 12, "unit": 12}
DEFAULT_WIDTH = 9
HEADER_SEARCH_ROWS = 10
GROUP_FILL = PatternFill("solid", fgColor="EEF3F8")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
# Characters Excel refuses in a sheet name; 31 characters at most.
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_CHARS = 31
INSTRUCTIONS = (
    "One row per criterion. Part: the event's part (理论, 实操 …); a blank part cell "
    "belongs to the part above it.",
    "Sub-criteria: by indenting the name (Excel's Increase Indent), or, where no name "
    "is indented, by code (A1.2 is under A1, A1 under A, when that row has no kind). A row "
    "without a code is a sub-criterion of the row above it and is numbered after it.",
    "Kind: Judgement (every judge marks it), Measurement (one measured value, turned into "
    "points by its rule) or Deduction (penalty points). Blank: Judgement.",
    "A criterion with sub-criteria takes no kind; its max points, if written, must be "
    "the total of its sub-criteria.",
    "Rule (measurements only): Direct, Pass/fail or Linear deduction, with target, "
    "tolerance, deduction per unit and unit of excess.",
    "Blank step: 0.5; blank weight: 1. The import is all or nothing: every problem is "
    "listed with its sheet, row and column, and nothing is changed.",
)


@dataclass(frozen=True)
class RubricSheet:
    """The criteria rows of one sheet, as read."""

    title: str
    rows: list[RubricRow]


def _writable(text: str) -> str:
    """Text a cell can hold: without the control characters XML has no place for (a name
    pasted from elsewhere may carry one; openpyxl refuses the whole file for it), and
    without leading spaces, which the import would read as indentation."""
    return ILLEGAL_CHARACTERS_RE.sub("", text).strip()


def sheet_title(name: str, taken: set[str]) -> str:
    """An Excel sheet name for an event: no []:*?/\\, at most 31 characters, unique."""
    base = SHEET_NAME_BAD.sub("_", _writable(name)).strip("'") or _("Rubric")
    title, number = base[:SHEET_NAME_CHARS], 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title, number = base[: SHEET_NAME_CHARS - len(suffix)] + suffix, number + 1
    taken.add(title.casefold())
    return title


def write_rubric_workbook(
    path: str | Path, events: Sequence[tuple[str, Sequence[tuple[str, Rubric]]]]
) -> Path:
    """One sheet per event (its name, part by part) and a sheet of instructions."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    taken: set[str] = set()
    for event, parts in events:
        _write_sheet(workbook.create_sheet(sheet_title(event, taken)), parts)
    notes = workbook.create_sheet(sheet_title(_("Instructions"), taken))
    notes.column_dimensions["A"].width = 100
    notes.cell(row=1, column=1, value=_("How to fill in the rubric")).font = Font(bold=True)
    for row, text in enumerate(INSTRUCTIONS, start=2):
        notes.cell(row=row, column=1, value=_(text)).alignment = Alignment(wrap_text=True)
    return save_workbook(workbook, Path(path))


def _write_sheet(ws: Any, parts: Sequence[tuple[str, Rubric]]) -> None:
    fields = list(COLUMNS)
    bold = Font(bold=True)
    for col, name in enumerate(fields, start=1):
        cell = ws.cell(row=1, column=col, value=column_label(name))
        cell.font, cell.fill = bold, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(name, DEFAULT_WIDTH)
    name_column = fields.index("name") + 1
    for row, line in enumerate(table_rows(parts), start=2):
        for col, name in enumerate(fields, start=1):
            value = line.cells.get(name)
            if isinstance(value, str):
                value = _writable(value)
            if value is None or value == "":
                continue
            # Numbers as numbers: a chief judge sums and checks them in Excel.
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, Decimal):
                cell.number_format = "0.###"
            if line.group:
                cell.font = bold
        name_cell = ws.cell(row=row, column=name_column)
        name_cell.alignment = Alignment(indent=line.depth)
        if line.group:
            for col in range(1, len(fields) + 1):
                ws.cell(row=row, column=col).fill = GROUP_FILL
    ws.freeze_panes = "C2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


# Reading -------------------------------------------------------------------------------------


def read_rubric_workbook(path: str | Path) -> list[RubricSheet]:
    """Every sheet with a rubric header row (at least code, name and max points, in
    Chinese or English), with its criteria rows; other sheets (instructions) are passed by.
    A UserError when the file is no workbook or no sheet holds a rubric."""
    path = Path(path)
    workbook = open_workbook(path)
    try:
        sheets = [s for ws in workbook.worksheets if (s := _read_sheet(ws, path.name))]
    finally:
        workbook.close()
    if not sheets:
        labels = "、".join(column_label(n) for n in REQUIRED_COLUMNS)
        raise UserError(
            "No sheet has a header row with the columns {columns}",
            where=Location(path.name),
            columns=labels,
        )
    return sheets


def _read_sheet(ws: Any, file: str) -> RubricSheet | None:
    declared = ws.max_row
    if isinstance(declared, int):
        limits.check_rows(declared - 1, file)
    names = header_fields()
    columns: dict[str, int] = {}
    rows: list[RubricRow] = []
    try:
        for number, cells in enumerate(ws.iter_rows(), start=1):
            if number > limits.ROWS + 1:
                limits.check_rows(number - 1, file)
            if not columns:
                if number > HEADER_SEARCH_ROWS:
                    return None
                columns = _header(cells, names)
                continue
            row = _row(number, cells, columns)
            if row is not None:
                rows.append(row)
    except (SyntaxError, ValueError, TypeError, KeyError):
        raise UserError(
            "This is not an Excel workbook (.xlsx); save it as .xlsx and try again",
            where=Location(file),
        ) from None
    return RubricSheet(ws.title, rows) if columns else None


def _header(cells: Sequence[Any], names: dict[str, str]) -> dict[str, int]:
    """Field → column index, when these cells are a rubric's header row (else empty)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = names.get(header_key(cell_text(cell.value)))
        if name is not None:
            found.setdefault(name, index)
    return found if all(n in found for n in REQUIRED_COLUMNS) else {}


def _row(number: int, cells: Sequence[Any], columns: dict[str, int]) -> RubricRow | None:
    texts = {}
    for name, index in columns.items():
        value = cells[index].value if index < len(cells) else None
        texts[name] = cell_text(value)
    if not any(texts.values()):
        return None
    indent = 0
    if "name" in columns and columns["name"] < len(cells):
        name_cell = cells[columns["name"]]
        indent = _indent(name_cell, "" if name_cell.value is None else str(name_cell.value))
    return RubricRow(number, texts, indent)


def _indent(cell: Any, raw: str) -> int:
    """The name's indentation level: Excel's indent, else its leading spaces (two
    half-width or one full-width space a level)."""
    alignment = getattr(cell, "alignment", None)
    level = int(getattr(alignment, "indent", 0) or 0)
    if level:
        return level
    lead = raw[: len(raw) - len(raw.lstrip())]
    width = sum(2 if ch == "\u3000" else 1 for ch in lead if ch != "\n")
    return (width + 1) // 2


def pick_sheet(sheets: Sequence[RubricSheet], event: str, wanted: str | None = None) -> RubricSheet:
    """The sheet to import into ``event``: the one named ``wanted``, else the only one,
    else the one named after the event (as an export names it); a UserError otherwise."""
    names = [s.title for s in sheets]
    if wanted is not None:
        chosen = [s for s in sheets if s.title == wanted]
        if not chosen:
            raise UserError(
                "The workbook has no sheet {sheet}; its rubric sheets: {sheets}",
                sheet=wanted,
                sheets="、".join(names),
            )
        return chosen[0]
    if len(sheets) == 1:
        return sheets[0]
    title = sheet_title(event, set())
    for sheet in sheets:
        if sheet.title == title:
            return sheet
    raise UserError(
        "The workbook has several rubric sheets ({sheets}) and none is named {event}: "
        "say which one",
        sheets="、".join(names),
        event=title,
    )
