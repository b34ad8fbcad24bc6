"""The chief judge locks a round while a mark is being saved on another desk (two
Services, two database connections). The lock and the save take turns: either the mark
is saved before the lock (and the lock holds it), or the save is refused because the
round is locked; never a mark written into a round already locked."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select, text

from contest_desk.domain.permissions import Role
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.services.judging import scoring
from contest_desk.storage import models as m
from tests.builders import (
    SmallEvent,
    acting,
    add_user,
    build_small_event,
    password_of,
    two_desks,
)


@dataclass
class Hall:
    small: SmallEvent
    locking: Services  # the chief judge's desk
    saving: Services  # a second chief judge's desk correcting a mark, own connection
    setup: Services


@pytest.fixture
def hall(database_url: str) -> Iterator[Hall]:
    with two_desks(database_url) as (setup, other):
        small = build_small_event(setup)
        add_user(setup, "chief", "裁判长", Role.CHIEF_JUDGE)
        for judge in small.judges:
            add_user(setup, judge.username, judge.name, Role.JUDGE)
            desk = acting(setup, judge.username)
            for entry in small.entries:
                for code in ("P1", "P2"):
                    desk.scoring.record_score(small.event.id, 1, judge.id, entry.id, code, "8")
            desk.sheets.submit(small.event.id, 1, judge.id, password_of(judge.username))
        yield Hall(small, acting(setup, "chief"), acting(other, "chief"), setup)


def _waiting_on_a_row_lock(services: Services) -> bool:
    """Some connection of the PostgreSQL server waits for a row lock."""
    with services.ctx.db.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        )
        return bool(found.scalar())


def _run(work: Callable[[], Any], outcome: dict[str, Any], name: str) -> threading.Thread:
    def body() -> None:
        try:
            outcome[name] = work()
        except UserError as error:
            outcome[name] = error

    thread = threading.Thread(target=body)
    thread.start()
    return thread


def _while_a_mark_is_saved(
    hall: Hall,
    monkeypatch: pytest.MonkeyPatch,
    reason: str,
    other: Callable[[], Any],
) -> tuple[Any, Any, list[str]]:
    """Judge 1's mark of entry 1 saved (P1 = 9) on the second desk, paused inside its
    transaction after its checks, while ``other`` runs on the first: ``other`` must wait
    for the save on the server (SQLite's writers of one process take turns before they
    begin). The save's outcome, ``other``'s, and the last two of the marks' and sheets'
    audit actions."""
    small, event = hall.small, hall.small.event.id
    judge, entry = small.judges[0], small.entries[0]
    inside, go_on = threading.Event(), threading.Event()
    original = scoring.store_mark

    def paused(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread().name == "saving":
            inside.set()
            go_on.wait(60)
        return original(*args, **kwargs)

    monkeypatch.setattr(scoring, "store_mark", paused)
    outcome: dict[str, Any] = {}

    def correct() -> Any:
        threading.current_thread().name = "saving"
        return hall.saving.scoring.record_score(event, 1, judge.id, entry.id, "P1", "9", reason)

    saver = _run(correct, outcome, "save")
    assert inside.wait(60)
    worker = _run(other, outcome, "other")
    server = hall.setup.ctx.db.engine.dialect.name == "postgresql"
    waited = False
    for _ in range(600 if server else 0):
        waited = _waiting_on_a_row_lock(hall.setup)
        if waited or not worker.is_alive():
            break
        time.sleep(0.05)
    assert waited or not server  # before the fixes it went ahead of the save
    go_on.set()
    saver.join(60)
    worker.join(60)
    with hall.setup.ctx.db.reading() as s:
        rows = s.execute(
            select(m.AuditRecord.action)
            .where(m.AuditRecord.action.in_(["score.record", "round.lock", "sheet.submit"]))
            .order_by(m.AuditRecord.seq)
        ).all()
    return outcome["save"], outcome["other"], [action for (action,) in rows][-2:]


def _saved_value(hall: Hall) -> Any:
    small = hall.small
    sheet = hall.setup.scoring.sheet(small.event.id, 1, small.judges[0].id)
    return sheet.values[(small.entries[0].id, "P1")]


def test_a_lock_and_a_mark_saved_at_once_take_turns(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = hall.small.event.id
    saved, locked, last = _while_a_mark_is_saved(
        hall, monkeypatch, "复核更正", lambda: hall.locking.sheets.lock_round(event, 1)
    )
    assert locked is None  # the round is locked
    assert hall.setup.sheets.round_status(event, 1).locked
    if isinstance(saved, UserError):  # the lock came first: the save refused
        assert "已锁定" in saved.message()
        assert last[-1] == "round.lock"
    else:  # the save came first: it is on the record before the lock, inside it
        assert last == ["score.record", "round.lock"]
        assert _saved_value(hall) == 9


def test_a_sheet_submitted_while_its_mark_is_saved_takes_turns(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The judge signs the sheet off on one device while a mark of it is being saved on
    another: the sign-off waits for the save and signs what it saved, or the save is
    refused; never a mark changed in a sheet already signed off."""
    event, judge = hall.small.event.id, hall.small.judges[0]
    hall.locking.sheets.reopen(event, 1, judge.id, "复核")
    password = f"{judge.username}-pass"
    signing = hall.setup.as_user(hall.setup.users.authenticate(judge.username, password))
    saved, submitted, last = _while_a_mark_is_saved(
        hall, monkeypatch, "", lambda: signing.sheets.submit(event, 1, judge.id, password)
    )
    assert submitted is None
    if isinstance(saved, UserError):  # signed off first: the save refused
        assert last[-1] == "sheet.submit"
    else:  # saved first: the sign-off signs the sheet with the new mark
        assert last == ["score.record", "sheet.submit"]
        assert _saved_value(hall) == 9
