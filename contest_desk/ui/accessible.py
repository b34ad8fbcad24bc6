"""Accessible names for an area's controls, so that a screen reader (and a test) can say
what each one is for.

Qt already names a button by its text and a field by the label it is the buddy of (a
QFormLayout row's label is). What is left is named here, once, when an area is built: a
field from the label just before it in its row, from its placeholder text or tooltip; a
table from its empty-table sentence, the box or tab it sits in. An explicit name set by an
area is kept.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def is_control(widget: QWidget) -> bool:
    """An interactive control a person reaches, not a part Qt builds inside another one
    (a table's headers and corner button, a combo box's list, a spin box's text field)."""
    if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
        return False
    if widget.objectName().startswith("qt_"):
        return False
    parent = widget.parent()
    while parent is not None and not isinstance(parent, (QComboBox, QAbstractSpinBox)):
        if parent.objectName().startswith("qt_") or isinstance(parent, QAbstractItemView):
            return False
        parent = parent.parent()
    return parent is None


def _says_something(text: str) -> bool:
    """A word, not a symbol such as ▾ or …: at least one letter or Chinese character."""
    return any(ch.isalpha() for ch in text)


def has_name(widget: QWidget) -> bool:
    """Whether a screen reader can say what ``widget`` is for: a name given to it, a
    label it is the buddy of, or (a button) its words; a combo box's current item or a
    field's contents are no name."""
    if _says_something(widget.accessibleName()):
        return True
    if isinstance(widget, QAbstractButton) and _says_something(widget.text().replace("&", "")):
        return True
    window = widget.window()
    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology says for ``widget`` (Qt's own rules included)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def _label_before(widget: QWidget) -> str:
    """The text of the label just before ``widget`` in its row ("竞赛 [box]")."""
    parent = widget.parentWidget()
    top = parent.layout() if parent is not None else None
    if top is None:
        return ""
    for row in (top, *top.findChildren(QBoxLayout)):
        index = row.indexOf(widget) if isinstance(row, QBoxLayout) else -1
        item = row.itemAt(index - 1) if index > 0 else None
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and label.text().strip():
            return label.text().strip().rstrip(":：")
    return ""


def _surroundings(widget: QWidget) -> str:
    """The title of the box or tab the widget sits in."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        if isinstance(parent, QTabWidget):
            index = parent.indexOf(child)
            if index >= 0:
                return parent.tabText(index).replace("&", "")
        child, parent = parent, parent.parentWidget()
    return ""


def fallback_name(widget: QWidget) -> str:
    """What ``widget`` is for, from what a sighted person reads around it: a table by the
    box or tab it fills (its empty-table sentence says what goes there, not what it is),
    a field by its label, its hint or its tooltip."""
    if isinstance(widget, QAbstractItemView):
        placeholder = getattr(widget, "placeholder", lambda: "")()
        texts = (_label_before(widget), _surroundings(widget), widget.toolTip(), placeholder)
    else:
        hint = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        texts = (_label_before(widget), widget.toolTip(), hint, _surroundings(widget))
    return next((t.strip() for t in texts if isinstance(t, str) and _says_something(t)), "")


def name_controls(root: QWidget) -> None:
    """Give every control under ``root`` that has no name the one its surroundings say."""
    for widget in root.findChildren(QWidget):
        if is_control(widget) and not has_name(widget):
            widget.setAccessibleName(fallback_name(widget))


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` a screen reader could not name."""
    return [w for w in root.findChildren(QWidget) if is_control(w) and not has_name(w)]
