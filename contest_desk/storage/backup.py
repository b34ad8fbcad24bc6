"""Backups of an SQLite database with its attached files, one zip file each.

A backup holds ``database.sqlite``, taken by SQLite's online backup API from a connection
of its own (a file copy of a live database can catch it half-written, and opening the
file outside SQLite cancels SQLite's POSIX locks), ``files/<aa>/<sha256>`` for every
attached file the database lists, and ``manifest.json``: the revision, the rows per table
and the SHA-256 of the database. Automatic backups go to ``NAME-backups/`` beside the
database, or inside the backup folder the desk's settings chose (``Database.backups_folder``,
set by app.py), and the newest few of each kind are kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contest_desk.domain.records.backup import FORMAT, BackupInfo, Manifest
from contest_desk.errors import UserError
from contest_desk.storage.files import CHUNK, files_root, sha256_of, stored_path
from contest_desk.storage.files import put_in_place as put_in_place  # restore.py's, from here

if TYPE_CHECKING:
    from contest_desk.storage.db import Database

DATABASE = "database.sqlite"
MANIFEST = "manifest.json"
FILES = "files/"
KEEP = 10  # automatic backups kept of each kind
ROTATED = ("auto", "before-upgrade", "before-restore")


def local_file(db: Database) -> Path:
    """The SQLite file of ``db``; a server database is refused with what to use instead."""
    if db.sqlite_path is None:
        raise UserError(
            "A database on a server is backed up and restored by its administrator with the"
            " server's own tools (pg_dump and pg_restore); Contest Desk backs up database"
            " files only"
        )
    return db.sqlite_path


def backups_dir(database: Path) -> Path:
    return database.with_name(database.stem + "-backups")


def backups_folder(db: Database) -> Path:
    """Where the backups of ``db`` go unless a person names a file: ``NAME-backups/``
    beside the database, or inside the chosen backup folder, one such folder per database
    there, so that two databases' backups never rotate each other away."""
    own = backups_dir(local_file(db))
    return own if db.backups_folder is None else db.backups_folder / own.name


def _uri(path: Path, mode: str) -> str:
    # mode=ro/rw: never create a file where none is (a plain connect would).
    return f"{path.resolve().as_uri()}?mode={mode}"


def _snapshot(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` into a new file, through SQLite, in rollback mode."""
    src = sqlite3.connect(_uri(source, "rw"), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # A single self-contained file: no -wal beside it is needed to read it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def contents(database: Path) -> tuple[str | None, dict[str, int], set[str]]:
    """The revision, the rows of each table, and the SHA-256 of each attached file."""
    conn = sqlite3.connect(_uri(database, "ro"), uri=True)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        tables = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
        revision = None
        if "alembic_version" in tables:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
        hashes = set()
        if "attachments" in tables:
            hashes = {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM attachments")}
        return revision, tables, hashes
    finally:
        conn.close()


def write_backup(db: Database, target: Path, kind: str = "manual") -> BackupInfo:
    """Back up ``db`` and its attached files into the zip file ``target`` (whole or not at all).

    A listed file that is missing from the store, or no longer has its hash, is left out
    and named in the manifest.
    """
    source = local_file(db)
    if not source.is_file():
        raise UserError("There is no database file {file}", file=str(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    root = files_root(db)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as work:
        copy = Path(work) / DATABASE
        _snapshot(source, copy)
        revision, tables, hashes = contents(copy)
        files, missing = {}, []
        for sha256 in sorted(hashes):
            path = stored_path(root, sha256)
            if path.is_file() and sha256_of(path) == sha256:
                files[sha256] = path.stat().st_size
            else:
                missing.append(sha256)
        manifest = Manifest(
            created_at=dt.datetime.now().isoformat(timespec="seconds"),
            kind=kind,
            revision=revision,
            tables=tables,
            database_sha256=sha256_of(copy),
            files=files,
            missing_files=missing,
        )
        part = Path(work) / "backup.zip"
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(copy, DATABASE)
            for sha256 in files:
                zf.write(stored_path(root, sha256), f"{FILES}{sha256[:2]}/{sha256}")
            text = json.dumps(manifest.__dict__, ensure_ascii=False, indent=2)
            zf.writestr(MANIFEST, text)
        put_in_place(part, target)
    return BackupInfo(target, manifest)


def backup_name(kind: str, now: dt.datetime | None = None) -> str:
    """``20261204-113000-123456-auto.zip``: sorts by time within a kind."""
    return f"{(now or dt.datetime.now()).strftime('%Y%m%d-%H%M%S-%f')}-{kind}.zip"


def backups_of(folder: Path, kind: str) -> list[Path]:
    """The backups of one kind in ``folder``, oldest first."""
    return sorted(folder.glob(f"*-{kind}.zip")) if folder.is_dir() else []


def automatic_backup(db: Database, kind: str, keep: int = KEEP) -> BackupInfo | None:
    """A backup into the backups folder, keeping the newest ``keep`` of its kind.

    None for a server database or a file not made yet: there is nothing to keep.
    """
    if db.sqlite_path is None or not db.sqlite_path.is_file():
        return None
    folder = backups_folder(db)
    info = write_backup(db, folder / backup_name(kind), kind)
    for old in backups_of(folder, kind)[:-keep]:
        old.unlink()
    return info


def backup_due(db: Database, interval: dt.timedelta) -> bool:
    """Whether the newest automatic backup is older than ``interval`` (or there is none)."""
    if db.sqlite_path is None:
        return False
    found = backups_of(backups_folder(db), "auto")
    if not found:
        return True
    newest = dt.datetime.fromtimestamp(found[-1].stat().st_mtime)
    return dt.datetime.now() - newest >= interval


def read_manifest(zf: zipfile.ZipFile) -> Manifest:
    data: dict[str, Any] = json.loads(zf.read(MANIFEST).decode("utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"format {data.get('format')}")
    return Manifest(**data)


def hash_member(zf: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with zf.open(name) as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
