"""A table that gives way to a sentence when there is nothing to show, or a reason why not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget


class ViewOrMessage(QStackedWidget):
    """Shows ``view``, or in its place a centred message ("Choose an event…", a refusal)."""

    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #555; font-size: 15px;")
        self.addWidget(view)
        self.addWidget(self.message)

    def show_view(self) -> None:
        self.setCurrentWidget(self.view)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)
