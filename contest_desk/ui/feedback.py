"""Showing the two error families: fixable problems plainly, bugs with a log file to send."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from contest_desk.errors import ImportRejected, UserError

log = logging.getLogger(__name__)


def log_file() -> Path:
    folder = Path(platformdirs.user_log_dir("ContestDesk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "contest-desk.log"


def tr(text: str) -> str:
    return QCoreApplication.translate("feedback", text)


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """A problem the person can fix: say what is wrong, nothing more."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, tr("Cannot do that"), error.message(), parent=parent
    )
    if isinstance(error, ImportRejected):
        box.setDetailedText("\n".join(p.message() for p in error.problems))
    box.exec()


def install_crash_handler() -> None:
    """Any uncaught exception: write it to the log and say where the log is."""

    def hook(kind, value, tb):
        if isinstance(value, UserError):
            show_user_error(None, value)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        path = log_file()
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
        log.error(text)
        QMessageBox.critical(
            None,
            tr("Contest Desk has a bug"),
            tr("Something went wrong that is not your fault. Please send this file to support:")
            + f"\n{path}",
        )

    sys.excepthook = hook
