"""A measured value typed as 分:秒 is read the same way by every way a mark comes in: the
grid and the hub (record_score) and paper keyed twice (double_entry); re-checks and
offline sheets read through the same Criterion.read."""

from __future__ import annotations

from decimal import Decimal

from contest_desk.domain.permissions import Actor
from contest_desk.services.hub import Services
from tests.builders import SmallEvent

D = Decimal


def test_paper_keyed_twice_takes_a_time(services: Services, small_event: SmallEvent) -> None:
    event, judge = small_event.event, small_event.judges[0]
    entry = small_event.entries[0].id
    assert services.scoring.record_score(event.id, None, judge.id, entry, "M1", "0:02") == D(2)
    first = services.double_entry.key_first(event.id, None, judge.id, entry, "M1", "1:05")
    assert first == D(65)
    second = services.as_user(Actor("clerk2", services.ctx.actor.roles))  # another person
    assert second.double_entry.key_second(event.id, None, judge.id, entry, "M1", "65") == D(65)
