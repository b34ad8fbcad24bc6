"""Clearing what failed upgrades of older versions left in an SQLite file.

Before upgrades ran in one transaction on SQLite, a failed one kept the tables, columns
and indexes it had already made (and batch mode's ``_alembic_tmp_*`` copies) while the
file still said the old revision, so every later start failed ("table appeals already
exists"). The file's schema is compared with the schema its revision makes in a scratch
file; whatever the revision does not make is removed. No version of the app ever used
such leftovers, so they hold no rows; a table that does is never dropped: the upgrade
is refused and nothing changes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from contest_desk.errors import UserError
from contest_desk.storage.migrating import alembic_upgrade, migration_engine

Schema = dict[str, tuple[set[str], set[str]]]  # table: (columns, named indexes)


def _schema(conn: Connection) -> Schema:
    found = inspect(conn)
    return {
        table: (
            {c["name"] for c in found.get_columns(table)},
            {str(i["name"]) for i in found.get_indexes(table) if i["name"]},
        )
        for table in found.get_table_names()
    }


def _schema_at(migrations: Path, revision: str) -> Schema:
    with tempfile.TemporaryDirectory() as work:
        engine = migration_engine(f"sqlite:///{Path(work) / 'schema.db'}")
        try:
            with engine.begin() as conn:
                alembic_upgrade(conn, migrations, revision)
                return _schema(conn)
        finally:
            engine.dispose()


def clear_leftovers(conn: Connection, migrations: Path) -> list[str]:
    """Remove from ``conn``'s file what its revision does not make; what was removed."""
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None:
        return []
    expected = _schema_at(migrations, revision)
    removed = []
    for table, (columns, indexes) in _schema(conn).items():
        if table not in expected:
            if conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar():
                raise UserError(
                    "The database has a table {table} with rows that its version ({revision})"
                    " does not make; nothing was changed",
                    table=table,
                    revision=revision,
                )
            conn.exec_driver_sql(f'DROP TABLE "{table}"')
            removed.append(table)
            continue
        for index in sorted(indexes - expected[table][1]):
            conn.exec_driver_sql(f'DROP INDEX "{index}"')
            removed.append(f"{table}: {index}")
        for column in sorted(columns - expected[table][0]):
            conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
            removed.append(f"{table}.{column}")
    return removed
