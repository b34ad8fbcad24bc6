"""Every window test runs with the guard on: a service call made by the window's code on
the window's thread fails the test (see ui/operations.py).

``CONTEST_DESK_GUARD_LIST=FILE`` lists such calls in FILE instead of failing, to find
them all in one run while moving calls to the runner."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

from contest_desk.storage.db import Database
from contest_desk.ui import operations


@pytest.fixture(autouse=True)
def window_thread_guard() -> Iterator[list[str]]:
    """Refuses, and remembers, each such call: the window's code may catch the refusal,
    the test still fails at its end."""
    found: list[str] = []
    listing = os.environ.get("CONTEST_DESK_GUARD_LIST")

    def check() -> None:
        try:
            operations.refuse_window_thread()
        except operations.WindowThreadCall as error:
            if listing:
                with open(listing, "a", encoding="utf-8") as out:
                    out.write(f"{error}\n")
                return
            found.append(str(error))
            raise

    previous = Database.entry_check
    Database.entry_check = check
    yield found
    Database.entry_check = previous
    assert found == [], "service calls on the window's thread:\n" + "\n".join(found)


@pytest.fixture(autouse=True)
def garbage_on_the_window_thread() -> Iterator[None]:
    """As the app does (ui/main_thread_gc.py): no automatic collection during a window
    test, which could destroy a window object in a reference cycle on a worker thread (Qt:
    "Timers cannot be stopped from another thread"); collected here, on this thread."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()
