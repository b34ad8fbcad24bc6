"""elided_combo.py: the box's tooltip holds its whole text when the text is cut to fit,
none when it shows whole; fitted as the text or the width changes, not when painted.

Painting is switched off in these tests (the box's paintEvent does nothing), so a tooltip
set while painting would not be seen: each check reads the tooltip right after the change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from contest_desk.ui.elided_combo import ElidedComboBox

SHORT = "采油工"
LONG = "采油管理区第一作业区采油工技能比武（决赛）"


@pytest.fixture
def box(qtbot, monkeypatch: pytest.MonkeyPatch) -> ElidedComboBox:
    monkeypatch.setattr(ElidedComboBox, "paintEvent", lambda _self, _event: None)
    widget = ElidedComboBox()
    qtbot.addWidget(widget)
    widget.addItems([SHORT, LONG])
    widget.show()
    return widget


def narrow(box: ElidedComboBox) -> None:
    """Room for SHORT and the arrow, not for LONG."""
    metrics = box.fontMetrics()
    width = metrics.horizontalAdvance(SHORT) + 80
    assert width < metrics.horizontalAdvance(LONG) - 60
    box.resize(width, box.height())


def wide(box: ElidedComboBox) -> None:
    box.resize(box.fontMetrics().horizontalAdvance(LONG) + 200, box.height())


def test_the_tooltip_follows_the_text(box: ElidedComboBox) -> None:
    narrow(box)
    box.setCurrentIndex(1)
    assert box.toolTip() == LONG
    box.setCurrentIndex(0)
    assert box.toolTip() == ""  # the whole of it shows
    box.setItemText(0, LONG + "（复赛）")
    assert box.toolTip() == LONG + "（复赛）"


def test_the_tooltip_follows_the_width(box: ElidedComboBox) -> None:
    wide(box)
    box.setCurrentIndex(1)
    assert box.toolTip() == ""
    narrow(box)
    assert box.toolTip() == LONG
    wide(box)
    assert box.toolTip() == ""


def test_a_box_refilled_with_its_signals_blocked(box: ElidedComboBox) -> None:
    """As the areas refill theirs: the box says nothing of its new text."""
    narrow(box)
    box.hide()
    box.blockSignals(True)
    box.setCurrentIndex(1)
    box.blockSignals(False)
    box.show()
    assert box.toolTip() == LONG

    box.blockSignals(True)
    box.setCurrentIndex(0)
    box.blockSignals(False)
    at = QPoint(5, 5)
    QApplication.sendEvent(box, QHelpEvent(QEvent.Type.ToolTip, at, box.mapToGlobal(at)))
    assert box.toolTip() == ""  # fitted again before a tooltip shows
    QToolTip.hideText()
