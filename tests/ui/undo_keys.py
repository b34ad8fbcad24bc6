"""Ctrl+Z and Ctrl+Y pressed as a person would, for the undo tests of the areas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, widget: QWidget, key: Qt.Key, shift: bool = False) -> None:
    """Ctrl+``key`` (Ctrl+Shift+``key`` with ``shift``) in ``widget``, its window active:
    an undo's service call that took a while showed the runner's progress dialog, and the
    offscreen platform gives the window back its activation only when asked (the undo
    keys act in the active window only)."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
    widget.setFocus()
    qtbot.keyClick(widget, key, CTRL | Qt.KeyboardModifier.ShiftModifier if shift else CTRL)
