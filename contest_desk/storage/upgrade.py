"""Running the migrations: on SQLite in one real transaction with foreign keys off.

See storage/migrating.py for why SQLite needs an engine of its own for this. The
references are checked before the commit, and anything left by a failed upgrade of an
older version is cleared first (storage/leftovers.py): a failed upgrade leaves the file
as it was, and a file an older version left half-migrated upgrades.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import ProgrammingError

from contest_desk.errors import UserError
from contest_desk.storage.backup import automatic_backup

if TYPE_CHECKING:
    from contest_desk.storage.db import Database

INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for a right the role lacks


def run_migrations(db: Database, target: str = "head") -> None:
    """Migrate ``db`` to ``target`` in one transaction: all of it, or nothing."""
    # Loaded here, not at the top: alembic is needed only when there is something to do
    # (storage/revisions.py says whether there is).
    from contest_desk.storage.leftovers import clear_leftovers
    from contest_desk.storage.migrating import alembic_upgrade, migration_engine

    if db.engine.dialect.name != "sqlite":
        # PostgreSQL has transactional DDL and keeps references checked throughout.
        try:
            with db.engine.begin() as conn:
                alembic_upgrade(conn, db.migrations, target)
        except ProgrammingError as error:
            if getattr(error.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
                raise
            # A desk's role reads and writes rows only (contest-desk server grant). The
            # pool's connections closed here: the caller never gets the database.
            db.engine.dispose()
            raise UserError(
                "The database on the server is of an older version and this desk may not"
                " change its tables: IT upgrades it with contest-desk server upgrade"
            ) from None
        return
    engine = migration_engine(db.url)
    try:
        with engine.begin() as conn:
            clear_leftovers(conn, db.migrations)
            alembic_upgrade(conn, db.migrations, target)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                table, rowid, parent, _fk = broken[0]
                raise UserError(
                    "The upgrade would leave row {row} of {table} pointing at a missing row"
                    " of {parent}; nothing was changed",
                    row=rowid,
                    table=table,
                    parent=parent,
                )
    finally:
        engine.dispose()


def upgrade_database(db: Database) -> Path | None:
    """Bring ``db`` to the newest revision; the backup taken first, if there was one.

    An SQLite database with data is backed up (attached files included) into its backups
    folder before any migration runs; the newest few of those are kept.
    """
    current = db.revision()
    if current == db.head():
        return None
    backup = automatic_backup(db, "before-upgrade") if current is not None else None
    run_migrations(db)
    return backup.path if backup else None
