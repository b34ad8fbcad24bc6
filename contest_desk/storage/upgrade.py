"""Running the migrations: on SQLite in one real transaction with foreign keys off.

Two SQLite habits make a plain ``alembic upgrade`` unsafe there. Python's sqlite3 module
commits before DDL (it only opens a transaction before INSERT/UPDATE/DELETE), so a
migration that fails half-way leaves the tables it already made (``table appeals already
exists`` on the next start). And batch mode rebuilds a table by copying it and dropping the
old one; with foreign keys on, ``DROP TABLE`` deletes the rows that other tables point at
and fails (``FOREIGN KEY constraint failed``). Alembic's advice for batch mode is to turn
foreign keys off, which SQLite only accepts outside a transaction. So the migrations run on
a connection of their own that turns them off, then opens the transaction itself (``BEGIN
IMMEDIATE``: DDL included), checks every reference before committing, and rolls everything
back on any error: a failed upgrade leaves the file as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, create_engine, event
from sqlalchemy.pool import NullPool

from contest_desk.errors import UserError
from contest_desk.storage.backup import automatic_backup

if TYPE_CHECKING:
    from contest_desk.storage.db import Database


def _own_transactions(dbapi_connection: Any, _record: Any) -> None:
    # isolation_level None: the driver neither commits before DDL nor begins by itself;
    # the "begin" listener below opens the one transaction (SQLAlchemy's pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def run_migrations(db: Database, target: str = "head") -> None:
    """Migrate ``db`` to ``target`` in one transaction: all of it, or nothing."""
    config = Config()
    config.set_main_option("script_location", str(db.migrations))
    if db.engine.dialect.name != "sqlite":
        # PostgreSQL has transactional DDL and keeps references checked throughout.
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, target)
        return
    engine = create_engine(db.url, poolclass=NullPool)
    event.listen(engine, "connect", _own_transactions)
    event.listen(engine, "begin", _begin)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, target)
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
