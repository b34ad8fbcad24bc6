"""Undo and redo (Ctrl+Z, Ctrl+Y) of what a person changed in one area this session.

A step is done back or again by the area's own calls: a service call through the runner
(checked, audited, refused like any other) or an edit of a local draft, never a change
behind the service's back. The work is done first and the history moves only when it
was done: a step the service refuses stays where it was (its message shown by the
runner), so the history still matches what is stored. Each area keeps its own history
and clears it when the person turns to another contest or event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget

from contest_desk.i18n import _
from contest_desk.ui import operations

# What a step's half does; True when done, False when refused (and already said why).
Work = Callable[[], bool]


class Step(QUndoCommand):
    """One change already done: ``back`` undoes it, ``again`` redoes it."""

    def __init__(self, text: str, back: Work, again: Work) -> None:
        super().__init__(text)
        self.back, self.again = back, again

    # The stack only moves its index: History has done the work already, and QUndoStack
    # has no way to hear that the work was refused.
    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass


class History(QObject):
    """One area's steps on its Ctrl+Z / Ctrl+Y (while the focus is in the area), with
    actions whose texts say what they would undo: 撤销「…」, 重做「…」.

    ``drop_refused``: a refused step leaves the history (the scoring grid's way: a mark
    refused once its sheet is submitted stays refused); otherwise it stays in place.
    ``settle``: called before each undo or redo, to record an edit still open as a step.
    """

    def __init__(
        self,
        area: QWidget,
        drop_refused: bool = False,
        settle: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(area)
        self.stack = QUndoStack(self)
        self.drop_refused = drop_refused
        self.settle = settle  # records a change still in progress, before a move
        self.busy = False  # a step's service call is running: no second one meanwhile
        self.undo_action = self._action(area, [QKeySequence.StandardKey.Undo], self.undo)
        # Ctrl+Shift+Z as well as Ctrl+Y: the other usual redo key (Linux's, the Mac's).
        self.redo_action = self._action(area, ["Ctrl+Y", "Ctrl+Shift+Z"], self.redo)
        stack = self.stack
        for signal in (stack.indexChanged, stack.canUndoChanged, stack.canRedoChanged):
            signal.connect(self._show)
        stack.undoTextChanged.connect(self._show)
        stack.redoTextChanged.connect(self._show)
        self._show()

    def _action(
        self, area: QWidget, keys: list[QKeySequence.StandardKey | str], slot: Callable[[], Any]
    ) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        # The area and what is in it: a text field being edited keeps its own Ctrl+Z (Qt
        # gives the focused field its keys first).
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        area.addAction(action)
        return action

    def _show(self, *_args: Any) -> None:
        stack = self.stack
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(_("Undo “{what}”", what=undo) if undo else _("Undo"))
        self.redo_action.setText(_("Redo “{what}”", what=redo) if redo else _("Redo"))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    # Recording ---------------------------------------------------------------

    def done(self, text: str, back: Work, again: Work) -> None:
        """Remember a change just done (``text`` names it); a redo to come is dropped."""
        self.stack.push(Step(text, back, again))

    def clear(self) -> None:
        self.stack.clear()

    def clear_on(self, *signals: Any) -> None:
        """Start afresh whenever one of ``signals`` fires (another contest, event…)."""
        for signal in signals:
            signal.connect(self._cleared)

    def _cleared(self, *_args: Any) -> None:
        self.clear()

    # Moving ------------------------------------------------------------------

    def undo(self) -> bool:
        """Undo the last step; False when there is none or it was refused."""
        self._settle()
        if self.busy or not self.stack.canUndo():
            return False
        step = self.stack.command(self.stack.index() - 1)
        assert isinstance(step, Step)
        return self._move(step, step.back, self.stack.undo)

    def redo(self) -> bool:
        """Redo the step last undone; False when there is none or it was refused."""
        self._settle()
        if self.busy or not self.stack.canRedo():
            return False
        step = self.stack.command(self.stack.index())
        assert isinstance(step, Step)
        return self._move(step, step.again, self.stack.redo)

    def _settle(self) -> None:
        if self.settle is not None and not self.busy:
            self.settle()

    def _move(self, step: Step, work: Work, move: Callable[[], None]) -> bool:
        self.busy = True
        try:
            done = work()
        finally:
            self.busy = False
        if done:
            move()
        elif self.drop_refused:
            step.setObsolete(True)
            move()  # QUndoStack takes an obsolete step out as it passes it
        return done

    # Showing -----------------------------------------------------------------

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        """撤销 and 重做 buttons for an area's row of buttons, following the actions."""
        return ActionButton(self.undo_action, _("Undo")), ActionButton(self.redo_action, _("Redo"))


class ActionButton(QPushButton):
    """A short-labelled button for an action: enabled with it, its full text the tooltip."""

    def __init__(self, action: QAction, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.action = action
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.keys = f" ({keys})" if keys else ""
        self.clicked.connect(action.trigger)
        action.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.setEnabled(self.action.isEnabled())
        self.setToolTip(self.action.text() + self.keys)


def service_step(parent: QWidget, work: Callable[[], Any], then: Callable[[Any], None]) -> Work:
    """A step's half that runs ``work`` (a service call) through the runner, off the
    window's thread, and hands its answer to ``then``; a refusal is shown by the runner
    and the half answers False."""

    def step() -> bool:
        answers: list[Any] = []
        if not operations.done(parent, lambda: answers.append(work())):
            return False
        then(answers[0])
        return True

    return step
