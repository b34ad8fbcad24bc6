"""Helpers for the tests of long work in the window: the steps it reports to the runner,
and the person's Cancel, pressed at a chosen step or on the runner's own dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from contest_desk.ui import operations

REAL_CALL = operations.Progress.__call__


def steps(monkeypatch: pytest.MonkeyPatch, cancel_at: int | None = None) -> list[tuple[int, int]]:
    """Every ``progress(done, total)`` the work reports, in order; with ``cancel_at``, the
    person cancels as that step (counted from 1) is reported, as Cancel in the dialog does.
    Deterministic: no dialog has to appear first."""
    seen: list[tuple[int, int]] = []

    def call(self: operations.Progress, done: int, total: int) -> bool:
        seen.append((done, total))
        if cancel_at is not None and len(seen) >= cancel_at:
            self.cancel()
        return REAL_CALL(self, done, total)

    monkeypatch.setattr(operations.Progress, "__call__", call)
    return seen


def press_cancel_when_shown(seen: dict[str, object], pressed: threading.Event) -> None:
    """Once the runner's dialog shows, note its label and press its Cancel button."""

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        dialog = next((d for d in dialogs if d.isVisible()), None)
        button = dialog.findChild(QPushButton) if dialog is not None else None
        if dialog is None or button is None:
            QTimer.singleShot(20, look)
            return
        seen["label"] = dialog.labelText()
        button.click()
        pressed.set()

    QTimer.singleShot(operations.QUIET_MS, look)


def held_until(pressed: threading.Event, work: Callable[..., object]) -> Callable[..., object]:
    """``work`` that first waits (on the worker) for Cancel to be pressed, at most 20 s, so
    that the dialog has time to show."""

    def held(*args: object, **kwargs: object) -> object:
        pressed.wait(20)
        return work(*args, **kwargs)

    return held
