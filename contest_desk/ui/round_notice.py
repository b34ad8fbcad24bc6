"""A round's (or event's) result notice (成绩公示) from any area, and the question before
publishing standings while a round is open (暂定): the Certificates, Standings and chief
judge's areas share ``RoundNotice``; the printing itself is ui/notice_printing.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from contest_desk import errors
from contest_desk.domain.permissions import Action
from contest_desk.i18n import _
from contest_desk.reports.result_notice import (
    Notice,
    standings_notice,
    write_notice_excel,
    write_notice_pdf,
)
from contest_desk.services.hub import Services
from contest_desk.ui import notice_printing, operations, save_dialog
from contest_desk.ui.ask import ask_go
from contest_desk.ui.notice_printing import anchored

NOTICE_FILES = "PDF (*.pdf);;Excel (*.xlsx)"


# Standings that are not final ---------------------------------------------------------


def ask_provisional(parent: QWidget, text: str) -> bool:
    """Print from provisional standings anyway? Looked up at call time so tests answer."""
    go, keep = _("Print marked 暂定"), _("Do not print")
    return ask_go(parent, _("Provisional standings"), text, go, keep, warning=True)


def provisional_override(
    parent: QWidget, services: Services, event_id: int, round_number: int | None
) -> bool | None:
    """Asked before a round's certificates or notice: False when its standings are final
    (or the person may not override: the service then says why it refuses); True when
    they are not and the organizer chose to print them marked 暂定; None for No."""
    state = operations.run(
        parent, lambda: services.certificates.results_state(event_id, round_number)
    )
    if state is None:
        return None
    if state.final or not services.ctx.actor.may(Action.EDIT_SETUP):
        return False
    text = _(
        "The standings are provisional: {rounds} not locked yet, and scores may still "
        "change.\n\nPrint them anyway, marked 暂定 (provisional)? Your override is recorded "
        "in the audit trail. Lock the round first to print final results.",
        rounds="、".join(state.open_rounds),
    )
    return True if ask_provisional(parent, text) else None


# One round's notice, from any area ------------------------------------------------------


Choice = Callable[[], tuple[int | None, int | None]]  # the event shown, and its round
Make = Callable[[operations.Progress], Notice]  # the notice, made on the worker


class RoundNotice:
    """The result notice of the round (or whole event) ``choice`` gives, for ``parent``'s
    buttons: written to a file or shown in the print preview, made on the worker."""

    def __init__(self, parent: QWidget, services: Services, choice: Choice) -> None:
        self.parent, self.services, self.choice = parent, services, choice

    def menu(self) -> QMenu:
        """成绩公示…'s choices: a file, or the print preview."""
        menu = QMenu(self.parent)
        menu.addAction(_("Save as PDF or Excel…"), self.save_dialog)
        menu.addAction(_("Print…"), self.print_preview)
        return menu

    def _made(self, event_id: int, round_number: int | None, provisional: bool) -> Make:
        services = self.services

        def make(progress: operations.Progress) -> Notice:
            """On the worker; Cancel stops it before the anchor is made."""
            source = services.certificates.notice_source(event_id, round_number, provisional)
            table = source.table
            notice = standings_notice(
                table, source.contest, source.organizer, dt.date.today(), state=source.state
            )
            errors.step(progress, 1, 3)
            return replace(notice, anchor=anchored(services))

        return make

    def _work(self) -> Make | None:
        event_id, round_number = self.choice()
        if event_id is None:
            return None
        provisional = provisional_override(self.parent, self.services, event_id, round_number)
        return None if provisional is None else self._made(event_id, round_number, provisional)

    def notice(self) -> Notice | None:
        """None without an event, when the person says No, or when refused (and said so)."""
        make = self._work()
        if make is None:
            return None
        label = _("Preparing the result notice…")
        return operations.run(self.parent, make, label=label, cancellable=True)

    def print_preview(self) -> None:
        notice = self.notice()
        if notice is not None:  # looked up now, so tests can stand in
            notice_printing.preview_notice(self.parent, notice)

    def save_dialog(self) -> Path | None:
        path = save_dialog.ask_save_path(self.parent, _("Result notice"), NOTICE_FILES)
        return self.write(path) if path else None

    def write(self, path: str | Path) -> Path | None:
        """Written whole or not at all; Cancel before the file is written leaves none."""
        make = self._work()
        if make is None:
            return None

        def work(progress: operations.Progress) -> Path:
            notice = make(progress)
            errors.step(progress, 2, 3)  # the last moment to stop before the file is written
            if str(path).lower().endswith(".xlsx"):
                return write_notice_excel(path, [notice])
            return write_notice_pdf(path, notice)

        label = _("Writing the result notice…")
        return operations.run(self.parent, work, label=label, cancellable=True)
