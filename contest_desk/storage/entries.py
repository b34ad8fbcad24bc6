"""Making entries: shared by the roster, the challenge boards and their imports."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.contest import EventMode
from contest_desk.errors import UserError
from contest_desk.storage import models as m


def new_entry(s: Session, event: m.Event, person_id: int | None, team_id: int | None) -> m.Entry:
    """Enter a person (individual event) or a team (team event); refuses the wrong kind and
    one entered already."""
    team_event = event.mode == EventMode.TEAM.value
    if team_event and team_id is None:
        raise UserError("{event} is a team event: enter a team", event=event.name)
    if not team_event and person_id is None:
        raise UserError("{event} is an individual event: enter a person", event=event.name)
    column = m.Entry.team_id if team_event else m.Entry.person_id
    wanted = team_id if team_event else person_id
    if s.scalar(select(m.Entry).where(m.Entry.event_id == event.id, column == wanted)):
        raise UserError("Already entered in {event}", event=event.name)
    entry = m.Entry(
        event_id=event.id,
        person_id=None if team_event else person_id,
        team_id=team_id if team_event else None,
    )
    s.add(entry)
    s.flush()
    return entry


def entry_in(s: Session, event: m.Event, person_id: int | None, team_id: int | None) -> m.Entry:
    """The person's or team's entry in ``event``, entered there if it is not yet."""
    column, wanted = (
        (m.Entry.person_id, person_id) if person_id is not None else (m.Entry.team_id, team_id)
    )
    found = s.scalar(select(m.Entry).where(m.Entry.event_id == event.id, column == wanted))
    if found is not None:
        return found
    return new_entry(s, event, person_id, team_id)
