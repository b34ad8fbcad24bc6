"""How many statements one mark's save sends: a save's CPU is mostly SQLAlchemy's cost
per statement (issue 16), so its checks are read in few queries (storage/save_facts.py).
A count, not a timing: a check that goes back to a query of its own fails here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from sqlalchemy import event

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from tests.builders import SmallEvent

# The checks 1 (on SQLite: the round, the facts, the cell's marks, the entry's people and
# the audit chain's head at once), the mark 1, the sheet's last mark 1, the audit row 1
# (the database's trigger moves the head) (13 before). On PostgreSQL the round is held
# before the facts are read (1 more), and the head, read locked at the commit, by its
# own (1 more); its trigger also tells the other desks.
MOST = {"sqlite": 4, "postgresql": 6}


class _Counting(psycopg.Cursor[Any]):
    """A psycopg cursor that notes each statement it sends."""

    sent: list[str]

    def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        self.sent.append(str(query))
        return super().execute(query, *args, **kwargs)


def _sent(services: Services, work: Callable[[], Any]) -> list[str]:
    """The statements ``work`` sends to the database, counted by the driver: the save's
    run on its cursor, not through SQLAlchemy's execution (storage/direct.py)."""
    sent: list[str] = []

    def note(statement: str) -> None:
        # sqlite3's trace also sees BEGIN and COMMIT, and a statement again as each of
        # its triggers' programs starts (the audit row's, migration 0016_save_path).
        if statement.startswith(("BEGIN", "COMMIT", "ROLLBACK", "--")):
            return
        if not sent or sent[-1] != statement:
            sent.append(statement)

    def out(dbapi_connection: Any, *_rest: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.set_trace_callback(note)
        else:
            dbapi_connection.cursor_factory = type("Counting", (_Counting,), {"sent": sent})

    def back(dbapi_connection: Any, *_rest: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.set_trace_callback(None)
        else:
            dbapi_connection.cursor_factory = psycopg.Cursor

    engine = services.ctx.db.engine
    event.listen(engine, "checkout", out)
    event.listen(engine, "checkin", back)
    try:
        work()
    finally:
        event.remove(engine, "checkout", out)
        event.remove(engine, "checkin", back)
    return sent


def test_a_mark_is_saved_changed_and_cleared_in_a_few_statements(
    services: Services, small_event: SmallEvent
) -> None:
    event_id, judge = small_event.event.id, small_event.judges[0]
    first, second = small_event.entries[0].id, small_event.entries[1].id
    scoring = services.scoring
    scoring.record_score(event_id, 1, judge.id, first, "P1", "7")  # the sheet made

    def save(value: str | None, expected: Decimal | None) -> Callable[[], Any]:
        return lambda: scoring.record_score(
            event_id, 1, judge.id, second, "P2", value, expected=expected
        )

    counts = [
        len(_sent(services, save("8", None))),
        len(_sent(services, save("9.5", Decimal(8)))),
        len(_sent(services, save(None, Decimal("9.5")))),
    ]
    values = scoring.sheet(event_id, 1, judge.id).values
    assert (values[(first, "P1")], values.get((second, "P2"))) == (Decimal(7), None)
    assert min(counts) > 0, counts  # the count sees them
    assert max(counts) <= MOST[services.ctx.db.engine.dialect.name], counts


def test_a_refused_save_still_names_its_reason(services: Services, small_event: SmallEvent) -> None:
    """The checks read together refuse as each did alone, with the same messages."""
    event_id, judge = small_event.event.id, small_event.judges[0]
    entry = small_event.entries[0].id
    outsider = services.roster.add_judge(small_event.event.contest_id, "outsider", "场外裁判")
    refusals = []
    for judge_id, entry_id, code in (
        (judge.id, entry, "NOPE"),
        (judge.id, 99999, "P1"),
        (99999, entry, "P1"),
        (outsider.id, entry, "P1"),
        (judge.id, entry, "P"),  # a group: its sub-criteria are the columns
    ):
        with pytest.raises(UserError) as refused:
            services.scoring.record_score(event_id, 1, judge_id, entry_id, code, "5")
        refusals.append(refused.value.message())
    assert refusals == [
        "采油工 没有评分项 NOPE",
        "采油工 中没有编号为 99999 的参赛单元",
        "没有编号为 99999 的裁判",
        "场外裁判 不是 采油工 的裁判",
        "采油工 没有评分项 P",
    ]
    assert services.scoring.sheet(event_id, 1, judge.id).values == {}
