"""A whole database into another, SQLite or PostgreSQL either way: all of it, or nothing.

The source is read in one snapshot (SQLite: one read transaction, with its file locked
against other Contest Desk programs; PostgreSQL: one REPEATABLE READ, read-only
transaction), so a desk working on a server meanwhile changes nothing the copy sees.
The target is written in one transaction, the schema included where it has none yet
(PostgreSQL's DDL is transactional; SQLite's through storage/migrating.py): the rows of
every table of the ORM's metadata in dependency order, keys kept; PostgreSQL's
sequences moved past the largest key; then, before the commit, the rows per table
and the audit chain compared with the source's and the attached files put in the
target's folder. Any failure rolls all of it back, removes the files put and a
database file made for the copy.

The audit chain's hashes cover each row's values as read back (domain/audit_chain.py):
a naive UTC datetime to the microsecond, which both backends keep exactly, and the JSON
detail parsed, whose text the copy keeps as it is (storage/copy_writes.py); so nothing
needs normalising between backends, and the check before the commit would say so if it
ever did.

Why a source at an older schema is refused rather than upgraded on the way: the upgrade
is the source's own step (it backs an SQLite file up first; a server's administrator
decides when), and a copy that upgraded a scratch copy of a server database would need a
scratch database. Any command run on the source upgrades it (see the message).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    Table,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from contest_desk.domain.records.copying import CopyProgress, CopyReport, TableCopied
from contest_desk.errors import UserError
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.copy_files import FilesPut, listed_files, missing_files, put_files
from contest_desk.storage.copy_rows import copy_table
from contest_desk.storage.db import MIGRATIONS, Database, database_url
from contest_desk.storage.files import files_root
from contest_desk.storage.lock import lock_path
from contest_desk.storage.migrating import alembic_upgrade, migration_engine
from contest_desk.storage.models import AuditHead, Base
from contest_desk.storage.revisions import VERSION_TABLE, newest_revision

LOCK_WAIT = 1.0  # seconds: a source or target file another desk has open is refused


class CopyMismatch(UserError):
    """The copy, checked before its commit, differs from the source: nothing was kept."""

    def __init__(self, report: CopyReport, msgid: str, **params: Any) -> None:
        self.report = report
        super().__init__(msgid, **params)


def shown(url: str) -> str:
    """A database as it may be printed: a server's URL without its password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)


def copy_database(
    source: str,
    target: str,
    source_files: Path | None = None,
    target_files: Path | None = None,
    allow_missing_files: bool = False,
    progress: CopyProgress | None = None,
) -> CopyReport:
    """Copy the database ``source`` (a file or URL) into ``target``, which must be new or
    empty, with the attached files (from ``source_files`` into ``target_files``, by
    default each database's own folder). Checked before it is kept; a UserError (a
    CopyMismatch when the check failed) leaves the target as it was."""
    started = time.monotonic()
    from_url, to_url = _existing(source), database_url(target)
    if make_url(from_url).set(password=None) == make_url(to_url).set(password=None):
        raise UserError("The source and the target are the same database")
    made = _new_file(to_url)
    src = Database(from_url, lock_wait=LOCK_WAIT)
    try:
        dst = Database(to_url, lock_wait=LOCK_WAIT)
        try:
            roots = (source_files or files_root(src), target_files or files_root(dst))
            report = _copy(src, dst, roots, allow_missing_files, progress, started)
        except BaseException:
            dst.dispose()
            _remove(made)
            raise
        dst.dispose()
        return report
    finally:
        src.dispose()


def _existing(source: str) -> str:
    """The source's URL; a file that is not there is said as such (never made)."""
    if "://" not in source and not Path(source).expanduser().is_file():
        raise UserError("There is no database file {file}", file=source)
    return database_url(source)


