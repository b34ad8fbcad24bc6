"""The roster (报名表) in Excel: a template organizers fill in, and reading it back.

Reading is forgiving about what spreadsheets do to data (numbers for employee
numbers, a title row above the header, columns in any order, headers in Chinese
or English) and strict about what it cannot guess: a missing column or an empty
required cell is reported with the file, row and column, every problem at once.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook as WorkbookType
from openpyxl.worksheet.datavalidation import DataValidation

from contest_desk.domain import limits
from contest_desk.domain.records.roster import (
    FIELD_LABELS,
    FIELDS,
    REQUIRED_CELLS,
    REQUIRED_COLUMNS,
    RosterRow,
    column_label,
)
from contest_desk.domain.table_files import csv_lines
from contest_desk.errors import ImportRejected, Location, UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, _, catalog
from contest_desk.reports.cells import restored
from contest_desk.reports.files import save_workbook
from contest_desk.reports.sheet_style import print_setup

# Column widths in the template, in Excel's character units.
WIDTHS = {
    "employee_no": 14,
    "name": 12,
    "unit": 30,
    "job_type": 16,
    "skill_level": 12,
    "event": 30,
    "team": 20,
}
# Rows of the template that get the event drop-down and text-formatted employee numbers.
TEMPLATE_ROWS = 2000
# A roster in these is read as CSV (what HR systems export), anything else as a workbook.
TEXT_SUFFIXES = (".csv", ".txt")
# How far down a title row may push the header row.
HEADER_SEARCH_ROWS = 10
# Headers people write instead of ours; matched as well as both languages' header texts.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "employee_no": ("工号", "员工编号", "职工编号", "员工号"),
    "name": ("姓名",),
    "unit": ("单位", "所在单位", "单位名称"),
    "job_type": ("工种", "职业工种"),
    "skill_level": ("技能等级", "职业技能等级", "等级"),
    "event": ("参赛项目", "比赛项目", "竞赛项目", "项目", "Event"),
    "team": ("参赛队", "队名", "参赛队名"),
}
INSTRUCTIONS = (
    "Fill in one row per person and event; a person who enters two events takes two rows.",
    "Employee no., name, unit and event are required. The employee number identifies the "
    "person; a person already in the roster must keep the same name.",
    'Unit: the path from the top unit down, separated by "/", e.g. Area 1/Crew 1.',
    "Event: choose from the drop-down list; the events of this contest are listed below.",
    "Team: for a team event, the team's name (rows with the same team name form one team); "
    "leave it blank for an individual event.",
    "The import is all or nothing: if any row has a problem, nothing is saved and every "
    "problem is listed with its row and column.",
)


def write_roster_template(path: str | Path, event_names: Sequence[str]) -> Path:
    """Write an empty roster for a contest: headers, an event drop-down and instructions."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Roster")
    notes = wb.create_sheet(_("Instructions"))

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, name in enumerate(FIELDS, start=1):
        cell = ws.cell(row=1, column=col, value=column_label(name))
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[name]
    ws.freeze_panes = "A2"
    # Employee numbers are text: "001002" typed into a number cell would lose its zeros.
    number_column = get_column_letter(FIELDS.index("employee_no") + 1)
    for row in range(2, TEMPLATE_ROWS + 2):
        ws[f"{number_column}{row}"].number_format = "@"

    notes.column_dimensions["A"].width = 100
    notes.cell(row=1, column=1, value=_("How to fill in the roster")).font = bold
    for i, text in enumerate(INSTRUCTIONS, start=2):
        notes.cell(row=i, column=1, value=_(text)).alignment = Alignment(wrap_text=True)
    first = len(INSTRUCTIONS) + 3
    notes.cell(row=first, column=1, value=_("Events of this contest")).font = bold
    for i, event in enumerate(event_names, start=first + 1):
        notes.cell(row=i, column=1, value=event)

    print_setup(ws, 1)
    if event_names:
        # A range rather than a literal list: a literal is limited to 255 characters and
        # breaks on commas inside event names.
        top, bottom = first + 1, first + len(event_names)
        source = f"{quote_sheetname(notes.title)}!{absolute_coordinate(f'A{top}:A{bottom}')}"
        check = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Unknown event"),
            error=_("Choose an event of this contest from the list."),
        )
        event_column = get_column_letter(FIELDS.index("event") + 1)
        check.add(f"{event_column}2:{event_column}{TEMPLATE_ROWS + 1}")
        ws.add_data_validation(check)
    return save_workbook(wb, Path(path))


def _header_key(text: str) -> str:
    """Headers compared without spaces, case or the asterisks that mark required columns."""
    return re.sub(r"[\s*＊]+", "", text).casefold()


