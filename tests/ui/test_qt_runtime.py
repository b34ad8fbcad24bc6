"""The Qt binding itself: a release that leaks or drops references would crash long sessions."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_emitting_signals_keeps_reference_counts() -> None:
    """PySide6 6.12.0 dropped a reference to True per emit() until Python aborted."""
    emitter = _Emitter()
    received: list[int] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for value in range(2000):
        emitter.changed.emit(value)
    assert len(received) == 2000
    assert sys.getrefcount(True) >= before - 10
