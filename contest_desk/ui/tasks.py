"""Running slow work off the UI thread and getting the answer back by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Calls ``work()`` on the thread pool; ``done(result)`` or ``failed(exception)`` follow."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # handed to the UI thread, which decides how to show it
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


def run_task(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> Task:
    task = Task(work)
    task.signals.done.connect(on_done)
    task.signals.failed.connect(on_failed)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
