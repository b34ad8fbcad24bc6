"""A judge's score sheet as the hub's page shows it: the judge's own entries by code in
drawn order, each criterion with its limits, the marks stored, and how many are missing."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from contest_desk.domain.records.contests import JudgeEvent, ScoreSheet
from contest_desk.domain.rubric import CriterionKind
from contest_desk.errors import PermissionDenied
from contest_desk.services.hub import Services


def shown(value: Decimal | None) -> str | None:
    """A stored mark as typed: 8.5, not 8.500."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def my_sheet(services: Services, event_id: int) -> JudgeEvent:
    """The acting judge's place on the event's panel; refused when they have none."""
    for mine in services.scoring.my_events():
        if mine.event.id == event_id and mine.judge_id is not None:
            return mine
    raise PermissionDenied(
        "{user} is not on the panel of event {event}",
        user=services.ctx.actor.username,
        event=event_id,
    )


class Seats:
    """The judge each user marks an event as, remembered for a minute, so that a save need
    not list the user's events each time (a third of a save's work). Nothing is trusted
    from it: record_score checks the panel and the sheet's owner on every save."""

    def __init__(self, seconds: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds, self.clock = seconds, clock
        self._seen: dict[tuple[str, int], tuple[int, float]] = {}

    def judge_id(self, services: Services, event_id: int) -> int:
        key, now = (services.ctx.actor.username, event_id), self.clock()
        seen = self._seen.get(key)
        if seen is not None and now - seen[1] < self.seconds:
            return seen[0]
        judge = my_sheet(services, event_id).judge_id
        assert judge is not None  # my_sheet gives the user's own seat or refuses
        self._seen[key] = (judge, now)
        return judge


def cell_key(entry_id: int, code: str) -> str:
    return f"{entry_id}:{code}"


def missing(sheet: ScoreSheet) -> int:
    """Empty cells of the judge's own (judgement) criteria: what stops a submission."""
    own = [c.code for c in sheet.columns if not c.criterion.objective]
    return sum((e.id, code) not in sheet.values for e in sheet.entries for code in own)


def sheet_data(services: Services, event_id: int, round_number: int) -> dict[str, Any]:
    """The sheet's JSON for the page (also what the page's template is filled from)."""
    mine = my_sheet(services, event_id)
    assert mine.judge_id is not None
    sheet = services.scoring.sheet(event_id, round_number, mine.judge_id)
    rnd = next(r for r in mine.event.rounds if r.number == sheet.round_number)
    columns = [
        {
            "code": c.code,
            "name": c.name,
            "part": c.part,
            "kind": (c.criterion.kind or CriterionKind.JUDGEMENT).value,
            "max": shown(c.criterion.max_points),
            "step": shown(c.criterion.step),
            "shared": c.criterion.objective,
        }
        for c in sheet.columns
    ]
    entries = [{"id": e.id, "code": e.code or e.label, "label": e.label} for e in sheet.entries]
    ids = {e.id for e in sheet.entries}
    values = {cell_key(e, c): shown(v) for (e, c), v in sheet.values.items() if e in ids}
    return {
        "event": {"id": event_id, "name": mine.event.name, "contest": mine.contest_name},
        "round": {"number": rnd.number, "name": rnd.name},
        "judge": {"id": mine.judge_id, "name": mine.judge_name},
        "state": sheet.state,
        "locked": sheet.locked,
        "read_only": sheet.read_only,
        "columns": columns,
        "entries": entries,
        "values": values,
        "missing": missing(sheet),
    }
