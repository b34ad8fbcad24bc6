"""The chief judge's desk, live: a change counter polled every second off the window's
thread, and how a sheet's last activity reads ("14:03:07，3 分钟前").

The counter is ``hub.hall.changes()``, the audit trail's head: every saved mark, submit,
flag and lock writes an audit row, from any desk or phone, so it moves on every change
and stays put otherwise; the desk reloads only when it moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from contest_desk.ui.jobs import LatestJob

POLL_MS = 1000


class ChangeWatch(QObject):
    """Asks ``counter`` every second while started, on the thread pool; ``moved`` when it
    passed the last value seen (the first answer is the start). The counter only grows;
    a reading of the data that read the counter first tells ``saw``, so an answer that
    comes late says nothing new."""

    moved = Signal()

    def __init__(self, counter: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.seen: int | None = None
        self.job = LatestJob(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self.timer.stop()
        self.job.cancel()

    def poll(self) -> None:
        if not self.job.busy:  # a slow database: one question at a time
            self.job.start(self.counter, self._answered, self._failed)

    def saw(self, value: int) -> None:
        """The data shown is as new as ``value``."""
        self.seen = value if self.seen is None else max(self.seen, value)

    def _answered(self, value: int) -> None:
        previous = self.seen
        self.saw(value)
        if previous is not None and value > previous:
            self.moved.emit()

    def _failed(self, _error: Exception) -> None:
        """The database did not answer this time (a network blip): the next tick asks again."""


def activity_text(at: dt.datetime | None, now: dt.datetime) -> str:
    """``at`` and ``now`` naive UTC, as stored; shown in the desk's local time with how
    long ago: the chief judge sees at a glance who has stopped marking."""
    if at is None:
        return "—"
    local = at.replace(tzinfo=dt.UTC).astimezone()
    shown = local.strftime("%H:%M:%S")
    if local.date() != now.replace(tzinfo=dt.UTC).astimezone().date():
        shown = local.strftime("%m-%d %H:%M:%S")
    seconds = max(0, int((now - at).total_seconds()))
    translate = QCoreApplication.translate
    if seconds < 60:
        ago = translate("ChiefArea", "just now")
    elif seconds < 3600:
        ago = translate("ChiefArea", "{minutes} min ago").format(minutes=seconds // 60)
    else:
        ago = translate("ChiefArea", "{hours} h ago").format(hours=seconds // 3600)
    return translate("ChiefArea", "{time} ({ago})").format(time=shown, ago=ago)
