"""Log-in at start, and the set-up dialog that makes the first administrator.

Both only call the services (``users.authenticate``, ``users.create_first_admin``), off the
window's thread through the runner; the refusal they show is the service's own message
(wrong password, wait, disabled…). Both say which database they work on, in the status
bar's words; at start, "Change…" opens the connection dialog (ui/connection.py) and the
log-in goes on with the database chosen there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
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
from contest_desk.services.connections import Connection, default_connection, open_connection
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.connection import ConnectionDialog, attempt
from contest_desk.ui.connection_store import RecentConnections
from contest_desk.ui.main_window import database_place
from contest_desk.ui.operations import run_inline

_PROBLEM_STYLE = "color: #b00020;"
# What a log-in or set-up dialog ends with when another database was chosen in it.
CHANGED = 2

# Given to the dialogs at start: opens the connection dialog and answers the services of
# the database chosen there (None: kept as it was).
Changer = Callable[[QWidget], Services | None]


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
        services: Services,
        parent: QWidget | None = None,
        change: Changer | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.change = change
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
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _place_row(self) -> QHBoxLayout:
        db = self.services.ctx.db
        shown, tip = database_place(db.url, db.sqlite_path)
        self.place = QLabel(shown)
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
    """User name and password; ``actor`` is set when the services accept them."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, change: Changer | None = None
    ) -> None:
        super().__init__(
            self.tr("Log in"),
            self.tr("Log in to Contest Desk with your account."),
            services,
            parent,
            change,
        )
        self.actor: Actor | None = None
        self.username = QLineEdit()
        self.password = _password_edit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.username.setFocus()  # not "Change…", which comes first in the dialog

    def attempt(self) -> None:
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
        users, username, name = self.services.users, self.username.text(), self.name.text()
        password = self.password.text()
        made = run_inline(self, lambda: users.create_first_admin(username, name, password))
        if isinstance(made, UserError):
            self.problem.setText(made.message())
            return
        if made is not None:
            self.accept()


def log_in(
    services: Services, parent: QWidget | None = None, change: Changer | None = None
) -> Actor | None:
    """Set-up (on a database without accounts), then log-in; None when cancelled. With
    ``change``, the dialogs offer another database, and go on with the one chosen."""
    while True:
        has_users = operations.run(parent, services.users.has_users)
        if has_users is None:  # the database refused; the person has seen why
            return None
        if not has_users:
            setup = SetupDialog(services, parent, change)
            answer = setup.exec()
            if answer == CHANGED:
                services = setup.services
                continue
            if answer != 1:
                return None
        dialog = LoginDialog(services, parent, change)
        answer = dialog.exec()
        if answer == CHANGED:
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


def log_in_again(
    services: Services, settings: QSettings, parent: QWidget | None = None
) -> Services | None:
    """After logging out: the log-in on the database open, where another may be chosen
    (更换…) as at start. The services of the database logged in to, acting for the person,
    or None when cancelled."""
    switch = Switch(services, Connection.parse(services.ctx.db.url), RecentConnections(settings))
    actor = log_in(services, parent, switch)
    return None if actor is None else switch.services.as_user(actor)


def starting_connection(db: str | None, recent: RecentConnections) -> Connection:
    """``--db`` when given, else the most recent connection, else the user's own file."""
    if db:
        return Connection.parse(db)
    entries = recent.load()
    return entries[0].connection if entries else default_connection()


def connect_and_log_in(
    db: str | None, settings: QSettings, parent: QWidget | None = None
) -> tuple[Services, Actor] | None:
    """At start: open the database (``--db``, the most recent, or the user's own file),
    then set-up or log-in on it, where another database may be chosen. A database that
    cannot be opened is said in the connection dialog, for another choice. None when the
    person cancelled."""
    recent = RecentConnections(settings)
    answer: Services | str | UserError | None
    try:
        connection = starting_connection(db, recent)
    except UserError as error:  # --db is not a URL at all: said, and the own file offered
        connection, answer = default_connection(), error.message()
    else:
        chosen = connection
        answer = run_inline(
            parent,
            lambda: attempt(lambda: open_connection(chosen)),
            label=_("Opening the database…"),
        )
    if isinstance(answer, Services):
        services = answer
        recent.add(connection)
    else:
        dialog = ConnectionDialog(recent, connection, parent, opener=open_connection)
        if answer is not None:
            dialog.say(str(answer), False)
        if dialog.exec() != 1 or dialog.opened is None:
            return None
        services, connection = dialog.opened, dialog.connection()
        recent.add(connection, dialog.remembers())
    switch = Switch(services, connection, recent)
    actor = log_in(services, parent, switch)
    if actor is None:
        switch.services.ctx.db.dispose()
        return None
    return switch.services, actor
