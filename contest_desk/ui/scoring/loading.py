"""Reading a judge's sheet together with the completion times it shows (runs in a worker)."""

from __future__ import annotations

from decimal import Decimal

from contest_desk.domain.ranking import TieBreakKind
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.services.records import EventInfo, ScoreSheet


def stored_times(services: Services, event: EventInfo, round_number: int) -> dict[int, Decimal]:
    """The round's recorded completion times by entry id.

    ScoreSheet does not carry times yet; when the event breaks ties on time the
    standings of the round hold them, so the grid shows what is stored instead
    of blanks a judge might type over. Otherwise times play no part and none
    are read.
    """
    position = next(
        (i for i, tb in enumerate(event.settings.tie_breaks) if tb.kind is TieBreakKind.TIME),
        None,
    )
    if position is None:
        return {}
    try:
        table = services.standings.standings(event.id, round_number)
    except UserError:
        return {}  # e.g. a panel too small to rank yet; the times stay unseen, not lost
    return {
        row.entry.id: value for row in table.rows if (value := row.tie_values[position]) is not None
    }


def read_sheet(
    services: Services, event: EventInfo, round_number: int | None, judge_id: int
) -> tuple[ScoreSheet, dict[int, Decimal]]:
    """One judge's sheet and the round's completion times."""
    sheet = services.scoring.sheet(event.id, round_number, judge_id)
    times = getattr(sheet, "times", None)
    if times is None:
        times = stored_times(services, event, sheet.round_number)
    return sheet, dict(times)
