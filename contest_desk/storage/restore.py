"""Restoring a backup: checked whole first, then put in place by renaming, the old file kept.

Nothing is replaced until the backup has passed every check: it is a zip with a manifest,
its database has the hash the manifest gives, SQLite finds it intact with every reference
holding, it is a Contest Desk database at a revision this version knows, its audit chain
verifies, and each attached file has the hash it is named by.
"""

from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from contest_desk.domain.audit_chain import BREAK_REASONS
from contest_desk.domain.records.backup import BackupInfo, Manifest
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.backup import (
    DATABASE,
    FILES,
    automatic_backup,
    contents,
    hash_member,
    local_file,
    put_in_place,
    read_manifest,
)
from contest_desk.storage.files import files_root, sha256_of, stored_path

if TYPE_CHECKING:
    from contest_desk.storage.db import Database


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    aside: BackupInfo | None  # the database as it was before, kept in the backups folder


def _refuse(backup: Path, reason: str) -> UserError:
    return UserError("{file} cannot be restored: {reason}", file=backup.name, reason=reason)


def _known_revision(migrations: Path, revision: str) -> bool:
    # Imported here: alembic (with mako) is a fifth of a second of every window's start,
    # where the services hub imports this module, and only a restore needs it.
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(migrations))
    try:
        return (
            revision is not None
            and ScriptDirectory.from_config(config).get_revision(revision) is not None
        )
    except CommandError:  # alembic's answer for a revision it has never heard of
        return False


def _check_database(backup: Path, database: Path, migrations: Path) -> None:
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if found != "ok":
            raise _refuse(backup, _("its database is damaged ({detail})", detail=found))
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise _refuse(backup, _("rows in its database point at rows that do not exist"))
    except sqlite3.DatabaseError as error:
        raise _refuse(backup, _("its database cannot be read ({detail})", detail=error)) from None
    finally:
        conn.close()
    # The database's own word, not the manifest's, says which revision it is.
    revision, tables, _files = contents(database)
    if revision is None:
        raise _refuse(backup, _("it is not a Contest Desk database"))
    if not _known_revision(migrations, revision):
        raise _refuse(
            backup,
            _(
                "it is not a database of this version of Contest Desk (revision {revision})",
                revision=revision,
            ),
        )
    if "audit_head" not in tables:
        return  # made before the audit trail had its chain (0001)
    engine = create_engine(f"sqlite:///{database}", poolclass=NullPool)
    try:
        with Session(engine) as session:
            _rows, broken = chain_check(session)
    finally:
        engine.dispose()
    if broken is not None:
        reason = _(BREAK_REASONS[broken.reason])
        raise _refuse(
            backup,
            _("its audit trail is broken at row {seq}: {reason}", seq=broken.seq, reason=reason),
        )


def check_backup(backup: Path, migrations: Path, work: Path) -> Manifest:
    """Check ``backup`` whole, unpacking its database into ``work``; its manifest if sound."""
    try:
        with zipfile.ZipFile(backup) as zf:
            manifest = read_manifest(zf)
            zf.extract(DATABASE, work)
            for sha256 in manifest.files:
                if hash_member(zf, f"{FILES}{sha256[:2]}/{sha256}") != sha256:
                    raise _refuse(backup, _("the attached file {name} is damaged", name=sha256))
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as error:
        detail = _("it is not a Contest Desk backup ({detail})", detail=error)
        raise _refuse(backup, detail) from None
    database = work / DATABASE
    if sha256_of(database) != manifest.database_sha256:
        raise _refuse(backup, _("its database does not match its manifest"))
    _check_database(backup, database, migrations)
    return manifest


def _restore_files(backup: Path, manifest: Manifest, root: Path) -> None:
    """Put back each attached file the store lacks (or holds changed); kept files stay."""
    with zipfile.ZipFile(backup) as zf:
        for sha256 in manifest.files:
            target = stored_path(root, sha256)
            if target.is_file() and sha256_of(target) == sha256:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            part = target.with_name(f".{sha256}.part")
            with zf.open(f"{FILES}{sha256[:2]}/{sha256}") as src, part.open("wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            put_in_place(part, target)


def restore_backup(db: Database, backup: Path) -> Restored:
    """Replace the database file of ``db`` with the one in ``backup``, after checking it.

    The current database is first backed up into the backups folder. The file is swapped
    only while no connection of ``db`` is open; ``db`` stays usable and is brought up to
    the newest revision afterwards.
    """
    path = local_file(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    work = path.with_name(f".{path.name}.restore")
    work.mkdir(exist_ok=True)
    try:
        manifest = check_backup(backup, db.migrations, work)
        aside = automatic_backup(db, "before-restore")
        _restore_files(backup, manifest, files_root(db))
        db.engine.dispose()  # closes our connections; the last one removes the -wal file
        if Path(f"{path}-wal").exists():
            raise UserError(
                "Another program still has {file} open; close it and restore again",
                file=path.name,
            )
        put_in_place(work / DATABASE, path)
    finally:
        for leftover in work.iterdir():
            leftover.unlink()
        work.rmdir()
    db.upgrade()
    return Restored(manifest, aside)
