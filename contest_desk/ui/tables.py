"""The window's one table view: columns sized to their text, long text elided with the whole
of it in a tooltip, the widest text column taking the room left, and a sentence in an
empty table saying what goes there and how to fill it.

Widths are measured with the font's metrics, not counted in characters: a Chinese
character is about twice as wide as a digit, so "采油一区/采油一班" needs room that
``len()`` does not see.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QRect, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QToolTip,
    QWidget,
)

from contest_desk.ui import keyboard

# A column is never narrower than a short number with its margins, nor wider than about
# twenty Chinese characters unless the room is there (then the stretching column takes it).
MIN_WIDTH = 44
MAX_WIDTH = 340
# The cell's and the header's own margins and grid line, beside the text.
PADDING = 16
# How many rows are read to size a column: enough for a page, never a long table's all.
SAMPLE_ROWS = 200
# A column elided to fit the view keeps at least this many Chinese characters.
FLOOR_CHARS = 6

DISPLAY = Qt.ItemDataRole.DisplayRole
WRAP_HEADER = (
    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
)


def text_width(metrics: QFontMetrics, text: str) -> int:
    """The width of ``text`` in pixels, its widest line where it has several."""
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


# No line starts with closing punctuation or ends with opening punctuation (Unicode's
# line-breaking rules, which Qt follows): "用时（分:秒）" never breaks before "）".
NO_START = set(")]}）】」』〕，。、：；！？:;,.!?%")
NO_END = set("([{（【「『〔")


def _breakable(text: str, at: int) -> bool:
    """May a line break at ``at`` (after a space, or between wide characters, as Qt breaks)?"""
    before, after = text[at - 1], text[at]
    if after in NO_START or before in NO_END:
        return False
    return before == " " or _wide(before) or _wide(after)


def _wide(char: str) -> bool:
    return ord(char) >= 0x2E80  # CJK ideographs, kana, full-width forms


def two_line_width(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width at which ``text`` fits on two lines, broken where Qt may break it.

    Qt fills the first line greedily; at this width the rest of the text fits on the
    second line, since a balanced split exists."""
    best = text_width(metrics, text)
    for at in range(1, len(text)):
        if _breakable(text, at):
            widest = max(
                metrics.horizontalAdvance(text[:at].rstrip()),
                metrics.horizontalAdvance(text[at:].lstrip()),
            )
            best = min(best, widest)
    return best


def cell_width(view: QAbstractItemView, index: QModelIndex) -> int:
    """What one cell needs: its text in its font, with its icon or check box beside it."""
    text = index.data(DISPLAY)
    if text is None:
        return 0
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
    width = text_width(metrics, str(text))
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        width += view.iconSize().width() + 4 if view.iconSize().isValid() else 20
    if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
        width += 22
    return width


def header_widths(view: QTableView, two_lines: bool = False) -> list[int]:
    """What each column's header needs, on one line or on two."""
    model = view.model()
    header = view.horizontalHeader()
    if model is None:
        return []
    metrics = header.fontMetrics()
    # The sort arrow takes room beside the header's text.
    arrow = 14 if header.isSortIndicatorShown() else 0
    widths = []
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal, DISPLAY)
        title = "" if title is None else str(title)
        width = two_line_width(metrics, title) if two_lines else text_width(metrics, title)
        widths.append(width + arrow)
    return widths


def cell_widths(view: QTableView) -> list[int]:
    """What each column's widest cell among the first rows needs."""
    model = view.model()
    if model is None:
        return []
    rows = min(model.rowCount(), SAMPLE_ROWS)
    return [
        max((cell_width(view, model.index(row, column)) for row in range(rows)), default=0)
        for column in range(model.columnCount())
    ]


def natural_widths(view: QTableView, two_line_headers: bool = False) -> list[int]:
    """Each column's width with its header and its first rows shown whole, before limits."""
    heads = header_widths(view, two_line_headers)
    return [max(h, c) + PADDING for h, c in zip(heads, cell_widths(view), strict=True)]


NUMBER = re.compile(r"[\s\d.,:%+\-−/—]*")


def text_columns(view: QTableView) -> list[int]:
    """The columns with words in them (names, units, notes), not only numbers or times."""
    model = view.model()
    if model is None:
        return []
    rows = min(model.rowCount(), SAMPLE_ROWS)
    found = []
    for column in range(model.columnCount()):
        for row in range(rows):
            text = model.index(row, column).data(DISPLAY)
            if text is not None and not NUMBER.fullmatch(str(text)):
                found.append(column)
                break
    return found


