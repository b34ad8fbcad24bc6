"""A labor competition's values in Excel: the template for one period, and reading it back.

The template names its contest and period at the top, then one row per team and one
column per indicator headed "code name（unit）". Reading checks every cell against the
competition (teams, indicators and their units, the period) and lists every problem with
its row and column; nothing is imported unless the whole file is right.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from contest_desk.domain.records.labor import HEADER_ROW, LaborSheet, ValueGrid
from contest_desk.errors import Location, UserError
from contest_desk.i18n import _
from contest_desk.reports.files import save_workbook
from contest_desk.reports.roster_excel import cell_text, open_workbook, sheet_rows
from contest_desk.reports.sheet_style import finish_table, number_cell, sheet_title

# "C1 原油产量（吨）" or "C1 原油产量(吨)": the code, the name, the unit.
HEADER = re.compile(r"^(\S+)\s+(.*?)\s*(?:[（(]([^）)]*)[）)])?$")


def write_labor_template(path: str | Path, contest: str, grid: ValueGrid) -> Path:
    """The period's grid with every team and indicator, and the values keyed so far."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_title(grid.period.name)
    bold = Font(bold=True)
    for row, (label, text) in enumerate(
        ((_("Competition"), contest), (_("Assessment period"), grid.period.name)), start=1
    ):
        ws.cell(row, 1, label).font = bold
        ws.cell(row, 2, text)
    ws.cell(3, 1, _("One row per team; leave a cell empty when the value is not known yet."))
    ws.cell(HEADER_ROW, 1, _("Work team"))
    for col, indicator in enumerate(grid.indicators, start=2):
        ws.cell(HEADER_ROW, col, f"{indicator.code} {indicator.name}（{indicator.unit}）")
    for row, team in enumerate(grid.teams, start=HEADER_ROW + 1):
        ws.cell(row, 1, team.name)
        for col, indicator in enumerate(grid.indicators, start=2):
            # a number with the decimals it was keyed with (no float: 0.1 stays 0.1)
            number_cell(ws.cell(row, col), grid.values.get(team.id, {}).get(indicator.code), None)
    finish_table(ws, HEADER_ROW, freeze_column=2)
    return save_workbook(wb, path)


def read_labor_sheet(path: str | Path) -> LaborSheet:
    path = Path(path)
    wb = open_workbook(path)
    ws = wb.worksheets[0]
    lines = sheet_rows(ws, path.name)
    wb.close()
    period = ""
    for line in lines[: HEADER_ROW - 1]:
        if line and cell_text(line[0]) in (_("Assessment period"), "考核期间", "期间", "Period"):
            period = cell_text(line[1]) if len(line) > 1 else ""
    if len(lines) < HEADER_ROW or cell_text(lines[HEADER_ROW - 1][0]) not in (
        _("Team"),
        "班组",
        "Team",
    ):
        raise UserError(
            "Row {row} must be the header: 班组 and the indicators",
            where=Location(path.name, HEADER_ROW),
            row=HEADER_ROW,
        )
    columns: dict[int, tuple[str, str, str]] = {}
    for col, value in enumerate(lines[HEADER_ROW - 1][1:], start=2):
        text = cell_text(value)
        match = HEADER.match(text) if text else None
        if match:
            columns[col] = (match.group(1), match.group(2), match.group(3) or "")
    rows = []
    for number, line in enumerate(lines[HEADER_ROW:], start=HEADER_ROW + 1):
        team = cell_text(line[0]) if line else ""
        cells = {col: cell_text(line[col - 1]) for col in columns if col - 1 < len(line)}
        if team or any(cells.values()):
            rows.append((number, team, cells))
    return LaborSheet(path.name, period, columns, rows)
