"""Keying paper score sheets twice (双人录入): one pass at a time, running totals per entry
to check against the paper, mismatches between the passes in red, confirmation by a third.

Every read and write goes through the operations runner, off the window's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.plain_names import actor_name, judge_labels, undrawn_place
from contest_desk.domain.records.contests import CriterionColumn, EntryInfo, JudgeInfo
from contest_desk.domain.records.judging import PassComparison
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.scoring.pickers import EventPicker
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView

Index = QModelIndex | QPersistentModelIndex
MISMATCH = QColor("#ffcdd2")
FIRST, SECOND = 1, 2


class PassModel(QAbstractTableModel):
    """Entries down, judgement criteria across, the pass's total last."""

    keyed = Signal()  # a value was stored: totals and mismatches are to be read again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[EntryInfo] = []
        self.columns: list[CriterionColumn] = []
        self.compared: PassComparison | None = None
        self.which = FIRST
        # (entry id, code, text) → Decimal; run off the window's thread
        self.write: Callable[[int, str, str], Decimal] | None = None

    def show(
        self,
        entries: list[EntryInfo],
        columns: list[CriterionColumn],
        compared: PassComparison | None,
        which: int,
    ) -> None:
        self.beginResetModel()
        self.entries, self.columns, self.compared, self.which = entries, columns, compared, which
        self.endResetModel()

    def _values(self) -> dict[tuple[int, str], Decimal]:
        if self.compared is None:
            return {}
        return self.compared.first if self.which == FIRST else self.compared.second

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() < len(self.columns) else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if index.column() == len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole and self.compared is not None:
                totals = (
                    self.compared.first_totals
                    if self.which == FIRST
                    else self.compared.second_totals
                )
                return str(totals.get(entry.id, ""))
            return None
        key = (entry.id, self.columns[index.column()].code)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self._values().get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and self.compared is not None:
            return MISMATCH if key in self.compared.mismatches else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        write = self.write
        if write is None or not str(value).strip() or index.column() >= len(self.columns):
            return False
        entry_id, code = self.entries[index.row()].id, self.columns[index.column()].code
        if not operations.done(None, lambda: write(entry_id, code, str(value))):
            return False  # a refusal was shown, as any is
        self.keyed.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            entry = self.entries[section]
            place = undrawn_place(entry.code) if entry.code else None
            if place is not None:  # "#3" said what it is: the third on the entry list
                return self.tr("List no. {n}").format(n=place)
            return entry.code or entry.label
        if section == len(self.columns):
            return self.tr("Total")
        column = self.columns[section]
        return f"{column.code} {column.name} ({column.criterion.max_points})"


class PaperArea(QWidget):
    # contests: the event picker; roster: the panel; the two passes; the paper's sheets.
    USES = ("contests", "double_entry", "offline_sheets", "roster", "users")  # users: who keyed

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.picker = EventPicker(services, state)
        self.round_box = QComboBox()
        self.judge_box = QComboBox()
        self.pass_box = QComboBox()
        self.pass_box.addItem(self.tr("First keying"), FIRST)
        self.pass_box.addItem(self.tr("Second keying (blind)"), SECOND)
        self.confirm_button = QPushButton(self.tr("Confirm the sheet"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = PassModel(self)
        # Read again after the edit has finished (a reset inside setData would close the
        # cell); values keyed in a row are read once.
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(0)
        self._reread.timeout.connect(self.refresh)
        self.model.keyed.connect(self._reread.start)
        self.view = TableView(
            self.tr(
                "Choose the event, round, judge and pass above: the sheet's cells appear here to "
                "key in from the paper."
            )
        )
        self.view.setModel(self.model)
        top = QHBoxLayout()
        top.addWidget(self.picker)
        for label, box in (
            (self.tr("Round"), self.round_box),
            (self.tr("Judge"), self.judge_box),
            (self.tr("Pass"), self.pass_box),
        ):
            top.addWidget(QLabel(label))
            top.addWidget(box)
        top.addStretch(1)
        top.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.picker.changed.connect(self._event_shown)
        for box in (self.round_box, self.judge_box, self.pass_box):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.confirm_button.clicked.connect(self.confirm)
        self._event_shown()

    def _event_shown(self) -> None:
        event = self.picker.current_event()
        for box in (self.round_box, self.judge_box):
            box.blockSignals(True)
            box.clear()
        if event is not None:
            for rnd in event.rounds:
                self.round_box.addItem(rnd.name, rnd.number)
            panel = self._panel(event.id)
            labels = judge_labels(panel)  # names (and units), not account names
            for judge in panel:
                self.judge_box.addItem(labels[judge.id], judge.id)
        for box in (self.round_box, self.judge_box):
            box.blockSignals(False)
        self.refresh()

    def _panel(self, event_id: int) -> list[JudgeInfo]:
        roster = self.services.roster
        return operations.run(self, lambda: roster.panel(event_id)) or []

    def _choice(self) -> tuple[int, int, int] | None:
        event = self.picker.current_event()
        number, judge = self.round_box.currentData(), self.judge_box.currentData()
        if event is None or number is None or judge is None:
            return None
        return event.id, number, judge

    def refresh(self) -> None:
        choice = self._choice()
        if choice is None:
            self.model.show([], [], None, FIRST)
            return
        event_id, number, judge = choice
        double, offline = self.services.double_entry, self.services.offline_sheets
        which = self.pass_box.currentData()
        key = double.key_first if which == FIRST else double.key_second

        def write(entry_id: int, code: str, text: str) -> Decimal:
            return key(event_id, number, judge, entry_id, code, text)

        users = self.services.users

        def read() -> tuple[Any, PassComparison, dict[str, str]]:
            # The paper's view of the sheet: entries by code, as the judge marked them; the
            # names of who keyed and confirmed it.
            compared = double.compare(event_id, number, judge)
            names = users.names({compared.keyed_by or "", compared.confirmed_by or ""})
            return offline.paper(event_id, number), compared, names

        answer = operations.run(self, read)
        if answer is None:
            self.model.show([], [], None, which)
            return
        paper, compared, names = answer
        sheet = next(sheet for info, sheet in paper.sheets if info.id == judge)
        columns = [c for c in sheet.columns if not c.criterion.objective]
        self.model.write = write
        self.model.show(list(sheet.entries), columns, compared, which)
        text = self.tr("First keyed by {first}; {mismatches} differ, {missing} in one pass only")
        text = text.format(
            first=actor_name(compared.keyed_by or "", names),
            mismatches=len(compared.mismatches),
            missing=len(compared.missing),
        )
        if compared.confirmed_by:
            confirmed = actor_name(compared.confirmed_by, names)
            text += self.tr("; confirmed by {user}").format(user=confirmed)
        undrawn = sum(undrawn_place(e.code or "") is not None for e in sheet.entries)
        if undrawn:
            note = self.tr(
                "{count} entry(ies) have no drawn code yet: each is shown by its place in the "
                "entry list, and the round's paper sheets print once every entry has its code."
            )
            text = note.format(count=undrawn) + "\n" + text
        self.status.setText(text)

    def confirm(self) -> None:
        choice = self._choice()
        if choice is None:
            return
        double = self.services.double_entry
        if operations.done(self, lambda: double.confirm(*choice)):
            # The agreed values are now the judge's submitted sheet: standings change.
            self.state.scores_changed.emit(choice[0])
        self.refresh()
