"""Keys that reach what the mouse reaches, for any window: Ctrl+Tab and Ctrl+Shift+Tab turn
the tabs around the focus (Qt's own handling stops inside a table, which takes Ctrl+Tab for
its next cell), and Shift+F10 and the Menu key open the focused control's context menu at
the control (Windows' keys; Qt gives Shift+F10 no meaning).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QTabWidget,
    QWidget,
)

NEXT_TAB = ("Ctrl+Tab",)
# Qt names Shift+Tab Backtab: a key press may come either way.
PREVIOUS_TAB = ("Ctrl+Shift+Tab", "Ctrl+Shift+Backtab")
CONTEXT_MENU = ("Shift+F10", "Menu")


def _focus_in(window: QWidget) -> QWidget | None:
    widget = QApplication.focusWidget()
    return widget if widget is not None and widget.window() is window else None


def tabs_around(widget: QWidget | None, fallback: QWidget | None) -> QTabWidget | None:
    """The innermost tab widget holding ``widget``; else the first shown one in
    ``fallback`` (the area shown, when the focus is in the side bar)."""
    while widget is not None:
        if isinstance(widget, QTabWidget) and widget.count() > 1:
            return widget
        widget = widget.parentWidget()
    if fallback is None:
        return None
    shown = [t for t in fallback.findChildren(QTabWidget) if t.isVisible() and t.count() > 1]
    return shown[0] if shown else None


def turn_tab(tabs: QTabWidget, step: int) -> None:
    """The next (or previous) enabled tab, round the end, as Qt's Ctrl+Tab does."""
    index = tabs.currentIndex()
    for _n in range(tabs.count()):
        index = (index + step) % tabs.count()
        if tabs.isTabEnabled(index) and tabs.isTabVisible(index):
            tabs.setCurrentIndex(index)
            return


def menu_point(widget: QWidget) -> QPoint:
    """Where a context menu opened by a key appears: at the current row of a table, the
    text cursor of a field, else the middle of the control."""
    if isinstance(widget, QAbstractItemView):
        rect = widget.visualRect(widget.currentIndex())
        if rect.isValid():
            return widget.viewport().mapTo(widget, rect.center())
    if isinstance(widget, QLineEdit):
        return widget.cursorRect().center()
    return widget.rect().center()


def open_context_menu(widget: QWidget) -> None:
    """What a right click on ``widget`` opens, opened from the keyboard."""
    target = widget.viewport() if isinstance(widget, QAbstractItemView) else widget
    point = menu_point(widget)
    if target is not widget:
        point = target.mapFrom(widget, point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, target.mapToGlobal(point))
    QApplication.sendEvent(target, event)


def install(window: QWidget, area: Callable[[], QWidget | None]) -> list[QShortcut]:
    """Ctrl+Tab, Ctrl+Shift+Tab, Shift+F10 and the Menu key on ``window``; ``area`` gives the
    part whose tabs turn when the focus is in none."""
    held = weakref.ref(window)  # no cycle through the slots (see ui/shortcuts.py)

    def turn(step: int) -> None:
        shown = held()
        tabs = tabs_around(_focus_in(shown), area()) if shown is not None else None
        if tabs is not None:
            turn_tab(tabs, step)

    def context_menu() -> None:
        shown = held()
        if shown is not None:  # a window with nothing focused (the hall's screen): its own
            open_context_menu(_focus_in(shown) or shown)

    # Shortcuts, not actions: a window whose right-click menu lists its actions (the
    # hall's screen) would list these too.
    made = []
    for keys, slot in (
        (NEXT_TAB, lambda: turn(1)),
        (PREVIOUS_TAB, lambda: turn(-1)),
        (CONTEXT_MENU, context_menu),
    ):
        shortcut = QShortcut(window)
        shortcut.setKeys([QKeySequence(k) for k in keys])
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made


def focus_onwards(widget: QWidget, forward: bool) -> bool:
    """Give the focus to the next (previous) control after ``widget`` that Tab stops at,
    as Tab does from a control that keeps no Tab for itself."""
    candidate: QWidget | None = widget
    while True:
        assert candidate is not None
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is widget or candidate is None:
            return False
        if (
            candidate.window() is widget.window()
            and not widget.isAncestorOf(candidate)
            and candidate.focusProxy() is None
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            candidate.setFocus(reason)
            return True


def _place(view: QAbstractItemView, index: QModelIndex) -> tuple[int, int]:
    """Where a cell is on the screen, top to bottom, left to right: a tree's rows are in
    that order, whatever their parents."""
    rect = view.visualRect(index) if index.isValid() else None
    return (rect.top(), rect.left()) if rect is not None and rect.isValid() else (-(2**30), 0)


class LeaveAtTheEnds(QObject):
    """Tab past a grid's last cell (Shift+Tab before its first) goes on to the next control:
    Qt's table goes round to its first cell again, a grid of our own stays put, and either
    way the focus never left the grid."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.view
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            or event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            or not view.tabKeyNavigation()
            or view.state() == QAbstractItemView.State.EditingState
        ):
            return super().eventFilter(watched, event)
        forward = event.key() == Qt.Key.Key_Tab and not event.modifiers()
        before = view.currentIndex()
        # The grid's own move first, with the key Qt's Tab handling gives a view.
        key = Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab
        view.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
        after = view.currentIndex()
        start, end = _place(view, before), _place(view, after)
        moved = (end > start) - (end < start)
        went_on = moved == (1 if forward else -1)
        if not went_on:  # at the end, or round to the other end
            if after != before and before.isValid():
                view.setCurrentIndex(before)
            focus_onwards(view, forward)
        return True


def leave_at_the_ends(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab move from cell to cell in ``view`` and out of it at its ends."""
    if view.findChild(LeaveAtTheEnds) is None:
        view.installEventFilter(LeaveAtTheEnds(view))


class OpenOnEnter(QObject):
    """Enter or Return on a view's current row does what a double click on it does."""

    def __init__(self, view: QAbstractItemView, opened: Callable[[QModelIndex], object]) -> None:
        super().__init__(view)
        self.view = view
        self.opened = opened

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.view.state() != QAbstractItemView.State.EditingState
            and self.view.currentIndex().isValid()
        ):
            self.opened(self.view.currentIndex())
            return True
        return super().eventFilter(watched, event)


def open_on_enter(view: QAbstractItemView, opened: Callable[[QModelIndex], object]) -> None:
    """A double click on a row, or Enter on the current one, calls ``opened(index)``."""
    view.doubleClicked.connect(opened)
    view.installEventFilter(OpenOnEnter(view, opened))
