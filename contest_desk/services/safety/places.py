"""Where this desk keeps attached files and backups: the defaults, the places its settings
chose, and a move of the attached files that switches only once every copy is checked.

The settings live in the window (QSettings); app.py hands the chosen folders down with
``use``, so that storage, which has no Qt, reads them from the database object. The
command line sets none: its backups and attached files stay in the default places, or
where ``CONTEST_DESK_FILES`` says.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from contest_desk.storage.backup import backups_dir
from contest_desk.storage.db import Database
from contest_desk.storage.files import (
    FILES_ENV,
    StoreCopy,
    check_writable,
    copy_store,
    default_files_root,
    files_root,
    stored_files,
)

__all__ = ["Places", "StoreCopy"]


class Places:
    """The folders of one open database, for the settings dialog and the composition root."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def default_files(self) -> Path:
        return default_files_root(self.db)

    def files(self) -> Path:
        """Where attached files are kept now."""
        return files_root(self.db)

    def files_env(self) -> str | None:
        """``CONTEST_DESK_FILES`` when set: it wins over the settings (scripts, tests)."""
        return os.environ.get(FILES_ENV) or None

    def default_backups(self) -> Path | None:
        """``NAME-backups`` beside the database file; None for a server database, which
        its administrator backs up."""
        path = self.db.sqlite_path
        return None if path is None else backups_dir(path)

    def use(self, files: Path | None, backups: Path | None) -> None:
        """Keep attached files and backups in these folders from now on (None: the default)."""
        self.db.files_folder = files
        self.db.backups_folder = backups

    @staticmethod
    def check_folder(folder: Path) -> None:
        """A UserError naming ``folder`` when it cannot be made or written."""
        check_writable(folder)

    def has_files(self) -> bool:
        return bool(stored_files(self.files()))

    def copy_files(self, to: Path, progress: Callable[[int, int], bool] | None = None) -> StoreCopy:
        """Copy the attached files from where they are now to ``to``, each checked by its
        SHA-256; nothing is deleted, and the desk keeps using the old place until the caller
        says ``use`` (after this returned without an error)."""
        return copy_store(self.files(), to, progress)
