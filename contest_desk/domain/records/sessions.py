"""Log-ins to the scoring hub from judges' phones and tablets, as the hub's pages use them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contest_desk.domain.permissions import Actor


@dataclass(frozen=True)
class HubSessionInfo:
    """A live session: who it acts for, from which device, its forms' token, its end."""

    id: int
    actor: Actor
    device: str
    csrf: str  # sent back with every form and JSON post: a page of another site has none
    made_at: dt.datetime
    expires_at: dt.datetime  # the absolute end; an idle session ends earlier


@dataclass(frozen=True)
class OpenedSession:
    """A new session: the only time its cookie is known (the database keeps its SHA-256)."""

    cookie: str
    info: HubSessionInfo
