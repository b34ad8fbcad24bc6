"""Undo and redo of the marks saved in the grid (Ctrl+Z, Ctrl+Y) while the sheet is open.

An undo types the value the cell had back in: it is saved through the service like any
other (checked, on the audit trail, refused once the sheet is submitted or the round
locked, with the reason on the cell), never a change behind the service's back. The
history is the open sheet's: another sheet, a reload or a submission starts it afresh.
The keys, the actions and the stack are the shared ones (ui/undo.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from contest_desk.ui.scoring.model import ScoreSheetModel
from contest_desk.ui.undo import History


class MarkHistory(QObject):
    """The open sheet's saved cells, undone and redone through the model's save."""

    def __init__(self, model: ScoreSheetModel, area: QWidget) -> None:
        super().__init__(area)
        self.model = model
        # A refused mark leaves the history: the sheet was submitted or the round locked,
        # and the reason is on the cell.
        self.history = History(area, drop_refused=True)
        self.stack = self.history.stack
        self.undo_action = self.history.undo_action
        self.redo_action = self.history.redo_action
        self._replaying = False
        model.changed.connect(self._changed)
        model.modelReset.connect(self.history.clear)  # another sheet, or this one reloaded

    def _changed(self, entry_id: int, code: str, before: str, after: str) -> None:
        if self._replaying:
            return
        self.history.done(
            f"{code}: {before or '—'} → {after or '—'}",
            lambda: self.type_in(entry_id, code, before),
            lambda: self.type_in(entry_id, code, after),
        )

    def type_in(self, entry_id: int, code: str, text: str) -> bool:
        """Save ``text`` into the cell through the model; False when refused."""
        index = self.model.index_of(entry_id, code)
        self._replaying = True
        try:
            return index.isValid() and self.model.setData(index, text, Qt.ItemDataRole.EditRole)
        finally:
            self._replaying = False
