"""The desk's full-screen hall window (成绩大屏): the same view as the hub's /hall page, in
large type on a chosen screen (the projector's), scrolling slowly when long.

It refreshes by itself: a change counter (``hub.hall.changes()``) moves on every change; the
desk's window watcher tells each move, or the counter is asked every second off the
window's thread (ChangeWatch, ui/live.py), and the view reloads in the background when it
moved; the window never opens a database session on its own thread. Esc closes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, QTimer
from PySide6.QtGui import (
    QAction,
    QFont,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.hall import HallPanel, HallView
from contest_desk.errors import UserError
from contest_desk.ui import keyboard
from contest_desk.ui.ask import ask_choice
from contest_desk.ui.hall.choice_dialog import choose_for_hall
from contest_desk.ui.hall.scroller import SlowScroll
from contest_desk.ui.jobs import LatestJob
from contest_desk.ui.live import ChangeWatch
from contest_desk.ui.state import AppState

STYLE = """
QWidget#hall { background: #0b1a2e; color: #f4f7fb; }
QLabel { color: #f4f7fb; }
QWidget#hall-header { background: #08121f; border-bottom: 3px solid #ffd24a; }
QLabel#hall-title { color: #ffd24a; font-weight: bold; }
QFrame#hall-panel { background: #132a47; border-radius: 8px; }
QLabel#provisional { background: #ff9f43; color: #1b1b1b; border-radius: 4px; padding: 2px 8px; }
QLabel#final-mark { color: #ffd24a; border: 1px solid #ffd24a; border-radius: 4px;
                    padding: 2px 8px; }
