"""Accounts (administrators): add a user with roles, reset a password, disable or enable.

Every step is ``services.users``; passwords are asked with a password field and never
shown. A disabled account keeps its history; the last active administrator stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.permissions import ROLE_NAMES, Role
from contest_desk.domain.records.contests import UserInfo
from contest_desk.i18n import _
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.contests.models import Column, RecordTableModel
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView


def _roles(user: UserInfo) -> str:
    return "、".join(_(ROLE_NAMES[r]) for r in user.roles)


class AccountsArea(QWidget):
    USES = ("users",)  # the main window gives the area only these
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (("new", "username_edit"),)

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.users = RecordTableModel(
            [
                Column(self.tr("User name"), lambda u: u.username),
                Column(self.tr("Name"), lambda u: u.name),
                Column(self.tr("Roles"), _roles),
                Column(self.tr("Active"), lambda u: "✓" if u.active else ""),
                Column(self.tr("Expires"), lambda u: str(u.expires_on or "")),
            ]
        )
        self.view = TableView(self.tr("No accounts yet. Fill in the form and press Add account."))
        self.view.setModel(self.users)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_checks = {role: QCheckBox(_(ROLE_NAMES[role])) for role in Role}
        self.add_button = QPushButton(self.tr("Add account"))
        self.password_button = QPushButton(self.tr("Set password…"))
        self.disable_button = QPushButton(self.tr("Disable…"))
        self.enable_button = QPushButton(self.tr("Enable"))

        form_box = QGroupBox(self.tr("New account"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        roles = QHBoxLayout()
        for check in self.role_checks.values():
            roles.addWidget(check)
        form.addRow(self.tr("Roles"), roles)
        form.addRow("", self.add_button)
        buttons = QHBoxLayout()
        for button in (self.password_button, self.disable_button, self.enable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(form_box)

        self.add_button.clicked.connect(self.add)
        self.password_button.clicked.connect(self.set_password)
        self.disable_button.clicked.connect(lambda: self.set_active(False))
        self.enable_button.clicked.connect(lambda: self.set_active(True))
        self.reload()

    def reload(self) -> None:
        self.users.set_records(operations.run(self, lambda: self.services.users.users()) or [])

    def _chosen(self) -> UserInfo | None:
        index = self.view.currentIndex()
        return self.users.record(index.row()) if index.isValid() else None

    def add(self) -> None:
        roles = [role for role, check in self.role_checks.items() if check.isChecked()]
        users = self.services.users
        made = operations.run(
            self,
            lambda: users.add_user(
                self.username_edit.text(), self.name_edit.text(), self.password_edit.text(), roles
            ),
        )
        if made is not None:
            for edit in (self.username_edit, self.name_edit, self.password_edit):
                edit.clear()
            for check in self.role_checks.values():
                check.setChecked(False)
            self.reload()

    def set_password(self) -> None:
        user = self._chosen()
        if user is None:
            return
        text = sheet_bar.ask_text(
            self, self.tr("Set password"), self.tr("New password:"), password=True
        )
        if text is not None:
            operations.done(self, lambda: self.services.users.set_password(user.username, text))

    def set_active(self, active: bool) -> None:
        user = self._chosen()
        if user is None:
            return
        reason = ""
        if not active:
            asked = sheet_bar.ask_text(
                self, self.tr("Disable"), self.tr("Reason (kept on the record):")
            )
            if asked is None:
                return
            reason = asked
        if operations.done(
            self, lambda: self.services.users.set_active(user.username, active, reason)
        ):
            self.reload()
