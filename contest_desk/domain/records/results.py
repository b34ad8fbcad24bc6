"""Whether standings are final before they are published: what the certificates and the
result notice (成绩公示) are told about the rounds they come from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contest_desk.domain.records.contests import StandingsTable

# The key a certificate issued from provisional standings carries in its stored fields
# (not in its signed QR payload, whose keys are fixed): such certificates can be found.
PROVISIONAL_FIELD = "provisional"
PROVISIONAL_VALUE = "yes"


@dataclass(frozen=True)
class ResultsState:
    """Standings are final when every round they cover is locked."""

    final: bool
    locked_at: dt.datetime | None  # UTC: when the last of those rounds was locked
    open_rounds: tuple[str, ...] = ()  # the rounds not locked yet, by name


@dataclass(frozen=True)
class NoticeSource:
    """What a standings notice is made from: the table, who posts it, and how final it is."""

    table: StandingsTable
    contest: str
    organizer: str
    state: ResultsState


def is_provisional(fields: dict[str, str]) -> bool:
    """The certificate (by its stored fields) was issued from provisional standings."""
    return fields.get(PROVISIONAL_FIELD) == PROVISIONAL_VALUE
