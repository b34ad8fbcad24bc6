"""Undo and redo of the marks saved in the grid (Ctrl+Z, Ctrl+Y) while the sheet is open.

An undo types the value the cell had back in: it is saved through the service like any
other (checked, on the audit trail, refused once the sheet is submitted or the round
locked, with the reason on the cell), never a change behind the service's back. The
history is the open sheet's: another sheet, a reload or a submission starts it afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from contest_desk.ui.scoring.model import ScoreSheetModel


class CellChange(QUndoCommand):
    """One saved cell: ``before`` → ``after`` (texts as the cell shows them)."""

    def __init__(self, history: MarkHistory, entry_id: int, code: str, before: str, after: str):
        super().__init__(f"{code}: {before or '—'} → {after or '—'}")
        self.history, self.entry_id, self.code = history, entry_id, code
        self.before, self.after = before, after
        self.done = True  # pushed after the save: the first redo has nothing to do

    def undo(self) -> None:
        self.history.type_in(self.entry_id, self.code, self.before, self)

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.history.type_in(self.entry_id, self.code, self.after, self)


class MarkHistory(QObject):
    """The open sheet's saved cells, undone and redone through the model's save."""

    def __init__(self, model: ScoreSheetModel, area: QWidget) -> None:
        super().__init__(area)
        self.model = model
        self.stack = QUndoStack(self)
        self._replaying = False
        model.changed.connect(self._changed)
        model.modelReset.connect(self.stack.clear)  # another sheet, or this one reloaded
        self.undo_action = self._action(
            self.stack.createUndoAction(self), QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(self.stack.createRedoAction(self), "Ctrl+Y")
        area.addAction(self.undo_action)
        area.addAction(self.redo_action)

    @staticmethod
    def _action(action: QAction, keys: QKeySequence.StandardKey | str) -> QAction:
        # The area and what is in it: a cell being edited keeps its own Ctrl+Z (Qt gives
        # the focused text field its keys first).
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return action

    def _changed(self, entry_id: int, code: str, before: str, after: str) -> None:
        if not self._replaying:
            self.stack.push(CellChange(self, entry_id, code, before, after))

    def type_in(self, entry_id: int, code: str, text: str, command: CellChange) -> None:
        index = self.model.index_of(entry_id, code)
        self._replaying = True
        try:
            saved = index.isValid() and self.model.setData(index, text, Qt.ItemDataRole.EditRole)
        finally:
            self._replaying = False
        if not saved:  # refused (the sheet submitted meanwhile?): the reason is on the cell
            command.setObsolete(True)
