"""How final an event's or a round's standings are, and the refusal to publish them
before they are: certificates and the result notice come from locked rounds, unless the
organizer overrides it (recorded in the audit trail)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.results import ResultsState
from contest_desk.errors import PermissionDenied, UserError
from contest_desk.services.context import ServiceContext
from contest_desk.storage.mapping import get_event, get_round


class ProvisionalResults(UserError):
    """Standings of a round not locked yet, asked for without the organizer's override."""


def results_state(s: Session, event_id: int, round_number: int | None) -> ResultsState:
    """The round's state, or the whole event's (final when every round is locked)."""
    event = get_event(s, event_id)
    rounds = [get_round(s, event, round_number)] if round_number is not None else event.rounds
    open_rounds = tuple(r.name for r in rounds if r.locked_at is None)
    times = [r.locked_at for r in rounds if r.locked_at is not None]
    final = not open_rounds
    return ResultsState(final, max(times) if final and times else None, open_rounds)


def allow_provisional(
    ctx: ServiceContext, state: ResultsState, provisional: bool, what: str
) -> bool:
    """Whether the output is marked provisional: False for final standings; for
    provisional ones, True when the organizer overrides (``provisional``), else refused
    naming the rounds to lock. ``what`` names the output ("certificates", …)."""
    if state.final:
        return False
    if not provisional:
        raise ProvisionalResults(
            "The standings are provisional: {rounds} not locked yet. Lock the round before "
            "publishing {what}, or have the organizer print them marked provisional (暂定)",
            rounds="、".join(state.open_rounds),
            what=what,
        )
    if not ctx.actor.may(Action.EDIT_SETUP):  # the override is the organizer's
        raise PermissionDenied(
            "Only an organizer may print {what} from provisional standings (marked 暂定); "
            "{rounds} not locked yet",
            what=what,
            rounds="、".join(state.open_rounds),
        )
    return True
