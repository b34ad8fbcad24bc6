"""Dates as clerks type them: 2026-05-11, 2026/5/11, 2026.5.11, 20260511, 2026年5月11日.

One reading for the window's date fields and the command line, so that a date typed
in either is taken the same way; an empty text or 未定 means no date yet.
"""

from __future__ import annotations

import datetime as dt
import re

from contest_desk.errors import UserError

# What stands for "no date yet" besides an empty field: the Chinese word the window
# shows, and the English one for those who type in English.
NO_DATE_WORDS = frozenset({"未定", "待定", "none", "not set", "-"})

_SEPARATED = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_RUN_TOGETHER = re.compile(r"(\d{4})(\d{2})(\d{2})")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")


def date_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day as written (not yet checked as a calendar date), or None
    when the text is not written like a date at all."""
    cleaned = text.strip().translate(_FULL_WIDTH)
    found = _SEPARATED.fullmatch(cleaned) or _RUN_TOGETHER.fullmatch(cleaned)
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    return year, month, day


def is_no_date(text: str) -> bool:
    return text.strip().lower() in NO_DATE_WORDS or not text.strip()


def parse_date(text: str, field: str) -> dt.date | None:
    """The date ``text`` names, None for an empty text or 未定; a UserError naming
    ``field`` and the text for anything else (2026-02-30, 5/11)."""
    if is_no_date(text):
        return None
    parts = date_parts(text)
    try:
        if parts is None:
            raise ValueError
        return dt.date(*parts)
    except ValueError:
        raise UserError(
            "{field}: {value} is not a date (type e.g. 2026-05-11, 2026/5/11 or 20260511)",
            field=field,
            value=text.strip()[:40],
        ) from None
