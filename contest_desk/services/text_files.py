"""The text of a table file an office program saved: UTF-8, GB18030/GBK or UTF-16.

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
