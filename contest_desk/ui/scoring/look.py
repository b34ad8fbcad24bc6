"""How numbers and groups look in the scoring and standings tables (shared by both areas)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

# Light tints told apart at a glance; a part keeps its colour by position in the event.
PART_COLOURS = ("#dbeafe", "#dcfce7", "#fef3c7", "#f3e8ff", "#cffafe", "#fde2e2")
PART_BANDS = ("#3b82f6", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#dc2626")
SHARED_COLOUR = QColor("#fff4cc")  # objective values: one per entry, the same for every judge
ERROR_COLOUR = QColor("#ffcdd2")
ERROR_TEXT = QColor("#b00020")
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


def fit_columns(view: QTableView, padding: int = 18) -> None:
    """Size columns to their contents (the rows loaded so far) with room to breathe."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    last = header.count() - 1 if header.stretchLastSection() else header.count()
    for column in range(last):
        header.resizeSection(column, header.sectionSize(column) + padding)


def part_colour(position: int) -> QColor:
    return QColor(PART_COLOURS[position % len(PART_COLOURS)])


def part_band(position: int) -> QColor:
    return QColor(PART_BANDS[position % len(PART_BANDS)])


def award_colour(position: int) -> QColor:
    """The highlight of the award level at ``position`` (0 = 一等奖) in the event's rule."""
    if 0 <= position < len(AWARD_COLOURS):
        return QColor(AWARD_COLOURS[position])
    return QColor(AWARD_OTHER)
