"""以此为模板新建竞赛: the one small dialog that asks the new contest's name and dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from contest_desk.domain.records.contests import ContestInfo
from contest_desk.errors import UserError
from contest_desk.ui import feedback
from contest_desk.ui.date_field import DateField

YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")

# name, start, end → the new contest, or None when the services refused (already shown)
Create = Callable[[str, dt.date | None, dt.date | None], ContestInfo | None]


def next_name(name: str) -> str:
    """Last year's name with its year moved on (2026年… → 2027年…); else the name as it is."""
    return YEAR.sub(lambda found: str(int(found.group(1)) + 1), name, count=1)


def a_year_on(day: dt.date | None) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class CopyContestDialog(QDialog):
    """Name and dates (which may stay 未定) of a contest set up like ``source``.

    OK runs ``create`` (kept as ``make``: QWidget has a ``create`` of its own); the
    dialog closes only when the contest was made, so a refused name or date can be put
    right in place. ``made`` is the new contest.
    """

    def __init__(self, source: ContestInfo, create: Create, parent: QWidget | None = None):
        super().__init__(parent)
        self.source, self.make = source, create
        self.made: ContestInfo | None = None
        self.setWindowTitle(self.tr("New contest from this one"))
        what = QLabel(
            self.tr(
                "A new contest set up like {name}: its events, parts, rounds, rubrics, award "
                "rules, tie-breaks, judges with their panels and certificate templates. "
                "Entries, draws and scores are not copied."
            ).format(name=source.name)
        )
        what.setWordWrap(True)
        self.name_edit = QLineEdit(next_name(source.name))
        # Empty dates' calendars open at last year's dates a year on.
        self.start_edit = DateField(
            self, label=self.tr("Start date"), hint=lambda: a_year_on(source.start_date)
        )
        self.end_edit = DateField(
            self,
            label=self.tr("End date"),
            hint=lambda: self._start() or a_year_on(source.end_date),
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create the contest"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(what)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Start date:"), self.start_edit)
        form.addRow(self.tr("End date:"), self.end_edit)
        form.addRow(self.buttons)
        # The dialog opens with its name ready to type over (a hidden field takes no focus,
        # and a dialog with none gives it to its first button).
        QTimer.singleShot(0, self.name_edit, self.name_edit.setFocus)
        self.resize(520, self.sizeHint().height())

    def _start(self) -> dt.date | None:
        return self.start_edit.value() if self.start_edit.is_valid() else None

    def accept(self) -> None:
        try:
            start, end = self.start_edit.value(), self.end_edit.value()
        except UserError as error:
            feedback.show_user_error(self, error)
            return
        made = self.make(self.name_edit.text(), start, end)
        if made is not None:
            self.made = made
            super().accept()
