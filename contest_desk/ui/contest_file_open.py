"""A contest file handed to the program (``contest-desk-gui FILE``, a double-click through
the Windows file association): shown, asked about, and imported as a new contest.

The import is the transfer service's, as ``contest-desk import`` uses it: all of the file
or nothing, each problem named. Who may not import contests (a viewer, a chief judge)
hears so before the file is read; a file that is no contest file gets the service's own
message, and nothing is asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from contest_desk.domain.contest import ContestKind
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ContestInfo
from contest_desk.errors import ImportRejected, UserError
from contest_desk.services.contests.contest_file import (
    check_contest_file,
    limit_problems,
    read_contest_file,
)
from contest_desk.services.permissions import check
from contest_desk.ui import feedback, operations
from contest_desk.ui.ask import ask_go
from contest_desk.ui.contests.labels import kind_names
from contest_desk.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("contest_file_open", text)


def read_checked(path: Path) -> dict[str, Any]:
    """The file's data once it follows the contest file's format and limits (the checks
    the import makes first, so that a bad file is told before anything is asked)."""
    data = read_contest_file(path)
    check_contest_file(data)
    if problems := limit_problems(data):
        raise ImportRejected(problems)
    return data


def summary(path: Path, data: dict[str, Any]) -> str:
    """What the file holds, for the question: the contest's name and kind, and counts."""
    contest = data["contest"]
    events = data["events"]
    return tr(
        "Import {file} as a new contest?\n\n"
        "Contest: {name} ({kind})\n"
        "Events: {events}\n"
        "Persons: {persons}, teams: {teams}, judges: {judges}\n"
        "Entries: {entries}, scores: {scores}\n\n"
        "The whole file is imported, or nothing when anything in it is wrong."
    ).format(
        file=path.name,
        name=contest["name"],
        kind=kind_names()[ContestKind(contest["kind"])],
        events=len(events),
        persons=len(data["persons"]),
        teams=len(data["teams"]),
        judges=len(data["judges"]),
        entries=sum(len(e.get("entries", [])) for e in events),
        scores=sum(len(e.get("scores", [])) for e in events),
    )


def open_contest_file(window: MainWindow, path: Path) -> ContestInfo | None:
    """Ask, import, and show the new contest in the Contests area; None when refused,
    declined or the file is wrong (each said to the person)."""
    services = window.services
    try:
        check(services.ctx, Action.TRANSFER)  # before reading: a refusal reveals nothing
    except UserError as error:
        feedback.show_user_error(window, error)
        return None
    data = operations.run(window, lambda: read_checked(path), label=tr("Reading the file…"))
    if data is None:
        return None
    if not ask_go(
        window, tr("Open a contest file"), summary(path, data), tr("Import"), tr("Cancel")
    ):
        return None
    transfer = services.transfer
    made = operations.run(
        window,
        lambda: transfer.import_contest(data, path.name),
        label=tr("Importing the contest…"),
    )
    if made is not None:
        window.show_area("contests")
        window.state.choose_event(None)
        window.state.choose_contest(made.id)
        window.state.setup_changed.emit()
        window.statusBar().showMessage(
            tr("{name} was imported from {file}").format(name=made.name, file=path.name)
        )
    return made
