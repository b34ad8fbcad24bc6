"""Background work where only the newest request's answer matters (a later choice wins)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from contest_desk.ui.tasks import run_task


class LatestJob(QObject):
    """Runs work on the thread pool and calls back on the UI thread, dropping stale answers.

    Answers arrive through this object's own slots, so Qt queues them to the UI
    thread and drops them if the widget that owns this job is gone.
    """

    finished = Signal()  # after any answer, stale or not

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._generation = 0
        self._running: dict[int, Any] = {}  # generation → the task's signal object, kept alive
        self._callbacks: tuple[Callable[[Any], None], Callable[[Exception], None]] | None = None

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        self._generation += 1
        generation = self._generation
        self._callbacks = (on_done, on_failed)

        def tagged() -> tuple[int, bool, Any]:
            try:
                return generation, True, work()
            except Exception as error:  # handed to the UI thread with its generation
                return generation, False, error

        task = run_task(tagged, self._answer, self._crash, self._pool)
        self._running[generation] = task.signals

    def cancel(self) -> None:
        """Forget any answer still to come."""
        self._generation += 1
        self._callbacks = None

    def _answer(self, tagged: tuple[int, bool, Any]) -> None:
        generation, ok, value = tagged
        self._running.pop(generation, None)
        callbacks = self._callbacks
        if generation == self._generation and callbacks is not None:
            self._callbacks = None
            if ok:
                callbacks[0](value)
            else:
                callbacks[1](value)
        self.finished.emit()

    def _crash(self, error: Exception) -> None:
        raise error
