"""Asking the person for a line of text: a password as a signature, or a reason kept on
the record. Every area asks through ``ask_text`` here, so tests answer in its place.
The sheet bar that asks it most lives in sheet_steps.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_text(parent: QWidget, title: str, label: str, password: bool = False) -> str | None:
    """A line of text (a password or a reason) from the person; None when cancelled.

    Looked up at call time, so that tests can answer in its place.
    """
    echo = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
    text, ok = QInputDialog.getText(parent, title, label, echo)
    return text if ok else None
