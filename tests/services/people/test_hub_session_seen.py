"""A hub session notes when it was last seen at most once a minute (not a write on every
save), and the idle rule still holds to that minute: a judge saving every 30 s is never
logged out for idleness, and a session is refused 2 h after the last request it noted."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.services.people.sessions import IDLE, SEEN_EVERY
from contest_desk.storage import models as m
from tests.services.people.test_hub_sessions import MORNING, at, hub  # noqa: F401


def seen_at(services: Services) -> dt.datetime:
    with services.ctx.db.reading() as s:
        (seen,) = s.scalars(select(m.HubSession.seen_at)).all()
        return seen


def test_a_busy_session_is_noted_once_a_minute_and_idles_out_on_time(
    hub: Services,  # noqa: F811
) -> None:
    opened = hub.hub_sessions.log_in("judge1", "judge1-2026")
    notes, now = {seen_at(hub)}, MORNING
    while now < MORNING + IDLE + dt.timedelta(minutes=30):  # a save every 30 s for 2.5 h
        now += dt.timedelta(seconds=30)
        at(hub, now).hub_sessions.resume(opened.cookie)
        seen = seen_at(hub)
        assert now - SEEN_EVERY < seen <= now  # never more than a minute behind
        notes.add(seen)
    assert len(notes) <= 2.5 * 60 + 1  # not one write per request (300 of them)
    last = now
    at(hub, last + IDLE - SEEN_EVERY).hub_sessions.resume(opened.cookie)  # still alive
    quiet = last + IDLE - SEEN_EVERY
    at(hub, quiet + IDLE)
    with pytest.raises(UserError, match="登录已失效"):
        hub.hub_sessions.resume(opened.cookie)
