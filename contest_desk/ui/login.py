"""Log-in at start, and the set-up dialog that makes the first administrator.

Both only call the services (``users.authenticate``, ``users.create_first_admin``), off the
window's thread through the runner; the refusal they show is the service's own message
(wrong password, wait, disabled…). Both say which database they work on, in the status
bar's words; at start, "Change…" opens the connection dialog (ui/connection.py) and the
log-in goes on with the database chosen there.

At start the log-in is up at once and takes typing while the database opens behind it
(``StartOpening``, on the runner): SQLAlchemy, the models and the services are first
imported there, off the window's thread, not before the dialog shows (issue 16's launch).
OK pressed before the database is open waits for it as any work waits; a database without
accounts then gets the set-up dialog, one that cannot be opened the connection dialog.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.permissions import Actor
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.ui import operations
from contest_desk.ui.connection_store import Recent, RecentConnections, Stored
from contest_desk.ui.operations import run_inline
from contest_desk.ui.place import database_place, place_of
from contest_desk.ui.smoke import BUSY
from contest_desk.user_dirs import default_database_path

if TYPE_CHECKING:  # imported off the window's thread at start (``_open_at_start``)
    from contest_desk.services.connections import Connection
    from contest_desk.services.hub import Services

_PROBLEM_STYLE = "color: #b00020;"
_QUIET_STYLE = "color: #555555;"
# What a log-in or set-up dialog ends with when another database was chosen in it.
CHANGED = 2

# Given to the dialogs at start: opens the connection dialog and answers the services of
# the database chosen there (None: kept as it was).
Changer = Callable[[QWidget], "Services | None"]


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Form(QDialog):
    """A small form with a problem line above OK / Cancel."""

    def __init__(
        self,
        title: str,
        intro: str,
        services: Services | None,
        parent: QWidget | None = None,
        change: Changer | None = None,
        opening: StartOpening | None = None,
    ) -> None:
        super().__init__(parent)
        # None while ``opening`` opens the database (at start); set once it is open.
        self.services = services
        self.change = change
        self.opening = opening
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(_PROBLEM_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(intro)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(self._place_row())
        # Quiet, while the database opens behind the dialog: typing goes on meanwhile.
        self.note = QLabel(self.tr("Opening the database…"))
        self.note.setStyleSheet(_QUIET_STYLE)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if opening is not None and opening.opened is None:
            keep_room = self.note.sizePolicy()
            keep_room.setRetainSizeWhenHidden(True)  # the fields do not move when it goes
            self.note.setSizePolicy(keep_room)
            self.note.setVisible(True)
            self.setProperty(BUSY, True)  # ui/smoke.py checks the window that follows
            opening.settled.append(self._opened)

    def _place_row(self) -> QHBoxLayout:
        self.place = QLabel()
        if self.services is not None:
            self._say_place(self.services)
        elif self.opening is not None:
            shown, tip = self.opening.words
            self.place.setText(shown)
            self.place.setToolTip(tip)
        row = QHBoxLayout()
        row.addWidget(self.place, 1)
        self.change_button: QPushButton | None = None
        if self.change is not None:
            self.change_button = QPushButton(self.tr("Change…"))
            self.change_button.setAutoDefault(False)  # Enter in a field is OK, not this
            self.change_button.clicked.connect(self.change_database)
            row.addWidget(self.change_button)
        return row

    def _say_place(self, services: Services) -> None:
        db = services.ctx.db
        shown, tip = database_place(db.url, db.sqlite_path)
        self.place.setText(shown)
        self.place.setToolTip(tip)

    def _opened(self, opened: Opened) -> None:
        """The database behind the dialog is open (or could not be): said at once."""
        self.note.setVisible(False)
        self.setProperty(BUSY, False)
        if opened.services is not None:
            self.services = opened.services
            self._say_place(opened.services)

    def ready(self) -> bool:
        """Whether the services are there to log in to: at start, once the database
        behind the dialog is open (waited for as any work) and has accounts. When it has
        none, or could not be opened, the start goes on to the set-up or the connection
        dialog (``connect_and_log_in``)."""
        if self.opening is None:
            return self.services is not None
        opened = self.opening.wait(self)
        return opened.services is not None and bool(opened.has_users)

    def change_database(self) -> None:
        """Another database, chosen and opened in the connection dialog: the log-in starts
        again there (it may have no accounts yet)."""
        if self.change is None:
            return
        chosen = self.change(self)
        if chosen is not None:
            self.services = chosen
            self.done(CHANGED)

    def attempt(self) -> None:
        raise NotImplementedError


class LoginDialog(_Form):
    """User name and password; ``actor`` is set when the services accept them. At start
    (``opening``) it is up while the database opens; OK waits for that."""

    def __init__(
        self,
        services: Services | None,
        parent: QWidget | None = None,
        change: Changer | None = None,
        opening: StartOpening | None = None,
    ) -> None:
        super().__init__(
            self.tr("Log in"),
            self.tr("Log in to Contest Desk with your account."),
            services,
            parent,
            change,
            opening,
        )
        self.actor: Actor | None = None
        self.username = QLineEdit()
        self.password = _password_edit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.username.setFocus()  # not "Change…", which comes first in the dialog

    def show_while_opening(self) -> int | None:
        """At start: up at once, taking typing while the database opens. The dialog's
        answer when the person ended it first (cancelled, or logged in after waiting for
        the database); None when the database is open (or could not be) and the dialog
        is still up."""
        assert self.opening is not None
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.opening.started.finished.connect(loop.quit)
        self.setModal(True)  # application modal, as exec() shows it
        self.show()
        if not self.opening.started.done:
            loop.exec()
        return None if self.isVisible() else self.result()

    def attempt(self) -> None:
        if not self.ready():
            return
        assert self.services is not None
        users, username, password = self.services.users, self.username.text(), self.password.text()
        # Off the window's thread: checking a password hash takes a noticeable moment.
        answer = run_inline(
            self, lambda: users.authenticate(username, password), label=self.tr("Logging in…")
        )
        if isinstance(answer, UserError):
            self.problem.setText(answer.message())
            self.password.clear()
            self.password.setFocus()
            return
        if answer is not None:
            self.actor = answer
            self.accept()


class SetupDialog(_Form):
    """The first run: the administrator's account, who then adds everyone else."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, change: Changer | None = None
    ) -> None:
        super().__init__(
            self.tr("Set up Contest Desk"),
            self.tr(
                "This database has no accounts yet. Make the administrator's account; "
                "the administrator then adds organizers, chief judges and judges."
            ),
            services,
            parent,
            change,
        )
        self.username = QLineEdit("admin")
        self.name = QLineEdit()
        self.password = _password_edit()
        self.again = _password_edit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)
        self.username.setFocus()

    def attempt(self) -> None:
        if self.password.text() != self.again.text():
            self.problem.setText(self.tr("The two passwords differ."))
            return
        assert self.services is not None  # a set-up is made on an open database
        users, username, name = self.services.users, self.username.text(), self.name.text()
        password = self.password.text()
        made = run_inline(self, lambda: users.create_first_admin(username, name, password))
        if isinstance(made, UserError):
            self.problem.setText(made.message())
            return
        if made is not None:
            self.accept()


