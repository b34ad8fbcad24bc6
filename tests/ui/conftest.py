"""Every window test runs with the guard on: a service call made by the window's code on
the window's thread fails the test (see ui/operations.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contest_desk.storage.db import Database
from contest_desk.ui import operations


@pytest.fixture(autouse=True)
def window_thread_guard() -> Iterator[list[str]]:
    """Refuses, and remembers, each such call: the window's code may catch the refusal,
    the test still fails at its end."""
    found: list[str] = []

    def check() -> None:
        try:
            operations.refuse_window_thread()
        except operations.WindowThreadCall as error:
            found.append(str(error))
            raise

    previous = Database.entry_check
    Database.entry_check = check
    yield found
    Database.entry_check = previous
    assert found == [], "service calls on the window's thread:\n" + "\n".join(found)
