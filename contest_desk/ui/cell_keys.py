"""Spreadsheet keys shared by the grids a person types into (the scoring grid, the rubric
tree): which keys commit the open cell and where the cursor goes next.

Tab commits and goes to the next cell, Shift+Tab to the previous one; Enter commits and
goes where the grid says (across in the scoring grid, where a judge marks an entry's
criteria in turn; down in the rubric, where a column of max points is typed in a run).
A value the grid refuses leaves the cursor where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QWidget


class Move(IntEnum):
    """Where the cursor goes after a commit; NEXT and PREVIOUS are +1 and -1."""

    PREVIOUS = -1
    NEXT = 1
    DOWN = 2


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# The views handing a key to their open cell right now: a key the cell does not take
# comes back up to the view, which must not hand it over again.
_forwarding: set[QAbstractItemView] = set()
# Modifiers a commit key may carry: Shift (Shift+Tab) and the keypad's (its Enter).
COMMIT_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def move_of(event: QKeyEvent, enter: Move) -> Move | None:
    """The move a key asks for (``enter``: the grid's move for Enter), or None for a key
    that does not commit."""
    key = event.key()
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift):
        return Move.PREVIOUS
    if key == Qt.Key.Key_Tab:
        return Move.NEXT
    if key in ENTER_KEYS:
        return enter
    return None


def end_edit(
    delegate: QAbstractItemDelegate,
    editor: QWidget,
    move: Move,
    kept: Callable[[], bool],
    go: Callable[[Move], None],
) -> None:
    """Commit the open cell, close it, and ``go`` on when ``kept`` says the value was kept
    (asked after the commit: the model answers it while committing)."""
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    if kept():
        go(move)


def view_key(
    view: QAbstractItemView,
    editor: QWidget | None,
    event: QKeyEvent,
    enter: Move,
    go: Callable[[Move], None],
) -> bool:
    """A key pressed on the grid itself: while a cell is open the key is the cell's (a
    test or an input method may send it to the view); else Tab, Shift+Tab and Enter move.
    True when the key was handled."""
    if view.state() == QAbstractItemView.State.EditingState and editor is not None:
        if view in _forwarding:
            return True  # the open cell let the key go (up to its view): it ends here
        _forwarding.add(view)
        try:
            QApplication.sendEvent(editor, event)
        finally:
            _forwarding.discard(view)
        return True
    move = move_of(event, enter)
    if move is not None and not event.modifiers() & ~COMMIT_MODIFIERS:
        go(move)
        event.accept()
        return True
    return False
