"""Two desks on one database (two Database objects, on SQLite and on PostgreSQL): what one
commits, the other's feed hears and ``since`` names; what is rolled back is never heard."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.orm import Session

from contest_desk.domain.change_kinds import ACCOUNTS, CONTESTS, JUDGES, ROSTER
from contest_desk.domain.permissions import Actor, Role
from contest_desk.services import changes as changes_module
from contest_desk.services.hub import Services
from contest_desk.storage import change_feed
from tests.builders import SmallEvent, build_small_event
from tests.hall_scene import cheap_passwords

pytestmark = pytest.mark.usefixtures(cheap_passwords.__name__)

DEADLINE = 10.0  # seconds: a slow shared machine; the speed is measured by the benchmark
ORGANIZER = Actor("org", frozenset({Role.ORGANIZER}))
VIEWER = Actor("viewer", frozenset({Role.VIEWER}))


class Heard:
    """What a feed said, from its thread."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.lock = threading.Lock()

    def __call__(self, seq: int) -> None:
        with self.lock:
            self.values.append(seq)

    def wait_for(self, wanted: Callable[[list[int]], bool]) -> list[int]:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            with self.lock:
                if wanted(self.values):
                    return list(self.values)
            time.sleep(0.02)
        raise AssertionError(f"not heard within {DEADLINE} s: {self.values}")


@pytest.fixture
def other(database_url: str, services: Services) -> Iterator[Services]:
    """A second desk on the same database: a Database object (engine, pool) of its own."""
    desk = Services.open(database_url, ORGANIZER)
    yield desk
    desk.ctx.db.dispose()


@pytest.fixture
def small(services: Services) -> SmallEvent:
    return build_small_event(services)


def judge_of(services: Services, small: SmallEvent, index: int = 0) -> Services:
    return services.as_user(Actor(small.judges[index].username, frozenset({Role.JUDGE})))


def mark(services: Services, small: SmallEvent, value: str = "8") -> None:
    judge = small.judges[0]
    entry = small.entries[0]
    judge_of(services, small).scoring.record_score(
        small.event.id, 1, judge.id, entry.id, "P1", value
    )


def listening(desk: Services) -> tuple[Heard, Any]:
    heard = Heard()
    feed = desk.changes.listen(heard)
    heard.wait_for(bool)  # where it stands, once connected
    return heard, feed


def test_a_score_saved_on_one_desk_is_heard_and_named_on_the_other(
    services: Services, other: Services, small: SmallEvent
) -> None:
    heard, feed = listening(other)
    try:
        start = heard.values[0]
        mark(services, small)
        head = services.changes.head()
        assert head > start
        heard.wait_for(lambda values: values[-1] >= head)
    finally:
        feed.close()
    news = other.changes.since(start)
    assert news.head >= head
    assert news.score_events == {small.event.id}
    assert news.sheets == {(small.event.id, 1, small.judges[0].id)}  # the judge's round 1
    assert news.setup == frozenset() and not news.everything


def test_set_up_changes_are_named_by_kind(
    services: Services, other: Services, small: SmallEvent
) -> None:
    start = other.changes.head()
    services.roster.add_person("109", "赵强", "采油一区/作业一班", "采油工", "高级工")
    services.contests.create_contest("2027年技能比武")
    judge = services.roster.add_judge(small.event.contest_id, "j9", "裁判9")
    services.roster.assign_judge(judge.id, small.event.id)
    services.users.add_user("clerk", "书记员", "secret-password-1", [Role.VIEWER])
    boss = other.as_user(Actor("boss", frozenset({Role.ADMIN, Role.ORGANIZER})))
    news = boss.changes.since(start)
    assert news.setup == {ROSTER, CONTESTS, JUDGES, ACCOUNTS}
    assert news.score_events == frozenset()


def test_a_rolled_back_change_is_never_heard(
    services: Services, other: Services, small: SmallEvent
) -> None:
    """The commit fails after the audit rows were linked (and, on PostgreSQL, the
    notification queued): nobody hears of it, and ``since`` does not name it."""
    heard, feed = listening(other)
    try:
        start = heard.values[-1]

        def refuse(_session: Session) -> None:
            raise RuntimeError("the commit failed")

        event.listen(Session, "before_commit", refuse)  # after the audit hook: it ran
        try:
            with pytest.raises(RuntimeError):
                mark(services, small)
        finally:
            event.remove(Session, "before_commit", refuse)
        assert services.changes.head() == start
        services.contests.create_contest("2027年技能比武")  # then a change that commits
        head = services.changes.head()
        values = heard.wait_for(lambda values: values[-1] >= head)
    finally:
        feed.close()
    assert set(values) == {start, head}  # nothing in between was ever told
    news = other.changes.since(start)
    assert news.score_events == frozenset()
    assert news.setup == {CONTESTS}