def _new_file(url: str) -> list[Path]:
    """What the copy makes for an SQLite target that is not there yet (removed on failure)."""
    database = make_url(url).database
    if make_url(url).get_backend_name() != "sqlite" or not database:
        return []
    path = Path(database)
    if path.exists():
        return []
    siblings = [path.with_name(path.name + end) for end in ("-journal", "-wal", "-shm")]
    return [path, *siblings, lock_path(path)]


def _remove(made: list[Path]) -> None:
    for path in made:
        path.unlink(missing_ok=True)


def _copy(
    src: Database,
    dst: Database,
    roots: tuple[Path, Path],
    allow_missing_files: bool,
    progress: CopyProgress | None,
    started: float,
) -> CopyReport:
    head = newest_revision(src.migrations)
    tables = Base.metadata.sorted_tables  # every table the app knows, parents first
    with _snapshot(src.url) as reading:
        _check_source(reading, head, src.url)
        counts = {t.name: _count(reading, t) for t in tables}
        listed = listed_files(reading)
        missing = missing_files(roots[0], listed)
        if missing and not allow_missing_files:
            raise UserError(
                "{n} attached file(s) are missing from {folder} or no longer match their"
                " hash: {names}. Nothing was copied; find them, or copy without them with"
                " --allow-missing-files",
                n=len(missing),
                folder=str(roots[0]),
                names="; ".join(missing),
            )
        engine = _writer(dst.url)
        try:
            with engine.connect() as writing:
                transaction = writing.begin()
                put = FilesPut()
                try:
                    _prepare_target(writing, head, tables, dst.url)
                    for table in tables:
                        _copy_one(reading, writing, table, counts[table.name], progress)
                    _after_rows(writing, tables)
                    chain = _compare(reading, writing, tables, counts)
                    put_files(roots[0], roots[1], sorted(listed), put)
                    report = CopyReport(
                        chain.tables, chain.chain_rows, put.checked, tuple(missing),
                        time.monotonic() - started, chain.chain_broken_at,
                    )  # fmt: skip
                    transaction.commit()
                except BaseException:
                    put.undo()
                    transaction.rollback()
                    raise
        finally:
            engine.dispose()
    return report


@contextmanager
def _snapshot(url: str) -> Iterator[Connection]:
    """A read transaction on ``url`` that sees one moment of the database throughout."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
        event.listen(engine, "connect", _own_transactions)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    else:
        engine = create_engine(
            url, poolclass=NullPool, hide_parameters=True, isolation_level="REPEATABLE READ"
        )
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(postgresql_readonly=True)
            with conn.begin():
                yield conn
    finally:
        engine.dispose()


def _own_transactions(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 begins no transaction before a SELECT: each would see its own
    # moment. Without its own handling, the BEGIN above holds one snapshot throughout.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA busy_timeout=10000")


def _writer(url: str) -> Engine:
    """The target's engine: one transaction, DDL included, on SQLite too."""
    if make_url(url).get_backend_name() == "sqlite":
        return migration_engine(url)  # foreign keys off meanwhile: checked before commit
    return create_engine(url, poolclass=NullPool, hide_parameters=True)


def _revision(conn: Connection) -> tuple[set[str], str | None]:
    names = set(inspect(conn).get_table_names())
    if VERSION_TABLE not in names:
        return names, None
    return names, conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _check_source(conn: Connection, head: str | None, url: str) -> None:
    _names, revision = _revision(conn)
    if revision is None:
        raise UserError("{source} is not a Contest Desk database", source=shown(url))
    if revision == head:
        return
    if conn.dialect.name == "sqlite":
        msgid = (
            "{source} is at another version of the schema ({revision}, this program's is"
            " {head}). Upgrade it first: any command on it does, after a backup, e.g."
            " contest-desk --db FILE audit verify; a newer one needs a newer program"
        )
    else:
        msgid = (
            "{source} is at another version of the schema ({revision}, this program's is"
            " {head}). Upgrade it first with contest-desk server upgrade URL (the owner's);"
            " a newer one needs a newer program"
        )
    raise UserError(msgid, source=shown(url), revision=revision, head=head)