QLabel#heading, QLabel#withheld, QLabel#problem, QLabel#hall-message { color: #9db4d0; }
QScrollArea, QWidget#hall-body { background: transparent; border: none; }
"""


def _label(text: str, name: str, size: float, align: Any = None) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    font = QFont(label.font())
    font.setPointSizeF(size)
    label.setFont(font)
    if align is not None:
        label.setAlignment(align)
    return label


class HallWindow(QWidget):
    """The hall's view of one contest (the newest when ``contest_id`` is None)."""

    USES = ("hall",)

    def __init__(
        self,
        services: Any,
        contest_id: int | None,
        parent: QWidget | None = None,
        state: AppState | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("hall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.services = services
        self.contest_id = contest_id
        self.view: HallView | None = None
        self.base = 20.0  # points; set from the screen's height when shown
        hall = services.hall
        self.job = LatestJob(self)
        self.watch = ChangeWatch(hall.changes, self, state)  # the desk's state: told moves
        self.watch.moved.connect(self.reload)

        self.title = _label(self.tr("Results board"), "hall-title", 32)
        self.clock = _label("", "hall-clock", 32)
        header = QWidget()
        header.setObjectName("hall-header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        top = QHBoxLayout(header)
        top.setContentsMargins(24, 8, 24, 8)
        top.addWidget(self.title, 1)
        top.addWidget(self.clock)

        self.body = QWidget()
        self.body.setObjectName("hall-body")
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(24, 16, 24, 48)
        self.grid.setSpacing(16)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller = SlowScroll(self.scroll_area, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.scroll_area, 1)

        # A right click: what the hall may see (organizers), and closing without a keyboard.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if services.ctx.actor.may(Action.EDIT_SETUP):
            choose = QAction(self.tr("What the hall may see…"), self)
            choose.triggered.connect(self.choose)
            self.addAction(choose)
        close = QAction(self.tr("Close (Esc)"), self)
        close.triggered.connect(self.close)
        self.addAction(close)
        keyboard.install(self, lambda: None)  # Shift+F10 or the Menu key: that menu, by keys

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._tick()

    # Showing ---------------------------------------------------------------------------

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen`` (the projector's), type sized to its height."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.base = max(14.0, screen.geometry().height() / 48)
        self.showFullScreen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ticker.start()
        self.scroller.start()
        self.watch.start()
        QTimer.singleShot(0, self.reload)

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()
        self.scroller.stop()
        self.watch.stop()
        self.job.cancel()
        super().hideEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def choose(self) -> None:
        """The organizer's choice for this contest; the screen follows by itself."""
        if self.view is not None:
            choose_for_hall(self, self.services, self.view.contest_id)

    def _tick(self) -> None:
        self.clock.setText(QTime.currentTime().toString("HH:mm:ss"))

    # Loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        hall, contest_id = self.services.hall, self.contest_id
        self.job.start(lambda: hall.view(contest_id), self.show_view, self._failed)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, UserError):
            raise error  # a bug: the crash dialog
        self._fill([_label(error.message(), "hall-message", self.base * 1.4)])

    def show_view(self, view: HallView) -> None:
        self.view = view
        self.watch.saw(view.version)
        self.title.setText(view.title)
        self.setWindowTitle(f"{view.title} · {self.tr('Results board')}")
        panels: list[QWidget] = [self._panel(p) for p in view.panels]
        if not panels:
            panels = [
                _label(self.tr("Nothing is shown to the hall yet"), "hall-message", self.base * 1.4)
            ]
        self._fill(panels)

    def _fill(self, widgets: list[QWidget]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:  # out of the window at once, not only when Qt gets to it
                old.setParent(None)
                old.deleteLater()
        columns = 1 if len(widgets) == 1 else max(1, self.width() // 900 + 1)
        for n, widget in enumerate(widgets):
            self.grid.addWidget(widget, n // columns, n % columns, Qt.AlignmentFlag.AlignTop)

    def _panel(self, panel: HallPanel) -> QFrame:
        frame = QFrame()
        frame.setObjectName("hall-panel")
        frame.setProperty("event", panel.event_id)
        frame.setProperty("round", panel.round_number)
        frame.setProperty("board", panel.board_id)
        frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        box = QVBoxLayout(frame)
        box.setContentsMargins(16, 10, 16, 10)
        head = QHBoxLayout()
        head.addWidget(_label(panel.title, "panel-title", self.base * 1.15))
        if panel.provisional:
            head.addWidget(_label(self.tr("Provisional"), "provisional", self.base * 0.8))
        if panel.final and panel.board_id is None:
            head.addWidget(_label(self.tr("Final"), "final-mark", self.base * 0.8))
        head.addStretch(1)
        box.addLayout(head)
        if panel.withheld:
            box.addWidget(_label(self.tr("Not final yet"), "withheld", self.base))
        elif panel.problem:
            box.addWidget(_label(panel.problem, "problem", self.base))
        else:
            box.addLayout(self._rows(panel))
        return frame

    def _rows(self, panel: HallPanel) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        board = panel.board_id is not None
        headings = (
            (self.tr("Place"), self.tr("Title holder"), self.tr("Rating"))
            if board
            else (self.tr("Rank"), self.tr("Entrant"), self.tr("Total"))
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column, text in enumerate(headings):
            align = right if column == 2 else None
            grid.addWidget(_label(text, "heading", self.base * 0.75, align), 0, column)
        for n, row in enumerate(panel.rows, start=1):
            cells = (
                _label("" if row.rank is None else str(row.rank), "rank", self.base),
                _label(row.name, "name", self.base),
                _label("" if row.total is None else str(row.total), "total", self.base, right),
            )
            for column, cell in enumerate(cells):
                cell.setProperty("code", row.code)
                grid.addWidget(cell, n, column)
        grid.setColumnStretch(1, 1)
        return grid


def ask_screen(parent: QWidget, screens: list[QScreen]) -> QScreen | None:
    """The screen to fill when the desk has more than one (the projector's, usually)."""
    if len(screens) == 1:
        return screens[0]
    names = [f"{s.name()} ({s.geometry().width()}×{s.geometry().height()})" for s in screens]
    translate = QCoreApplication.translate
    chosen = ask_choice(
        parent,
        translate("HallWindow", "Results board"),
        translate("HallWindow", "Show it on the screen"),
        names,
    )
    return None if chosen is None else screens[chosen]


def open_hall_window(parent: QWidget, services: Any, state: AppState) -> HallWindow | None:
    """The hall's window for the window's contest, full screen on a chosen screen; it is
    the parent's child window, so it goes with the desk's window (a log-out)."""
    screen = ask_screen(parent, QGuiApplication.screens())
    if screen is None:
        return None
    window = HallWindow(services, state.contest_id, parent, state)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show_on(screen)
    return window
