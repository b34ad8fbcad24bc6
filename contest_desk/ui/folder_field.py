"""A folder typed or chosen with the system's folder dialog; empty means the default,
whose path the empty field shows in grey."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


def ask_folder(parent: QWidget, title: str, start: str) -> str:
    """The folder the person picks ("" when cancelled). Tests answer in its place."""
    return QFileDialog.getExistingDirectory(parent, title, start)


class FolderField(QWidget):
    def __init__(self, title: str, value: str, default: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.edit = QLineEdit(value)
        self.edit.setPlaceholderText(default)
        self.edit.setToolTip(self.tr("Empty: the default, {path}").format(path=default))
        self.edit.setAccessibleName(title)
        self.button = QPushButton(self.tr("Choose…"))
        self.button.setAccessibleName(self.tr("Choose the folder: {title}").format(title=title))
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def choose(self) -> None:
        start = self.edit.text().strip() or self.edit.placeholderText()
        chosen = ask_folder(self, self.title, start)
        if chosen:
            self.edit.setText(str(Path(chosen)))

    def folder(self) -> Path | None:
        """The folder typed or chosen; None for the default."""
        text = self.edit.text().strip()
        return Path(text).expanduser().absolute() if text else None
