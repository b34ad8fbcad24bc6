"""The window's areas in a stack that scrolls: at a large font (设置 → 字号) or on a small
screen an area may need more room than the window has, and then its part of the window
scrolls, instead of the window growing past the screen's edge where nobody sees it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QStackedWidget, QWidget


class AreaStack(QStackedWidget):
    """A stack as small as the area shown needs, not the largest of every area built."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The stack's layout would hold the stack at least as large as its largest page.
        layout = self.layout()
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize()) if shown else QSize()

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.sizeHint() if shown is not None else super().sizeHint()


def scrolling(stack: AreaStack) -> QScrollArea:
    """``stack`` in a frameless scroll area that fits it to the room while there is room."""
    area = QScrollArea()
    area.setObjectName("area_scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(stack)
    # Not "qt_scrollarea_viewport": ui/accessible.py takes what is under a qt_ part for a
    # piece of a control Qt builds, and would leave every area's controls unnamed.
    area.viewport().setObjectName("area_viewport")
    return area
