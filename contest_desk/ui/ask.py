"""Small questions to the person: pick one of a list, or several. Tests answer in their place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


def ask_go(
    parent: QWidget | None, title: str, text: str, go: str, keep: str, warning: bool = False
) -> bool:
    """A question answered by two named buttons (never a bare Yes/No), the safe one
    (``keep``) the default: True when the person chose ``go``."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, text, parent=parent)
    box.addButton(go, QMessageBox.ButtonRole.AcceptRole)
    kept = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(kept)
    box.exec()
    return box.clickedButton() is not kept


def ask_choice(parent: QWidget, title: str, label: str, items: list[str]) -> int | None:
    """The index of the item the person picks; None when cancelled."""
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None


def ask_many(parent: QWidget, title: str, label: str, items: list[str]) -> list[int] | None:
    """The indexes of the items the person ticks, in list order; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    listing = QListWidget()
    for text in items:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        listing.addItem(item)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(label))
    layout.addWidget(listing, 1)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return [
        i for i in range(listing.count()) if listing.item(i).checkState() == Qt.CheckState.Checked
    ]


def ask_form(parent: QWidget, title: str, fields: list[tuple[str, str]]) -> dict[str, str] | None:
    """A few lines of text at once: (label, default) each; the answers by label, or None
    when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    edits = {}
    for label, default in fields:
        edits[label] = QLineEdit(default)
        form.addRow(label, edits[label])
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return {label: edit.text().strip() for label, edit in edits.items()}


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """Something done that the person should know of (where files went), with one OK."""
    QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent).exec()
