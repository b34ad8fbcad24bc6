"""A combo box that shows a long item it has no room for ending in …, with the whole of it
in its tooltip, as the window's tables do with a long cell (ui/tables.py): at a larger font
(设置 → 字号) a row of filters may leave a box narrower than a contest's full name, and Qt
would cut the name off in the middle of a character with nothing to say so."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

# What changes whether the text fits: the box's width, its font or style; its showing (a box
# filled while hidden, see ElidedComboBox.event); a tooltip about to show.
_REFIT = (
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.ToolTip,
)


class ElidedComboBox(QComboBox):
    """The item shown ends in … when the box has no room for it; the tooltip then holds the
    whole of it, and is empty when the whole text shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentTextChanged.connect(self._fit_tooltip)

    def _label(self) -> tuple[QStyleOptionComboBox, str]:
        """The box's style option, and its current text as it fits the edit field."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        shown = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        return option, shown

    def _fit_tooltip(self) -> None:
        option, shown = self._label()
        whole = option.currentText
        tip = whole if shown != whole else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)

    def event(self, event: QEvent) -> bool:
        # Besides currentTextChanged: the areas refill their boxes with signals blocked, and
        # such a box says nothing of its new text; the tip is fitted again when the box is
        # shown and before a tooltip shows, so the one a person sees is always right.
        if event.type() in _REFIT:
            self._fit_tooltip()
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option, shown = self._label()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = shown
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ShortenedComboBox(ElidedComboBox):
    """As wide as its longest item where the row has the room; down to its minimum
    contents length (its items then end in …) where it has not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # the minimum contents length's
        texts = (self.itemText(i) for i in range(self.count()))
        widest = max((self.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        whole = self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(widest, hint.height()), self
        )
        return QSize(max(hint.width(), whole.width()), hint.height())


def shortened_box(characters: int = 8) -> ShortenedComboBox:
    """A box that gives up room down to ``characters`` characters rather than push its
    row past the window."""
    box = ShortenedComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(characters)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box
