"""Service calls whose refusal is shown in a line of the widget itself, not in a pop-up.

A tab that refreshes as the person moves about (the Draw and Advance tabs' summary line,
the roster import's note, the log-in dialog's problem line) shows a ``UserError`` where it
belongs; ``operations.run`` would show it in a message box instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from contest_desk.errors import UserError
from contest_desk.ui import operations

T = TypeVar("T")


def run_inline(
    parent: QWidget | None,
    work: Callable[[], T] | Callable[[operations.Progress], T],
    *,
    label: str = "",
    cancellable: bool = False,
) -> T | UserError | None:
    """Like ``operations.run``: the answer, off the window's thread; a ``UserError`` comes
    back as the answer for the caller to show; ``None`` when the person cancelled."""
    takes = operations.takes_progress(work)
    call: Callable[..., Any] = work

    def caught(progress: operations.Progress) -> T | UserError:
        try:
            return call(progress) if takes else call()
        except UserError as error:
            return error

    return operations.run(parent, caught, label=label, cancellable=cancellable)
