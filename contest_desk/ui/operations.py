"""One way to run work from the window: off its thread, with progress, cancel and errors
shown the same way everywhere (after Anki's ``CollectionOp``/``QueryOp``).

``run`` hands the work to the thread pool and waits for its answer in a local event loop,
so the caller reads the answer as the next line, while the window keeps painting. For the
first moments the loop holds back the person's clicks and keys (a quick save feels
instant and nothing can be clicked twice); work that takes longer gets a modal progress
dialog, with Cancel where the work can stop cleanly. A ``UserError`` is shown as the usual
message and gives ``None``; anything else is a bug and is raised again on the window's
thread, where the crash handler shows it with the log file. A change done, the caller
announces it through ``AppState`` (``setup_changed``, ``scores_changed``) on the next line,
and every area that shows what changed refreshes itself.

Work that meets the database server gone away (``ServerUnavailable``) is waited for and
sent again once the server is back, with a dialog up (ui/server_wait.py), when nothing of
it was committed; the caller then reads the answer as if the server had never gone. The
places that keep a typed value in the window's own queue (the scoring grid, the person's
form: ui/reconnect.py), the log-in and the connection dialog say the absence their own way:
they pass ``wait_for_server=False``.

``LatestJob`` (ui/jobs.py) stays for the loads where a later choice makes an
earlier answer stale; both run their work through ``ui/tasks.py``.
"""

from __future__ import annotations

import inspect
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from contest_desk.errors import Cancelled, UserError
from contest_desk.ui import feedback, server_wait
from contest_desk.ui.tasks import Task

T = TypeVar("T")

QUIET_MS = 400  # work that ends sooner shows no dialog


__all__ = ["Cancelled", "Progress", "Started", "done", "run", "run_inline", "start"]


class Progress(QObject):
    """Handed to long work: ``progress(done, total)`` reports and says whether to go on;
    ``progress.check()`` raises ``Cancelled`` once the person has cancelled."""

    moved = Signal(int, int)
    said = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()

    def __call__(self, done: int, total: int) -> bool:
        self.moved.emit(done, total)
        return not self._stop.is_set()

    def say(self, text: str) -> None:
        self.said.emit(text)

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()

    def check(self) -> None:
        if self._stop.is_set():
            raise Cancelled


def takes_progress(work: Callable[..., Any]) -> bool:
    """Work that must be given an argument gets the Progress; one whose parameters all
    have defaults (``board_views.boards``, with an optional contest) is called bare."""
    try:
        parameters = inspect.signature(work).parameters.values()
    except (TypeError, ValueError):
        return False
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return any(p.kind in positional and p.default is p.empty for p in parameters)


def run(
    parent: QWidget | None,
    work: Callable[[], T] | Callable[[Progress], T],
    *,
    label: str = "",
    cancellable: bool = False,
    wait_for_server: bool = True,
) -> T | None:
    """Run ``work`` off the window's thread and give its answer; ``None`` when it raised a
    ``UserError`` (shown to the person) or was cancelled. ``work`` that takes one argument
    gets a ``Progress``. ``wait_for_server``: see ``wait_for``."""
    ok, value = wait_for(
        parent, work, label=label, cancellable=cancellable, wait_for_server=wait_for_server
    )
    if ok:
        return value
    _failed(parent, value)
    return None


def done(parent: QWidget | None, work: Callable[[], Any], **options: Any) -> bool:
    """Like ``run`` for work that answers nothing: True when it was done."""
    ok, value = wait_for(parent, work, **options)
    if not ok:
        _failed(parent, value)
    return ok


def _failed(parent: QWidget | None, error: Exception) -> None:
    """Cancelled: nothing to say. A ``UserError``: shown as usual. Else a bug: raised again
    here, on the window's thread, for the crash dialog."""
    if isinstance(error, Cancelled):
        return
    if isinstance(error, UserError):
        feedback.show_user_error(parent, error)  # looked up now, so tests can replace it
        return
    raise error


def run_inline(
    parent: QWidget | None,
    work: Callable[[], T] | Callable[[Progress], T],
    *,
    label: str = "",
    cancellable: bool = False,
    wait_for_server: bool = True,
) -> T | UserError | None:
    """Like ``run``, for a widget that shows a refusal in a line of its own (the Draw and
    Advance tabs' summary, the roster import's note, the log-in's problem line) rather
    than in a message box: a ``UserError`` comes back as the answer; ``None`` when the
    person cancelled."""
    # The refusal is taken from the outcome, not caught inside the work: the runner must
    # see a server gone away as raised, to wait for it.
    ok, value = wait_for(
        parent, work, label=label, cancellable=cancellable, wait_for_server=wait_for_server
    )
    if ok:
        return value
    if isinstance(value, UserError):
        return value
    _failed(parent, value)
    return None


