"""Showing the two error families: fixable problems plainly, bugs with a log file to send."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.errors import ImportRejected, ServerUnavailable, UserError
from contest_desk.logs import desk_handler, log_file, log_folder

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("feedback", text)


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """A problem the person can fix: say what is wrong, nothing more."""
    title = tr("Cannot do that")
    if isinstance(error, ServerUnavailable):  # a problem of the moment, not of the input
        title = tr("The server cannot be reached")
    box = QMessageBox(QMessageBox.Icon.Warning, title, error.message(), parent=parent)
    if isinstance(error, ImportRejected):
        box.setDetailedText("\n".join(p.message() for p in error.problems))
    box.exec()


def open_log_folder() -> bool:
    """Show the log folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_folder())))


class CrashDialog(QDialog):
    """A bug: where the log file is, the details, and a button that copies them for an
    e-mail to support (office staff rarely find a folder, but can always paste)."""

    def __init__(self, details: str, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.path = path
        self.setWindowTitle(tr("Contest Desk has a bug"))
        self.message = QLabel(
            tr("Something went wrong that is not your fault. Please send this file to support:")
            + f"\n{path}"
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(tr("Open log folder"))
        self.folder_button.clicked.connect(open_log_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def clipboard_text(self) -> str:
        return f"{self.message.text()}\n\n{self.details}"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.clipboard_text())
        self.copy_button.setText(tr("Copied"))


def write_crash(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> tuple[str, Path]:
    """Write the traceback to the log file; returns it and the file's path."""
    details = "".join(traceback.format_exception(kind, value, tb))
    handler = desk_handler()
    if handler is None:  # logging not set up (a test, a crash before set-up): the file itself
        path = log_file()
        with path.open("a", encoding="utf-8") as handle:
            handle.write(details + "\n")
    else:
        path = Path(handler.baseFilename)
    log.error("Uncaught exception:\n%s", details)
    if handler is not None:
        handler.flush()
    return details, path


def report_crash(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> CrashDialog:
    """Write the traceback to the log file and build the dialog that names it."""
    return CrashDialog(*write_crash(kind, value, tb))


def server_lost(error: BaseException) -> bool:
    """A database connection found broken (SQLAlchemy marks it ``connection_invalidated``)
    that reached the window without the services saying it (storage/server_gone.py does
    for their transactions): the server went away, which is no bug of the program."""
    return bool(getattr(error, "connection_invalidated", False))


def install_crash_handler() -> None:
    """Any uncaught exception: write it to the log and say where the log is."""

    def hook(kind, value, tb):
        if isinstance(value, UserError):
            show_user_error(None, value)
            return
        if server_lost(value):  # a connection broken outside a service's transaction
            log.warning("The server went away: %s", value)
            show_user_error(None, ServerUnavailable(tr("the database server")))
            return
        if QApplication.instance() is None:  # no window to show (a widget would abort)
            details, path = write_crash(kind, value, tb)
            sys.stderr.write(f"{details}\n{path}\n")
            return
        report_crash(kind, value, tb).exec()

    sys.excepthook = hook
