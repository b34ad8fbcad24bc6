"""The limits every way in applies alike: a file, a cell, the window and the command line.

One table, so that a name refused by the roster is refused by a contest file too, and a
number refused in a cell is refused on the command line. Texts are counted in characters
(the storage columns' widths, where there is one); numbers in digits and places.
"""

from __future__ import annotations

from contest_desk.domain.plain_names import file_size
from contest_desk.errors import Location, UserError

# --- Text, in characters --------------------------------------------------------------------

EMPLOYEE_NO = 40
PERSON_NAME = 60  # the roster's cap: certificates and their QR codes are laid out for it
USERNAME = 60
PASSWORD = 200  # no password is longer; scrypt is not asked to hash a novel
JOB_TYPE = 60
SKILL_LEVEL = 30
UNIT_NAME = 100  # one level of a unit path (采油一区/采油一班: each part)
TEAM_NAME = 100
CODE = 40  # criterion, indicator and entry codes
SHORT_NAME = 100  # parts, rounds, periods
TITLE = 200  # contests, events, criteria, boards, achievements, organizers
NOTE = 20_000  # reasons, notes, descriptions: free text

# --- Numbers ----------------------------------------------------------------------------------

# Marks, labor values and money: at most three places (storage keeps scaled integers)
# and below 10¹² (far beyond any score or amount, inside a 64-bit scaled integer).
PLACES = 3
MAGNITUDE_DIGITS = 12
# Ratings (Elo, Glicko-2: rating, deviation, volatility) need more places, less size.
RATING_PLACES = 6
RATING_DIGITS = 6
# Longer than any number a person types: refused before it is read.
NUMBER_CHARS = 40
# Ids, round numbers, places, counts and days typed as whole numbers.
WHOLE_MAX = 2**31 - 1
DAYS_MAX = 3660  # ten years: periods, postings, accept windows

# --- Files --------------------------------------------------------------------------------------

FILE_BYTES = 50 * 1024 * 1024  # any file read for an import, refused before it is read
ROWS = 500_000  # rows of one import (a 2,000 × 7 × 20 score file is 280,000)
CSV_FIELD_CHARS = 1024 * 1024  # one CSV cell; Python's csv stops at 128 KB by default
JSON_DEPTH = 64  # nesting of any JSON file (Python's parser recurses; 100,000 deep crashes it)
RUBRIC_DEPTH = 8  # levels of a rubric tree
PEM_BYTES = 16 * 1024  # a public key file


def check_text(value: str, limit: int | None, field: str, where: Location | None = None) -> str:
    """``value`` unchanged when it is at most ``limit`` characters (None: any number) and
    all of them real characters; else a UserError naming the field, the limit and how the
    text begins. (A lone surrogate, which a JSON escape can make, fits no file or database;
    NUL, which a CSV or JSON file can hold, no PostgreSQL text.)"""
    try:
        value.encode("utf-8")
        valid = "\x00" not in value  # PostgreSQL refuses NUL in any text
    except UnicodeEncodeError:
        valid = False
    if not valid:
        raise UserError(
            "{field} holds a character that is not valid text", where=where, field=field
        )
    if limit is not None and len(value) > limit:
        raise UserError(
            "{field} is longer than {limit} characters ({length}): {start}…",
            where=where,
            field=field,
            limit=limit,
            length=len(value),
            start=value[:20],
        )
    return value


def check_file_size(size: int, file: str, limit: int | None = None) -> None:
    """Refuse a file past ``limit`` bytes (FILE_BYTES) before anything reads it."""
    limit = FILE_BYTES if limit is None else limit
    if size > limit:
        raise UserError(
            "{file} is {size}; files up to {limit} are read",
            file=file,
            size=file_size(size),
            limit=file_size(limit),
        )


def check_rows(count: int, file: str) -> None:
    """Refuse an import of more than ROWS rows (said as soon as it is known)."""
    limit = ROWS
    if count > limit:
        raise UserError(
            "{file} has more than {limit} rows; split it into smaller files",
            file=file,
            limit=limit,
        )
