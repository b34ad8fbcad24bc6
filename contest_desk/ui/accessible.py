"""Accessible names for an area's controls, so that a screen reader (and a test) can say
what each one is for.

Qt already names a button by its text and a field by the label it is the buddy of (a
QFormLayout row's label is). What is left is named here, once, when an area is built: a
field from the label just before it in its row, from its placeholder text or tooltip; a
table from its empty-table sentence, the box or tab it sits in. An explicit name set by an
area is kept.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
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
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def is_control(widget: QWidget) -> bool:
    """An interactive control a person reaches, not a part Qt builds inside another one
    (a table's headers and corner button, a combo box's list, a spin box's text field, a
    line edit's clear button).
    A control on a page that scrolls (a QScrollArea's widget) or on a tab's page is one;
    the scroll area's own viewport and scroll bars are not."""
    if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
        return False
    if widget.objectName().startswith("qt_"):
        return False
    parent = widget.parent()
    while parent is not None and not isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit)):
        if isinstance(parent, QAbstractItemView):
            return False
        if parent.objectName().startswith("qt_") and not _holds_pages(parent):
            return False
        parent = parent.parent()
    return parent is None


def _holds_pages(widget: QObject) -> bool:
    """Whether ``widget`` is a part Qt builds to hold an area's own widgets, not a piece
    of a control: a QScrollArea's viewport (qt_scrollarea_viewport) or a QTabWidget's
    stack of pages (qt_tabwidget_stackedwidget); Qt names them as it names its parts."""
    holder = widget.parent()
    if isinstance(holder, QScrollArea):
        return holder.viewport() is widget
    return isinstance(holder, QTabWidget) and isinstance(widget, QStackedWidget)


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


def _label_of_field(widget: QWidget) -> str:
    """The label of the field ``widget`` is the text box of (a date field's: 开始日期): the
    label whose buddy is the whole field (a form row's), or the one just before it."""
    field = widget.parentWidget()
    if field is None or isinstance(widget, QAbstractButton):
        return ""  # a field's button says what it does (its tooltip), not the field's name
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is field and _says_something(label.text()):
            return label.text().replace("&", "").strip().rstrip(":：")
    return _label_before(field)


def _surroundings(widget: QWidget) -> str:
    """The title of the box or tab the widget sits in."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        # A tab's page sits in the tab widget's stack, not in the tab widget itself.
        tabs = parent.parentWidget() if isinstance(parent, QStackedWidget) else parent
        if isinstance(tabs, QTabWidget):
            index = tabs.indexOf(child)
            if index >= 0:
                return tabs.tabText(index).replace("&", "")
        child, parent = parent, parent.parentWidget()
    return ""


def _heading(view: QAbstractItemView) -> str:
    """A one-column tree's or table's header, which titles the whole list (单位)."""
    header = view.header() if isinstance(view, QTreeView) else None
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
    model = view.model()
    if header is None or header.isHidden() or model is None or model.columnCount() != 1:
        return ""
    text = model.headerData(0, Qt.Orientation.Horizontal)
    return text if isinstance(text, str) else ""


def fallback_name(widget: QWidget) -> str:
    """What ``widget`` is for, from what a sighted person reads around it: a table by the
    box or tab it fills (its empty-table sentence says what goes there, not what it is),
    or by the header of its one column; a field by its label, its hint or its tooltip."""
    if isinstance(widget, QAbstractItemView):
        placeholder = getattr(widget, "placeholder", lambda: "")()
        texts = (
            _label_before(widget),
            _heading(widget),
            _surroundings(widget),
            widget.toolTip(),
            placeholder,
        )
    else:
        hint = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        texts = (
            _label_before(widget),
            _label_of_field(widget),
            widget.toolTip(),
            hint,
            _surroundings(widget),
        )
    return next((t.strip() for t in texts if isinstance(t, str) and _says_something(t)), "")


def _words_to_come(widget: QWidget) -> bool:
    """A push button with neither text nor icon yet: the area gives it words when it loads
    (进入“已结束” →), and a name given now would be said instead of them."""
    return isinstance(widget, QPushButton) and not widget.text() and widget.icon().isNull()


def name_controls(root: QWidget) -> None:
    """Give every control under ``root`` that has no name the one its surroundings say."""
    for widget in root.findChildren(QWidget):
        if is_control(widget) and not has_name(widget) and not _words_to_come(widget):
            widget.setAccessibleName(fallback_name(widget))


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` a screen reader could not name (one hidden, as a
    button the person may not use is, is not said at all)."""
    return [
        w
        for w in root.findChildren(QWidget)
        if is_control(w) and not w.isHidden() and not has_name(w)
    ]
