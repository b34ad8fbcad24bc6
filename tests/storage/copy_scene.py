"""What the copy tests share: a PostgreSQL server's databases, and every stored row of a
database read back through the ORM's types, to compare one database with another."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Connection, Table, Text, cast, create_engine, inspect, select
from sqlalchemy.orm import Session

from contest_desk.storage import copying
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.db import database_url
from contest_desk.storage.files import sha256_of, stored_path
from contest_desk.storage.models import Attachment, AuditHead, Base
from tests.databases import Databases

Rows = dict[str, list[tuple[str, ...]]]


@pytest.fixture
def pg(backends: dict[str, Databases], tmp_path_factory: pytest.TempPathFactory) -> Databases:
    """The PostgreSQL server's databases (skipped without CONTEST_DESK_TEST_PG)."""
    if "postgresql" not in backends:
        backends["postgresql"] = Databases("postgresql", tmp_path_factory.mktemp("postgresql"))
    return backends["postgresql"]


def no_schema(pg: Databases) -> str:
    """A new database on the server with no tables at all."""
    assert pg.server is not None
    return pg.server.empty()


def stored(url: str) -> Rows:
    """Every row of every table, in key order, each value as its repr: a Decimal's scale,
    a datetime's microseconds, a bool, a JSON value's keys and types all count."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return {
                t.name: [
                    tuple(repr(v) for v in row)
                    for row in conn.execute(select(t).order_by(*t.primary_key.columns))
                ]
                for t in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def json_as_stored(url: str) -> Rows:
    """Every JSON column's text as the database keeps it: SQL NULL (None) and JSON null
    ('null') read alike through the JSON type, but they are not the same stored value."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            found = {}
            for t in Base.metadata.sorted_tables:
                texts = [cast(c, Text) for c in t.columns if isinstance(c.type, JSON)]
                if texts:
                    query = select(*texts).order_by(*t.primary_key.columns)
                    found[t.name] = [tuple(map(repr, row)) for row in conn.execute(query)]
            return found
    finally:
        engine.dispose()


def chain(url: str) -> tuple[int, int | None, str | None]:
    """The audit rows, where the chain breaks (None: intact), and the head's hash."""
    engine = create_engine(database_url(url))
    try:
        with Session(engine) as session:
            rows, broken = chain_check(session)
            head = session.scalar(select(AuditHead.hash).where(AuditHead.id == 1))
            return rows, broken.seq if broken else None, head
    finally:
        engine.dispose()


def attached(url: str) -> set[str]:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return set(conn.scalars(select(Attachment.sha256)))
    finally:
        engine.dispose()


def attached_names(url: str, sha256: str) -> set[str]:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            query = select(Attachment.name).where(Attachment.sha256 == sha256)
            return set(conn.scalars(query))
    finally:
        engine.dispose()


def files_in(root: Path, hashes: set[str]) -> set[str]:
    """Those of ``hashes`` kept in ``root`` with their content intact."""
    return {h for h in hashes if (p := stored_path(root, h)).is_file() and sha256_of(p) == h}


def tables_of(url: str) -> list[str]:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return inspect(conn).get_table_names()
    finally:
        engine.dispose()


def lose_a_score(monkeypatch: pytest.MonkeyPatch) -> None:
    """A defect for the check after the copy to catch: the first score lost on the way."""
    real = copying.copy_table

    def loses_a_score(source: Connection, target: Connection, table: Table, told: Any) -> int:
        copied = real(source, target, table, told)
        if table.name == "scores":
            target.execute(table.delete().where(table.c.id == 1))
        return copied

    monkeypatch.setattr(copying, "copy_table", loses_a_score)


def raw(path: str, sql: str, *params: object) -> None:
    """Change an SQLite file behind the app's back (a damaged row, an odd tree)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()
