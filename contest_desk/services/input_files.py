"""Reading a file a person hands in (JSON, PEM): within the limits, or a UserError.

Every import reads through here or, for CSV, through domain/table_files.py (which the
Excel readers in reports/ use too), so a missing, oversize, undecodable, too deeply
nested or malformed file gets the same message whichever command or window area it came
from, and never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from contest_desk.domain import limits
from contest_desk.errors import UserError


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
