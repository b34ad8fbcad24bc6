"""Python's garbage collector run on the window's thread only.

Left automatic, the collector runs on whichever thread allocates when a threshold is
reached, often a worker of the runner: a window object caught in a reference cycle is then
destroyed there, and Qt warns "Timers cannot be stopped from another thread" (or worse).
Here automatic collection is off and a timer on the window's thread collects instead, as
often as the thresholds would have asked (the pattern pyqtgraph's GarbageCollector uses).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


def install(app: QObject) -> MainThreadCollector:
    """Once per application; the collector lives as long as ``app``."""
    found = app.findChild(MainThreadCollector)
    return found if found is not None else MainThreadCollector(app)
