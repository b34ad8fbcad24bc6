"""The save's statements run on the driver's cursor (issue 16).

A mark's save sends a few prebuilt statements, and SQLAlchemy's cost per execution was
most of its CPU: hashing the statement's cache key to find its compiled form (19 µs for
the save's facts), building a result and processing each of its forty columns. Measured
on SQLite: the facts 107 µs through SQLAlchemy, 33 µs on sqlite3's cursor; the sheet's
last mark 23 µs, 2 µs. So ``Direct`` renders its statement once per database with
SQLAlchemy's own compiler, and runs it on the session's DBAPI connection (the same
transaction), converting the values both ways with the columns' own types.

What this gives up: SQLAlchemy's cursor events and logging for these statements (none
are listened to), and its wrapping of the driver's errors, done here the same way: a
``DBAPIError`` subclass, and a connection found broken is invalidated and said so, as
storage/server_gone.py expects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Select, exc
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.types import TypeEngine

Convert = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Rendered:
    sql: str
    compiled: SQLCompiler
    order: tuple[str, ...] | None  # the parameters' names in a positional driver's order
    binds: dict[str, Convert]  # each parameter's conversion to the driver's value
    results: tuple[Convert, ...]  # each column's conversion from the driver's value


def _to_driver(kind: TypeEngine[Any], dialect: Dialect) -> Convert:
    return kind.dialect_impl(dialect).bind_processor(dialect)


def _from_driver(kind: TypeEngine[Any], dialect: Dialect) -> Convert:
    return kind.dialect_impl(dialect).result_processor(dialect, None)


class Direct:
    """A statement built with SQLAlchemy Core, run on the session's driver connection.

    Only for statements whose parameters are all named ``bindparam``s (no expanding IN
    lists, no values from the column keys given at execution)."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._rendered: dict[str, _Rendered] = {}

    def rows(self, s: Session, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows the statement reads, each value as SQLAlchemy would give it."""
        cursor, rendered = self._execute(s, params)
        rows = cursor.fetchall()
        cursor.close()
        results = rendered.results
        if not any(results):
            return [tuple(row) for row in rows]
        return [
            tuple(value if convert is None else convert(value)
                  for convert, value in zip(results, row, strict=True))
            for row in rows
        ]  # fmt: skip

    def run(self, s: Session, params: Mapping[str, Any]) -> int:
        """Run a change; the number of rows it changed."""
        cursor, _rendered = self._execute(s, params)
        changed = int(cursor.rowcount)
        cursor.close()
        return changed

    def _execute(self, s: Session, params: Mapping[str, Any]) -> tuple[Any, _Rendered]:
        s.flush()  # what the session holds first, as SQLAlchemy's own execution would
        connection = s.connection()
        dialect = connection.dialect
        # By the database's name: these statements render alike for every server version.
        rendered = self._rendered.get(dialect.name) or self._render(dialect)
        values = rendered.compiled.construct_params(params)
        for name, convert in rendered.binds.items():
            if convert is not None:
                values[name] = convert(values[name])
        sent: Sequence[Any] | Mapping[str, Any] = (
            values if rendered.order is None else [values[name] for name in rendered.order]
        )
        raw = connection.connection.dbapi_connection
        cursor = raw.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(rendered.sql, sent)
        except dialect.loaded_dbapi.Error as error:
            broken = dialect.is_disconnect(error, raw, cursor)
            if broken:
                connection.invalidate(error)
            raise exc.DBAPIError.instance(
                rendered.sql, None, error, dialect.loaded_dbapi.Error,
                hide_parameters=True, connection_invalidated=broken, dialect=dialect,
            ) from error  # fmt: skip
        return cursor, rendered

    def _render(self, dialect: Dialect) -> _Rendered:
        compiled = self.statement.compile(dialect=dialect)  # type: ignore[attr-defined]
        assert isinstance(compiled, SQLCompiler) and isinstance(self.statement, ClauseElement)
        if compiled.escaped_bind_names or any(b.expanding for b in compiled.binds.values()):
            raise TypeError("Direct runs plainly named parameters only, none expanding")
        binds = {name: _to_driver(bind.type, dialect) for bind, name in compiled.bind_names.items()}
        results: tuple[Convert, ...] = ()
        if isinstance(self.statement, Select):
            selected = self.statement.selected_columns
            results = tuple(_from_driver(column.type, dialect) for column in selected)
        order = tuple(compiled.positiontup) if compiled.positiontup is not None else None
        rendered = _Rendered(compiled.string, compiled, order, binds, results)
        self._rendered[dialect.name] = rendered
        return rendered
