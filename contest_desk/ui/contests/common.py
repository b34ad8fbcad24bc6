"""Small helpers the Contests area's tabs share: numbers and the inline message line.

Dates: ui/date_field.py."""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from PySide6.QtWidgets import QComboBox, QLabel

from contest_desk.domain.numbers import MAX_PLACES, QUANTUM, parse_decimal
from contest_desk.domain.records.contests import UnitInfo
from contest_desk.errors import UserError

T = TypeVar("T")


def plain(value: Decimal) -> str:
    """A decimal as a person would type it: 30, 0.5, 12.25 (no exponent, no trailing zeros)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def percent_text(weight: Decimal) -> str:
    """A stored weight (0.3) as the percentage shown in editors (30)."""
    return plain(weight * 100)


def weight_from_percent(text: str, field: str) -> Decimal:
    """A typed percentage (30) as a stored weight (0.3); weights keep three decimals."""
    weight = parse_decimal(text, field) / 100
    if weight != weight.quantize(QUANTUM):
        raise UserError(
            "{field}: {value} has more than {places} decimal places",
            field=field,
            value=text.strip(),
            places=MAX_PLACES - 2,
        )
    return weight


def note_label(text: str = "") -> QLabel:
    """An inline message line: problems are shown here instead of in a blocking box."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


def unit_combo(units: list[UnitInfo]) -> QComboBox:
    """An editable unit chooser: pick a known path or type a new one (made on save)."""
    box = QComboBox()
    box.setEditable(True)
    box.addItem("")
    for unit in sorted(units, key=lambda u: u.path):
        box.addItem(unit.path)
    box.setMinimumWidth(220)
    return box
