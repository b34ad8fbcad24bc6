"""Log-in, and the set-up dialog that makes the first administrator.

Both only call the services (``users.authenticate``, ``users.create_first_admin``), off the
window's thread through the runner; the refusal they show is the service's own message
(wrong password, wait, disabled…). Both say which database they work on, in the status
bar's words; at start, "Change…" opens the connection dialog (ui/connection.py) and the
log-in goes on with the database chosen there. At start the log-in is up while the
database opens behind it (ui/start_login.py)."""

from __future__ import annotations

from collections.abc import Callable
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
from contest_desk.ui import operations
from contest_desk.ui.connection_store import RecentConnections
from contest_desk.ui.operations import run_inline
from contest_desk.ui.place import database_place
from contest_desk.ui.smoke import BUSY

if TYPE_CHECKING:  # imported off the window's thread at start (ui/start_login.py)
    from contest_desk.services.connections import Connection
    from contest_desk.services.hub import Services
    from contest_desk.ui.start_login import Opened, StartOpening

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
        # A server away is said on the problem line (the person may change the database).
        answer = run_inline(
            self,
            lambda: users.authenticate(username, password),
            label=self.tr("Logging in…"),
            wait_for_server=False,
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
        made = run_inline(
            self,
            lambda: users.create_first_admin(username, name, password),
            wait_for_server=False,
        )
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
            # Not waited for: the log-in has its own way on (another database).
            has_users = operations.run(parent, services.users.has_users, wait_for_server=False)
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
