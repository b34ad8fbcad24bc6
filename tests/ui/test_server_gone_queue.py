"""The window's queue of saves waiting for the server (ui/reconnect.py), without a server:
the probe says when it is back; held saves go in the order typed, a later value of one
place replaces the earlier, a save that meets the absence again waits first in line, and
a refusal of the moment is handed back to its place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow

from contest_desk.errors import ServerUnavailable, UserError
from contest_desk.ui import reconnect
from contest_desk.ui.reconnect import Held, Reconnect, retries_of


@pytest.fixture(autouse=True)
def quick_probes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconnect, "DELAYS_MS", (10, 10, 10, 10))


def answers_after(misses: int) -> Callable[[], bool]:
    """A probe that finds the server away ``misses`` times, then back."""
    asked = iter(range(misses + 1000))
    return lambda: next(asked) >= misses


def test_held_saves_go_in_order_once_the_server_answers(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    queue = retries_of(window, answers_after(3))
    assert retries_of(window, answers_after(0)) is queue  # one queue per window
    done: list[str] = []
    refused: list[str] = []
    away_once = iter([True])

    def save(name: str) -> Callable[[], str]:
        def attempt() -> str:
            if name == "b" and next(away_once, False):
                raise ServerUnavailable("db.plant.local")  # gone again as b is sent
            if name == "c":
                raise UserError("The round is locked")
            return name

        return attempt

    def held(key: str, name: str) -> Held:
        return Held(key, save(name), done.append, lambda e: refused.append(e.message()))

    queue.hold(held("A", "a-first"), "db.plant.local")
    queue.hold(held("B", "b"))
    queue.hold(held("C", "c"))
    queue.hold(held("A", "a"))  # a later value of A replaces its earlier one
    assert queue.waiting and queue.count() == 3
    assert queue.status() == "Connection to the server lost, retrying… (3 not saved)"
    with qtbot.waitSignal(queue.back, timeout=10000):
        pass
    assert done == ["b", "a"] and refused == ["The round is locked"]
    assert not queue.waiting and queue.status() == "Reconnected"
    assert isinstance(window.findChild(Reconnect), Reconnect)
