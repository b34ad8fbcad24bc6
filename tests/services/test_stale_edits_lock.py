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
from tests.builders import SmallEvent, build_small_event


@dataclass
class Hall:
    small: SmallEvent
    locking: Services  # the chief judge's desk
    saving: Services  # a second chief judge's desk correcting a mark, own connection
    setup: Services


@pytest.fixture
def hall(database_url: str) -> Iterator[Hall]:
    setup = Services.open(database_url)
    small = build_small_event(setup)
    setup.users.add_user("chief", "裁判长", "chief-pass", [Role.CHIEF_JUDGE])
    for judge in small.judges:
        setup.users.add_user(judge.username, judge.name, f"{judge.username}-pass", [Role.JUDGE])
        acting = setup.as_user(setup.users.authenticate(judge.username, f"{judge.username}-pass"))
        for entry in small.entries:
            for code in ("P1", "P2"):
                acting.scoring.record_score(small.event.id, 1, judge.id, entry.id, code, "8")
        acting.sheets.submit(small.event.id, 1, judge.id, f"{judge.username}-pass")
    other = Services.open(database_url)
    locking = setup.as_user(setup.users.authenticate("chief", "chief-pass"))
    saving = other.as_user(other.users.authenticate("chief", "chief-pass"))
    yield Hall(small, locking, saving, setup)
    other.ctx.db.dispose()
    setup.ctx.db.dispose()


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


def test_a_lock_and_a_mark_saved_at_once_take_turns(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, event = hall.small, hall.small.event.id
    judge, entry = small.judges[0], small.entries[0]
    inside, go_on = threading.Event(), threading.Event()
    original = scoring.store_mark

    def paused(*args: Any, **kwargs: Any) -> Any:
        # The save has read the round (open) and checked the sheet: it waits here, in its
        # transaction, while the other desk locks the round.
        if threading.current_thread().name == "saving":
            inside.set()
            go_on.wait(60)
        return original(*args, **kwargs)

    monkeypatch.setattr(scoring, "store_mark", paused)
    outcome: dict[str, Any] = {}

    def correct() -> Any:
        threading.current_thread().name = "saving"
        return hall.saving.scoring.record_score(event, 1, judge.id, entry.id, "P1", "9", "复核更正")

    saver = _run(correct, outcome, "save")
    assert inside.wait(60)
    locker = _run(lambda: hall.locking.sheets.lock_round(event, 1), outcome, "lock")
    # Let the lock go as far as it can: done, or waiting for the save to end. (SQLite's
    # writers of one process take turns before they begin: the lock waits for the save.)
    server = hall.setup.ctx.db.engine.dialect.name == "postgresql"
    waited = False
    for _ in range(600 if server else 0):
        waited = _waiting_on_a_row_lock(hall.setup)
        if waited or not locker.is_alive():
            break
        time.sleep(0.05)
    # On the server the lock waits for the save in flight (before the fix it went ahead
    # and the save then wrote into the locked round).
    assert waited or not server
    go_on.set()
    saver.join(60)
    locker.join(60)

    assert outcome["lock"] is None  # the round is locked
    assert hall.setup.sheets.round_status(event, 1).locked
    with hall.setup.ctx.db.reading() as s:
        rows = s.execute(
            select(m.AuditRecord.action)
            .where(m.AuditRecord.action.in_(["score.record", "round.lock"]))
            .order_by(m.AuditRecord.seq)
        ).all()
    last = [action for (action,) in rows][-2:]
    if isinstance(outcome["save"], UserError):  # the lock came first: the save refused
        assert "已锁定" in outcome["save"].message()
        assert last[-1] == "round.lock"
    else:  # the save came first: it is on the record before the lock, inside it
        assert last == ["score.record", "round.lock"]
        assert hall.setup.scoring.sheet(event, 1, judge.id).values[(entry.id, "P1")] == 9


def test_a_sheet_submitted_while_its_mark_is_saved_takes_turns(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The judge signs the sheet off on one device while a mark of it is being saved on
    another: the sign-off waits for the save and signs what it saved, or the save is
    refused; never a mark changed in a sheet already signed off."""
    small, event = hall.small, hall.small.event.id
    judge, entry = small.judges[0], small.entries[0]
    hall.locking.sheets.reopen(event, 1, judge.id, "复核")
    signing = hall.setup.as_user(
        hall.setup.users.authenticate(judge.username, f"{judge.username}-pass")
    )
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
        return hall.saving.scoring.record_score(event, 1, judge.id, entry.id, "P1", "9")

    saver = _run(correct, outcome, "save")
    assert inside.wait(60)
    submitter = _run(
        lambda: signing.sheets.submit(event, 1, judge.id, f"{judge.username}-pass"),
        outcome,
        "submit",
    )
    server = hall.setup.ctx.db.engine.dialect.name == "postgresql"
    waited = False
    for _ in range(600 if server else 0):
        waited = _waiting_on_a_row_lock(hall.setup)
        if waited or not submitter.is_alive():
            break
        time.sleep(0.05)
    assert waited or not server  # before the fix the sign-off went ahead
    go_on.set()
    saver.join(60)
    submitter.join(60)

    assert outcome["submit"] is None
    with hall.setup.ctx.db.reading() as s:
        rows = s.execute(
            select(m.AuditRecord.action)
            .where(m.AuditRecord.action.in_(["score.record", "sheet.submit"]))
            .order_by(m.AuditRecord.seq)
        ).all()
    last = [action for (action,) in rows][-2:]
    if isinstance(outcome["save"], UserError):  # signed off first: the save refused
        assert last[-1] == "sheet.submit"
    else:  # saved first: the sign-off signs the sheet with the new mark
        assert last == ["score.record", "sheet.submit"]
        assert hall.setup.scoring.sheet(event, 1, judge.id).values[(entry.id, "P1")] == 9