def _header_names() -> dict[str, str]:
    """Header text (normalized) → field, in both languages whatever the current one is."""
    chinese = catalog(DEFAULT_LANGUAGE)
    names: dict[str, str] = {}
    for name, msgid in FIELD_LABELS.items():
        texts = {msgid, chinese.get(msgid, msgid), _(msgid), *HEADER_ALIASES[name]}
        for text in texts:
            names.setdefault(_header_key(text), name)
    return names


def cell_text(value: Any) -> str:
    """A cell as text: 1001 and 1001.0 (how Excel stores typed numbers) both become "1001";
    text our exports quoted ("'=…", see ``cells.inert``) comes back as it was."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return restored(str(value).strip()).strip()


def open_workbook(path: Path) -> WorkbookType:
    if not path.is_file():
        raise UserError("The file cannot be found", where=Location(path.name))
    limits.check_file_size(path.stat().st_size, path.name)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel extensions it drops (e.g. some kinds of data
            # validation); reading values does not need them.
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise UserError(
            "This is not an Excel workbook (.xlsx); save it as .xlsx and try again",
            where=Location(path.name),
        ) from None


def sheet_rows(ws: Any, file: str) -> list[tuple[Any, ...]]:
    """A read-only sheet's rows as values, refused past limits.ROWS: first by the size the
    sheet declares (its dimension), before reading a row, then by counting, in case it
    declares none or too few (a 3-million-row sheet otherwise fills memory first)."""
    declared = ws.max_row
    if isinstance(declared, int):
        limits.check_rows(declared - 1, file)
    rows: list[tuple[Any, ...]] = []
    try:
        for row in ws.iter_rows(values_only=True):
            rows.append(tuple(row))
            if len(rows) > limits.ROWS + 1:
                limits.check_rows(len(rows) - 1, file)
    except (SyntaxError, ValueError, TypeError, KeyError, zipfile.BadZipFile):
        # read-only sheets are parsed as they are read: broken XML shows up only here
        # (ElementTree's ParseError is a SyntaxError)
        raise UserError(
            "This is not an Excel workbook (.xlsx); save it as .xlsx and try again",
            where=Location(file),
        ) from None
    return rows


def _find_header(
    rows: Sequence[tuple[Any, ...]], names: dict[str, str], file: str
) -> tuple[int, dict[str, tuple[int, str]]] | None:
    """The header row's index and field → (column index, header text as written)."""
    for index, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, tuple[int, str]] = {}
        for col, value in enumerate(values):
            text = cell_text(value)
            name = names.get(_header_key(text)) if text else None
            if name is None:
                continue
            if name in columns:
                raise UserError(
                    "The column {column} appears twice in the header row",
                    where=Location(file, index + 1),
                    column=text,
                )
            columns[name] = (col, text)
        if len(columns) >= 2:
            return index, columns
    return None


def read_roster(path: str | Path) -> list[RosterRow]:
    """The rows of a filled-in roster, in file order, with their Excel row numbers; a .csv
    (or .txt) file is read as CSV, in UTF-8 or GBK (domain/table_files.py).

    Raises UserError for a file that is not a workbook or lacks a required column,
    and ImportRejected listing every row with an empty employee number, name or event.
    """
    path = Path(path)
    file = path.name
    names = _header_names()
    rows: list[tuple[Any, ...]] = []
    found = None
    if path.suffix.lower() in TEXT_SUFFIXES:  # an HR system's export, UTF-8 or GBK
        rows = [tuple(line) for line in csv_lines(path)]
        found = _find_header(rows, names, file)
    else:
        wb = open_workbook(path)
        try:
            for ws in wb.worksheets:
                rows = sheet_rows(ws, file)
                found = _find_header(rows, names, file)
                if found is not None:
                    break
        finally:
            wb.close()
    columns = found[1] if found else {}
    missing = [column_label(n) for n in REQUIRED_COLUMNS if n not in columns]
    if found is None or missing:
        raise UserError(
            "No {column} column in the header row",
            where=Location(file),
            column="、".join(missing),
        )
    header_index = found[0]

    out: list[RosterRow] = []
    problems: list[UserError] = []
    for index, values in enumerate(rows[header_index + 1 :], start=header_index + 2):
        cells = {
            name: cell_text(values[col]) if col < len(values) else ""
            for name, (col, _text) in columns.items()
        }
        if not any(cells.values()):
            continue
        for name in REQUIRED_CELLS:
            if not cells[name]:
                where = Location(file, index, columns[name][1])
                problems.append(UserError("This cell is required", where=where))
        out.append(
            RosterRow(
                row=index,
                employee_no=cells["employee_no"],
                name=cells["name"],
                unit=cells["unit"],
                job_type=cells.get("job_type", ""),
                skill_level=cells.get("skill_level", ""),
                event=cells["event"],
                team=cells.get("team", ""),
            )
        )
    if problems:
        raise ImportRejected(problems)
    return out
