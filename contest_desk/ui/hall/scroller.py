"""A slow scroll through a hall panel list taller than the screen: a pause at the top, a
screen's height in 30 seconds, a pause at the bottom, back to the top (as the page does)."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer
from PySide6.QtWidgets import QScrollArea

TICK_MS = 40
PAUSE_MS = 4000
SCREEN_MS = 30000  # one screen's height of scrolling


class SlowScroll(QObject):
    def __init__(self, area: QScrollArea, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.offset = 0.0
        self.phase = "top"
        self.pause_ms = PAUSE_MS
        self.since = QElapsedTimer()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.step)

    def start(self) -> None:
        self.since.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _enter(self, phase: str) -> None:
        self.phase = phase
        self.since.restart()

    def step(self) -> None:
        bar = self.area.verticalScrollBar()
        room = bar.maximum()
        if room <= 0:
            self.offset = 0.0
            self._enter("top")
        elif self.phase == "top" and self.since.elapsed() >= self.pause_ms:
            self._enter("down")
        elif self.phase == "down":
            height = self.area.viewport().height()
            self.offset = min(float(room), self.offset + height * TICK_MS / SCREEN_MS)
            if self.offset >= room:
                self._enter("bottom")
        elif self.phase == "bottom" and self.since.elapsed() >= self.pause_ms:
            self.offset = 0.0
            self._enter("top")
        self.offset = min(self.offset, float(max(room, 0)))  # the panels may have shrunk
        bar.setValue(round(self.offset))
