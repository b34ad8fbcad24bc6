"""The left side of the area: the contests, and the events of the chosen contest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import CONTESTS
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.contests.labels import mode_names, status_names
from contest_desk.ui.contests.models import ID_ROLE, Column, RecordTableModel
from contest_desk.ui.live import follow_setup
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView


def list_view(model: RecordTableModel, stretch: int = 0, placeholder: str = "") -> QTableView:
    """A read-only table that selects whole rows, one at a time; ``placeholder`` says,
    while it is empty, what goes there and how to fill it.

    The ``stretch`` column takes the spare width; the others fit their contents, so
    short codes and names are never cut while a long unit path can be.
    """
    view = TableView(placeholder, stretch=stretch)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setHighlightSections(False)
    view.setAlternatingRowColors(True)
    return view


def select_id(view: QTableView, record_id: int | None) -> None:
    """Select the row of a record (or nothing) without the caller knowing rows."""
    model = view.model()
    assert isinstance(model, RecordTableModel)
    row = model.row_of(record_id) if record_id is not None else None
    if row is None:
        view.clearSelection()
    else:
        view.selectRow(row)


def selected_id(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(ID_ROLE) if rows else None


class Navigator(QWidget):
    """Choosing here sets the area's (and the app's) current contest and event."""

    new_contest_requested = Signal()
    copy_contest_requested = Signal()  # 以此为模板新建竞赛, from the chosen contest
    new_event_requested = Signal()

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        statuses, modes = status_names(), mode_names()
        self.contests = RecordTableModel(
            [
                Column(self.tr("Contest"), lambda c: c.name),
                Column(self.tr("Status"), lambda c: statuses[c.status]),
            ]
        )
        self.events = RecordTableModel(
            [
                Column(self.tr("Event"), lambda e: e.name),
                Column(self.tr("Mode"), lambda e: modes[e.mode]),
            ]
        )
        self.contest_view = list_view(
            self.contests,
            placeholder=self.tr("No contests yet. Press New contest to set one up."),
        )
        self.event_view = list_view(
            self.events, placeholder=self.tr("No events in this contest yet. Press New event.")
        )
        self.contest_view.selectionModel().selectionChanged.connect(self._contest_selected)
        self.event_view.selectionModel().selectionChanged.connect(self._event_selected)
        self.new_contest_button = QPushButton(self.tr("New contest"))
        self.new_contest_button.clicked.connect(self._new_contest)
        self.copy_contest_button = QPushButton(self.tr("New from this contest…"))
        self.copy_contest_button.setToolTip(
            self.tr(
                "A new contest with this one's events, rubrics, rounds, award rules, "
                "judges and panels; without its entries and scores"
            )
        )
        self.copy_contest_button.clicked.connect(self.copy_contest_requested.emit)
        self.new_event_button = QPushButton(self.tr("New event"))
        self.new_event_button.clicked.connect(self._new_event)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, view, buttons in (
            (
                self.tr("Contest list"),
                self.contest_view,
                (self.new_contest_button, self.copy_contest_button),
            ),
            (self.tr("Events of the contest"), self.event_view, (self.new_event_button,)),
        ):
            box = QGroupBox(title)
            self.events_box = box  # the last: hidden for a labor competition, which has none
            inner = QVBoxLayout(box)
            inner.addWidget(view, 1)
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            inner.addLayout(row)
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        state.contest_changed.connect(self._contest_changed)
        state.event_changed.connect(lambda event_id: select_id(self.event_view, event_id))
        follow_setup(self, state, self.reload, CONTESTS)
        self.reload()

    def reload(self) -> None:
        """Fetch both lists again, keeping the chosen contest and event selected."""
        contests = operations.run(self, lambda: self.services.contests.contests())
        self._quietly(self.contest_view, lambda: self.contests.set_records(contests or []))
        if contests and self.state.contest_id is None:
            # The newest contest, as the other areas' pickers choose: the window opens on
            # it even when this is the first area built (areas are built when first shown).
            self.state.choose_contest(contests[0].id)
            return  # choosing it ran _contest_changed: the contest is selected, events read
        self._quietly(
            self.contest_view, lambda: select_id(self.contest_view, self.state.contest_id)
        )
        self._reload_events()

    def _reload_events(self) -> None:
        contest_id = self.state.contest_id
        events = []
        if contest_id is not None:
            found = operations.run(self, lambda: self.services.contests.events(contest_id))
            events = found or []
        self._quietly(self.event_view, lambda: self.events.set_records(events))
        self._quietly(self.event_view, lambda: select_id(self.event_view, self.state.event_id))
        self.new_event_button.setEnabled(contest_id is not None)
        self.copy_contest_button.setEnabled(contest_id is not None)

    @staticmethod
    def _quietly(view: QTableView, work: Callable[[], Any]) -> None:
        # Reloading must not read as the person choosing something.
        selection = view.selectionModel()
        selection.blockSignals(True)
        try:
            work()
        finally:
            selection.blockSignals(False)
        view.viewport().update()

    def _contest_changed(self, contest_id: int | None) -> None:
        self._quietly(self.contest_view, lambda: select_id(self.contest_view, contest_id))
        self._reload_events()

    def _contest_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        contest_id = selected_id(self.contest_view)
        if contest_id is not None and contest_id != self.state.contest_id:
            self.state.choose_event(None)
            self.state.choose_contest(contest_id)

    def _event_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        event_id = selected_id(self.event_view)
        if event_id is not None:
            self.state.choose_event(event_id)

    def _new_contest(self) -> None:
        self.new_contest_requested.emit()

    def _new_event(self) -> None:
        self.new_event_requested.emit()
