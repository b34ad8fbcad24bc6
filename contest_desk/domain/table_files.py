"""A table file an office program saved (CSV, "Unicode text"): its text, UTF-8, GB18030/GBK
or UTF-16, and its rows, within the limits; every failure a UserError naming the file.

Excel and WPS on a Chinese Windows save "CSV" in the ANSI code page, GBK (which GB18030
contains); "CSV UTF-8" starts with a byte-order mark; "Unicode text" is UTF-16 with tabs.
A strict UTF-8 reading first, then GB18030, is more reliable than guessing from byte
statistics: a short file (a header and three rows) gives a detector too little to go on,
while GBK's Chinese is almost never valid UTF-8. About one hanzi in seven is (its bytes
happen to form a UTF-8 letter: "谁" is CB AD, UTF-8's "˭"), so a GBK file is misread only
when every Chinese character in it is such a one — a file of one or two characters, never
a roster or a score sheet. Guessing the other way would misread UTF-8's "m²" or "°C".
Every failure is a UserError naming the file and what to do.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from contest_desk.domain import limits
from contest_desk.errors import Location, UserError

# An Excel workbook (zip) or an old .xls (OLE2) handed in where a CSV was asked for.
WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decoded_table(data: bytes, file: str) -> str:
    """The text of ``data`` (a CSV file's bytes) without a byte-order mark."""
    if data.startswith(WORKBOOK_MAGIC):
        raise UserError(
            "{file} is an Excel workbook, not a CSV file: save it as CSV and try again",
            file=file,
        )
    if data.startswith(UTF16_BOMS):
        return _strict(data, "utf-16", file)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", file)
    if b"\x00" in data:
        raise UserError(
            "{file} is not a text file: save it from Excel or WPS as CSV and try again",
            file=file,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as second:
            # the row where the reading that got further stops: a GBK file with one
            # broken byte is named at that byte's row, not at its first Chinese word
            raise _unreadable(data, max(error.start, second.start), file) from None


def _strict(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _unreadable(data, error.start, file) from None


def _unreadable(data: bytes, at: int, file: str) -> UserError:
    row = data.count(b"\n", 0, at) + 1
    return UserError(
        "This file is neither UTF-8 nor GB18030/GBK text; save it from Excel or WPS as "
        "“CSV UTF-8” or “CSV” and try again",
        where=Location(file, row),
    )


def csv_lines(path: str | Path) -> list[list[str]]:
    """The rows of a CSV file as lists of cells; the row that breaks a limit is named.

    The file may be UTF-8 (with or without a byte-order mark) or GB18030/GBK, which is what
    Excel and WPS on a Chinese Windows write as plain "CSV" (see ``decoded_table``)."""
    path = Path(path)
    return csv_text_lines(read_table_text(path), path.name)


def read_table_text(path: str | Path) -> str:
    """A CSV file's text, in whichever encoding an office program saved it."""
    path = Path(path)
    try:
        limits.check_file_size(path.stat().st_size, path.name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError("There is no file {file}", file=str(path)) from None
    except PermissionError:  # locked by the program that has it open, or not ours to read
        raise UserError(
            "The file is open in another program or cannot be read: {file}; close it and try again",
            file=path.name,
        ) from None
    except OSError as error:
        raise UserError("Cannot read {file}: {reason}", file=path.name, reason=error) from None
    return decoded_table(data, path.name)


def csv_text_lines(text: str, file: str) -> list[list[str]]:
    # Python's csv refuses a cell past its own limit (128 KB); ours is the shared one.
    csv.field_size_limit(limits.CSV_FIELD_CHARS)
    # Excel's "Unicode text" (UTF-16) separates cells by tabs: a first line with tabs and
    # no comma is read so.
    first = text.partition("\n")[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines: list[list[str]] = []
    try:
        for line in reader:
            lines.append(line)
            if len(lines) > limits.ROWS + 1:  # the header row is not counted
                limits.check_rows(len(lines) - 1, file)
    except csv.Error as error:
        row = reader.line_num
        if "field larger than field limit" in str(error):
            raise UserError(
                "A cell is longer than {limit} characters",
                where=Location(file, row),
                limit=limits.CSV_FIELD_CHARS,
            ) from None
        raise UserError(
            "This row is not valid CSV: {reason}", where=Location(file, row), reason=error
        ) from None
    return lines
