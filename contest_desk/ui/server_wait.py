"""Work that met a database server gone away, waited for and sent again once it is back.

The runner (ui/operations.py) hands here work whose attempt raised ``ServerUnavailable``
while nothing of it was committed: running it again repeats nothing. A modal dialog
(服务器连接中断) says that what was typed is kept, and the same work is tried again after
1, 2, 4, then every 5 seconds, each attempt off the window's thread like the first: the
work itself is the probe. The attempt that succeeds gives its answer to the caller as if
the first had, so the caller's form, its values and its next steps are as after any save.
停止等待 ends the waiting with the server's absence said as before.

Not sent again: a commit under way when the server went (``unknown``: saved or not,
nobody knows) and a work of which one transaction was committed before (``partly``,
counted by storage per thread, contest_desk/commits.py): either would repeat a change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from contest_desk import commits
from contest_desk.errors import Cancelled, ServerUnavailable
from contest_desk.ui.reconnect import kept_sentence

if TYPE_CHECKING:
    from contest_desk.ui.operations import Started

NAME = "server_wait"  # the dialog's objectName
DELAYS_MS = (1000, 2000, 4000, 5000)  # between attempts, as the window's queue probes
_STATUS_STYLE = "color: #555;"


def tr(text: str) -> str:
    return QCoreApplication.translate("server_wait", text)


def counted(work: Callable[..., Any], takes_progress: bool) -> Callable[[Any], Any]:
    """``work`` as one attempt: a ``ServerUnavailable`` it raises after one of its own
    transactions was committed (on this, the pool's, thread) comes out ``partly``."""

    def attempt(progress: Any) -> Any:
        before = commits.committed()
        try:
            return work(progress) if takes_progress else work()
        except ServerUnavailable as error:
            if error.partly or commits.committed() == before:
                raise
            raise ServerUnavailable(error.server, partly=True) from error

    return attempt


def worth_waiting(error: BaseException) -> bool:
    """Whether the work that raised ``error`` may simply be run again once the server is
    back: the server went away, and nothing of the work was committed."""
    return isinstance(error, ServerUnavailable) and not (error.unknown or error.partly)


class WaitDialog(QDialog):
    """服务器连接中断: what happened, that the values are kept, the retries, 停止等待."""

    stop_asked = Signal()

    def __init__(self, parent: QWidget | None, server: str) -> None:
        super().__init__(parent)
        self.setObjectName(NAME)
        self.setWindowTitle(tr("Connection to the server lost"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.ended = False
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(kept_sentence(server))
        self.text.setObjectName("server_wait_text")
        self.text.setWordWrap(True)
        self.status = QLabel(tr("Retrying…"))
        self.status.setObjectName("server_wait_status")
        self.status.setStyleSheet(_STATUS_STYLE)
        hint = QLabel(tr("Stop waiting gives this step up: nothing of it is saved."))
        hint.setWordWrap(True)
        hint.setStyleSheet(_STATUS_STYLE)
        self.stop_button = QPushButton(tr("Stop waiting"))
        self.stop_button.setObjectName("server_wait_stop")
        self.stop_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.RejectRole)
        words = QVBoxLayout()
        words.addWidget(self.text)
        words.addWidget(self.status)
        words.addWidget(hint)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def say_next(self, tries: int, delay_ms: int) -> None:
        if tries:
            self.status.setText(
                tr("Retrying… (tried {count} time(s); next in {seconds} s)").format(
                    count=tries, seconds=max(1, round(delay_ms / 1000))
                )
            )

    def say_trying(self) -> None:
        self.status.setText(tr("Retrying…"))

    def say_stopping(self) -> None:
        self.stop_button.setEnabled(False)
        self.status.setText(tr("Stopping once the attempt under way has answered…"))

    def reject(self) -> None:
        """停止等待, Esc and the title bar's close ask the waiting to stop; the dialog
        closes when the waiting has ended."""
        if self.ended:
            super().reject()
        else:
            self.stop_asked.emit()

    def end(self) -> None:
        self.ended = True
        self.hide()
        self.deleteLater()


class Retrying(QObject):
    """One work waited for: attempts on a timer, the dialog up until one settles it."""

    def __init__(
        self, parent: QWidget | None, again: Callable[[], Started], error: ServerUnavailable
    ) -> None:
        super().__init__()
        self._again = again
        self._error = error  # what 停止等待 says: the absence, as the runner said it before
        self._tries = 0
        self._attempt: Started | None = None
        self._stopping = False
        self.outcome: tuple[bool, Any] | None = None
        self._loop = QEventLoop()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._try)
        self.dialog = WaitDialog(parent, error.server)
        self.dialog.stop_asked.connect(self._stop)

    def wait(self) -> tuple[bool, Any]:
        """(True, answer) of the attempt that succeeded, or (False, the exception)."""
        self.dialog.show()
        self._next()
        try:
            while self.outcome is None:
                self._loop.exec()
        finally:
            self._timer.stop()
            self.dialog.end()
        return self.outcome

    def _next(self) -> None:
        delay = DELAYS_MS[min(self._tries, len(DELAYS_MS) - 1)]
        self.dialog.say_next(self._tries, delay)
        self._timer.start(delay)

    def _try(self) -> None:
        self._tries += 1
        self.dialog.say_trying()
        self._attempt = self._again()
        # Its answer comes by a queued signal, on this thread, after this connection.
        self._attempt.finished.connect(self._answered)

    def _answered(self) -> None:
        attempt, self._attempt = self._attempt, None
        assert attempt is not None and attempt.outcome is not None
        ok, value = attempt.outcome
        if not ok and worth_waiting(value):
            if self._stopping:
                self._end((False, self._error))
            else:
                self._error = value
                self._next()
            return
        if not ok and isinstance(value, Cancelled) and self._stopping:
            self._end((False, self._error))  # the attempt stopped at the person's word
            return
        # Saved (even one under way when 停止等待 was pressed: it is saved, so said so),
        # refused, partly saved, or a bug: the runner goes on with it as with a first answer.
        self._end((ok, value))

    def _stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        self._timer.stop()
        if self._attempt is None:
            self._end((False, self._error))
            return
        # An attempt under way may still save: its answer is waited for, never dropped.
        self._attempt.progress.cancel()
        self.dialog.say_stopping()

    def _end(self, outcome: tuple[bool, Any]) -> None:
        self.outcome = outcome
        self._loop.quit()


def retried(
    parent: QWidget | None, again: Callable[[], Started], error: ServerUnavailable
) -> tuple[bool, Any]:
    """Wait for the server with the dialog up, sending the work again (``again`` starts
    one attempt) until an attempt settles it or the person stops waiting."""
    return Retrying(parent, again, error).wait()
