"""How every Excel sheet we write looks to an HR clerk: named, its header row frozen and
repeated on each printed page, columns as wide as their Chinese text, A4 fitted to the
page's width, and numbers stored as numbers with a number format.

Writers fill a sheet with values and call ``finish_table`` last; number cells go through
``number_cell`` (a rank, a score with the rubric's decimals, an amount of money), so a
clerk can sort, sum and print them without retyping. Used by the roster, labor and
innovation workbooks, and made for the result notice's Excel form too.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from contest_desk.domain.numbers import round_half_up
from contest_desk.reports.text_table import display_width

INTEGER = "0"  # a rank, a count
AMOUNT = "#,##0.00"  # money in CNY: two decimals, thousands separated
DATE = "yyyy-mm-dd"
HEADER_FILL = "DDE6F0"
# Column widths in Excel's character units (a Chinese character counts two).
MIN_WIDTH, MAX_WIDTH = 6, 60
# What Excel refuses in a sheet's name, and its length limit.
_NOT_IN_TITLE = re.compile(r"[\[\]:*?/\\]")
TITLE_CHARS = 31


def sheet_title(text: str, fallback: str = "Sheet") -> str:
    """``text`` as a sheet name Excel accepts: no []:*?/\\, at most 31 characters."""
    cleaned = _NOT_IN_TITLE.sub("-", text).strip().strip("'")
    return cleaned[:TITLE_CHARS] or fallback


def places_format(places: int) -> str:
    """The number format showing ``places`` decimals: 0 → "0", 2 → "0.00"."""
    return INTEGER if places <= 0 else "0." + "0" * places


def number_cell(cell: Any, value: Decimal | int | None, places: int | None = 0) -> None:
    """Store ``value`` as a number (never text), rounded half-up to ``places`` and shown
    with as many decimals; ``places`` None keeps the value's own decimals. None stays an
    empty cell."""
    if value is None:
        cell.value = None
        return
    if isinstance(value, int):  # a rank or a count
        cell.value = value
        cell.number_format = INTEGER
        return
    if places is None:
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    cell.value = round_half_up(value, places)
    cell.number_format = places_format(places)


def amount_cell(cell: Any, value: Decimal | None) -> None:
    """An amount of money: two decimals with thousands separators (12,345.60)."""
    number_cell(cell, value, 2)
    if value is not None:
        cell.number_format = AMOUNT


def _shown_width(value: Any, number_format: str) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return len(DATE) if isinstance(value, dt.date) else 19
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        places = number_format.partition(".")[2].count("0")
        text = f"{Decimal(str(value)):,.{places}f}"
        return len(text)
    return max((display_width(line) for line in str(value).splitlines()), default=0)


def fit_columns(ws: Any, from_row: int = 1) -> None:
    """Each column as wide as its widest cell from ``from_row`` down (a title above the
    table may run across), counting a Chinese character as two."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=from_row):
        for cell in row:
            width = _shown_width(cell.value, cell.number_format)
            if width:
                widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)


def style_header(ws: Any, row: int) -> None:
    """The header row bold on a light fill, wrapped where a heading is long."""
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in ws[row]:
        if cell.value is not None:
            cell.font = Font(bold=True)
            cell.fill = fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def print_setup(ws: Any, header_row: int, landscape: bool | None = None) -> None:
    """A4, fitted to the page's width (as many pages down as it takes), the rows down to
    the header repeated on every page; landscape when there are many columns."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wide = ws.max_column > 8 if landscape is None else landscape
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_row}"
    ws.print_options.horizontalCentered = True


def finish_table(
    ws: Any, header_row: int = 1, freeze_column: int = 1, landscape: bool | None = None
) -> None:
    """Everything a table sheet gets once its values are in: the header styled and frozen
    (with the columns left of ``freeze_column``), widths fitted, print set-up."""
    style_header(ws, header_row)
    ws.freeze_panes = f"{get_column_letter(freeze_column)}{header_row + 1}"
    fit_columns(ws, header_row)
    print_setup(ws, header_row, landscape)
