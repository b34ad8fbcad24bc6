"""The scoring grid: a table a judge drives with the keyboard like a spreadsheet.

Typing a number opens the cell; Enter or Tab saves it and moves on (Enter and
Tab go across, wrapping to the next entry; Shift+Tab goes back); Delete
clears the cell. A refused value leaves the cursor where it was. The keys are the
ones every grid shares (ui/cell_keys.py).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from contest_desk.ui import keyboard
from contest_desk.ui.cell_keys import Move, end_edit, move_of, view_key
from contest_desk.ui.scoring.look import ERROR_TEXT, part_band
from contest_desk.ui.scoring.model import ScoreSheetModel

_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
# A judge marks an entry's criteria in turn: Enter goes across, like Tab.
ENTER = Move.NEXT


class ScoreDelegate(QStyledItemDelegate):
    """A plain line editor; Enter/Tab save and ask the view to move only if the value was kept."""

    move = Signal(int)  # +1 next cell, -1 previous cell

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: QLineEdit | None = None
        self.accepted = True

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editor = editor
        return editor

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        model = index.model()
        if isinstance(model, ScoreSheetModel) and model.error_at(index.row(), index.column()):
            # A frame, so the mark shows even while the refused cell is selected.
            painter.save()
            painter.setPen(QPen(ERROR_TEXT, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QLineEdit)
        self.accepted = bool(model.setData(index, editor.text(), Qt.ItemDataRole.EditRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit):
            assert isinstance(event, QKeyEvent)
            move = move_of(event, ENTER)
            if move is not None:
                end_edit(self, watched, move, lambda: self.accepted, self.move.emit)
                return True
        return super().eventFilter(watched, event)


class PartHeader(QHeaderView):
    """A horizontal header with a coloured band naming the part above each run of criteria."""

    BAND = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._groups: list[tuple[int, int, str, int]] = []
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)

    def set_groups(self, groups: list[tuple[int, int, str, int]]) -> None:
        self._groups = groups
        self.updateGeometries()
        self.viewport().update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._groups:
            hint.setHeight(hint.height() + self.BAND)
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._groups:
            return
        painter = QPainter(self.viewport())
        for first, last, name, position in self._groups:
            left = self.sectionViewportPosition(first)
            right = self.sectionViewportPosition(last) + self.sectionSize(last)
            if right <= left:
                continue
            band = QRect(left, 0, right - left, self.BAND)
            colour = part_band(position)
            painter.fillRect(band.adjusted(1, 1, -1, -1), colour)
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(band.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, name)
        painter.end()


class ScoreGrid(QTableView):
    """The view of a ScoreSheetModel with spreadsheet-like keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Score sheet: entries down, criteria across"))
        self.delegate = ScoreDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.move.connect(self.move_cursor)
        self.setHorizontalHeader(PartHeader(self))
        self.horizontalHeader().setHighlightSections(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        keyboard.leave_at_the_ends(self)  # Tab past the last mark goes on to the buttons
        self.setWordWrap(False)
        rows = self.verticalHeader()
        # Fixed heights let the view place 10,000 rows without measuring each one.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(self.fontMetrics().height() + 10, 26))
        rows.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 8)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def score_model(self) -> ScoreSheetModel | None:
        model = self.model()
        return model if isinstance(model, ScoreSheetModel) else None

    def refresh_header(self) -> None:
        model = self.score_model()
        header = self.horizontalHeader()
        if isinstance(header, PartHeader):
            header.set_groups(model.part_groups() if model else [])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if view_key(self, self.delegate.editor, event, ENTER, self.move_cursor):
            return
        if event.key() in _CLEAR_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.clear_current()
            event.accept()
            return
        super().keyPressEvent(event)

    def clear_current(self) -> None:
        index = self.currentIndex()
        model = self.score_model()
        if (
            model is not None
            and index.isValid()
            and model.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            model.setData(index, "", Qt.ItemDataRole.EditRole)

    def move_cursor(self, step: int) -> None:
        """Go to the next (or previous) visible editable cell, wrapping across entries."""
        model = self.score_model()
        if model is None:
            return
        columns = [c for c in model.editable_columns() if not self.isColumnHidden(c)]
        if not columns:
            return
        current = self.currentIndex()
        row = current.row() if current.isValid() else 0
        column = current.column() if current.isValid() else columns[0] - step
        later = [c for c in columns if (c > column if step > 0 else c < column)]
        if later:
            column = later[0] if step > 0 else later[-1]
        else:
            row += step
            column = columns[0] if step > 0 else columns[-1]
        if row < 0 or not model.ensure_row(row):
            return
        target = model.index(row, column, QModelIndex())
        self.setCurrentIndex(target)
        self.scrollTo(target)
