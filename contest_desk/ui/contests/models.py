"""Qt item models of the Contests area: read-only record tables and small editable grids."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QWidget,
)

from contest_desk.ui.tables import TableView, read_only

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    """One column of a record table: its header and how to read a record's value."""

    header: str
    value: Callable[[Any], Any]


def record_table(model: QAbstractTableModel, placeholder: str = "") -> TableView:
    """A read-only table of whole rows, one chosen at a time, its columns sized to their
    text; ``placeholder`` says, while it is empty, what goes there and how to fill it."""
    view = TableView(placeholder)
    view.setModel(model)
    read_only(view)
    return view


class RecordTableModel(QAbstractTableModel):
    """Records from a service as rows, shown in batches so that a long roster opens at once.

    Each record needs an ``id``; ``ID_ROLE`` gives it for any cell, so views can
    find the record behind a selection without knowing the column layout.
    """

    def __init__(self, columns: Sequence[Column], batch: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.batch = batch
        self._records: list[Any] = []
        self._shown = 0

    # Loading -------------------------------------------------------------------

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._shown = min(self.batch, len(self._records))
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        """The row of a record by id, fetching further batches until it is shown."""
        for row, rec in enumerate(self._records):
            if rec.id == record_id:
                while self._shown <= row:
                    self.fetchMore(QModelIndex())
                return row
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._records)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        count = min(self.batch, len(self._records) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + count - 1)
        self._shown += count
        self.endInsertRows()

    # Qt's model interface ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        rec = self._records[index.row()]
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()].value(rec)
            return "" if value is None else str(value)
        if role == ID_ROLE:
            return rec.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class EditableRowsModel(QAbstractTableModel):
    """A small grid a person edits in place (parts, rounds, tie-breaks, award levels).

    Cells hold plain text; a column with ``choices`` holds a value and shows its label.
    """

    def __init__(
        self,
        headers: Sequence[str],
        choices: dict[int, Sequence[tuple[str, str]]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.choices = {col: list(options) for col, options in (choices or {}).items()}
        self._rows: list[list[str]] = []
        # What each row stands for (e.g. a stored part's id), carried through moves;
        # None for a row added here. Lets a renamed row stay the same thing.
        self._keys: list[Any] = []

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = [self._padded(r) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list[list[str]]:
        return [list(r) for r in self._rows]

    def keys(self) -> list[Any]:
        return list(self._keys)

    def add_row(self, values: Sequence[str] = ()) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(self._padded(values))
        self._keys.append(None)
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._keys[row]
            self.endRemoveRows()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns where it ended up."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        # Qt counts the destination as the row *before which* the moved row lands.
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self._keys.insert(target, self._keys.pop(row))
        self.endMoveRows()
        return target

    def set_header(self, column: int, text: str) -> None:
        self.headers[column] = text
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def label(self, column: int, value: str) -> str:
        for option, text in self.choices.get(column, []):
            if option == value:
                return text
        return value

    def _padded(self, values: Sequence[str]) -> list[str]:
        out = [str(v) for v in values][: len(self.headers)]
        return out + [""] * (len(self.headers) - len(out))

    # Qt's model interface ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == DISPLAY:
            return self.label(index.column(), value)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text where a narrow column elides it.
            return self.label(index.column(), value) or None
        if role == EDIT:
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if not index.isValid() or role != EDIT:
            return False
        self._rows[index.row()][index.column()] = "" if value is None else str(value)
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """Edits cells with a drop-down where a column has choices, with a line edit elsewhere.

    ``value_role`` is where the chosen value is stored (the label goes to DisplayRole
    when that is a different role, as in a QTreeWidget). With ``live`` set, every
    keystroke is committed, so the editor can check the value as the person types.
    """

    def __init__(
        self,
        choices: Callable[[Index], Sequence[tuple[str, str]] | None],
        editable: Callable[[Index], bool] = lambda _i: True,
        value_role: int = EDIT,
        live: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.editable = editable
        self.value_role = value_role
        self.live = live

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> Any:
        if not self.editable(index):
            return None
        options = self.choices(index)
        if options is not None:
            combo = QComboBox(parent)
            for value, text in options:
                combo.addItem(text, value)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        edit = QLineEdit(parent)
        if self.live:
            edit.textEdited.connect(lambda _t, e=edit: self.commitData.emit(e))
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(self.value_role))
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QLineEdit):
            value = index.data(EDIT)
            if editor.text() != (value or ""):
                editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), self.value_role)
            if self.value_role != EDIT:
                model.setData(index, editor.currentText(), DISPLAY)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), EDIT)
        else:
            super().setModelData(editor, model, index)