def test_a_desk_is_not_told_its_own_changes_but_a_phone_through_its_hub_is(
    services: Services, small: SmallEvent
) -> None:
    start = services.changes.head()
    services.contests.create_contest("2027年技能比武")  # this desk (as the system)
    assert services.changes.since(start).empty
    phone = services.as_user(services.ctx.actor, device="192.168.1.23")
    phone.contests.create_contest("2028年技能比武")  # the same account, from a phone
    assert services.changes.since(start).setup == {CONTESTS}


def test_a_judge_hears_of_their_own_events_scores_only(
    services: Services, other: Services, small: SmallEvent
) -> None:
    second = services.contests.create_event(small.event.contest_id, "电焊工")
    services.roster.assign_judge(small.judges[1].id, second.id)
    start = services.changes.head()
    mark(services, small)  # on the first event, whose panel all three judges sit on
    services.users.add_user("clerk", "书记员", "secret-password-1", [Role.VIEWER])

    def news_for(actor: Actor) -> Any:
        return other.as_user(actor).changes.since(start)

    third = Actor(small.judges[2].username, frozenset({Role.JUDGE}))
    assert news_for(third).score_events == {small.event.id}
    assert news_for(third).setup == frozenset()  # accounts are not a judge's business
    assert news_for(Actor("stranger", frozenset({Role.JUDGE}))).score_events == frozenset()
    assert news_for(VIEWER).score_events == {small.event.id}
    assert news_for(VIEWER).setup == frozenset()
    assert news_for(ORGANIZER).setup == frozenset()  # accounts are the administrator's
    assert news_for(Actor("admin", frozenset({Role.ADMIN}))).setup == {ACCOUNTS}
    assert news_for(Actor("nobody", frozenset())).empty  # the hall's screen


def test_a_time_touches_every_sheet_of_its_round_and_entries_name_their_event(
    services: Services, other: Services, small: SmallEvent
) -> None:
    start = other.changes.head()
    services.scoring.record_time(small.event.id, 1, small.entries[0].id, Decimal(754))
    assert other.changes.since(start).sheets == {(small.event.id, 1, None)}
    start = other.changes.head()
    entry = small.entries[1].id
    judge_of(services, small).scoring.record_score(
        small.event.id, 1, small.judges[0].id, entry, "M1", "50"
    )
    assert other.changes.since(start).sheets == {(small.event.id, 1, None)}  # keyed once
    start = other.changes.head()
    services.appeals.file(small.entries[2].id, 1, "王建国", "评分有误")  # its entry's event
    assert other.changes.since(start).sheets == {(small.event.id, None, None)}
    start = other.changes.head()
    services.roster.remove_entry(small.entries[3].id)
    news = other.changes.since(start)
    assert news.score_events == {small.event.id} and news.setup == {ROSTER}


def test_too_much_at_once_is_told_as_everything(
    services: Services, other: Services, small: SmallEvent, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes_module, "MOST_ROWS", 2)
    start = other.changes.head()
    for value in ("1", "2", "3"):
        mark(services, small, value)
    news = other.changes.since(start)
    assert news.everything and news.head == services.changes.head()


def test_the_feed_comes_back_after_losing_its_server_connection(
    database_url: str, services: Services, other: Services, small: SmallEvent,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The server ends the feed's session (a restart, a network cut): the feed connects
    again and says where the head stands, which covers what it missed meanwhile."""
    if not database_url.startswith("postgresql"):
        pytest.skip("an SQLite file does not go away")
    monkeypatch.setattr(change_feed, "RETRY_SECONDS", (0.2,))
    heard, feed = listening(other)
    try:
        admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            ended = conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE"
                    " datname = current_database() AND application_name = :name"
                ),
                {"name": change_feed.APPLICATION},
            ).all()
        admin.dispose()
        assert ended == [(True,)]
        mark(services, small)  # maybe while the feed is away
        head = services.changes.head()
        heard.wait_for(lambda values: values[-1] >= head)
    finally:
        feed.close()
    assert other.changes.since(heard.values[0]).score_events == {small.event.id}
