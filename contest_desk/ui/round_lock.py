"""Locking a round from the window: what locking means is said before, and the result
notice (成绩公示) is offered right after. The chief judge's desk and the scoring area's
sheet bar ask the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from contest_desk.i18n import _
from contest_desk.ui.ask import ask_go

SAVE, PRINT = "save", "print"


def lock_text(event: str, round_name: str) -> str:
    """The question and what locking means; without names (the sheet bar knows none), of
    "this round"."""
    question = (
        _("Lock {round} of {event}?", round=round_name, event=event)
        if event
        else _("Lock this round?")
    )
    meaning = _(
        "Once locked:\n"
        "• no score of the round can be changed any more;\n"
        "• the entrants' names are revealed, on the hall's screen too;\n"
        "• the standings are final: certificates and the result notice print as final.\n\n"
        "Only the chief judge can unlock it again, giving a reason that is recorded in the "
        "audit trail."
    )
    return question + "\n\n" + meaning


def ask_lock(parent: QWidget, text: str) -> bool:
    """Lock? Looked up at call time so tests answer in its place."""
    return ask_go(parent, _("Lock round"), text, _("Lock"), _("Do not lock"))


def confirm_lock(parent: QWidget, event: str, round_name: str) -> bool:
    return ask_lock(parent, lock_text(event, round_name))


def ask_after_lock(parent: QWidget, text: str) -> str | None:
    """The lock's success message, offering the notice: SAVE, PRINT or None (later).
    Looked up at call time so tests answer in its place."""
    box = QMessageBox(QMessageBox.Icon.Information, _("Round locked"), text, parent=parent)
    save = box.addButton(_("Save the result notice…"), QMessageBox.ButtonRole.AcceptRole)
    show = box.addButton(_("Print the result notice…"), QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is later:
        return None
    return SAVE if clicked is save else PRINT if clicked is show else None


def locked_text(event: str, round_name: str) -> str:
    return _(
        "{round} of {event} is locked: the standings are final. Produce the result notice "
        "(成绩公示) now?",
        round=round_name,
        event=event,
    )
