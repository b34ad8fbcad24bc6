"""Plain-text tables: for the terminal, aligned even with Chinese text in them, and CSV."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from contest_desk.reports.cells import inert


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def aligned(
    lines: Sequence[Sequence[str]], numeric: set[int], suffixes: Sequence[str] = ()
) -> list[str]:
    """Rows padded to their columns' widths; ``numeric`` columns align right."""
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for n, line in enumerate(lines):
        cells = [
            " " * (w - display_width(c)) + c if i in numeric else c + " " * (w - display_width(c))
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        suffix = suffixes[n] if n < len(suffixes) else ""
        out.append(("  ".join(cells) + " " + suffix).rstrip())
    return out


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Collection[int] = ()
) -> str:
    """A header and rows as CSV text (newlines, not CRLF: the CLI prints it).

    Every field goes through ``cells.inert``, so a name like "=cmd|' /C calc'!A0" is
    quoted; in the ``numeric`` columns a number written as text ("-3.50") is left as is.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([inert(h) for h in header])
    writer.writerows([inert(value, i in numeric) for i, value in enumerate(row)] for row in rows)
    return buffer.getvalue()