def _prepare_target(conn: Connection, head: str | None, tables: list[Table], url: str) -> None:
    """Give an empty target the schema, or check that the target's is the current one
    and holds nothing; then clear the rows a new schema starts with (the chain's head)."""
    names, revision = _revision(conn)
    if not names:
        alembic_upgrade(conn, MIGRATIONS, "head")
    elif revision != head:
        raise UserError(
            "{target} already holds a database of another version or program; copy into"
            " a new file or an empty database",
            target=shown(url),
        )
    else:
        seeded = _new_schema_rows()
        full = [t.name for t in tables if _count(conn, t) > seeded.get(t.name, 0)]
        if full:
            raise UserError(
                "{target} is not empty ({tables} hold rows); copy into a new file or an"
                " empty database: nothing was changed",
                target=shown(url),
                tables=", ".join(full[:5]) + (" …" if len(full) > 5 else ""),
            )
    for table in reversed(tables):
        conn.execute(delete(table))


@functools.cache
def _new_schema_rows() -> dict[str, int]:
    """The rows each table of a newly made schema holds (the chain's head row): what an
    empty target may hold. Made once, in memory."""
    engine = migration_engine("sqlite://")
    try:
        with engine.begin() as conn:
            alembic_upgrade(conn, MIGRATIONS, "head")
            tables = Base.metadata.sorted_tables
            return {t.name: n for t in tables if (n := _count(conn, t))}
    finally:
        engine.dispose()


def _count(conn: Connection, table: Table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _copy_one(
    reading: Connection,
    writing: Connection,
    table: Table,
    total: int,
    progress: CopyProgress | None,
) -> None:
    def told(done: int) -> None:
        if progress is not None:
            progress(table.name, done, total)

    told(0)
    copy_table(reading, writing, table, told)


def _after_rows(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL: each key's sequence past the largest key copied, so that the next
    row a desk adds gets a new key. SQLite: every reference checked (they were off)."""
    if conn.dialect.name == "sqlite":
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
        if broken is not None:
            table, rowid, parent, _fk = broken
            raise UserError(
                "Row {row} of {table} points at a missing row of {parent}; the target was"
                " left as it was",
                row=rowid,
                table=table,
                parent=parent,
            )
        return
    quote = conn.dialect.identifier_preparer
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        name, column = quote.format_table(table), quote.quote(keys[0].name)
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column),"
                f" COALESCE(MAX({column}), 0) + 1, false) FROM {name}"
            ),
            {"table": name, "column": keys[0].name},
        )


def _compare(
    reading: Connection, writing: Connection, tables: list[Table], counts: dict[str, int]
) -> CopyReport:
    """The target's rows per table and audit chain beside the source's; a CopyMismatch
    when they differ. (The report's files and time are filled in by the caller.)"""
    copied = tuple(TableCopied(t.name, counts[t.name], _count(writing, t)) for t in tables)
    before, after = _chain(reading), _chain(writing)
    broken_at = before[1]
    report = CopyReport(copied, after[0], 0, (), 0.0, broken_at)
    if report.mismatched:
        raise CopyMismatch(
            report,
            "The copy does not hold the source's rows ({tables}); the target was left as it was",
            tables=", ".join(t.name for t in report.mismatched),
        )
    if before != after:
        raise CopyMismatch(
            report,
            "The copy's audit chain does not verify as the source's (source: {source},"
            " copy: {copy}); the target was left as it was",
            source=before,
            copy=after,
        )
    return report


def _chain(conn: Connection) -> tuple[int, int | None, str | None]:
    """Rows, the first row where the chain breaks (None: intact) and the head's hash."""
    with Session(bind=conn) as session:
        rows, broken = chain_check(session)
        head = session.scalar(select(AuditHead.hash).where(AuditHead.id == 1))
    return rows, broken.seq if broken else None, head
