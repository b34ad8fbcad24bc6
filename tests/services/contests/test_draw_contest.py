"""draws.py: one draw for the whole contest, the first round of every event with entries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contest_desk.domain.permissions import Actor, Role
from contest_desk.domain.records.roster import RosterRow
from contest_desk.errors import PermissionDenied, UserError
from contest_desk.services.demo.build import CONTEST_NAME
from contest_desk.services.hub import Services


@pytest.fixture
def demo(demo_copy: str) -> Iterator[Services]:
    services = Services.open(demo_copy)
    yield services
    services.ctx.db.dispose()


def test_every_event_with_entries_is_drawn_once(demo: Services) -> None:
    (source,) = [c.id for c in demo.contests.contests() if c.name == CONTEST_NAME]
    copy = demo.contests.copy_contest(source, "2027年采油厂职工技能比武")
    oil, welding, *others = demo.contests.events(copy.id)
    rows = [
        RosterRow(2, "C1001", "赵一", "采油一区/采油一班", event=oil.name),
        RosterRow(3, "C1002", "钱二", "采油一区/采油一班", event=oil.name),
        RosterRow(4, "C1003", "孙三", "采油一区/采油二班", event=welding.name),
    ]
    demo.roster_import.import_rows(copy.id, rows, "2027报名表.xlsx")

    assert demo.draws.run_contest(copy.id, "A") == [oil.name, welding.name]
    for event in (oil, welding):
        info = demo.draws.draw(event.id, 1)
        assert sorted(d.entry.key for d in info.entries) == sorted(
            e.key for e in demo.roster.entries(event.id)
        )
        assert all(e.code and e.code.startswith("A") for e in demo.roster.entries(event.id))
    for event in others:  # nobody entered: nothing drawn
        with pytest.raises(UserError):
            demo.draws.draw(event.id, 1)
    drawn_events = {r.target for r in demo.audit.records() if r.action == "draw.run"}
    assert {f"event:{e.id}" for e in demo.contests.events(copy.id)} & drawn_events == {
        f"event:{oil.id}",
        f"event:{welding.id}",
    }

    with pytest.raises(UserError) as refused:
        demo.draws.run_contest(copy.id, "A")
    assert refused.value.msgid.startswith("Nothing to draw")
    chief = demo.as_user(Actor("chief", frozenset({Role.CHIEF_JUDGE})))
    with pytest.raises(PermissionDenied):
        chief.draws.run_contest(copy.id)
