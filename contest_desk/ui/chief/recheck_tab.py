"""Re-check (复核) on the chief judge's desk: draw the sample, key the paper values again,
and read the error rate as it builds up. Every service call goes through the operations
runner, off the window's thread."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.records.judging import RecheckInfo
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.tables import TableView

Index = QModelIndex | QPersistentModelIndex
Choice = Callable[[], tuple[int | None, int | None]]  # (event id, round number)


class RecheckModel(QAbstractTableModel):
    """The sampled cells; the last column takes the value keyed again from the paper."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.info: RecheckInfo | None = None
        self.labels: dict[int, str] = {}  # entry id → code or name
        self.judges: dict[int, str] = {}
        self.keyed: dict[int, str] = {}  # row → value as typed
        self.headers = [
            self.tr("Entry"),
            self.tr("Criterion"),
            self.tr("Judge"),
            self.tr("Keyed again"),
        ]

    def set_info(
        self, info: RecheckInfo | None, labels: dict[int, str], judges: dict[int, str]
    ) -> None:
        self.beginResetModel()
        self.info, self.labels, self.judges, self.keyed = info, labels, judges, {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.info is None else len(self.info.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 3 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.info is None:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        entry, code, judge = self.info.cells[index.row()]
        values = (self.labels.get(entry, str(entry)), code, self.judges.get(judge, str(judge)))
        return values[index.column()] if index.column() < 3 else self.keyed.get(index.row(), "")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.info is None or index.column() != 3 or not str(value).strip():
            return False
        cell, recheck_id, rechecks = (
            self.info.cells[index.row()],
            self.info.id,
            self.services.rechecks,
        )
        if not operations.done(None, lambda: rechecks.key(recheck_id, cell, str(value))):
            return False  # the refusal was shown
        self.keyed[index.row()] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class RecheckTab(QWidget):
    def __init__(self, services: Services, choice: Choice, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.choice = services, choice
        self.top_spin = QSpinBox()
        self.top_spin.setRange(0, 1000)
        self.top_spin.setValue(10)
        self.share_spin = QSpinBox()
        self.share_spin.setRange(0, 100)
        self.share_spin.setValue(15)
        self.share_spin.setSuffix(" %")
        self.draw_button = QPushButton(self.tr("Draw the re-check sample"))
        self.result = QLabel()
        self.model = RecheckModel(services, self)
        self.view = TableView(
            self.tr(
                "No re-check sample drawn yet. Choose how many entries to check and press "
                "Draw the re-check sample, then key the paper values again in the last column."
            )
        )
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Top entries in full")))
        top.addWidget(self.top_spin)
        top.addWidget(QLabel(self.tr("and of the rest")))
        top.addWidget(self.share_spin)
        top.addWidget(self.draw_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(self.view, 1)
        self.draw_button.clicked.connect(self.draw)
        self.model.dataChanged.connect(lambda *_a: self.show_result())

    def draw(self) -> None:
        event_id, number = self.choice()
        if event_id is None or number is None:
            return
        share = Decimal(self.share_spin.value()) / 100
        top, services = self.top_spin.value(), self.services

        def work() -> tuple[RecheckInfo, dict[int, str], dict[int, str]]:
            info = services.rechecks.draw_sample(event_id, number, top=top, share=share)
            labels = {e.id: e.code or e.label for e in services.roster.entries(event_id)}
            event = services.contests.event(event_id)
            judges = {j.id: j.name for j in services.roster.judges(event.contest_id)}
            return info, labels, judges

        drawn = operations.run(self, work)
        if drawn is None:
            return  # refused, and said why
        self.model.set_info(*drawn)
        self.show_result()

    def show_result(self) -> None:
        info = self.model.info
        if info is None:
            return
        rechecks, recheck_id = self.services.rechecks, info.id
        result = operations.run(self, lambda: rechecks.result(recheck_id))
        if result is None:
            return
        text = self.tr("{keyed} of {cells} cells keyed again; {errors} differ: {rate} %").format(
            keyed=result.compared,
            cells=len(info.cells),
            errors=len(result.mismatches),
            rate=(result.error_rate * 100).quantize(Decimal("0.1")),
        )
        if result.full_recheck_due:
            text += self.tr(" — above the limit: a full re-check is due")
        self.result.setText(text)
