"""The line above a sheet that says where it stands and offers the next step.

A judge submits their finished sheet, signing with their password; the chief judge
re-opens a sheet, locks the round or unlocks it, giving a reason. Every step is the
services' (``sheets``), run through the operations runner; this bar only asks for the
password or the reason (``sheet_bar.ask_text``, which every area shares).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ScoreSheet
from contest_desk.services.hub import Services
from contest_desk.ui import operations, round_lock
from contest_desk.ui.scoring import sheet_bar

_STATE_STYLES = {
    "draft": "color: #555;",
    "submitted": "color: #1b5e20; font-weight: bold;",
    "locked": "color: #b00020; font-weight: bold;",
}


class SheetBar(QWidget):
    changed = Signal()  # the sheet's state or the round's lock changed: reload

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.sheet: ScoreSheet | None = None
        actor = services.ctx.actor
        self.state_label = QLabel()
        self.submit_button = QPushButton(self.tr("Submit sheet…"))
        self.reopen_button = QPushButton(self.tr("Re-open sheet…"))
        self.lock_button = QPushButton(self.tr("Lock round"))
        self.unlock_button = QPushButton(self.tr("Unlock round…"))
        self.submit_button.clicked.connect(self.submit)
        self.reopen_button.clicked.connect(self.reopen)
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button.clicked.connect(self.unlock)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addStretch(1)
        layout.addWidget(self.submit_button)
        self._supervising = actor.may(Action.SUPERVISE)
        for button in (self.reopen_button, self.lock_button, self.unlock_button):
            layout.addWidget(button)
        self.show_sheet(None)

    def show_sheet(self, sheet: ScoreSheet | None) -> None:
        self.sheet = sheet
        if sheet is None:
            self.state_label.clear()
        elif sheet.locked:
            self._state("locked", self.tr("Round locked: the standings are final"))
        elif sheet.state == "submitted":
            self._state("submitted", self.tr("Submitted: read-only"))
        else:
            self._state("draft", self.tr("Draft: every value is saved as you type"))
        open_sheet = sheet is not None and not sheet.locked
        state = sheet.state if sheet is not None else ""
        self.submit_button.setVisible(open_sheet and state == "draft")
        self.reopen_button.setVisible(self._supervising and open_sheet and state == "submitted")
        self.lock_button.setVisible(self._supervising and open_sheet)
        self.unlock_button.setVisible(self._supervising and sheet is not None and sheet.locked)

    def _state(self, key: str, text: str) -> None:
        self.state_label.setStyleSheet(_STATE_STYLES[key])
        self.state_label.setText(text)

    def _run(self, work: Callable[[], None]) -> None:
        if operations.done(self, work):
            self.changed.emit()

    def submit(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        password = sheet_bar.ask_text(
            self,
            self.tr("Submit sheet"),
            self.tr("Your password, as your signature. The sheet is read-only afterwards."),
            password=True,
        )
        if password is not None:
            sheets = self.services.sheets
            self._run(
                lambda: sheets.submit(sheet.event_id, sheet.round_number, sheet.judge_id, password)
            )

    def _reason(self, title: str) -> str | None:
        return sheet_bar.ask_text(self, title, self.tr("Reason (kept on the record):"))

    def reopen(self) -> None:
        sheet = self.sheet
        reason = self._reason(self.tr("Re-open sheet")) if sheet else None
        if sheet is not None and reason is not None:
            sheets = self.services.sheets
            self._run(
                lambda: sheets.reopen(sheet.event_id, sheet.round_number, sheet.judge_id, reason)
            )

    def lock(self) -> None:
        sheet = self.sheet
        # Says what locking means first (ui/round_lock.py), as the chief judge's desk does.
        if sheet is not None and round_lock.confirm_lock(self, "", ""):
            sheets = self.services.sheets
            self._run(lambda: sheets.lock_round(sheet.event_id, sheet.round_number))

    def unlock(self) -> None:
        sheet = self.sheet
        reason = self._reason(self.tr("Unlock round")) if sheet else None
        if sheet is not None and reason is not None:
            sheets = self.services.sheets
            self._run(lambda: sheets.unlock_round(sheet.event_id, sheet.round_number, reason))
