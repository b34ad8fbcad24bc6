"""How numbers and groups look in the scoring and standings tables (shared by both areas)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from contest_desk.ui.tables import (
    FLOOR_CHARS,
    PADDING,
    WRAP_HEADER,
    TableView,
    natural_widths,
    show_elided_tips,
    spread,
)

# Light tints told apart at a glance; a part keeps its colour by position in the event.
PART_COLOURS = ("#dbeafe", "#dcfce7", "#fef3c7", "#f3e8ff", "#cffafe", "#fde2e2")
PART_BANDS = ("#3b82f6", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#dc2626")
SHARED_COLOUR = QColor("#fff4cc")  # objective values: one per entry, the same for every judge
ERROR_COLOUR = QColor("#ffcdd2")
ERROR_TEXT = QColor("#b00020")
PENDING_COLOUR = QColor("#ffccbc")  # typed, not saved yet: waiting for the server
PENDING_TEXT = QColor("#bf360c")
SHARED_MARK = "◆"

# Award levels by position in the event's award rule: gold, silver, bronze, then a plain tint.
AWARD_COLOURS = ("#ffd54f", "#cfd8dc", "#ffcc80")
AWARD_OTHER = "#c8e6c9"


def show_decimal(value: Decimal | None) -> str:
    """A stored value as typed back: 8.500 → "8.5", 10 → "10", None → ""."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def fit_columns(view: QTableView) -> None:
    """Size columns to their text (the rows loaded so far) and fit them in the view.

    Criterion headers may take two lines, so that a column of short marks under a long
    name stays narrow; where the columns are still wider than the view, the widest text
    (the unit) gives way first, elided with its whole text in a tooltip."""
    if isinstance(view, TableView):
        view.fit_columns()
        return
    header = view.horizontalHeader()
    header.setDefaultAlignment(WRAP_HEADER)
    header.setTextElideMode(Qt.TextElideMode.ElideNone)
    # Two lines of text, with the part's band above them where the header draws one.
    band = getattr(header, "BAND", 0)
    header.setMinimumHeight(2 * header.fontMetrics().height() + 12 + band)
    show_elided_tips(view)
    shown = [c for c in range(header.count()) if not view.isColumnHidden(c)]
    natural = natural_widths(view, two_line_headers=True)
    floor = view.fontMetrics().horizontalAdvance("中") * FLOOR_CHARS + PADDING
    # Where Qt stretches the last section, it takes the room left (the others fit).
    stretch = len(shown) - 1 if header.stretchLastSection() and shown else None
    widths = spread([natural[c] for c in shown], view.viewport().width(), floor, stretch)
    for column, width in zip(shown, widths, strict=True):
        header.resizeSection(column, width)


def part_colour(position: int) -> QColor:
    return QColor(PART_COLOURS[position % len(PART_COLOURS)])


def part_band(position: int) -> QColor:
    return QColor(PART_BANDS[position % len(PART_BANDS)])


def award_colour(position: int) -> QColor:
    """The highlight of the award level at ``position`` (0 = 一等奖) in the event's rule."""
    if 0 <= position < len(AWARD_COLOURS):
        return QColor(AWARD_COLOURS[position])
    return QColor(AWARD_OTHER)
