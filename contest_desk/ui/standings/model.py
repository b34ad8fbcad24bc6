"""The standings table's model: one StandingsTable, in rank order, served in batches."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.records.contests import StandingRow, StandingsTable
from contest_desk.ui.scoring.batched import BatchedTableModel, Parent
from contest_desk.ui.scoring.look import award_colour

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_INCOMPLETE = QColor("#b00020")
_COMPLETE = QColor("#2e7d32")

# A column is (kind, key): kind picks how a row is read, key says which part/round/tie-break.
Column = tuple[str, Any]


def _number(value: Decimal | None) -> str:
    return "—" if value is None else format(value, "f")


class StandingsTableModel(BatchedTableModel):
    """Rank, code, name, unit, part totals, round totals, tie-breaks, total, award, marks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: StandingsTable | None = None
        self._rows: tuple[StandingRow, ...] = ()
        self._columns: list[Column] = []
        self._award_levels: dict[str, int] = {}

    def set_table(self, table: StandingsTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = table.rows if table else ()
        self._columns = self._layout(table) if table else []
        rule = table.event.settings.award_rule if table else None
        self._award_levels = {lv.name: i for i, lv in enumerate(rule.levels)} if rule else {}
        self._set_total(len(self._rows))
        self.endResetModel()

    @staticmethod
    def _layout(table: StandingsTable) -> list[Column]:
        event = table.event
        columns: list[Column] = [("rank", None), ("code", None), ("name", None), ("unit", None)]
        columns += [("part", p.name) for p in event.parts]
        if table.round_number is None and len(event.rounds) > 1:
            columns += [("round", r) for r in event.rounds]
        columns += [("tie", (i, tb)) for i, tb in enumerate(event.settings.tie_breaks)]
        columns += [("total", None), ("award", None), ("marks", None)]
        return columns

    def column_kinds(self) -> list[str]:
        return [kind for kind, _ in self._columns]

    def column_of(self, kind: str) -> int:
        return self.column_kinds().index(kind)

    def columnCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _tie_label(self, tb: TieBreak) -> str:
        if tb.kind is TieBreakKind.TIME:
            return self.tr("Time (s)")
        return self.tr("Tie-break: {key}").format(key=tb.key or tb.describe())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._loaded:
                return str(section + 1)
            return None
        if not 0 <= section < len(self._columns) or role != Qt.ItemDataRole.DisplayRole:
            return None
        kind, key = self._columns[section]
        if kind == "part":
            return str(key)
        if kind == "round":
            return key.name
        if kind == "tie":
            return self._tie_label(key[1])
        return {
            "rank": self.tr("Rank"),
            "code": self.tr("Code"),
            "name": self.tr("Name"),
            "unit": self.tr("Unit"),
            "total": self.tr("Total"),
            "award": self.tr("Award"),
            "marks": self.tr("Marks"),
        }[kind]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < self._loaded and 0 <= index.column() < len(self._columns)
        ):
            return None
        row = self._rows[index.row()]
        kind, key = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, kind, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind in ("code", "name", "unit", "marks"):
                return _LEFT
            return _CENTRE if kind in ("rank", "award") else _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and kind == "award" and row.award:
            return award_colour(self._award_levels.get(row.award, len(self._award_levels)))
        if role == Qt.ItemDataRole.ForegroundRole and kind == "marks":
            return _COMPLETE if row.complete else _INCOMPLETE
        if role == Qt.ItemDataRole.FontRole and (
            kind in ("rank", "total")
            or (kind == "award" and row.award)
            or (kind == "marks" and not row.complete)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and kind == "marks" and not row.complete:
            return self.tr("Marks are missing: no award until they are all in")
        return None

    def _text(self, row: StandingRow, kind: str, key: Any) -> str:
        if kind == "rank":
            return str(row.rank)
        if kind == "code":
            return row.entry.code or ""
        if kind == "name":
            return row.entry.label
        if kind == "unit":
            return row.entry.unit
        if kind == "part":
            return _number(row.part_totals.get(key))
        if kind == "round":
            return _number(row.round_totals.get(key.number))
        if kind == "tie":
            return _number(row.tie_values[key[0]])
        if kind == "total":
            return _number(row.total)
        if kind == "award":
            return row.award or ""
        if row.complete:
            return self.tr("complete")
        return self.tr("incomplete ({n} missing)").format(n=row.missing)
