"""Sessions of the scoring hub: a judge's phone or tablet logged in by password or by the
token on their card, kept by a cookie that only the device holds.

The database keeps the cookie's SHA-256 only (it has all the entropy a hash needs). A
session ends on log-out, after IDLE without a request, or at the latest LONGEST after the
log-in; a disabled or expired account ends its sessions at their next request. The hub
serves judges only, and a hub session acts as a judge whatever else the account may do:
a phone left on a table cannot lock a round. The device is the context's (``device``):
the log-in's audit rows carry it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable

from sqlalchemy import bindparam, select

from contest_desk.domain.permissions import Actor, Role
from contest_desk.domain.records.sessions import HubSessionInfo, OpenedSession
from contest_desk.errors import UserError
from contest_desk.i18n import N_
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.people.tokens import JudgeTokenService
from contest_desk.services.people.users import UserService, check_usable
from contest_desk.services.permissions import open_to_all
from contest_desk.storage import models as m

IDLE = dt.timedelta(hours=2)  # no request for this long: log in again
LONGEST = dt.timedelta(hours=12)  # a contest day; then log in again whatever happens
SEEN_EVERY = dt.timedelta(minutes=1)  # a request notes the session as seen at most this often
COOKIE_BYTES = 32
MAX_COOKIE = 100  # longer than any cookie the hub makes: refused before it is hashed
DEVICE_CHARS = 60  # the column's width
GONE = N_("Your session has ended (logged out, expired or unknown): log in again")
BAD_CSRF = N_("This form is out of date or was not sent by the hub's page: reload the page")
JUDGE = frozenset({Role.JUDGE})


# The session and its account in one query, made once: every request of the hub asks it.
_SESSION_AND_USER = (
    select(m.HubSession, m.User)
    .outerjoin(m.User, m.User.username == m.HubSession.username)
    .where(m.HubSession.digest == bindparam("digest"))
)


def digest(cookie: str) -> str:
    return hashlib.sha256(cookie.encode("utf-8")).hexdigest()


def _info(row: m.HubSession) -> HubSessionInfo:
    actor = Actor(row.username, frozenset(Role(r) for r in row.roles))
    return HubSessionInfo(row.id, actor, row.device, row.csrf, row.made_at, row.expires_at)


class HubSessionService:
    def __init__(self, ctx: ServiceContext, users: UserService, tokens: JudgeTokenService) -> None:
        self.ctx = ctx
        self.users = users  # the log-in checks (and their clocks, which tests move on)
        self.tokens = tokens
        self.clock: Callable[[], dt.datetime] = utc_now

    @open_to_all
    def log_in(self, username: str, password: str) -> OpenedSession:
        """A session after a good password (rate-limited per account by users.authenticate)."""
        return self._open(self.users.authenticate(username, password), "password")

    @open_to_all
    def log_in_with_token(self, token: str) -> OpenedSession:
        """A session after a judge's token that is good today (see JudgeTokenService)."""
        return self._open(self.tokens.authenticate(token), "token")

    def _open(self, actor: Actor, via: str) -> OpenedSession:
        if Role.JUDGE not in actor.roles:
            raise UserError("The scoring hub is for judges: {user} is not a judge",
                            user=actor.username)  # fmt: skip
        cookie = secrets.token_urlsafe(COOKIE_BYTES)
        now = self.clock()
        with self.ctx.db.transaction() as s:
            row = m.HubSession(
                digest=digest(cookie),
                username=actor.username,
                roles=[Role.JUDGE.value],
                device=self.ctx.device[:DEVICE_CHARS],
                csrf=secrets.token_urlsafe(COOKIE_BYTES),
                made_at=now,
                seen_at=now,
                expires_at=now + LONGEST,
            )
            s.add(row)
            s.flush()
            # On the record as the judge's own act, from the device.
            as_judge = ServiceContext(self.ctx.db, actor, self.ctx.device)
            as_judge.audit(s, "hub.login", f"user:{actor.username}", hub_session=row.id, via=via)
            return OpenedSession(cookie, _info(row))

    @open_to_all
    def resume(self, cookie: str, csrf: str | None = None) -> HubSessionInfo:
        """The live session of ``cookie``; with ``csrf`` (a post) also its forms' token.

        Refused, the same way for each: unknown, logged out, idle too long, past its end,
        or its account disabled or expired since. A wrong ``csrf`` is refused apart."""
        now = self.clock()
        if not cookie or len(cookie) > MAX_COOKIE:
            raise UserError(GONE)
        with self.ctx.db.reading() as s:
            found = s.execute(_SESSION_AND_USER, {"digest": digest(cookie)}).first()
            if found is None or not _live(found[0], now):
                raise UserError(GONE)
            row, user = found
            if user is None:
                raise UserError(GONE)
            check_usable(user, now.date())
            info = _info(row)
            stale = now - row.seen_at >= SEEN_EVERY
        if csrf is not None and not hmac.compare_digest(csrf.encode(), info.csrf.encode()):
            raise UserError(BAD_CSRF)
        if stale:  # written at most once a minute, not on every save
            with self.ctx.db.transaction() as s:
                s.get_one(m.HubSession, info.id).seen_at = now
        return info

    @open_to_all
    def close(self, cookie: str) -> None:
        """Log out: the cookie opens nothing any more (unknown or ended: nothing to do)."""
        if not cookie or len(cookie) > MAX_COOKIE:
            return
        with self.ctx.db.transaction() as s:
            row = s.scalar(select(m.HubSession).where(m.HubSession.digest == digest(cookie)))
            if row is None or row.closed_at is not None:
                return
            row.closed_at = self.clock()
            as_judge = ServiceContext(self.ctx.db, _info(row).actor, self.ctx.device)
            as_judge.audit(s, "hub.logout", f"user:{row.username}", hub_session=row.id)


def _live(row: m.HubSession, now: dt.datetime) -> bool:
    return row.closed_at is None and now < row.expires_at and now - row.seen_at < IDLE