def log_in(
    services: Services,
    parent: QWidget | None = None,
    change: Changer | None = None,
    first: LoginDialog | None = None,
) -> Actor | None:
    """Set-up (on a database without accounts), then log-in; None when cancelled. With
    ``change``, the dialogs offer another database, and go on with the one chosen.
    ``first``: a log-in already up on ``services``, known to have accounts (at start)."""
    while True:
        dialog, first = first, None
        if dialog is None:
            has_users = operations.run(parent, services.users.has_users)
            if has_users is None:  # the database refused; the person has seen why
                return None
            if not has_users:
                setup = SetupDialog(services, parent, change)
                answer = setup.exec()
                if answer == CHANGED and setup.services is not None:
                    services = setup.services
                    continue
                if answer != 1:
                    return None
            dialog = LoginDialog(services, parent, change)
        answer = dialog.exec()
        if answer == CHANGED and dialog.services is not None:
            services = dialog.services
            continue
        return dialog.actor if answer == 1 else None


class Switch:
    """The database the log-in is on, and the change to another (the ``Changer``)."""

    def __init__(
        self, services: Services, connection: Connection, recent: RecentConnections
    ) -> None:
        self.services = services
        self.connection = connection
        self.recent = recent

    def __call__(self, parent: QWidget) -> Services | None:
        from contest_desk.ui.connection import ConnectionDialog

        dialog = ConnectionDialog(self.recent, self.connection, parent, opener=self._open)
        if dialog.exec() != 1 or dialog.opened is None:
            return None
        self.recent.add(dialog.connection(), dialog.remembers())
        old, self.services = self.services, dialog.opened
        self.connection = dialog.connection()
        if old is not self.services:
            old.ctx.db.dispose()
        return self.services

    def _open(self, connection: Connection) -> Services:
        if connection.key() == self.connection.key():  # the one open: not opened twice
            return self.services
        return open_connection(connection)


def open_connection(connection: Connection) -> Services:
    """services/connections.py's, imported when first called: at start, off the window's
    thread, where the database opens behind the log-in."""
    from contest_desk.services import connections

    return connections.open_connection(connection)


def default_connection() -> Connection:
    """The user's own database file (services/connections.py's, imported when called)."""
    from contest_desk.services import connections

    return connections.default_connection()


def log_in_again(
    services: Services, settings: QSettings, parent: QWidget | None = None
) -> Services | None:
    """After logging out: the log-in on the database open, where another may be chosen
    (更换…) as at start. The services of the database logged in to, acting for the person,
    or None when cancelled."""
    from contest_desk.services.connections import Connection

    switch = Switch(services, Connection.parse(services.ctx.db.url), RecentConnections(settings))
    actor = log_in(services, parent, switch)
    return None if actor is None else switch.services.as_user(actor)


def starting_connection(db: str | None, recent: Callable[[], list[Recent]]) -> Connection:
    """``--db`` when given, else the most recent connection (``recent`` read only then: a
    remembered password is looked up in the system's store), else the user's own file."""
    from contest_desk.services.connections import Connection

    if db:
        return Connection.parse(db)
    entries = recent()
    return entries[0].connection if entries else default_connection()


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
        return Opened(default_connection(), problem=error.message())
    answer = attempt(lambda: open_connection(connection))
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
        dialog = ConnectionDialog(self.recent, self.opened.connection, parent, open_connection)
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
