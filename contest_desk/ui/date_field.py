"""One date field for the whole window: typed as clerks type dates, or picked on a calendar.

QDateEdit reads only its display format section by section (typing 2026/5/11 or
20260511 gets nowhere), has no empty value (the old work-around, its minimum date
2000-01-01 shown as blank, opened the calendar at January 2000), and its calendar opens
at its own value. This field is a line edit read by domain/dates.py, with a button that
opens a calendar at the field's date, else at a hint (e.g. the contest's dates), else
today; a field that may stay empty shows 未定 and offers it on the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.dates import parse_date
from contest_desk.errors import UserError

DISPLAY = "%Y-%m-%d"
BAD_STYLE = "QLineEdit { border: 1px solid #b00020; }"


def to_qdate(value: dt.date | None) -> QDate:
    return QDate() if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date | None:
    return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None


class CalendarPopup(QFrame):
    """The calendar under a field, with 今天 and (where allowed) 未定 below it."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.today_button = QPushButton(self.tr("Today"))
        self.clear_button = QPushButton(self.tr("Not set"))
        self.clear_button.setVisible(field.may_be_empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)
        self.calendar.clicked.connect(lambda day: self._chosen(field, from_qdate(day)))
        self.calendar.activated.connect(lambda day: self._chosen(field, from_qdate(day)))
        self.today_button.clicked.connect(lambda: self._chosen(field, dt.date.today()))
        self.clear_button.clicked.connect(lambda: self._chosen(field, None))

    def _chosen(self, field: DateField, value: dt.date | None) -> None:
        self.hide()
        field.choose(value)


class DateField(QWidget):
    """A date or, when ``may_be_empty``, no date (an empty field, shown as 未定).

    ``value()`` is the date typed or picked (None: no date) and raises a UserError naming
    ``label`` for text that is not a date; a bad text is also outlined in red with the
    reason as its tooltip as soon as the person leaves the field. ``hint`` gives the day
    an empty field's calendar opens at (the contest's dates, say); else today.
    """

    dateChanged = Signal(object)  # the new dt.date, or None

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        may_be_empty: bool = True,
        value: dt.date | None = None,
        hint: Callable[[], dt.date | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.label = label or self.tr("Date")
        self.may_be_empty = may_be_empty
        self.hint = hint
        self._value: dt.date | None = None
        self.line = QLineEdit()
        # An empty field reads 未定 (in grey): a click in it and typing is all a date takes.
        self.line.setPlaceholderText(
            self._no_date_text() if may_be_empty else self.tr("e.g. 2026-05-11")
        )
        self.line.setClearButtonEnabled(may_be_empty)
        self.line.setToolTip(self._usage())
        if label:  # what a screen reader says for the text box (its tooltip is the usage)
            self.line.setAccessibleName(label)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose on a calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setProperty("keys_instead", "F4, Alt+Down")  # in the field: no Tab stop
        self.popup: CalendarPopup | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.editingFinished.connect(self._read)
        self.line.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("2026-05-11 ") + 30)
        self.setDate(value if value is not None or may_be_empty else dt.date.today())

    def _usage(self) -> str:
        text = self.tr("Type e.g. 2026-05-11, 2026/5/11 or 20260511, or choose on the calendar.")
        if self.may_be_empty:
            text += " " + self.tr("Empty or 未定: not decided yet.")
        return text

    # The value ---------------------------------------------------------------------------

    def value(self) -> dt.date | None:
        """The date in the field now, read from its text (so a date typed but not yet
        left counts too); None for no date."""
        value = parse_date(self.line.text(), self.label)
        if value is None and not self.may_be_empty:
            raise UserError("{field}: a date is needed", field=self.label)
        return value

    def date(self) -> QDate:
        """As QDateEdit.date(): the field's date as a QDate, a null QDate for none or for
        a text that is not a date."""
        try:
            return to_qdate(self.value())
        except UserError:
            return QDate()

    def setDate(self, value: QDate | dt.date | None) -> None:
        """Show ``value`` (a QDate, a date, or None/a null QDate for 未定)."""
        if isinstance(value, QDate):
            value = from_qdate(value)
        if value is None and not self.may_be_empty:
            raise ValueError("this field needs a date")
        self._show(value)

    def choose(self, value: dt.date | None) -> None:
        """A date picked on the calendar (or its 今天 / 未定)."""
        self._show(value)
        self.line.setFocus()

    def _show(self, value: dt.date | None) -> None:
        self.line.setText(value.strftime(DISPLAY) if value else "")
        self._mark(None)
        if value != self._value:
            self._value = value
            self.dateChanged.emit(value)

    def _no_date_text(self) -> str:
        return self.tr("Not set")

    def shown_text(self) -> str:
        """What the field reads as: its date, or 未定 (the placeholder) when empty."""
        return self.line.text() or self.line.placeholderText()

    def _read(self) -> None:
        """Leaving the field: a date is shown the one way (2026-05-11); a bad one is marked."""
        try:
            value = self.value()
        except UserError as error:
            self._mark(error)
            return
        self._show(value)

    def _mark(self, error: UserError | None) -> None:
        self.line.setStyleSheet(BAD_STYLE if error else "")
        self.line.setToolTip(error.message() if error else self._usage())

    def is_valid(self) -> bool:
        try:
            self.value()
        except UserError:
            return False
        return True

    # The calendar ------------------------------------------------------------------------

    def opening_day(self) -> dt.date:
        """Where the calendar opens: the field's date, the hint's, or today."""
        try:
            value = self.value()
        except UserError:
            value = None
        return value or (self.hint() if self.hint else None) or dt.date.today()

    def open_calendar(self) -> CalendarPopup:
        if self.popup is None:
            self.popup = CalendarPopup(self)
        day = self.opening_day()
        calendar = self.popup.calendar
        calendar.setSelectedDate(to_qdate(day))
        calendar.setCurrentPage(day.year, day.month)
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        calendar.setFocus()
        return self.popup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Alt+Down or F4 opens the calendar from the keyboard, as on a QDateEdit.
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_F4 or (
                key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
            ):
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)