def spread(
    natural: Sequence[int],
    room: int,
    floor: int,
    stretch: int | None,
    minimum: int = MIN_WIDTH,
    maximum: int = MAX_WIDTH,
) -> list[int]:
    """Column widths for a view ``room`` pixels wide.

    Each column gets its natural width within [minimum, maximum]. Where that is more than
    the room, the widest columns give way first (their text elided), none below
    ``floor`` or its natural width; where it is less, column ``stretch`` takes the rest."""
    widths = [max(minimum, min(maximum, w)) for w in natural]
    total = sum(widths)
    if total > room:
        # The cap that makes the columns fit: the widest ones come down to it together.
        shrinkable = sorted((w for w in widths if w > floor), reverse=True)
        fixed = total - sum(shrinkable)
        cap = floor
        for count in range(1, len(shrinkable) + 1):
            level = (room - fixed - sum(shrinkable[count:])) // count
            if level >= (shrinkable[count] if count < len(shrinkable) else floor):
                cap = max(floor, level)
                break
        widths = [min(w, max(cap, floor)) if w > floor else w for w in widths]
    elif stretch is not None and 0 <= stretch < len(widths):
        widths[stretch] += room - total
    return widths


class ElidedTips(QObject):
    """Shows the whole text of a cell whose text was elided, as a tooltip, where the model
    gives no tooltip of its own (record tables give one for every cell)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.view.indexAt(event.pos())
            if index.isValid() and index.data(Qt.ItemDataRole.ToolTipRole) is None:
                text = index.data(DISPLAY)
                room = self.view.visualRect(index).width() - 8
                if text is not None and cell_width(self.view, index) > room:
                    QToolTip.showText(event.globalPos(), str(text), self.view.viewport())
                    return True
        return super().eventFilter(watched, event)


def show_elided_tips(view: QAbstractItemView) -> None:
    """Give ``view`` the tooltips of elided cells, once."""
    if view.findChild(ElidedTips) is None:
        view.viewport().installEventFilter(ElidedTips(view))


class TableView(QTableView):
    """A table sized to its text, with ``placeholder`` shown while it has no rows.

    ``stretch`` names the column that takes the room left; by default the column with
    the longest text. ``two_line_headers`` lets long headers wrap onto a second line, so
    that a column of short numbers under a long name stays narrow."""

    def __init__(
        self,
        placeholder: str = "",
        parent: QWidget | None = None,
        *,
        stretch: int | None = None,
        two_line_headers: bool = False,
    ) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._stretch = stretch
        self._two_lines = two_line_headers
        self._natural: list[int] = []
        self._natural_wrapped: list[int] = []  # with headers on two lines
        self._wrapped = False
        self._alignment = self.horizontalHeader().defaultAlignment()
        self._elide = self.horizontalHeader().textElideMode()
        self._text_columns: list[int] = []
        self._fitting = False
        self._connections: list[Any] = []
        # A person who drags a column's edge keeps that width until the table reloads.
        self._sized_by_hand = False
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._resized_by_hand)
        show_elided_tips(self)
        keyboard.leave_at_the_ends(self)

    def setEditTriggers(self, triggers: QAbstractItemView.EditTrigger) -> None:
        """A table nothing is typed into is one Tab stop, gone through with the arrow
        keys: Tab from cell to cell would keep the focus in it (and round a short list
        for ever)."""
        super().setEditTriggers(triggers)
        self.setTabKeyNavigation(triggers != QAbstractItemView.EditTrigger.NoEditTriggers)

    # The placeholder ----------------------------------------------------------------

    def placeholder(self) -> str:
        return self._placeholder

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def is_empty(self) -> bool:
        model = self.model()
        return model is None or model.rowCount() == 0

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._placeholder and self.is_empty():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(
                QRect(area.left(), area.top(), area.width(), min(area.height(), 120)),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
            painter.end()

    # Column widths ------------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        for connection in self._connections:
            QObject.disconnect(connection)
        super().setModel(model)
        self._connections = (
            [signal.connect(self.fit_columns) for signal in self._signals(model)] if model else []
        )
        self.fit_columns()

    @staticmethod
    def _signals(model: QAbstractItemModel) -> list[Any]:
        return [
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.columnsInserted,
            model.headerDataChanged,
        ]

    def fit_columns(self, *_args: object) -> None:
        """Measure the columns again (the rows changed) and lay them out in the view."""
        cells = cell_widths(self)
        one_line, two_lines = header_widths(self, False), header_widths(self, True)
        self._natural = [max(h, c) + PADDING for h, c in zip(one_line, cells, strict=True)]
        self._natural_wrapped = [max(h, c) + PADDING for h, c in zip(two_lines, cells, strict=True)]
        self._text_columns = text_columns(self)
        self._sized_by_hand = False
        self._lay_out()

    def natural(self) -> list[int]:
        return list(self._natural)

    def stretch_column(self) -> int | None:
        """The column given the room left: the one asked for, else the one with the longest
        text (the last of equals, as Qt's stretchLastSection); none in a grid of numbers,
        where a wide number column would only look odd."""
        if self._stretch is not None or not self._natural:
            return self._stretch
        header = self.horizontalHeader()
        interactive = [
            c
            for c in range(len(self._natural))
            if not self.isColumnHidden(c)
            and header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive
        ]
        if len(interactive) < header.count() - header.hiddenSectionCount():
            # The caller sized some columns itself (to their contents): the last of the
            # others takes the room, as Qt's stretchLastSection would.
            return interactive[-1] if interactive else None
        shown = [c for c in self._text_columns if c in interactive]
        return max(reversed(shown), key=lambda c: self._natural[c], default=None)

    def _lay_out(self) -> None:
        if self._sized_by_hand or not self._natural:
            return
        header = self.horizontalHeader()
        hidden = {c for c in range(len(self._natural)) if self.isColumnHidden(c)}
        shown = [c for c in range(len(self._natural)) if c not in hidden]
        # A caller that asked Qt to stretch the last section gets that column stretched.
        stretch = shown[-1] if header.stretchLastSection() and shown else self.stretch_column()
        floor = self.fontMetrics().horizontalAdvance("中") * FLOOR_CHARS + PADDING
        room = self.viewport().width()
        # Long headers take a second line only where one line would not fit the view.
        wide = sum(max(MIN_WIDTH, min(MAX_WIDTH, self._natural[c])) for c in shown) > room
        self._wrap_headers(self._two_lines or wide)
        natural = list(self._natural_wrapped if self._wrapped else self._natural)
        for column in shown:  # a column Qt sizes itself is as wide as Qt makes it
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
                natural[column] = header.sectionSize(column)
        widths = spread(
            [natural[c] for c in shown],
            room,
            floor,
            shown.index(stretch) if stretch in shown else None,
        )
        self._fitting = True
        try:
            for column, width in zip(shown, widths, strict=True):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
            if stretch in shown and sum(widths) == room:
                # Qt fits the columns it sizes to their contents again as the others
                # change: the stretching column takes what they finally leave.
                others = sum(header.sectionSize(c) for c in shown if c != stretch)
                if others + header.sectionSize(stretch) != room:
                    header.resizeSection(stretch, max(MIN_WIDTH, room - others))
        finally:
            self._fitting = False

    def headers_wrapped(self) -> bool:
        return self._wrapped

    def _wrap_headers(self, wrap: bool) -> None:
        if wrap == self._wrapped:
            return
        self._wrapped = wrap
        header = self.horizontalHeader()
        if wrap:
            header.setDefaultAlignment(WRAP_HEADER)
            header.setTextElideMode(Qt.TextElideMode.ElideNone)
            header.setMinimumHeight(2 * header.fontMetrics().height() + 10)
        else:
            header.setDefaultAlignment(self._alignment)
            header.setTextElideMode(self._elide)
            header.setMinimumHeight(0)

    def _resized_by_hand(self, section: int, _old: int, _new: int) -> None:
        if self._fitting:
            return
        # Qt resizes sections itself too (delayed layouts): only a drag is a person's choice.
        if QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._sized_by_hand = True
        elif self.horizontalHeader().sectionResizeMode(section) != (
            QHeaderView.ResizeMode.Interactive
        ):
            # A column sized to its contents changed: the stretching one takes up the change.
            QTimer.singleShot(0, self, self._lay_out)

    def viewportEvent(self, event: QEvent) -> bool:
        # The viewport's width changes with the window and with the vertical scroll bar.
        if event.type() == QEvent.Type.Resize:
            self._lay_out()
        return super().viewportEvent(event)


def read_only(view: QTableView) -> QTableView:
    """Whole rows chosen one at a time, nothing edited in place, no row numbers."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    return view
