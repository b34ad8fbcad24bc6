"""The chosen contest: name, kind, dates, organizer, and its status moved one step at a time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.contest import ContestKind, ContestStatus
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ContestInfo
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations, settings_dialog
from contest_desk.ui.contests.labels import kind_names, status_names
from contest_desk.ui.date_field import DateField
from contest_desk.ui.stale_form import StaleGuard
from contest_desk.ui.state import AppState

STATUSES = list(ContestStatus)


class ContestPanel(QWidget):
    """Creates a contest (after "New contest") or edits the chosen one, and moves its status."""

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.contest: ContestInfo | None = None
        self.statuses = status_names()

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. 2026 Oil Production Skill Contest"))
        self.kind_box = QComboBox()
        for kind, text in kind_names().items():
            self.kind_box.addItem(text, kind.value)
        # An empty date's calendar opens at the other date of the contest, else today.
        self.start_edit = DateField(self, label=self.tr("Start date"), hint=self._end_date)
        self.end_edit = DateField(self, label=self.tr("End date"), hint=self._start_date)
        self.organizer_edit = QLineEdit()
        self.save_button = QPushButton(self.tr("Save contest"))
        self.save_button.clicked.connect(self.save)
        # A save refused because another desk saved the contest first (issue 16).
        self.stale = StaleGuard(self, self._show_stored, self._show_typed)

        details = QGroupBox(self.tr("Basic information"))
        form = QFormLayout(details)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Kind:"), self.kind_box)
        form.addRow(self.tr("Start date:"), self.start_edit)
        form.addRow(self.tr("End date:"), self.end_edit)
        form.addRow(self.tr("Organizer:"), self.organizer_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stale.button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        self.status_label = QLabel()
        self.status_label.setStyleSheet("font-weight: bold;")
        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.move_status(-1))
        self.forward_button = QPushButton()
        self.forward_button.clicked.connect(lambda: self.move_status(1))
        status = QGroupBox(self.tr("Status"))
        row = QHBoxLayout(status)
        row.addWidget(QLabel(self.tr("Current status:")))
        row.addWidget(self.status_label)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.forward_button)
        hint = QLabel(
            self.tr(
                "A contest moves draft → open for entries → running → finished → archived, "
                "one step at a time; a step back corrects a mistake."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.labor_note = QLabel(
            self.tr(
                "A labor competition's indicators, periods, teams and awards are set up in "
                "the Labor competitions area."
            )
        )
        self.labor_note.setWordWrap(True)
        self.labor_note.hide()
        # Who may not change contests sees them read-only, without buttons that would refuse.
        self.may_edit = services.ctx.actor.may(Action.EDIT_SETUP)
        self.save_button.setVisible(self.may_edit)
        for line in (self.name_edit, self.organizer_edit):
            line.setReadOnly(not self.may_edit)
        for field in (self.start_edit, self.end_edit):
            field.setEnabled(self.may_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.labor_note)
        layout.addWidget(details)
        layout.addWidget(status)
        layout.addWidget(hint)
        layout.addStretch(1)

        state.contest_changed.connect(lambda _id: self.load_chosen())
        self.load_chosen()

    def _start_date(self) -> dt.date | None:
        return self.start_edit.value() if self.start_edit.is_valid() else None

    def _end_date(self) -> dt.date | None:
        return self.end_edit.value() if self.end_edit.is_valid() else None

    def load_chosen(self) -> None:
        contest = None
        contest_id = self.state.contest_id
        if contest_id is not None:
            contest = operations.run(self, lambda: self.services.contests.contest(contest_id))
        if contest is None:
            self.start_new()
        else:
            self.load(contest)

    def start_new(self) -> None:
        self.contest = None
        self.labor_note.hide()
        self.title.setText(self.tr("New contest") if self.may_edit else "")
        self.name_edit.clear()
        self.kind_box.setEnabled(True)
        self.kind_box.setCurrentIndex(0)
        self.start_edit.setDate(None)
        self.end_edit.setDate(None)
        # The office's own name (设置 → 默认主办单位), the organizer of most of its contests.
        self.organizer_edit.setText(
            settings_dialog.default_organization(settings_dialog.stored_settings())
        )
        self._show_status()

    def load(self, contest: ContestInfo) -> None:
        self.contest = contest
        self.title.setText(self.tr("Contest: {name}").format(name=contest.name))
        self.name_edit.setText(contest.name)
        self.kind_box.setCurrentIndex(self.kind_box.findData(contest.kind.value))
        self.kind_box.setEnabled(False)  # what a contest is for does not change once set up
        self.labor_note.setVisible(contest.kind is ContestKind.LABOR)
        self.start_edit.setDate(contest.start_date)
        self.end_edit.setDate(contest.end_date)
        self.organizer_edit.setText(contest.organizer)
        self._show_status()

    def _show_status(self) -> None:
        contest = self.contest
        if contest is None or not self.may_edit:
            self.status_label.setText(
                self.statuses[contest.status] if contest else self.tr("(not saved yet)")
            )
            self.back_button.hide()
            self.forward_button.hide()
            return
        self.status_label.setText(self.statuses[contest.status])
        position = STATUSES.index(contest.status)
        for button, delta, text in (
            (self.back_button, -1, self.tr("← Back to {status}")),
            (self.forward_button, 1, self.tr("Move to {status} →")),
        ):
            target = position + delta
            button.setVisible(0 <= target < len(STATUSES))
            if 0 <= target < len(STATUSES):
                button.setText(text.format(status=self.statuses[STATUSES[target]]))

    def save(self) -> ContestInfo | None:
        name = self.name_edit.text()
        try:
            start, end = self.start_edit.value(), self.end_edit.value()
        except UserError as error:
            feedback.show_user_error(self, error)
            return None
        organizer = self.organizer_edit.text().strip()
        contests = self.services.contests
        if self.contest is None:
            kind = ContestKind(self.kind_box.currentData())
            saved = operations.run(
                self, lambda: contests.create_contest(name, kind, start, end, organizer)
            )
        else:
            contest_id, read = self.contest.id, self.contest
            saved = self.stale.save(
                lambda: contests.update_contest(contest_id, name, start, end, organizer, read),
                (name, start, end, organizer),
            )
        if saved is None:
            return None
        self.load(saved)
        self.state.choose_contest(saved.id)
        self.state.setup_changed.emit()
        return saved

    def _show_stored(self, current: ContestInfo) -> None:
        """The contest as another desk saved it (a save refused as stale); the lists that
        name it are told too."""
        self.load(current)
        self.state.setup_changed.emit()

    def _show_typed(self, typed: tuple[str, dt.date | None, dt.date | None, str]) -> None:
        """The values of a save refused as stale back in the form (重新应用我的修改)."""
        name, start, end, organizer = typed
        self.name_edit.setText(name)
        self.start_edit.setDate(start)
        self.end_edit.setDate(end)
        self.organizer_edit.setText(organizer)

    def move_status(self, delta: int) -> ContestInfo | None:
        """One step forward or back; a move the rules refuse is shown with their reason."""
        if self.contest is None:
            return None
        position = STATUSES.index(self.contest.status) + delta
        if not 0 <= position < len(STATUSES):
            return None
        contest_id, target = self.contest.id, STATUSES[position]
        saved = operations.run(self, lambda: self.services.contests.set_status(contest_id, target))
        if saved is None:
            return None
        self.load(saved)
        self.state.setup_changed.emit()
        return saved
