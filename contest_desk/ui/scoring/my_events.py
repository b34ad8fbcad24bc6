"""A judge's own events, as the event picker's source: only the panels they sit on."""

from __future__ import annotations

from contest_desk.domain.records.contests import EventInfo, JudgeEvent
from contest_desk.services.hub import Services
from contest_desk.ui.scoring.pickers import Named


class ScorableEvents:
    """The contests and events the acting user may score, from ``scoring.my_events``.

    A judge has no right to the contest set-up, only to the panels they sit on. The
    picker asks ``contests`` off the window's thread; the rest reads what it kept.
    """

    def __init__(self, services: Services) -> None:
        self.services = services
        self.mine: list[JudgeEvent] = []

    def contests(self) -> list[Named]:
        self.mine = self.services.scoring.my_events()
        seen: dict[int, Named] = {}
        for item in self.mine:
            seen.setdefault(item.event.contest_id, Named(item.event.contest_id, item.contest_name))
        return list(seen.values())

    def events(self, contest_id: int) -> list[EventInfo]:
        return [item.event for item in self.mine if item.event.contest_id == contest_id]

    def judge_of(self, event_id: int) -> JudgeEvent | None:
        return next((item for item in self.mine if item.event.id == event_id), None)
