"""The start: the log-in up at once, taking typing while the database opens behind it.

``StartOpening`` opens the database the start opens (``--db``, else the most recent
connection, else the user's own file) on the runner from the first moment: SQLAlchemy, the
models and the services are first imported there, off the window's thread, not before the
dialog shows (issue 16's launch). OK pressed before the database is open waits for it as
any work waits; a database without accounts then gets the set-up dialog, one that cannot
be opened the connection dialog (ui/login.py holds the dialogs)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from contest_desk.domain.permissions import Actor
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.ui import login, operations
from contest_desk.ui.connection_store import Recent, RecentConnections, Stored
from contest_desk.ui.login import CHANGED, LoginDialog, Switch, log_in
from contest_desk.ui.place import database_place, place_of
from contest_desk.user_dirs import default_database_path

if TYPE_CHECKING:  # imported off the window's thread (``_open_at_start``)
    from contest_desk.services.connections import Connection
    from contest_desk.services.hub import Services


def starting_connection(db: str | None, recent: Callable[[], list[Recent]]) -> Connection:
    """``--db`` when given, else the most recent connection (``recent`` read only then: a
    remembered password is looked up in the system's store), else the user's own file."""
    from contest_desk.services.connections import Connection

    if db:
        return Connection.parse(db)
    entries = recent()
    return entries[0].connection if entries else login.default_connection()


@dataclass
class Opened:
    """What the opening at start found: the database's services, or why it could not
    be opened (``connection``: the one tried, for the connection dialog's form)."""

    connection: Connection
    services: Services | None = None
    problem: str = ""
    has_users: bool | None = None  # None: not known; log_in asks again and says why


def _open_at_start(db: str | None, recent: RecentConnections, stored: list[Stored]) -> Opened:
    """Off the window's thread, from the first moment: the database the start opens
    (SQLAlchemy, the models and the services imported here), and whether it has accounts."""
    from contest_desk.ui.connection import attempt

    try:
        connection = starting_connection(db, lambda: recent.parse(stored))
    except UserError as error:  # --db is not a URL at all: said, and the own file offered
        return Opened(login.default_connection(), problem=error.message())
    answer = attempt(lambda: login.open_connection(connection))
    if isinstance(answer, str):
        return Opened(connection, problem=answer)
    try:
        has_users: bool | None = answer.users.has_users()
    except UserError:  # asked again on the window's side, which shows it as usual
        has_users = None
    return Opened(connection, answer, has_users=has_users)


def _window_modules() -> None:
    """The main window's module and its first area's (the first screen of most roles),
    imported off the window's thread once the database is open: otherwise they load on
    it after OK, before the window shows. Nobody reads its answer: an import that fails
    here fails again on the window's thread, where the crash dialog shows it."""
    from contest_desk.ui import main_window

    first = next(iter(main_window.AREA_KINDS.values()))[1]
    importlib.import_module(first.partition(":")[0])


def _first_words(db: str | None, stored: list[Stored]) -> tuple[str, str]:
    """The database the start opens, named before the modules that open it are loaded."""
    if db:
        return place_of(db)
    if stored:
        return place_of(stored[0][0])
    own = default_database_path()
    return database_place(str(own), own)


class StartOpening:
    """The database the start opens (``--db``, else the most recent connection, else the
    user's own file), opened on the runner from the first moment while the log-in is up."""

    def __init__(self, db: str | None, recent: RecentConnections) -> None:
        self.recent = recent
        stored = recent.stored()  # read here, parsed off the window's thread
        self.started = operations.start(lambda: _open_at_start(db, recent, stored))
        self.words = _first_words(db, stored)
        self.opened: Opened | None = None
        self.switch: Switch | None = None  # once a database is open: the log-in's 更换…
        self.warming: operations.Started | None = None  # the window's modules loading
        self.settled: list[Callable[[Opened], None]] = []  # told once, when it is known

    def wait(self, parent: QWidget | None) -> Opened:
        """What the opening found, waited for as any work is (a progress dialog after a
        moment); the first to have it puts the database first in the recent list."""
        if self.opened is None:
            ok, answer = self.started.wait(parent, label=_("Opening the database…"))
            if not ok:
                raise answer  # a bug: the crash dialog, as ``run`` shows one
            if self.opened is None:  # not settled by a wait inside this one
                self._settle(answer)
        assert self.opened is not None
        return self.opened

    def _settle(self, opened: Opened) -> None:
        self.opened = opened
        if opened.services is not None:
            self.recent.add(opened.connection)
            self.switch = Switch(opened.services, opened.connection, self.recent)
            # While the person types, or while the password is checked.
            self.warming = operations.start(_window_modules)
        for tell in self.settled:
            tell(opened)

    def change(self, parent: QWidget) -> Services | None:
        """The first log-in's 更换…, once the database is open (one that could not be
        opened goes to the connection dialog anyway, from ``connect_and_log_in``)."""
        self.wait(parent)
        return None if self.switch is None else self.switch(parent)

    def choose_another(self, parent: QWidget | None) -> Services | None:
        """The database could not be opened: the connection dialog says why, for another
        choice; the services of the one opened there, or None when cancelled."""
        from contest_desk.ui.connection import ConnectionDialog

        assert self.opened is not None
        dialog = ConnectionDialog(
            self.recent, self.opened.connection, parent, login.open_connection
        )
        dialog.say(self.opened.problem, False)
        if dialog.exec() != 1 or dialog.opened is None:
            return None
        services, connection = dialog.opened, dialog.connection()
        self.recent.add(connection, dialog.remembers())
        self.switch = Switch(services, connection, self.recent)
        return services


def connect_and_log_in(
    db: str | None, settings: QSettings, parent: QWidget | None = None
) -> tuple[Services, Actor] | None:
    """At start: the log-in, up at once, while the database (``--db``, the most recent, or
    the user's own file) opens behind it; then set-up or log-in on it, where another
    database may be chosen. A database that cannot be opened is said in the connection
    dialog, for another choice. None when the person cancelled."""
    start = StartOpening(db, RecentConnections(settings))
    first = LoginDialog(None, parent, start.change, start)
    try:
        actor = _log_in_at_start(start, first, parent)
    finally:
        first.close()  # up since the start; exec() in tests leaves it so
    if actor is None and start.warming is not None:
        # The program ends now: not while a worker still imports (Python's shutdown would
        # stop that thread wherever it is).
        start.warming.wait(parent)
    if start.switch is None:  # nothing was opened
        return None
    if actor is None:
        start.switch.services.ctx.db.dispose()
        return None
    return start.switch.services, actor


def _log_in_at_start(
    start: StartOpening, first: LoginDialog, parent: QWidget | None
) -> Actor | None:
    answer = first.show_while_opening()
    opened = start.wait(parent)  # at once, unless the person cancelled before it was open
    if answer is not None:  # ended by the person: logged in, cancelled, or 更换…
        if answer == CHANGED and first.services is not None:
            return log_in(first.services, parent, start.switch)
        return first.actor if answer == 1 else None
    if opened.services is None:
        first.close()
        services = start.choose_another(parent)
        return None if services is None else log_in(services, parent, start.switch)
    if opened.has_users:
        return log_in(opened.services, parent, start.switch, first)
    first.close()  # no accounts: the set-up instead (or the question asked again)
    return log_in(opened.services, parent, start.switch)
