"""A form's answer to a save refused because another desk saved the same thing first
(errors.StaleEdit): say who changed what, show the stored values now, and keep the
person's own values, put back by 重新应用我的修改 to save again over the fresh ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from contest_desk.errors import StaleEdit, UserError
from contest_desk.ui import feedback, operations

T = TypeVar("T")
Mine = TypeVar("Mine")


def tr(text: str) -> str:
    return QCoreApplication.translate("stale_form", text)


def saved_or_said(
    parent: QWidget, outcome: T | UserError | None, stale: Callable[[StaleEdit], None]
) -> T | None:
    """A save's outcome (``operations.run_inline``'s) as the saved record; None when the
    save was refused, a stale refusal handed to ``stale`` and any other said, or cancelled."""
    if isinstance(outcome, StaleEdit):
        stale(outcome)
        return None
    if isinstance(outcome, UserError):
        feedback.show_user_error(parent, outcome)
        return None
    return outcome


class StaleGuard(Generic[Mine]):
    """Runs a form's save; on a stale refusal, shows the stored record (``show_current``)
    and keeps ``mine`` (the typed values) for ``button``, which shows them again
    (``show_mine``). The button is the form's to place; hidden until needed."""

    def __init__(
        self,
        parent: QWidget,
        show_current: Callable[[Any], None],
        show_mine: Callable[[Mine], None],
    ) -> None:
        self.parent = parent
        self.show_current, self.show_mine = show_current, show_mine
        self.mine: Mine | None = None
        self.button = QPushButton(tr("Reapply my changes"))
        self.button.setToolTip(tr("Put the values you typed back into the form, to save them"))
        self.button.clicked.connect(self.reapply)
        self.button.hide()

    def save(self, work: Callable[[], T], mine: Mine) -> T | None:
        """The saved record; None when refused (said) or cancelled."""
        outcome = operations.run_inline(self.parent, work)
        saved = saved_or_said(self.parent, outcome, lambda error: self.refused(error, mine))
        if saved is not None:
            self.mine = None
            self.button.hide()
        return saved

    def refused(self, error: StaleEdit, mine: Mine) -> None:
        feedback.show_user_error(self.parent, error)
        if error.current is not None:
            self.show_current(error.current)
        self.mine = mine
        self.button.show()

    def reapply(self) -> None:
        if self.mine is not None:
            self.show_mine(self.mine)
