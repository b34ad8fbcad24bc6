"""Where attached files are kept, and the names they are kept under (their SHA-256).

Files sit beside an SQLite database (``NAME-files/``); for a server database in the
user's data directory; in the folder the desk's settings chose (``Database.files_folder``,
set by app.py); or where ``CONTEST_DESK_FILES`` says, which wins over both (scripts and
tests). Backups take them along, so this lives below both the services and the backups.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from contest_desk.domain.file_hash import CHUNK, sha256_of
from contest_desk.errors import Cancelled, UserError

if TYPE_CHECKING:
    from contest_desk.storage.db import Database

__all__ = ["CHUNK", "files_root", "sha256_of", "stored_path"]

FILES_ENV = "CONTEST_DESK_FILES"
_HASH = re.compile(r"[0-9a-f]{64}")


def files_root(db: Database) -> Path:
    """Where ``db``'s attached files are kept now."""
    if os.environ.get(FILES_ENV):
        return Path(os.environ[FILES_ENV])
    if db.files_folder is not None:
        return db.files_folder
    return default_files_root(db)


def default_files_root(db: Database) -> Path:
    """Where they are kept when nothing chose a place."""
    if db.sqlite_path is not None:
        return db.sqlite_path.with_name(db.sqlite_path.stem + "-files")
    return Path(platformdirs.user_data_dir("ContestDesk", appauthor=False)) / "files"


def stored_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def put_in_place(part: Path, target: Path) -> None:
    """Rename a finished file over ``target``, its bytes on disk first, so that a power
    cut leaves the old file or the new one whole, never a torn one."""
    with part.open("r+b") as f:  # our own new file, not an open database
        os.fsync(f.fileno())
    os.replace(part, target)


def check_writable(folder: Path) -> None:
    """Make ``folder`` if needed and write a file in it; a UserError naming it when either
    fails (a read-only share, a name that is a file, no rights)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as error:
        raise UserError(
            "The folder {folder} cannot be written: {reason}",
            folder=str(folder),
            reason=error.strerror or type(error).__name__,
        ) from None


def stored_files(root: Path) -> list[Path]:
    """The kept files under ``root`` (``aa/<sha256>``), nothing else that lies there."""
    if not root.is_dir():
        return []
    return sorted(
        path
        for path in root.glob("??/*")
        if _HASH.fullmatch(path.name) and path.parent.name == path.name[:2] and path.is_file()
    )


@dataclass(frozen=True)
class StoreCopy:
    """What copying the kept files to a new place did: ``checked`` files are there with
    their hash (copied now or found there already); ``damaged`` ones no longer matched
    their hash in the old place and were not copied. The old place is left as it was."""

    source: Path
    target: Path
    checked: int = 0
    damaged: list[str] = field(default_factory=list)


def copy_store(
    source: Path, target: Path, progress: Callable[[int, int], bool] | None = None
) -> StoreCopy:
    """Copy every kept file from ``source`` to ``target``, each checked by its SHA-256
    after the copy; a copy that does not match is a UserError (the caller keeps the old
    place). ``progress(done, total)`` returning False stops with ``Cancelled``."""
    check_writable(target)
    files = stored_files(source)
    checked, damaged = 0, []
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files)):
            raise Cancelled
        sha256 = path.name
        copy = stored_path(target, sha256)
        if copy.is_file() and sha256_of(copy) == sha256:
            checked += 1
            continue
        if sha256_of(path) != sha256:  # changed in the old place: a copy would not help
            damaged.append(sha256)
            continue
        _copy_checked(path, copy)
        checked += 1
    return StoreCopy(source, target, checked, damaged)


def _copy_checked(path: Path, copy: Path) -> None:
    copy.parent.mkdir(parents=True, exist_ok=True)
    part = copy.with_name(f".{copy.name}.part")
    try:
        with path.open("rb") as src, part.open("wb") as dst:
            shutil.copyfileobj(src, dst, CHUNK)
        if sha256_of(part) != path.name:
            raise UserError(
                "The copy of {name} in {folder} does not match the original; the"
                " attached files stay where they were",
                name=path.name,
                folder=str(copy.parent.parent),
            )
        put_in_place(part, copy)
    except OSError as error:
        raise UserError(
            "Cannot copy {name} to {folder}: {reason}; the attached files stay where they were",
            name=path.name,
            folder=str(copy.parent.parent),
            reason=error.strerror or type(error).__name__,
        ) from None
    finally:
        part.unlink(missing_ok=True)
