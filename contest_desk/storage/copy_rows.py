"""One table's rows from one database into another, streamed in batches, keys kept.

The source is read through a server-side cursor (PostgreSQL) or SQLite's own step by
step cursor, ``BATCH`` rows at a time, and each batch goes into the target at once (see
storage/copy_writes.py: one INSERT, or COPY on PostgreSQL; the values through the ORM's
column types, JSON as its stored text): memory holds one batch, however big the table.

A batch the target refuses is tried again row by row, each in a savepoint, so that the
error names the row (its primary key) and the database's reason; a row the source holds
but cannot be read as its type (text in a number column, say) is found the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, bindparam, or_, select, tuple_, update
from sqlalchemy.exc import DBAPIError, StatementError

from contest_desk.errors import UserError
from contest_desk.storage.copy_writes import as_read, insert_rows, write

BATCH = 2000
# What a value that cannot be converted raises while a row is read or bound.
_VALUE_ERRORS = (ValueError, TypeError, ArithmeticError)

Told = Callable[[int], None]  # rows of the table copied so far


def row_key(table: Table, row: Any) -> str:
    """A row said by its primary key: ``id=17`` (``contest_id=3`` where that is the key)."""
    return ", ".join(f"{c.name}={row[c.name]}" for c in table.primary_key.columns)


def reason_of(error: BaseException) -> str:
    """The database's own words for a refusal, first line only: never the statement or
    its values (the engines hide them anyway: a value may be a password hash)."""
    cause = getattr(error, "orig", None) or error
    return (str(cause).strip().splitlines() or [type(cause).__name__])[0]


def copy_table(source: Connection, target: Connection, table: Table, told: Told) -> int:
    """Copy every row of ``table`` in primary-key order; returns how many were copied.

    A nullable column pointing into the same table (a unit's parent) is written empty
    first and filled in once every row is in: a parent may come after its child.
    """
    keys = list(table.primary_key.columns)
    later = [c for c in table.columns if c.nullable and _points_home(c, table)]
    query = select(*as_read(table)).order_by(*keys)
    result = source.execution_options(yield_per=BATCH).execute(query)
    copied, last = 0, None
    try:
        while True:
            try:
                rows = [dict(r._mapping) for r in result.fetchmany(BATCH)]
            except _VALUE_ERRORS as error:
                raise _unreadable(source, table, last, error) from None
            if not rows:
                break
            last = tuple(rows[-1][c.name] for c in keys)
            for row in rows:
                row.update(dict.fromkeys((c.name for c in later), None))
            _insert(target, table, rows)
            copied += len(rows)
            told(copied)
    finally:
        result.close()
    if later:
        _link_home(source, target, table, later)
    return copied


def _points_home(column: Column[Any], table: Table) -> bool:
    return any(fk.column.table is table for fk in column.foreign_keys)


def _insert(target: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    # A savepoint per batch: PostgreSQL refuses every later statement of a transaction
    # in which one failed, and the row-by-row retry needs the transaction.
    batch = target.begin_nested()
    refusals = (StatementError, target.dialect.loaded_dbapi.Error, *_VALUE_ERRORS)
    try:
        write(target, table, rows)
    except refusals as error:
        batch.rollback()
        raise _refused(target, table, rows, error) from None
    batch.commit()


def _refused(
    target: Connection, table: Table, rows: Sequence[dict[str, Any]], error: BaseException
) -> UserError:
    """The first row of ``rows`` that the target refuses on its own, and why."""
    for row in rows:
        one = target.begin_nested()
        try:
            insert_rows(target, table, [row])
        except (StatementError, *_VALUE_ERRORS) as single:
            one.rollback()
            return failed(table, row_key(table, row), reason_of(single))
        one.commit()
    return failed(table, row_key(table, rows[0]), reason_of(error))


def _unreadable(
    source: Connection, table: Table, after: tuple[Any, ...] | None, error: BaseException
) -> UserError:
    """The first row after ``after`` that cannot be read as its column types say, and why."""
    keys = list(table.primary_key.columns)
    query = select(*keys).order_by(*keys).limit(BATCH + 1)
    if after is not None:
        query = query.where(tuple_(*keys) > tuple_(*after))
    for key in source.execute(query).all():
        try:
            source.execute(select(*as_read(table)).where(tuple_(*keys) == tuple_(*key))).one()
        except _VALUE_ERRORS as single:
            return failed(table, row_key(table, key._mapping), str(single))
    return failed(table, "?", str(error))


def _link_home(source: Connection, target: Connection, table: Table, columns: list[Any]) -> None:
    """Fill in the columns ``copy_table`` left empty, batch by batch."""
    keys = list(table.primary_key.columns)
    query = select(*keys, *columns).where(or_(*(c.is_not(None) for c in columns)))
    change = update(table).where(*(k == bindparam(f"k_{k.name}") for k in keys))
    change = change.values({c.name: bindparam(f"v_{c.name}") for c in columns})
    result = source.execution_options(yield_per=BATCH).execute(query.order_by(*keys))
    try:
        while rows := result.fetchmany(BATCH):
            params = [
                {**{f"k_{k.name}": r._mapping[k.name] for k in keys},
                 **{f"v_{c.name}": r._mapping[c.name] for c in columns}}
                for r in rows
            ]  # fmt: skip
            try:
                target.execute(change, params)
            except DBAPIError as error:
                raise failed(table, row_key(table, rows[0]._mapping), reason_of(error)) from None
    finally:
        result.close()


def failed(table: Table, row: str, reason: str) -> UserError:
    return UserError(
        "Row {row} of {table} could not be copied: {reason}; the target was left as it was",
        table=table.name,
        row=row,
        reason=reason,
    )
