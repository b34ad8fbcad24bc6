"""Small helpers the Contests area's tabs share: calling services, numbers and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from contest_desk.domain.numbers import MAX_PLACES, QUANTUM, parse_decimal
from contest_desk.errors import UserError

T = TypeVar("T")

# QDateEdit has no empty value: its minimum date stands for "no date" and shows as blank text.
NO_DATE = QDate(2000, 1, 1)


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


def date_edit(parent: QWidget | None, blank_text: str) -> QDateEdit:
    """A date field with a calendar that can also be left blank (shown as ``blank_text``)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(blank_text)
    edit.setDate(NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


def note_label(text: str = "") -> QLabel:
    """An inline message line: problems are shown here instead of in a blocking box."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label
