"""The save's statements run on the driver's cursor (storage/direct.py) give what
SQLAlchemy's own execution gives: the same values both ways (scores kept as thousandths,
times, yes/no), the same errors (a broken unique rule, a connection found broken), in
the session's own transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import bindparam, exc, insert, select, text, update
from sqlalchemy.orm import Session

from contest_desk.domain.records.contests import CriterionColumn
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.storage.audit_log import Pending, append
from contest_desk.storage.db import Database, open_database
from contest_desk.storage.direct import Direct
from contest_desk.storage.ledger import take_notes
from contest_desk.storage.mapping import criterion_columns, get_event
from contest_desk.storage.marks import store_mark
from tests.builders import SmallEvent
from tests.services import conftest as shared

_SCORE = (
    select(m.Score.value, m.Score.updated_at, m.Round.locked_at, m.Judge.trainee)
    .join(m.Round, m.Round.id == m.Score.round_id)
    .join(m.Judge, m.Judge.id == m.Score.judge_id)
    .where(m.Score.entry_id == bindparam("entry"))
)
_LOCK = update(m.Round).where(m.Round.id == bindparam("round")).values(locked_at=bindparam("at"))


# The services' fixtures, used by name.
services, small_event = shared.services, shared.small_event


def _cell(s: Session, small: SmallEvent) -> tuple[int, CriterionColumn]:
    """The first entry's P1 in the round: its round id and column."""
    event = get_event(s, small.event.id)
    column = next(c for c in criterion_columns(event) if c.code == "P1")
    return s.scalars(select(m.Round.id).where(m.Round.event_id == event.id)).one(), column


def _mark(s: Session, small: SmallEvent, value: Decimal) -> None:
    """The first judge's mark in the first entry's P1, as a save writes it, audited."""
    round_id, column = _cell(s, small)
    store_mark(s, round_id, small.entries[0].id, column, small.judges[0].id, value)
    append(s, Pending("admin", "test.mark", "entry", {"state": take_notes(s)}, ""))


def test_values_go_and_come_back_as_through_sqlalchemy(
    services: Services, small_event: SmallEvent
) -> None:
    db: Database = services.ctx.db
    at = dt.datetime(2026, 12, 5, 8, 30, 15, 123456)
    entry = small_event.entries[0].id
    with db.transaction() as s:
        _mark(s, small_event, Decimal("8.125"))  # Direct's INSERT: thousandths stored
        round_id = s.scalars(
            select(m.Round.id).where(m.Round.event_id == small_event.event.id)
        ).one()
        assert Direct(_LOCK).run(s, {"round": round_id, "at": at}) == 1
        mine = Direct(_SCORE).rows(s, {"entry": entry})
        theirs = [tuple(row) for row in s.execute(_SCORE, {"entry": entry})]
        stored = s.execute(text("SELECT value FROM scores")).scalar_one()
    assert mine == theirs
    value, updated, locked, trainee = mine[0]
    assert (value, locked, trainee) == (Decimal("8.125"), at, False)
    assert isinstance(updated, dt.datetime) and stored == 8125


def test_a_rolled_back_transaction_takes_direct_writes_with_it(
    services: Services, small_event: SmallEvent
) -> None:
    with pytest.raises(RuntimeError), services.ctx.db.transaction() as s:
        _mark(s, small_event, Decimal(7))
        raise RuntimeError("refused after the write")
    with services.ctx.db.reading() as s:
        assert s.scalars(select(m.Score.id)).all() == []


def test_a_broken_rule_is_sqlalchemys_error(services: Services, small_event: SmallEvent) -> None:
    """As store_mark's caller catches it: two first values for one cell."""
    with services.ctx.db.reading() as s:
        round_id = s.scalars(select(m.Round.id)).first()
        criterion = s.scalars(select(m.Criterion.id)).first()
    row = {"round_id": round_id, "entry_id": small_event.entries[0].id,
           "criterion_id": criterion, "judge_id": small_event.judges[0].id,
           "value": Decimal(1)}  # fmt: skip
    add = Direct(insert(m.Score).values({key: bindparam(key) for key in row}))
    with pytest.raises(exc.IntegrityError) as caught, services.ctx.db.transaction() as s:
        add.run(s, row)
        add.run(s, row)
    # The values stay out of the error, as the engine's own (hide_parameters) keep them.
    assert caught.value.params is None and caught.value.hide_parameters


def test_parameters_it_cannot_pass_plainly_are_refused(database_url: str) -> None:
    """An IN list expanded at execution, a name the database needs escaped."""
    db = open_database(database_url)
    try:
        listed = select(m.Judge.id).where(m.Judge.id.in_(bindparam("ids", expanding=True)))
        dotted = select(m.Judge.id).where(m.Judge.name == bindparam("judge.name"))
        for statement, params in ((listed, {"ids": [1, 2]}), (dotted, {"judge.name": "x"})):
            with pytest.raises(TypeError), db.reading() as s:
                Direct(statement).rows(s, params)
    finally:
        db.dispose()
