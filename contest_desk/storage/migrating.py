"""The two pieces every migration run uses: alembic on a connection, and an SQLite engine
on which a migration can really be all or nothing.

Python's sqlite3 module commits before DDL (it only opens a transaction before
INSERT/UPDATE/DELETE), so on the app's engine a migration that fails half-way leaves the
tables it already made. Batch mode rebuilds a table by copying it and dropping the old
one; with foreign keys on, ``DROP TABLE`` deletes the rows other tables point at and fails
(``FOREIGN KEY constraint failed``). Alembic's advice for batch mode is to turn foreign
keys off, which SQLite only accepts outside a transaction. Hence an engine whose
connections turn them off and then open the transaction themselves (``BEGIN IMMEDIATE``:
DDL included), SQLAlchemy's recipe for pysqlite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool


def _own_transactions(dbapi_connection: Any, _record: Any) -> None:
    # isolation_level None: the driver neither commits before DDL nor begins by itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def migration_engine(url: str) -> Engine:
    """An SQLite engine whose ``begin()`` is one real transaction, foreign keys off."""
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)  # as in db.py
    event.listen(engine, "connect", _own_transactions)
    event.listen(engine, "begin", _begin)
    return engine


def alembic_upgrade(conn: Connection, migrations: Path, target: str) -> None:
    """Run the migrations in ``migrations`` up to ``target`` on ``conn``'s transaction."""
    config = Config()
    config.set_main_option("script_location", str(migrations))
    config.attributes["connection"] = conn
    command.upgrade(config, target)
