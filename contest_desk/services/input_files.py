"""Reading a file a person hands in (CSV, JSON, PEM): within the limits, or a UserError.

Every import reads through here, so a missing, oversize, undecodable, too deeply nested
or malformed file gets the same message whichever command or window area it came from,
and never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from contest_desk.domain import limits
from contest_desk.errors import Location, UserError
from contest_desk.services.text_files import decoded_table


def read_text(path: str | Path, limit: int | None = None) -> str:
    """The file's text (UTF-8, with or without a byte-order mark), refused when it is
    missing, past ``limit`` bytes (limits.FILE_BYTES) or not UTF-8."""
    path = Path(path)
    try:
        limits.check_file_size(path.stat().st_size, path.name, limit)
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise UserError("There is no file {file}", file=str(path)) from None
    except UnicodeDecodeError:
        raise UserError(
            "{file} is not UTF-8 text; save it as “CSV UTF-8”", file=path.name
        ) from None
    except OSError as error:
        raise UserError("Cannot read {file}: {reason}", file=path.name, reason=error) from None


def csv_lines(path: str | Path) -> list[list[str]]:
    """The rows of a CSV file as lists of cells; the row that breaks a limit is named.

    The file may be UTF-8 (with or without a byte-order mark) or GB18030/GBK, which is what
    Excel and WPS on a Chinese Windows write as plain "CSV" (see ``text_files``)."""
    path = Path(path)
    return csv_text_lines(read_spreadsheet_text(path), path.name)


def read_spreadsheet_text(path: str | Path) -> str:
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


# A JSON string (escapes included) or one bracket: enough to count nesting cheaply.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def json_depth_error(text: str, file: str) -> UserError | None:
    """A UserError when the text nests deeper than the limit, counted before parsing it
    (Python's parser recurses per level and fails with RecursionError far sooner than
    memory runs out)."""
    depth = 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark in ("[", "{"):
            depth += 1
            if depth > limits.JSON_DEPTH:
                return _too_deep(file, text.count("\n", 0, token.start()) + 1)
        elif mark in ("]", "}"):
            depth -= 1
    return None


def _too_deep(file: str, line: int | str) -> UserError:
    return UserError(
        "{file} nests deeper than {limit} levels (line {line})",
        file=file,
        limit=limits.JSON_DEPTH,
        line=line,
    )


def parse_json(text: str, file: str) -> Any:
    """The JSON value of ``text``; nesting past the limit, bad JSON, or text no database
    holds (NUL, a lone surrogate from a "\\ud800" escape) is a UserError naming the file."""
    if (error := json_depth_error(text, file)) is not None:
        raise error
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise UserError("Cannot read {file}: {reason}", file=file, reason=error) from None
    except RecursionError:  # the count above makes this unlikely; kept as the last guard
        raise _too_deep(file, "?") from None
    if not all(_valid(t) for t in _texts(value)):
        raise UserError("{file} holds a character that is not valid text", file=file)
    return value


def _texts(value: Any) -> Iterator[str]:
    """Every string in a parsed JSON value, keys included (nesting is bounded above)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _valid(text: str) -> bool:
    try:
        limits.check_text(text, None, "")
    except UserError:
        return False
    return True


def read_json(path: str | Path) -> Any:
    """A JSON file's value, through ``read_text`` and ``parse_json``."""
    path = Path(path)
    return parse_json(read_text(path), path.name)
