"""A combo box that shows a long item it has no room for ending in …, with the whole of it
in its tooltip, as the window's tables do with a long cell (ui/tables.py): at a larger font
(设置 → 字号) a row of filters may leave a box narrower than a contest's full name, and Qt
would cut the name off in the middle of a character with nothing to say so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
)


class ElidedComboBox(QComboBox):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        # Here, not on currentTextChanged: a box filled with its signals blocked says nothing.
        if self.toolTip() != option.currentText:
            self.setToolTip(option.currentText)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def shortened_box(characters: int = 8) -> ElidedComboBox:
    """A box that takes the room its row leaves, and gives it up down to ``characters``
    characters (its items then end in …) rather than push the row past the window."""
    box = ElidedComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(characters)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box
