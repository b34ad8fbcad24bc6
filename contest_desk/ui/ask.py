"""Small questions to the person: pick one of a list. Tests answer in its place."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget


def ask_choice(parent: QWidget, title: str, label: str, items: list[str]) -> int | None:
    """The index of the item the person picks; None when cancelled."""
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None
