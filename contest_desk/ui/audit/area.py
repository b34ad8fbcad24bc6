"""The audit view: the trail filtered by event, judge, entry and time; checked; exported.

For administrators and chief judges (``Action.VIEW_AUDIT``). Filtering reads through
``audit.records``: Show reads the newest ``SHOWN`` rows that match (a plant's year holds
over a million) and says when there are more; the Excel file holds every row that matches.
While shown, each move of the database (here or on another desk) reads quietly, off the
window's thread, only the rows after those shown and puts them on top, the row chosen and
the scroll kept; hidden, once when shown. The chain check uses the services and reports.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import closing
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
    value_text,
)
from contest_desk.domain.records.audit import AuditRow
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.reports.audit_excel import write_audit_excel
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations, save_dialog
from contest_desk.ui.audit.reading import Filters, Read, export_pages, paged_rows, read_trail
from contest_desk.ui.date_field import DateField
from contest_desk.ui.elided_combo import ElidedComboBox
from contest_desk.ui.jobs import LatestJob
from contest_desk.ui.kept_place import kept_place
from contest_desk.ui.live import follow_moves
from contest_desk.ui.scoring.pickers import EventPicker
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView

Index = QModelIndex | QPersistentModelIndex
# The most rows Show reads and the area holds: the newest that match. Older ones are in
# the Excel file, or shown by narrower dates or filters.
SHOWN = 5_000

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
        # A long result (the note that older rows are not shown, a file's path) wraps
        # instead of widening the window past the screen.
        self.result.setWordWrap(True)
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
        # What the rows shown are: read with these filters, every matching row up to
        # ``_mark`` among them (or, ``_more``, older ones left out past SHOWN).
        self._filters_shown: Filters | None = None
        self._mark: int | None = None
        self._more = False
        self._head: int | None = None  # the audit head last told, shown or not
        state.database_moved.connect(self._told)  # before follow_moves: its slot reads it
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

    def _filters(self) -> Filters:
        """The filters as they are; UserError when a date cannot be read."""
        event = self.picker.current_event()
        since = until = None
        if self.time_check.isChecked():
            first, last = self.since.value(), self.until.value()
            assert first is not None and last is not None  # neither field may be empty
            since = dt.datetime.combine(first, dt.time.min)
            until = dt.datetime.combine(last, dt.time.max)
        whole_event = self.event_check.isChecked() and event is not None
        return Filters(
            entry_id=self.entry_box.currentData(),
            event_id=event.id if whole_event and event is not None else None,
            judge_id=self.judge_box.currentData(),
            since=since,
            until=until,
        )

    def refresh(self) -> None:
        """Show: the newest rows the filters ask for, a date that cannot be read said."""
        self.quiet.cancel()  # read before this one, perhaps with other filters
        self._again = None  # this read sees those moves
        self._showing = True
        try:
            found = self._read_shown()
        finally:
            self._showing = False
        if found is not None:
            self._take(found)
            self.view.resizeColumnsToContents()
        self._read_again()

    def _read_shown(self) -> Read | None:
        """Show's read, with a progress dialog; None when it could not be read."""
        try:
            filters = self._filters()
        except UserError as error:
            feedback.show_user_error(self, error)
            return None
        services, told, limit = self.services, self._head, SHOWN
        return operations.run(
            self,
            lambda: read_trail(services, filters, limit=limit, told=told),
            label=self.tr("Reading the audit trail…"),
        )

    def _told(self, seq: int) -> None:
        self._head = seq

    def _moved(self, seq: int) -> None:
        """The database moved (the area shown): the rows after those shown, with the
        filters as they are, off the window's thread and without a progress dialog; all
        (the newest SHOWN) again when the filters changed since, or the database went
        back (a restored backup) behind the rows shown."""
        if self.quiet.busy or self._showing:
            self._again = seq
            return
        try:
            filters = self._filters()
        except UserError:
            return  # a date that cannot be read: the next Show says so, not a move
        after = self._mark
        if filters != self._filters_shown or after is None or seq < after:
            after = None
        services, told, limit = self.services, self._head, SHOWN
        self.quiet.start(
            lambda: read_trail(services, filters, after=after, limit=limit, told=told),
            self._arrived,
            self._failed,
        )

    def _read_again(self) -> None:
        if self._again is not None and not self.quiet.busy and not self._showing:
            seq, self._again = self._again, None
            self._tell_moved(seq)  # hidden meanwhile: when shown again

    def _arrived(self, found: Read) -> None:
        if found.after is not None and not found.rows:
            self._mark = found.mark  # nothing new that matches: the table stays as it is
            return
        was_empty = not self.model.rows
        with kept_place(self.view, lambda row: self.model.rows[row].seq):
            self._take(found, quiet=True)
            if was_empty:  # else the widths the person may have set stay
                self.view.resizeColumnsToContents()

    def _take(self, found: Read, quiet: bool = False) -> None:
        """The rows read into the table: in place of those shown, or (rows after them)
        on top of them, the oldest left out past SHOWN. A quiet read says so only when
        it changes whether rows are left out (a chain check's result stays)."""
        if found.after is None or found.more:
            rows, names, more = found.rows, found.names, found.more
        else:
            rows = found.rows + self.model.rows
            names = {**self.model.names, **found.names}
            more = self._more or len(rows) > SHOWN
            del rows[SHOWN:]
        self.model.set_rows(rows, names)
        if not quiet or more != self._more:
            self._say_more(more)
        self._filters_shown, self._mark, self._more = found.filters, found.mark, more

    def _more_note(self) -> str:
        return self.tr(
            "Showing the newest {n} rows; older ones match too. "
            "Narrow the dates or the filters to see them."
        ).format(n=f"{SHOWN:,}")

    def _say_more(self, more: bool) -> None:
        """The result line says when older rows that match are not shown (and no longer
        once they all are); another result it shows stays."""
        if more:
            self.result.setStyleSheet("")
            self.result.setText(self._more_note())
        elif self.result.text() == self._more_note():
            self.result.clear()

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
        # Older rows match too: the file holds them all, read in the job with the
        # filters of the rows shown.
        services, filters = self.services, self._filters_shown if self._more else None

        def write(progress: operations.Progress) -> Path:
            try:
                if filters is None:
                    return write_audit_excel(path, rows, progress, names)
                # Read a page at a time as the file is written (a year: a million rows),
                # the reading closed when the writing stops (Cancel, a failure).
                total, pages = export_pages(services, filters)
                with closing(pages):
                    known: dict[str, str] = {}
                    found = paged_rows(pages, known)
                    return write_audit_excel(path, found, progress, known, total=total)
            except OSError as error:
                raise UserError("Cannot write {file}: {reason}", file=path, reason=error) from error

        # A long trail takes seconds to write (100,000 rows: about 15 s): off the window's
        # thread, with progress and Cancel, which leaves no file. Neither the rows nor the
        # workbook are held whole (written in write-only mode as they are read).
        written = operations.run(
            self, write, label=self.tr("Writing {file}…").format(file=path), cancellable=True
        )
        if written is None:
            return
        self.result.setText(self.tr("Written: {path}").format(path=written))
