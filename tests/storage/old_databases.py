"""Databases made at an older revision, with a row in every table, for upgrade tests.

The filler reads each table's columns from the database itself, so a table added by a
later migration is covered without touching this file: every column gets a value of its
type (Chinese text where a person would type it), every foreign key points at the row of
the table it names, and the audit trail gets rows linked into a valid hash chain (at
0001, before the chain existed, plain rows that 0002 links).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData

from contest_desk.domain.audit_chain import GENESIS, link_hash
from contest_desk.storage.db import MIGRATIONS, Database
from contest_desk.storage.upgrade import run_migrations

AT = dt.datetime(2026, 11, 20, 9, 30, 15, 123456)
AUDIT_ROWS = 3
SKIPPED = {"alembic_version", "audit_log", "audit_head"}
Row = tuple[tuple[str, Any], ...]


def revisions(migrations: Path = MIGRATIONS) -> list[str]:
    """Every revision, oldest first."""
    config = Config()
    config.set_main_option("script_location", str(migrations))
    script = ScriptDirectory.from_config(config)
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _value(table: sa.Table, column: sa.Column[Any], row: int) -> Any:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return True
    if isinstance(kind, sa.DateTime):
        return AT + dt.timedelta(minutes=row)
    if isinstance(kind, sa.Date):
        return dt.date(2026, 11, 20)
    if isinstance(kind, sa.JSON):
        return {"说明": f"{table.name}.{column.name}", "值": [row, "二"]}
    if isinstance(kind, sa.Integer):
        return 1000 * row + 7
    if isinstance(kind, sa.String | sa.Text):
        text = f"采油一班·{table.name}.{column.name}·{row}"
        length = getattr(kind, "length", None)
        return text[-length:] if length else text
    raise AssertionError(f"no test value for {table.name}.{column.name} ({kind!r})")


def _row(table: sa.Table, number: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in table.columns:
        targets = [fk.column.table.name for fk in column.foreign_keys]
        if column.primary_key:
            values[column.name] = number
        elif targets and targets[0] == table.name:
            # A tree (units, criteria): the second row hangs under the first.
            values[column.name] = None if number == 1 else 1
        elif targets:
            values[column.name] = number  # row n points at row n: unique pairs stay unique
        else:
            values[column.name] = _value(table, column, number)
    return values


def _audit_rows(meta: MetaData) -> list[dict[str, Any]]:
    chained = "hash" in meta.tables["audit_log"].columns
    rows, prev = [], GENESIS
    for seq in range(1, AUDIT_ROWS + 1):
        row: dict[str, Any] = {
            "id": seq,
            "at": AT + dt.timedelta(seconds=seq),
            "actor": "王建国",
            "action": "score",
            "target": f"entry:{seq}",
            "detail": {"old": None, "new": "8.5", "judge": seq},
            "note": "复核后更正" if seq == 2 else "",
        }
        if chained:
            fields = (row["at"], row["actor"], row["action"], row["target"])
            digest = link_hash(prev, seq, *fields, row["detail"], row["note"])
            row.update(seq=seq, prev_hash=prev, hash=digest)
            prev = digest
        rows.append(row)
    return rows


def fill_every_table(engine: Engine) -> None:
    """Two rows in every table (one in a tree's root and one under it), audit rows chained."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name not in SKIPPED:
                conn.execute(table.insert(), [_row(table, 1), _row(table, 2)])
        audit = _audit_rows(meta)
        conn.execute(meta.tables["audit_log"].insert(), audit)
        if "audit_head" in meta.tables:  # 0002 made the head of an empty chain
            conn.execute(meta.tables["audit_head"].delete())
            head = {"id": 1, "seq": len(audit), "hash": audit[-1]["hash"]}
            conn.execute(meta.tables["audit_head"].insert().values(head))


def database_at(path: Path, revision: str, migrations: Path = MIGRATIONS) -> Database:
    """A new SQLite file migrated to ``revision`` and filled."""
    db = Database(path, migrations=migrations)
    run_migrations(db, revision)
    fill_every_table(db.engine)
    return db


def table_rows(engine: Engine) -> dict[str, set[Row]]:
    """Every stored row of every table as it sits in the file (column name, raw value)."""
    meta = MetaData()
    meta.reflect(engine)
    found = {}
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            names = [c.name for c in table.columns]
            quoted = ", ".join(f'"{n}"' for n in names)
            result = conn.exec_driver_sql(f'SELECT {quoted} FROM "{table.name}"')
            found[table.name] = {tuple(zip(names, row, strict=True)) for row in result}
    return found


def narrowed(rows: set[Row], columns: set[str]) -> set[Row]:
    """The rows with only the named columns: what an older revision had of them."""
    return {tuple(pair for pair in row if pair[0] in columns) for row in rows}
