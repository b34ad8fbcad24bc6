"""Where attached files are kept, and the names they are kept under (their SHA-256).

Files sit beside an SQLite database (``NAME-files/``); for a server database in the
user's data directory, or where ``CONTEST_DESK_FILES`` says. Backups take them along,
so this lives below both the services and the backups.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from contest_desk.domain.file_hash import CHUNK, sha256_of

if TYPE_CHECKING:
    from contest_desk.storage.db import Database

__all__ = ["CHUNK", "files_root", "sha256_of", "stored_path"]

FILES_ENV = "CONTEST_DESK_FILES"


def files_root(db: Database) -> Path:
    if os.environ.get(FILES_ENV):
        return Path(os.environ[FILES_ENV])
    if db.sqlite_path is not None:
        return db.sqlite_path.with_name(db.sqlite_path.stem + "-files")
    return Path(platformdirs.user_data_dir("ContestDesk", appauthor=False)) / "files"


def stored_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256
