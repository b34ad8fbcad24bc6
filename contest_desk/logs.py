"""The rotating log file in the user's log folder, shared by the window app and the command
line: what support asks for when something went wrong.

No layer's code writes passwords to it: the database engine hides statement parameters,
and the services log names and ids, never secrets.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

# Set to a folder to keep the log elsewhere (tests, a portable install on a USB stick).
FOLDER_ENV = "CONTEST_DESK_LOG_DIR"
FILE_NAME = "contest-desk.log"
# 1 MB per file, 5 old files kept: months of an office's use, small enough to e-mail.
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_folder() -> Path:
    """The folder of the log files (made if missing)."""
    chosen = os.environ.get(FOLDER_ENV)
    folder = (
        Path(chosen) if chosen else Path(platformdirs.user_log_dir("ContestDesk", appauthor=False))
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_file() -> Path:
    """The current log file (the older ones end in .1 … .5)."""
    return log_folder() / FILE_NAME


class _DeskHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler this module installed, so that a second set-up replaces it."""


class _Echo(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings on the terminal too, as Python's last-resort handler printed them before
    the log file was there (it stays silent once any handler is installed)."""


def set_up_logging(
    folder: Path | None = None,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
    echo_warnings: bool = False,
) -> Path:
    """Send INFO and above of every logger to the rotating file; returns its path.

    Calling it again (a test, a second window in one process) replaces the handler
    instead of writing every line twice."""
    path = (folder / FILE_NAME) if folder is not None else log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _DeskHandler | _Echo)]:
        root.removeHandler(old)
        old.close()
    handler = _DeskHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if echo_warnings:
        echo = _Echo()
        echo.setLevel(logging.WARNING)
        root.addHandler(echo)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def desk_handler() -> logging.handlers.RotatingFileHandler | None:
    """The installed log file's handler, if set_up_logging ran."""
    return next((h for h in logging.getLogger().handlers if isinstance(h, _DeskHandler)), None)
