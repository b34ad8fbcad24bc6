"""Log-in at start, and the set-up dialog that makes the first administrator.

Both only call the services (``users.authenticate``, ``users.create_first_admin``), off the
window's thread through the runner; the refusal they show is the service's own message
(wrong password, wait, disabled…).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.permissions import Actor
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.operations import run_inline

_PROBLEM_STYLE = "color: #b00020;"


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Form(QDialog):
    """A small form with a problem line above OK / Cancel."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def attempt(self) -> None:
        raise NotImplementedError


class LoginDialog(_Form):
    """User name and password; ``actor`` is set when the services accept them."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Log in"), self.tr("Log in to Contest Desk with your account."), parent
        )
        self.services = services
        self.actor: Actor | None = None
        self.username = QLineEdit()
        self.password = _password_edit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)

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

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Set up Contest Desk"),
            self.tr(
                "This database has no accounts yet. Make the administrator's account; "
                "the administrator then adds organizers, chief judges and judges."
            ),
            parent,
        )
        self.services = services
        self.username = QLineEdit("admin")
        self.name = QLineEdit()
        self.password = _password_edit()
        self.again = _password_edit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)

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


def log_in(services: Services, parent: QWidget | None = None) -> Actor | None:
    """Set-up (on a database without accounts), then log-in; None when cancelled."""
    has_users = operations.run(parent, lambda: services.users.has_users())
    if has_users is None:  # the database refused; the person has seen why
        return None
    if not has_users and SetupDialog(services, parent).exec() != 1:
        return None
    dialog = LoginDialog(services, parent)
    if dialog.exec() != 1:
        return None
    return dialog.actor
