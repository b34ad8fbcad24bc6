"""The audit view: the trail filtered by event, judge, entry and time; checked; exported.

For administrators and chief judges (``Action.VIEW_AUDIT``). Filtering reads through
``audit.records``; the chain check and the Excel file use the services and reports. While
shown, each move of the database (here or on another desk) reads the rows again quietly,
off the window's thread, the row chosen and the scroll kept; hidden, once when shown.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.audit_chain import BREAK_REASONS
from contest_desk.domain.audit_words import (
    action_text,
    actor_text,
    local_time,
    target_text,
    time_heading,
    utc_of_local,
    value_text,
)
from contest_desk.domain.records.audit import AuditRow
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.reports.audit_excel import write_audit_excel
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations, save_dialog
from contest_desk.ui.date_field import DateField
from contest_desk.ui.elided_combo import ElidedComboBox
from contest_desk.ui.jobs import LatestJob
from contest_desk.ui.kept_place import kept_place
from contest_desk.ui.live import follow_moves
from contest_desk.ui.scoring.pickers import EventPicker
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView

Index = QModelIndex | QPersistentModelIndex
Found = tuple[list[AuditRow], dict[str, str]]  # the rows and what their subjects are called

log = logging.getLogger(__name__)


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


class AuditTableModel(QAbstractTableModel):
    """The rows said for people: actions and targets in words, users by name, local times;
    the stored codes (what the chain hashes) in the tooltips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []
        self.names: dict[str, str] = {}
        self.headers = [
            self.tr("Row"),
            time_heading(),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Subject"),
            self.tr("Old value"),
            self.tr("New value"),
            self.tr("Reason"),
        ]

    def set_rows(self, rows: list[AuditRow], names: dict[str, str] | None = None) -> None:
        """``names``: what the rows' targets and users are called now (audit.names)."""
        self.beginResetModel()
        self.rows = rows
        self.names = names or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3, 4):
            return (r.actor, r.action, r.target)[index.column() - 2]  # as stored
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            r.seq,
            local_time(r.at).strftime("%Y-%m-%d %H:%M:%S"),
            actor_text(r.actor, self.names),
            action_text(r.action),
            target_text(r.target, self.names),
            value_text(r.action, r.old),
            value_text(r.action, r.new),
            r.note,
        )
        return _shown(values[index.column()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    """Where to save the Excel file (.xlsx added when typed without); looked up at call
    time so tests can answer."""
    return save_dialog.ask_save_path(parent, _("Export"), "Excel (*.xlsx)", suggested)


class AuditArea(QWidget):
    # What the area calls; "contests" is for its event picker's lists.
    USES = ("audit", "roster", "contests")
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (("refresh", "refresh_button"), ("save", "export_button"))

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.state = state
        self.picker = EventPicker(services, state)
        self.event_check = QCheckBox(self.tr("Only this event"))
        self.judge_box = ElidedComboBox()
        self.entry_box = ElidedComboBox()
        today = dt.date.today()
        self.time_check = QCheckBox(self.tr("From"))
        self.since = DateField(
            label=self.tr("From"), may_be_empty=False, value=today - dt.timedelta(days=30)
        )
        self.until = DateField(label=self.tr("To"), may_be_empty=False, value=today)
        self.refresh_button = QPushButton(self.tr("Show"))
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.result = QLabel()
        self.model = AuditTableModel(self)
        self.view = TableView(
            self.tr("No actions match. Widen the dates or clear the filters, then press Show.")
        )
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        filters = QHBoxLayout()
        filters.addWidget(self.picker)
        filters.addWidget(self.event_check)
        filters.addWidget(QLabel(self.tr("Judge")))
        filters.addWidget(self.judge_box)
        filters.addWidget(QLabel(self.tr("Entry")))
        filters.addWidget(self.entry_box)
        filters.addStretch(1)
        # The dates on the second row: at a larger font one row has no room for them all.
        actions = QHBoxLayout()
        actions.addWidget(self.time_check)
        actions.addWidget(self.since)
        actions.addWidget(QLabel("—"))
        actions.addWidget(self.until)
        for button in (self.refresh_button, self.verify_button, self.export_button):
            actions.addWidget(button)
        actions.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)

        self.picker.changed.connect(self._event_shown)
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        # Following the database: one quiet read at a time; moves told meanwhile (or
        # during a Show) read once more after it.
        self.quiet = LatestJob(self)
        self.quiet.finished.connect(self._read_again)
        self._showing = False  # a Show's read is running
        self._again: int | None = None  # the newest move told while a read ran
        self._tell_moved = follow_moves(self, state, self._moved)
        self._event_shown()

    def _event_shown(self) -> None:
        event = self.picker.current_event()
        self.judge_box.clear()
        self.entry_box.clear()
        self.judge_box.addItem(self.tr("(any)"), None)
        self.entry_box.addItem(self.tr("(any)"), None)
        if event is not None:
            roster, contest_id, event_id = self.services.roster, event.contest_id, event.id
            found = operations.run(
                self, lambda: (roster.judges(contest_id), roster.entries(event_id))
            )
            judges, entries = found or ([], [])
            for judge in judges:
                self.judge_box.addItem(judge.name, judge.id)
            for entry in entries:
                self.entry_box.addItem(entry.label, entry.id)
        self.refresh()

    def rows(self) -> Found | None:
        """The rows the filters ask for, newest first, with the names of their targets and
        users (read off the window's thread); None when they could not be read."""
        try:
            read = self._reader()
        except UserError as error:
            feedback.show_user_error(self, error)
            return None
        return operations.run(self, read, label=self.tr("Reading the audit trail…"))

    def _reader(self) -> Callable[[], Found]:
        """The read the filters ask for, to run off the window's thread; UserError when a
        date cannot be read."""
        event = self.picker.current_event()
        entry_id = self.entry_box.currentData()
        whole_event = self.event_check.isChecked() and event is not None
        event_id = event.id if event is not None else None
        judge_id = self.judge_box.currentData()
        detail = {"judge": judge_id} if judge_id is not None else None
        since = until = None
        if self.time_check.isChecked():
            first, last = self.since.value(), self.until.value()
            assert first is not None and last is not None  # neither field may be empty
            since = dt.datetime.combine(first, dt.time.min)
            until = dt.datetime.combine(last, dt.time.max)
        roster, audit = self.services.roster, self.services.audit

        def read() -> Found:
            targets: tuple[str, ...] = ()
            if entry_id is not None:
                targets = (f"entry:{entry_id}",)
            elif whole_event and event_id is not None:
                entries = roster.entries(event_id)
                targets = (f"event:{event_id}", *(f"entry:{e.id}" for e in entries))
            # The dates are the desk's days; the rows keep UTC.
            first = None if since is None else utc_of_local(since)
            last = None if until is None else utc_of_local(until)
            rows = audit.records(targets, None, first, last, detail)
            return rows, audit.names(rows)

        return read

    def refresh(self) -> None:
        """Show: the rows the filters ask for, a date that cannot be read said."""
        self.quiet.cancel()  # read before this one, perhaps with other filters
        self._again = None  # this read sees those moves
        self._showing = True
        try:
            found = self.rows()
        finally:
            self._showing = False
        if found is not None:
            self.model.set_rows(*found)
            self.view.resizeColumnsToContents()
        self._read_again()

    def _moved(self, seq: int) -> None:
        """The database moved (the area shown): the rows again, with the filters as they
        are, off the window's thread and without a progress dialog."""
        if self.quiet.busy or self._showing:
            self._again = seq
            return
        try:
            read = self._reader()
        except UserError:
            return  # a date that cannot be read: the next Show says so, not a move
        self.quiet.start(read, self._arrived, self._failed)

    def _read_again(self) -> None:
        if self._again is not None and not self.quiet.busy and not self._showing:
            seq, self._again = self._again, None
            self._tell_moved(seq)  # hidden meanwhile: when shown again

    def _arrived(self, found: Found) -> None:
        was_empty = not self.model.rows
        with kept_place(self.view, lambda row: self.model.rows[row].seq):
            self.model.set_rows(*found)
            if was_empty:  # else the widths the person may have set stay
                self.view.resizeColumnsToContents()

    def _failed(self, error: Exception) -> None:
        # The server away a moment: the next move (or Show) reads again.
        log.info("could not read the audit trail again (%s)", error)

    def verify(self) -> None:
        audit = self.services.audit
        check = operations.run(
            self,
            lambda progress: audit.verify(progress=progress),
            label=self.tr("Verifying the audit trail…"),
            cancellable=True,
        )
        if check is None:
            self.result.setStyleSheet("")
            self.result.setText(self.tr("The check did not finish."))
            return
        if check.intact:
            self.result.setStyleSheet("color: #1b5e20;")
            self.result.setText(self.tr("The chain holds: {n} rows").format(n=check.rows))
        elif check.broken is None:
            self.result.setStyleSheet("color: #b00020; font-weight: bold;")
            lines = [
                self.tr("{what}: stored {stored}, the trail says {recorded}").format(
                    what=d.what, stored=d.stored, recorded=d.recorded
                )
                for d in check.differences[:5]
            ]
            self.result.setText(
                "\n".join([self.tr("Values changed behind the app's back:"), *lines])
            )
        else:
            self.result.setStyleSheet("color: #b00020; font-weight: bold;")
            self.result.setText(
                self.tr("Broken at row {seq}: {reason}").format(
                    seq=check.broken.seq, reason=_(BREAK_REASONS[check.broken.reason])
                )
            )

    def export(self) -> None:
        path = ask_save_path(self, "audit.xlsx")
        if path is None:
            return
        rows, names = self.model.rows, self.model.names

        def write(progress: operations.Progress) -> Path:
            try:
                return write_audit_excel(path, rows, progress, names)
            except OSError as error:
                raise UserError("Cannot write {file}: {reason}", file=path, reason=error) from error

        # A long trail takes seconds to write (20,000 rows: about 5 s): off the window's
        # thread, with progress and Cancel, which leaves no file.
        written = operations.run(
            self, write, label=self.tr("Writing {file}…").format(file=path), cancellable=True
        )
        if written is None:
            return
        self.result.setText(self.tr("Written: {path}").format(path=written))