def wait_for(
    parent: QWidget | None,
    work: Callable[..., Any],
    *,
    label: str = "",
    cancellable: bool = False,
    wait_for_server: bool = True,
) -> tuple[bool, Any]:
    """(True, answer) or (False, the exception): the work ran on the pool while this
    thread kept the window painted. With ``wait_for_server``, work that met the server
    gone away, nothing of it committed, is sent again until the server is back or the
    person stops waiting (ui/server_wait.py)."""
    attempt = server_wait.counted(work, takes_progress(work))
    outcome = start(attempt).wait(parent, label=label, cancellable=cancellable)
    ok, value = outcome
    if ok or not wait_for_server or not server_wait.worth_waiting(value):
        return outcome
    return server_wait.retried(parent, lambda: start(attempt), value)


class Started(QObject):
    """Work handed to the pool at once, its answer waited for later (``wait``), as ``run``
    waits: for work the window begins before the person asks for its answer (the
    database opening behind the log-in, ui/start_login.py). It keeps itself until its answer
    is in, whether or not anyone waits for it (its task must outlive the work)."""

    finished = Signal()  # on the window's thread, once the answer is in
    running: ClassVar[set[Started]] = set()

    def __init__(self, work: Callable[..., Any]) -> None:
        super().__init__()
        self.progress = Progress()
        call = (lambda: work(self.progress)) if takes_progress(work) else work
        self.outcome: tuple[bool, Any] | None = None
        self._task = Task(call)
        # This object's own slots: the answer comes in on the window's thread.
        self._task.signals.done.connect(self._done)
        self._task.signals.failed.connect(self._failed)
        self._task.setAutoDelete(False)  # kept until its answer is read
        Started.running.add(self)
        QThreadPool.globalInstance().start(self._task)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._finish((True, result))

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        self._finish((False, error))

    def _finish(self, outcome: tuple[bool, Any]) -> None:
        self.outcome = outcome
        Started.running.discard(self)
        self.finished.emit()

    @property
    def done(self) -> bool:
        return self.outcome is not None

    def wait(
        self, parent: QWidget | None, *, label: str = "", cancellable: bool = False
    ) -> tuple[bool, Any]:
        """(True, answer) or (False, the exception), waited for as ``run`` waits: the
        person's input held back for a moment, then a progress dialog."""
        if self.outcome is None:
            loop = QEventLoop()
            self.finished.connect(loop.quit)
            QTimer.singleShot(QUIET_MS, loop.quit)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            if self.outcome is None:
                dialog = _dialog(parent, label, cancellable, self.progress)
                try:
                    while self.outcome is None:
                        loop.exec()
                finally:
                    dialog.close()
                    dialog.deleteLater()
        return self.outcome


def start(work: Callable[[], Any] | Callable[[Progress], Any]) -> Started:
    """Start ``work`` on the pool now and return at once; ``Started.wait`` gives its
    answer when it is needed."""
    return Started(work)


def _dialog(
    parent: QWidget | None, label: str, cancellable: bool, progress: Progress
) -> QProgressDialog:
    text = label or QCoreApplication.translate("operations", "Working…")
    cancel = QCoreApplication.translate("operations", "Cancel") if cancellable else ""
    dialog = QProgressDialog(text, cancel, 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("operations", "Contest Desk"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    if not cancellable:
        dialog.setCancelButton(None)
    progress.moved.connect(lambda done, total: _show_step(dialog, done, total))
    progress.said.connect(dialog.setLabelText)
    dialog.canceled.connect(progress.cancel)
    dialog.canceled.connect(
        lambda: dialog.setLabelText(QCoreApplication.translate("operations", "Cancelling…"))
    )
    dialog.show()
    return dialog


def _show_step(dialog: QProgressDialog, done: int, total: int) -> None:
    if dialog.maximum() != total:
        dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total))


# The guard ----------------------------------------------------------------------------

UI_FOLDER = str(Path(__file__).resolve().parent)


class WindowThreadCall(AssertionError):
    """A service was called by the window's code on the window's thread."""


def refuse_window_thread() -> None:
    """``Database.entry_check`` for the window: a session opened on the window's thread by
    the window's own code is a call that bypassed ``run``, and freezes the window while
    the database (or the server, over the network) answers."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.startswith(UI_FOLDER):
            where = f"{frame.f_code.co_filename}:{frame.f_lineno} {frame.f_code.co_name}"
            raise WindowThreadCall(f"service call on the window's thread from {where}")
        frame = frame.f_back
