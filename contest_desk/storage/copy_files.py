"""The attached files a database lists, from its files folder into another one.

Only the files the database lists are taken (a folder may be shared by several
databases). Each is checked by its SHA-256 in the source before the copy starts and
again in the target after it is written; a file already there with its hash is left.
``undo`` removes what was put, so that a failed copy leaves the target folder as it was.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, select

from contest_desk.errors import UserError
from contest_desk.storage.files import CHUNK, sha256_of, stored_path
from contest_desk.storage.models import Attachment


def listed_files(conn: Connection) -> dict[str, list[str]]:
    """Each SHA-256 the database lists, with the names it is attached under."""
    found: dict[str, list[str]] = {}
    query = select(Attachment.sha256, Attachment.name).order_by(Attachment.id)
    for sha256, name in conn.execute(query):
        found.setdefault(sha256, []).append(name)
    return found


def missing_files(root: Path, listed: dict[str, list[str]]) -> list[str]:
    """The listed files absent from ``root`` or no longer matching their hash, each said
    by its names and the start of its hash: ``方案.pdf (3f2a9c1b5d6e)``."""
    return [
        f"{' / '.join(dict.fromkeys(names))} ({sha256[:12]})"
        for sha256, names in listed.items()
        if not _intact(stored_path(root, sha256), sha256)
    ]


def _intact(path: Path, sha256: str) -> bool:
    return path.is_file() and sha256_of(path) == sha256


@dataclass
class FilesPut:
    """What ``put_files`` did in the target folder: files checked there, files and
    folders it made (``undo`` removes those)."""

    checked: int = 0
    made: list[Path] = field(default_factory=list)

    def undo(self) -> None:
        for path in reversed(self.made):
            if path.is_dir():
                _remove_empty(path)
            else:
                path.unlink(missing_ok=True)


def _remove_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # something else was put there meanwhile: it stays
        folder.rmdir()


def put_files(source: Path, target: Path, hashes: list[str], put: FilesPut) -> None:
    """Copy each of ``hashes`` present in ``source`` to ``target``, checked after writing;
    ``put`` records what was made, also when this fails half-way."""
    put.made.extend(f for f in [*reversed(target.parents), target] if not f.exists())
    for sha256 in hashes:
        try:
            _put_one(source, target, sha256, put)
        except OSError as error:
            raise UserError(
                "Cannot copy the attached file {sha256} to {folder}: {reason}; the target"
                " was left as it was",
                sha256=sha256,
                folder=str(target),
                reason=error.strerror or type(error).__name__,
            ) from None


def _put_one(source: Path, target: Path, sha256: str, put: FilesPut) -> None:
    """One file into ``target``, through a part file renamed once its hash matches."""
    original, copy = stored_path(source, sha256), stored_path(target, sha256)
    if _intact(copy, sha256):
        put.checked += 1
        return
    if not _intact(original, sha256):
        return  # missing in the source: said before the copy began
    if not copy.parent.exists():
        put.made.append(copy.parent)
    copy.parent.mkdir(parents=True, exist_ok=True)
    part = copy.with_name(f".{copy.name}.part")
    put.made.append(part)
    with original.open("rb") as src, part.open("wb") as dst:
        shutil.copyfileobj(src, dst, CHUNK)
    if sha256_of(part) != sha256:
        raise UserError(
            "The copy of the attached file {sha256} in {folder} does not match the"
            " original; the target was left as it was",
            sha256=sha256,
            folder=str(target),
        )
    part.replace(copy)
    put.made.append(copy)
    put.checked += 1
