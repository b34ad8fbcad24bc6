"""Judges' tokens for the contest day, as the organizer's desk lists them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TokenInfo:
    id: int
    username: str
    name: str  # the judge's name, for the card
    valid_on: dt.date
    made_at: dt.datetime
    made_by: str
    revoked_at: dt.datetime | None

    def usable_on(self, day: dt.date) -> bool:
        return self.revoked_at is None and self.valid_on == day


@dataclass(frozen=True)
class IssuedToken:
    """A new token: the only time its text is known (the database keeps its SHA-256)."""

    info: TokenInfo
    token: str
