"""The window's standard keys: Ctrl+N new, Ctrl+O open (import), Ctrl+S save, Ctrl+P print,
Ctrl+F find, F5 refresh, Ctrl+Q quit, Ctrl+1 … Ctrl+9 the areas of the side bar and
Ctrl+PgDn / Ctrl+PgUp the next and previous one (there are more than nine); with
ui/keyboard.py's Ctrl+Tab for the tabs and Shift+F10 for a context menu.

Each area says what the keys do there in a ``KEYS`` table: a command's name to the dotted
path of a button (pressed when it can be), a field (given the focus) or a method (called)
of the area. A key the current area has no use for says so in the status bar.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contest_desk.i18n import N_, _
from contest_desk.ui import keyboard


@dataclass(frozen=True)
class Command:
    name: str
    keys: QKeySequence.StandardKey | str
    label: str  # English source text, translated when shown


COMMANDS = (
    Command("new", QKeySequence.StandardKey.New, N_("New")),
    Command("open", QKeySequence.StandardKey.Open, N_("Open or import a file")),
    Command("save", QKeySequence.StandardKey.Save, N_("Save")),
    Command("print", QKeySequence.StandardKey.Print, N_("Print")),
    Command("find", QKeySequence.StandardKey.Find, N_("Find")),
    Command("refresh", "F5", N_("Refresh")),
)


def key_text(keys: QKeySequence.StandardKey | str) -> str:
    """The key as the person presses it on this system (Ctrl+N; ⌘N on a Mac)."""
    sequence = QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def target(area: QWidget, command: str) -> Any:
    """What ``command`` reaches in ``area`` (None when nothing)."""
    path = dict(getattr(area, "KEYS", ())).get(command)
    if path is None and command == "refresh":  # an area's own refresh, when it has one
        path = next((name for name in ("refresh", "reload") if hasattr(area, name)), None)
    if path is None:
        return None
    found: Any = area
    for part in path.split("."):
        found = getattr(found, part, None)
    return found


def run(area: QWidget, command: str) -> bool:
    """Do ``command`` in ``area``: press its button, focus its field or call its method;
    False when the area has none, or the button cannot be pressed now."""
    found = target(area, command)
    if isinstance(found, QAbstractButton):
        if not (found.isEnabled() and found.isVisibleTo(area)):
            return False
        found.click()
        return True
    if isinstance(found, QWidget):
        if not found.isVisibleTo(area):
            return False
        found.setFocus()
        return True
    if callable(found):
        found()
        return True
    return False


def install(
    window: QMainWindow,
    current: Callable[[], QWidget | None],
    go_to: Callable[[int], None],
    areas: int,
    row: Callable[[], int] | None = None,
) -> list[QAction]:
    """The keys on ``window``, each acting on the area ``current`` gives; Ctrl+1 … go to
    the first ``areas`` of the side bar, Ctrl+PgDn and Ctrl+PgUp from the one ``row``
    gives to the next and previous (round the end)."""
    keyboard.install(window, current)  # Ctrl+Tab, Shift+F10: shortcuts of the window's own
    actions = []

    # The actions' slots hold the window weakly: a closure over it would make a cycle
    # that only Python's collector breaks, on whichever thread it happens to run (Qt
    # objects must go on their own thread).
    held = weakref.ref(window)

    def act(command: str, label: str) -> None:
        area = current()
        shown = held()
        if shown is not None and (area is None or not run(area, command)):
            shown.statusBar().showMessage(_("“{command}” does nothing here", command=label), 4000)

    for command in COMMANDS:
        action = QAction(_(command.label), window)
        action.setShortcut(QKeySequence(command.keys))
        action.triggered.connect(lambda _c=False, c=command: act(c.name, _(c.label)))
        actions.append(action)
    quit_action = QAction(_("Quit"), window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard Quit key
    quit_action.triggered.connect(lambda: _close(held()))
    actions.append(quit_action)
    for n in range(min(areas, 9)):
        area_action = QAction(window)
        area_action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
        area_action.triggered.connect(lambda _c=False, row=n: go_to(row))
        actions.append(area_action)
    if row is not None and areas > 1:
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            turn = QAction(window)
            turn.setShortcut(QKeySequence(keys))
            turn.triggered.connect(lambda _c=False, s=step: go_to((row() + s) % areas))
            actions.append(turn)
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
    return actions


def _close(window: QMainWindow | None) -> None:
    if window is not None:
        window.close()


def listing() -> list[tuple[str, str]]:
    """(key, what it does) for the Help menu's list of keys."""
    rows = [(key_text(c.keys), _(c.label)) for c in COMMANDS]
    rows += [
        ("Ctrl+Q", _("Quit")),
        ("Ctrl+1 … Ctrl+9", _("Go to the first … ninth area of the side bar")),
        ("Ctrl+PgDn, Ctrl+PgUp", _("Go to the next, the previous area of the side bar")),
        ("Ctrl+Tab, Ctrl+Shift+Tab", _("Go to the next, the previous tab")),
        ("Tab, Shift+Tab", _("Go to the next, the previous control")),
        ("Alt+A, Alt+L, Alt+H", _("Open the Account, Language, Help menu")),
        ("Shift+F10", _("Open the context menu of the control with the focus")),
        ("Space", _("Press the button with the focus")),
        ("F1", _("Help for the area shown")),
        ("Enter, Tab, Shift+Tab", _("In a grid: save the cell and move on")),
        ("Delete", _("In the scoring grid: clear the cell")),
        ("Ctrl+Z, Ctrl+Y", _("Undo, redo: a text field, marks, rubrics, persons, templates")),
    ]
    return rows


def list_dialog(parent: QWidget | None) -> QDialog:
    """Help → 快捷键: every key and what it does, in a table (shown, not waited for)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Keyboard shortcuts"))
    rows = listing()
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([_("Shortcut"), _("What it does")])
    table.setAccessibleName(_("Keyboard shortcuts"))
    for row, (keys, what) in enumerate(rows):
        for column, text in enumerate((keys, what)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, column, item)
    table.verticalHeader().hide()
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    dialog.resize(520, 380)
    return dialog
