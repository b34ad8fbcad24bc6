"""The connection dialog (连接数据库): a database file on this computer, or a database on a
server; the recent connections; a test of the connection; and, on OK, the database opened.

The dialog never shows a URL or a password it did not get typed: a recent connection is
listed in the status bar's words, and its URL is put together by services/connections.py.
Testing and opening run off the window's thread (a server may take seconds to answer or
to give up); a refusal stays in the dialog, in plain words, for another try.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.services.connections import (
    DEFAULT_PORT,
    CannotConnect,
    Connection,
    check,
    default_connection,
)
from contest_desk.services.hub import Services
from contest_desk.ui.connection_store import Recent, RecentConnections
from contest_desk.ui.operations import run_inline
from contest_desk.ui.place import database_place

T = TypeVar("T")

_PROBLEM = "color: #b00020;"
_GOOD = "color: #1b5e20;"


def describe(connection: Connection) -> tuple[str, str]:
    """The words for a connection (as the status bar says them) and a tooltip."""
    if connection.is_server:
        return database_place(connection.key(), None)
    return database_place(connection.path, Path(connection.path))


def attempt(work: Callable[[], T]) -> T | str:
    """``work``'s answer, or the reason it could not be done, in words (for the problem
    line): a refusal (UserError) or a server that cannot be reached."""
    try:
        return work()
    except (UserError, CannotConnect) as error:
        return str(error)


class ConnectionDialog(QDialog):
    """Choose a database; with ``opener``, OK opens it (off the window's thread) and keeps
    the answer in ``opened``, staying open with the reason when it cannot be opened."""

    def __init__(
        self,
        recent: RecentConnections,
        current: Connection | None = None,
        parent: QWidget | None = None,
        opener: Callable[[Connection], Services] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a database"))
        self.setMinimumWidth(520)
        self.store = recent
        self.opener = opener
        self.opened: Services | None = None
        self.entries = recent.load()
        self._build()
        self.fill(current or (self.entries[0].connection if self.entries else default_connection()))
        self.remember.setChecked(self._remembered(self.shown))

    # Building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Recent connections"))
        layout.addWidget(heading)
        self.recent = QListWidget()
        self.recent.setMaximumHeight(140)
        self._list_recent()
        self.recent.currentRowChanged.connect(self._recent_chosen)
        layout.addWidget(self.recent)
        self.forget_button = QPushButton(self.tr("Remove from the list"))
        self.forget_button.clicked.connect(self.forget)
        forget_row = QHBoxLayout()
        forget_row.addStretch(1)
        forget_row.addWidget(self.forget_button)
        layout.addLayout(forget_row)
        for widget in (heading, self.recent, self.forget_button):
            widget.setVisible(bool(self.entries))  # nothing to list on the first start
        self.local = QRadioButton(self.tr("Database file on this computer"))
        self.server = QRadioButton(self.tr("Database on a server"))
        kinds = QHBoxLayout()
        kinds.addWidget(self.local)
        kinds.addWidget(self.server)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._server_page())
        layout.addWidget(self.pages)
        self.local.toggled.connect(lambda local: self.pages.setCurrentIndex(0 if local else 1))
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Connect"))
        self.test_button = self.buttons.addButton(
            self.tr("Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _file_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Database file"), row)
        return page

    def _server_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("name or IP address, e.g. 10.1.2.3"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password"))
        self.where = QLabel(self.store.passwords.where())
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #555555;")
        self.tls = QCheckBox(self.tr("Require an encrypted connection (TLS)"))
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.where)
        form.addRow("", self.tls)
        return page

    # The form and the connection --------------------------------------------------------

    def fill(self, connection: Connection) -> None:
        """Show ``connection`` in the form (its password only if it came with one)."""
        self.shown = connection
        self.local.setChecked(not connection.is_server)
        self.server.setChecked(connection.is_server)
        self.pages.setCurrentIndex(1 if connection.is_server else 0)
        if connection.is_server:
            self.host.setText(connection.host)
            self.port.setValue(connection.port or DEFAULT_PORT)
            self.database.setText(connection.database)
            self.user.setText(connection.user)
            self.password.setText(connection.password)
            self.tls.setChecked(connection.tls)
        else:
            self.path.setText(connection.path)
        self.outcome.clear()

    def _list_recent(self) -> None:
        self.recent.clear()
        for entry in self.entries:
            shown, tip = describe(entry.connection)
            item = QListWidgetItem(shown)
            item.setToolTip(tip)
            self.recent.addItem(item)

    def forget(self) -> None:
        """The chosen recent connection off the list, its remembered password with it."""
        row = self.recent.currentRow()
        if 0 <= row < len(self.entries):
            self.store.remove(self.entries[row].connection)
            self.entries = self.store.load()
            self._list_recent()

    def _recent_chosen(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            entry: Recent = self.entries[row]
            self.fill(entry.connection)
            self.remember.setChecked(entry.remember)

    def _remembered(self, connection: Connection) -> bool:
        key = connection.key()
        return any(e.remember for e in self.entries if e.connection.key() == key)

    def connection(self) -> Connection:
        """What the form says now, the password included."""
        if self.local.isChecked():
            return Connection.parse(self.path.text().strip())
        # Options of a URL given with --db (connect_timeout…) stay while it is the same server.
        kept = self.shown if self.shown.is_server else Connection()
        chosen = Connection(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
            sslmode=kept.sslmode,
            driver=kept.driver,
            options=kept.options,
        )
        return chosen.with_tls(self.tls.isChecked())

    def remembers(self) -> bool:
        return self.server.isChecked() and self.remember.isChecked()

    def missing(self) -> str:
        """What must be filled in before anything is tried; "" when nothing."""
        if self.local.isChecked():
            return "" if self.path.text().strip() else self.tr("Choose the database file.")
        needed = (
            (self.host, self.tr("the server")),
            (self.database, self.tr("the database")),
            (self.user, self.tr("the user")),
        )
        empty = [name for edit, name in needed if not edit.text().strip()]
        return _("Fill in {field}.", field=empty[0]) if empty else ""

    # Actions --------------------------------------------------------------------------

    def browse(self) -> None:
        start = self.path.text().strip() or default_connection().path
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            start,
            self.tr("Contest Desk databases (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.path.setText(chosen)

    def say(self, text: str, good: bool) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(_GOOD if good else _PROBLEM)

    def chosen(self) -> Connection | None:
        """The connection the form says, or None with the reason said (a field left
        empty, a path field holding something that is no URL)."""
        problem = self.missing()
        if not problem:
            try:
                return self.connection()
            except UserError as error:
                problem = error.message()
        self.say(problem, False)
        return None

    def test_connection(self) -> None:
        connection = self.chosen()
        if connection is None:
            return
        # The connection dialog is where a server away is looked at: said, never waited for.
        answer = run_inline(
            self,
            lambda: attempt(lambda: check(connection)),
            label=self.tr("Testing…"),
            wait_for_server=False,
        )
        if isinstance(answer, str):
            self.say(answer, False)
        elif answer is not None and not isinstance(answer, UserError):
            self.say(answer.message, answer.ok)

    def accept(self) -> None:
        connection = self.chosen()
        if connection is None:
            return
        if self.opener is None:
            super().accept()
            return
        opener = self.opener
        answer = run_inline(
            self,
            lambda: attempt(lambda: opener(connection)),
            label=self.tr("Opening…"),
            wait_for_server=False,
        )
        if answer is None:
            return
        if isinstance(answer, str | UserError):
            self.say(str(answer), False)
            return
        self.opened = answer
        super().accept()
