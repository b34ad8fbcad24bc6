"""The server going away mid-work (issue 16), on a PostgreSQL server of the test's own
(tests/pg_second_server.py) that the test stops and starts again: a call while it is down
is refused in one plain sentence, never a driver's traceback, and the next call after it
is back works on fresh connections; a save whose commit answer was lost, sent again with
its op id, is stored once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from contest_desk.errors import ServerUnavailable
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.storage.marks import store_mark
from tests import pg_second_server as gone
from tests.builders import build_small_event
from tests.storage.test_direct import _cell, _mark

# The second server's fixtures, used by name.
gone_url, second_server, services = gone.gone_url, gone.second_server, gone.services


def test_a_call_while_the_server_is_down_is_said_plainly_and_the_next_one_works(
    services: Services, second_server: gone.SecondServer
) -> None:
    services.contests.create_contest("2026年技能比武")
    second_server.stop()
    with pytest.raises(ServerUnavailable) as caught:
        services.contests.contests()
    said = caught.value.message()
    assert said.startswith(f"与服务器的连接中断：127.0.0.1:{second_server.port}")
    assert "Traceback" not in said and "psycopg" not in said
    assert not caught.value.unknown  # a read: nothing was being committed
    with pytest.raises(ServerUnavailable):  # a write refused the same way, nothing changed
        services.contests.create_contest("停机时的竞赛")
    second_server.start()
    services.contests.create_contest("恢复后的竞赛")  # the pool's broken connections replaced
    assert [c.name for c in services.contests.contests()] == ["恢复后的竞赛", "2026年技能比武"]


def test_a_restart_between_two_calls_goes_unnoticed(
    services: Services, second_server: gone.SecondServer
) -> None:
    """The pool's connections were all broken by the restart, and no call saw the server
    down: the first call after it is served on a new connection (pool_pre_ping)."""
    services.contests.create_contest("2026年技能比武")
    second_server.stop()
    second_server.start()
    assert [c.name for c in services.contests.contests()] == ["2026年技能比武"]


def test_a_save_sent_again_after_its_commit_answer_was_lost_is_stored_once(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = build_small_event(services)
    event, judge, entry = small.event.id, small.judges[0].id, small.entries[0].id
    record = services.scoring.record_score
    gone.lose_next_commit_answer(services.ctx.db.engine, monkeypatch)
    with pytest.raises(ServerUnavailable) as caught:
        record(event, 1, judge, entry, "P1", "8.5", op="desk-grid-op-1")
    assert caught.value.unknown  # the commit was under way: saved or not, nobody knows
    assert "可能" in caught.value.message()
    # Sent again with the same op, as the grid's retry does: the first outcome, no second save.
    assert record(event, 1, judge, entry, "P1", "8.5", op="desk-grid-op-1") == Decimal("8.5")
    with services.ctx.db.reading() as s:
        audited = s.scalar(
            select(func.count()).where(
                m.AuditRecord.action == "score.record", m.AuditRecord.target == f"entry:{entry}"
            )
        )
        scores = s.scalar(select(func.count()).where(m.Score.entry_id == entry))
    assert (audited, scores) == (1, 1)
    sheet = services.scoring.sheet(event, 1, judge)
    assert sheet.values[(entry, "P1")] == Decimal("8.5")


def test_a_connection_cut_midway_is_said_plainly_and_the_next_call_works(
    services: Services,
) -> None:
    """The server ends the session's connection between two statements (as a restart
    does), and the next is one a save runs on the driver's cursor (storage/direct.py):
    the pool forgets the connection, the person reads one sentence; the next
    transaction works on a new connection."""
    db, small = services.ctx.db, build_small_event(services)
    with pytest.raises(ServerUnavailable) as caught, db.transaction() as s:
        round_id, column = _cell(s, small)
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with db.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        store_mark(s, round_id, small.entries[0].id, column, small.judges[0].id, Decimal(7))
    cause = caught.value.__cause__
    assert isinstance(cause, DBAPIError) and cause.connection_invalidated
    with db.transaction() as s:
        _mark(s, small, Decimal(6))
    with db.reading() as s:
        assert s.scalars(select(m.Score.value)).all() == [Decimal(6)]
