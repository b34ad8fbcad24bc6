"""How many database transactions this thread has committed, counted by storage
(``Database.transaction``) and read by the window's runner around a piece of work.

The runner may send work that met a server gone away again only when nothing of it was
committed: a work of two service calls whose first was saved would save that one twice.
Only the thread that ran the work knows what it committed, hence one count per thread.
Outside the layers (as errors.py is), so that storage counts and the window reads without
either importing the other (tests/test_layers.py keeps ui/ from storage).
"""

from __future__ import annotations

import threading

_counts = threading.local()


def committed() -> int:
    """The transactions this thread has committed so far (compare two readings)."""
    return int(getattr(_counts, "value", 0))


def count_commit() -> None:
    """One more transaction of this thread committed: called after the commit answered."""
    _counts.value = committed() + 1
