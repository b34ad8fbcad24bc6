"""The last guard behind every way in: a text written through a session fits its column.

Each way in (imports, the window's forms, the command line) checks its texts against
domain/limits.py first and names the file, row and field. This guard catches whatever
one of them misses, before the database sees it: SQLite ignores a column's width, so a
100,000-character name would be stored there and break certificates later, while
PostgreSQL refuses it with a raw DataError; a lone surrogate ("\\ud800", which a JSON
escape can make) cannot be encoded at all. Either is a UserError here, and the
transaction it came in rolls back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from contest_desk.domain.limits import check_text


def _written(obj: Any) -> dict[str, Any]:
    """The attributes a flush writes: every loaded one of a new object, the changed ones
    of a changed object (so old rows are never re-checked)."""
    state = inspect(obj)
    if state.pending or state.transient:
        return dict(state.dict)
    return {key: state.dict[key] for key in state.committed_state if key in state.dict}


def check_texts(session: Session, _context: UOWTransaction, _instances: object) -> None:
    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        written = _written(obj)
        for attr in mapper.column_attrs:
            value = written.get(attr.key)
            column = attr.columns[0]
            if not isinstance(value, str) or not isinstance(column.type, String):
                continue
            check_text(value, column.type.length, f"{mapper.local_table.name}.{column.name}")


event.listen(Session, "before_flush", check_texts)
