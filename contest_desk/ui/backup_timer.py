"""The rotating backup while the desk is open: a timer that asks the backup service.

How often is the setting ``backup_interval_minutes`` (60 by default, 0 turns it off); the
service keeps the newest ten in the backups folder (beside the database, or inside the
backup folder chosen in the settings dialog, which app.py hands down). The work runs
on the task runner, so the window never waits for it; a failure is written to the log
instead of interrupting whoever is at the desk (the next tick tries again). Not through
the operations runner: that one is for what a person asked for, holding their input back
for a moment and then showing a dialog, which a timer nobody pressed must not do.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer

from contest_desk.ui.tasks import run_task

if TYPE_CHECKING:  # made at start, before the database's modules load
    from contest_desk.services.hub import Services

SETTING = "backup_interval_minutes"
DEFAULT_MINUTES = 60
log = logging.getLogger(__name__)


class BackupTimer(QObject):
    def __init__(
        self, services: Callable[[], Services], settings: QSettings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services  # asked each time: a log-out rebuilds the services
        self.busy = False
        self.last: Any = None  # the last backup made, for tests and the curious
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.restart(settings)

    def restart(self, settings: QSettings) -> None:
        """Read the interval again (the settings dialog changed it) and start over."""
        self.minutes = int(str(settings.value(SETTING, DEFAULT_MINUTES) or 0))
        self.timer.stop()
        if self.minutes > 0:
            self.timer.start(self.minutes * 60_000)

    def tick(self) -> None:
        if self.busy:  # a slow disk: never two backups at once
            return
        self.busy = True
        interval = dt.timedelta(minutes=self.minutes)
        backups = self.services().backups
        self.task = run_task(lambda: backups.automatic(interval), self._done, self._failed)

    def _done(self, made: Any) -> None:
        self.busy = False
        if made is not None:
            self.last = made

    def _failed(self, error: Exception) -> None:
        self.busy = False
        log.warning("The automatic backup failed: %s", error)
