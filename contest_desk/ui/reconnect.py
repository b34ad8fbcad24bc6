"""Saves that wait for a database server that went away: kept, and sent again once it is back.

A typed value whose save met ``ServerUnavailable`` is held here with the save that sends
it again (the grid's marks, the roster's person form). A cheap probe
(``Database.answers``, off the window's thread) asks the server every 1, 2, 4, then 5
seconds; once it answers, the held saves are sent again one at a time, in the order they
were typed, and each place shows its value saved only when the commit answered. While
saves wait, the window's status bar says so (服务器连接中断，正在重试…) and closing the
window asks first; when the last one is saved it says 已重新连接.

One queue per window (``retries_of``): a value typed while others wait joins them rather
than meeting the server's absence again, so the saves of one cell keep their order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from contest_desk.errors import ServerUnavailable, UserError
from contest_desk.ui import ask
from contest_desk.ui.tasks import run_task

NAME = "reconnect"
DELAYS_MS = (1000, 2000, 4000, 5000)  # between probes: quick at first, then every 5 s
_WAITING_STYLE = "color: #b00020; font-weight: bold;"


def tr(text: str) -> str:
    return QCoreApplication.translate("reconnect", text)


def kept_sentence(server: str) -> str:
    """What a place that keeps a typed value says when its save met the server's absence."""
    return tr(
        "The connection to the server {server} was lost. What you typed is kept and is "
        "saved again once the server is back."
    ).format(server=server)


@dataclass(eq=False)
class Held:
    """One typed value waiting: ``attempt`` runs off the window's thread; ``done`` (with
    its answer) or ``refused`` (a refusal of the moment: the round locked meanwhile) on
    the window's thread. ``key``: a later value for the same place replaces this one."""

    key: Hashable
    attempt: Callable[[], Any]
    done: Callable[[Any], None]
    refused: Callable[[UserError], None]


class Reconnect(QObject):
    """The window's queue of held saves and the probe that sends them again."""

    lost = Signal()  # saves now wait for the server
    back = Signal()  # every held save was sent again and answered

    def __init__(self, answers: Callable[[], bool], window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(NAME)
        self.host = window
        self.server = ""
        self._answers = answers
        self._held: dict[Hashable, Held] = {}  # in the order typed
        self._sending: Held | None = None
        self._probing = False
        self._tries = 0
        self._task: Any = None  # the running task's signals, kept alive until they speak
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._probe)
        # The status bar's line; a window without one (a form alone) has its own words.
        self.label: QLabel | None = None
        if isinstance(window, QMainWindow):
            self.label = QLabel()
            self.label.setObjectName("reconnect_status")
            window.statusBar().addWidget(self.label)
            self.label.hide()
        window.installEventFilter(self)

    # What waits ------------------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        """Whether saves wait for the server: a value typed now joins them."""
        return bool(self._held) or self._sending is not None

    def count(self) -> int:
        return len(self._held) + (self._sending is not None)

    def hold(self, held: Held, server: str = "") -> None:
        """Keep ``held`` to send again once the server answers (replacing one of its key)."""
        self.server = server or self.server
        self._held.pop(held.key, None)
        self._held[held.key] = held
        if not self._probing and self._sending is None:
            self._probing = True
            self._tries = 0
            self._timer.start(DELAYS_MS[0])
            self.lost.emit()
        self._say()

    def forget(self, key: Hashable) -> None:
        """The place gave its value up (a form cancelled): it is not sent again."""
        self._held.pop(key, None)
        self._say()

    # The probe and the sending ---------------------------------------------------------

    def _probe(self) -> None:
        self._task = run_task(self._answers, self._probed, self._probe_failed).signals

    def _probed(self, answered: bool) -> None:
        if not answered:
            self._tries += 1
            self._timer.start(DELAYS_MS[min(self._tries, len(DELAYS_MS) - 1)])
            return
        self._probing = False
        self._send_next()

    def _probe_failed(self, error: Exception) -> None:
        self._probed(False)  # not a lost server (Database.answers says those): try later
        raise error  # a bug, for the crash dialog

    def _send_next(self) -> None:
        if not self._held:
            self._task = None
            self._say()
            self.back.emit()
            return
        key = next(iter(self._held))
        held = self._sending = self._held.pop(key)
        # Bound methods, not lambdas: Qt drops the answer of a queue that is gone.
        self._task = run_task(held.attempt, self._sent, self._not_sent).signals

    def _sent(self, answer: Any) -> None:
        held, self._sending = self._sending, None
        assert held is not None
        held.done(answer)
        self._send_next()

    def _not_sent(self, error: Exception) -> None:
        held, self._sending = self._sending, None
        assert held is not None
        if isinstance(error, ServerUnavailable):  # gone again: first in line once it is back
            if held.key not in self._held:
                self._held = {held.key: held, **self._held}
            self._probing = True
            self._tries = 0
            self._timer.start(DELAYS_MS[0])
            self._say()
            return
        if isinstance(error, UserError):
            held.refused(error)
            self._send_next()
            return
        self._send_next()
        raise error  # a bug, for the crash dialog

    # What the window says --------------------------------------------------------------

    def status(self) -> str:
        """The status bar's line: retrying while saves wait, reconnected after."""
        if self.waiting:
            return tr("Connection to the server lost, retrying… ({count} not saved)").format(
                count=self.count()
            )
        return tr("Reconnected")

    def _say(self) -> None:
        if self.label is None:
            return
        self.label.setText(self.status())
        self.label.setStyleSheet(_WAITING_STYLE if self.waiting else "")
        tip = kept_sentence(self.server) if self.waiting and self.server else self.status()
        self.label.setToolTip(tip)
        self.label.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window while saves wait asks first: those values would be lost."""
        # The Python side of this filter may already be cleared (the collector broke a cycle
        # it was in) while Qt still calls it on the window: then it has nothing to say.
        host = self.__dict__.get("host")
        if host is None:
            return False
        if watched is host and event.type() == QEvent.Type.Close and self.waiting:
            go = ask.ask_go(
                self.host,
                tr("Values not saved"),
                tr(
                    "{count} typed value(s) wait for the server to be saved. Close anyway "
                    "and lose them?"
                ).format(count=self.count()),
                tr("Close without saving"),
                tr("Keep waiting"),
                warning=True,
            )
            if not go:
                event.ignore()
                return True
        return super().eventFilter(watched, event)


def retries_of(widget: QWidget, answers: Callable[[], bool]) -> Reconnect:
    """The queue of ``widget``'s window (made on first use): ``answers`` is the probe."""
    window = widget.window()
    found = window.findChild(Reconnect, NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else Reconnect(answers, window)
