"""The Standings area: an event's ranks, totals and awards, recomputed as scores arrive.

Standings are computed in a worker; a burst of saved scores (a judge typing
fast) is gathered by a short timer into one recomputation.
"""

from __future__ import annotations

import datetime as dt

from matplotlib.figure import Figure
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.records.contests import EventInfo, StandingsTable
from contest_desk.errors import UserError
from contest_desk.reports.charts import score_distribution_chart, standings_chart
from contest_desk.services.hub import Services
from contest_desk.ui.chart_view import ChartView
from contest_desk.ui.jobs import LatestJob
from contest_desk.ui.kept_place import kept_place
from contest_desk.ui.round_notice import RoundNotice
from contest_desk.ui.scoring.look import fit_columns
from contest_desk.ui.scoring.pickers import EventPicker
from contest_desk.ui.standings.model import StandingsTableModel
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView
from contest_desk.ui.view_or_message import ViewOrMessage

COALESCE_MS = 300  # how long to wait for more saved scores before recomputing


class StandingsArea(QWidget):
    """Standings of the chosen event, for all rounds or one round."""

    # contests: the event picker; certificates, audit: the result notice (成绩公示).
    USES = ("audit", "certificates", "contests", "standings")
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (("print", "notice_button"),)

    table_shown = Signal()  # a table (or a message instead of one) is now shown

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.state = state
        self._stale = True
        self._again = False  # scores changed while a computation was running
        self._job = LatestJob(self)
        self._job.finished.connect(self._after_job)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.refresh)

        self.picker = EventPicker(services, state)
        self.round_box = QComboBox()
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #555;")
        choices = QHBoxLayout()
        choices.addWidget(self.picker)
        choices.addSpacing(8)
        choices.addWidget(QLabel(self.tr("Round")))
        choices.addWidget(self.round_box)
        choices.addStretch(1)
        choices.addWidget(self.updated)
        # The notice of the round shown, as the Certificates area prints it.
        self.round_notice = RoundNotice(self, services, self._choice)
        self.notice_button = QPushButton(self.tr("Result notice…"))
        self.notice_button.setMenu(self.round_notice.menu())
        choices.addWidget(self.notice_button)

        self.model = StandingsTableModel(self)
        self.view = TableView(
            self.tr(
                "No standings yet: they appear here as the event's marks are entered in Scoring."
            )
        )
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        rows = self.view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(self.fontMetrics().height() + 10, 26))
        self.stack = ViewOrMessage(self.view)
        self.message = self.stack.message

        self.bars = ChartView()
        self.spread = ChartView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.stack, self.tr("Table"))
        self.tabs.addTab(self.bars, self.tr("Chart"))
        self.tabs.addTab(self.spread, self.tr("Score distribution"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(choices)
        layout.addWidget(self.tabs, 1)

        self._filling = False
        self.picker.changed.connect(self._event_shown)
        self.round_box.currentIndexChanged.connect(self._round_changed)
        state.scores_changed.connect(self._scores_changed)
        self._event_shown()

    def event_info(self) -> EventInfo | None:
        return self.picker.current_event()

    def _choice(self) -> tuple[int | None, int | None]:
        event = self.event_info()
        return (event.id if event else None), self.round_box.currentData()

    def _event_shown(self) -> None:
        event = self.event_info()
        self._filling = True
        try:
            wanted = self.round_box.currentData()
            self.round_box.clear()
            if event is not None:
                self.round_box.addItem(self.tr("All rounds"), None)
                for rnd in event.rounds:
                    self.round_box.addItem(rnd.name, rnd.number)
            found = self.round_box.findData(wanted) if wanted is not None else 0
            self.round_box.setCurrentIndex(max(found, 0) if self.round_box.count() else -1)
        finally:
            self._filling = False
        self._request(at_once=True)

    def _round_changed(self, _index: int) -> None:
        if not self._filling:
            self._request(at_once=True)

    def _scores_changed(self, event_id: int) -> None:
        if event_id == self.state.event_id:
            self._request(at_once=False)

    def _request(self, at_once: bool) -> None:
        """Recompute now (a new choice) or after a short pause (scores still coming in)."""
        self._stale = True
        if not self.isVisible():
            return  # computed when the area is shown
        if at_once:
            self._timer.stop()
            self.refresh()
        else:
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the standings in a worker; one computation at a time, the newest wins."""
        self._stale = False
        event = self.event_info()
        if event is None:
            self._job.cancel()
            self._show_message(self.tr("Choose a contest and an event to see its standings."))
            return
        if self._job.busy:
            self._again = True
            return
        round_number = self.round_box.currentData()
        standings = self.services.standings
        self.updated.setText(self.tr("Computing…"))

        def work() -> tuple[StandingsTable, Figure, Figure]:
            # The charts are built in the worker too: a big event's figures take a moment.
            table = standings.standings(event.id, round_number)
            return table, standings_chart(table), score_distribution_chart(table)

        self._job.start(work, self._arrived, self._failed)

    def _after_job(self) -> None:
        if self._again and not self._job.busy:
            self._again = False
            self.refresh()

    def _arrived(self, result: tuple[StandingsTable, Figure, Figure]) -> None:
        table, bars, spread = result
        chosen = (self.state.event_id, self.round_box.currentData())
        if (table.event.id, table.round_number) != chosen:
            self._again = True  # the choice moved on while this was computed
            return
        with kept_place(self.view, self._entry_of_row):  # a reload keeps the row chosen
            self.model.set_table(table)
            # Before the draw there are no codes: an empty column would only take room.
            codes = any(row.entry.code for row in table.rows)
            self.view.setColumnHidden(self.model.column_of("code"), not codes)
            fit_columns(self.view)
        self.bars.set_figure(bars)
        self.spread.set_figure(spread)
        self.stack.show_view()
        if not table.rows:
            self._show_message(self.tr("Nobody is entered in this event yet."))
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        self.updated.setText(
            (self.tr("Final (locked)") + " · " if table.final else self.tr("Provisional") + " · ")
            + self.tr("Updated {time}").format(time=stamp)
        )
        self.table_shown.emit()

    def _entry_of_row(self, row: int) -> int | None:
        table = self.model.table
        return table.rows[row].entry.id if table is not None else None

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, UserError):
            raise error
        if self._again:
            return  # the choice or the scores moved on; the next answer will say
        self._show_message(error.message())

    def _show_message(self, text: str) -> None:
        self.model.set_table(None)
        self.stack.show_message(text)
        self.updated.clear()
        self.table_shown.emit()
