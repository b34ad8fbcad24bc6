"""The value grid of one period: teams down, indicators across, keyed like a score sheet.

A typed value goes to the services at once (``save``, given by the area, says whether it
was stored). Changing a keyed value asks for the reason (``ask_reason``, given by the
area); a refusal is shown and the cell keeps what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.records.labor import ValueGrid
from contest_desk.errors import UserError

Index = QModelIndex | QPersistentModelIndex
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
EMPTY = QColor("#fff7d6")  # a cell still to key


class ValueGridModel(QAbstractTableModel):
    def __init__(
        self,
        save: Callable[[int, str, str, str], bool],
        ask_reason: Callable[[str], str | None],
        refused: Callable[[UserError], None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.grid: ValueGrid | None = None
        self.save, self.ask_reason, self.refused = save, ask_reason, refused

    def set_grid(self, grid: ValueGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def value(self, row: int, column: int) -> Decimal | None:
        assert self.grid is not None
        team = self.grid.teams[row]
        return self.grid.values.get(team.id, {}).get(self.grid.indicators[column].code)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.teams)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.indicators)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            i = self.grid.indicators[section]
            return f"{i.name}\n（{i.unit}）"
        return self.grid.teams[section].name

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.grid is not None and not self.grid.period.closed:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        value = self.value(index.row(), index.column())
        if role in (DISPLAY, EDIT):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and value is None:
            return EMPTY
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, text: Any, role: int = EDIT) -> bool:
        if role != EDIT or self.grid is None or not str(text).strip():
            return False
        team = self.grid.teams[index.row()]
        indicator = self.grid.indicators[index.column()]
        try:
            value = parse_decimal(str(text), indicator.name)  # not a number: said at once
        except UserError as error:
            self.refused(error)
            return False
        reason = ""
        old = self.value(index.row(), index.column())
        if old is not None and old != value:
            asked = self.ask_reason(f"{team.name} · {indicator.name}: {old} → {value}")
            if asked is None:
                return False
            reason = asked
        if not self.save(team.id, indicator.code, str(value), reason):
            return False  # refused, and said so by ``save``
        # The services stored it as read; keep the grid as the database has it.
        self.grid.values.setdefault(team.id, {})[indicator.code] = value
        self.dataChanged.emit(index, index)
        return True
