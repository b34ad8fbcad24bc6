"""Judges' tokens: a log-in for the contest day that the organizer prints as a QR code on
the judge's card, for the scoring hub on the venue's LAN.

A token is 128 random bits, for one judge, valid on one day, until it is revoked. The
database keeps only its SHA-256 (a token has all the entropy a hash needs; a password's
slow hash is for guessable secrets), and no audit row holds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action, Actor, Role
from contest_desk.domain.records.tokens import IssuedToken, TokenInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import N_
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.people.users import check_usable
from contest_desk.services.permissions import open_to_all, requires
from contest_desk.storage import models as m

TOKEN_BYTES = 16  # 128 bits
MAX_TOKEN_LENGTH = 100  # what a log-in form or a scanned QR may hand in
NOT_VALID = N_("This judge's token is not valid (unknown, revoked or not for today)")


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _info(token: m.JudgeToken, user: m.User) -> TokenInfo:
    return TokenInfo(
        token.id,
        user.username,
        user.name,
        token.valid_on,
        token.made_at,
        token.made_by,
        token.revoked_at,
    )


class JudgeTokenService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.clock: Callable[[], dt.datetime] = utc_now  # tests move time on
        # The contest day is the desk's own calendar day (Beijing time at a plant), not
        # UTC's: at 07:30 in Beijing UTC is still on the day before.
        self.today: Callable[[], dt.date] = dt.date.today

    @requires(Action.EDIT_ROSTER)
    def issue(self, username: str, valid_on: dt.date) -> IssuedToken:
        """A new token for the judge ``username``, valid on ``valid_on`` only."""
        if valid_on < self.today():
            raise UserError("A token for {date} would never be valid: that day is past",
                            date=valid_on)  # fmt: skip
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self.ctx.db.transaction() as s:
            user = s.scalar(select(m.User).where(m.User.username == username.strip()))
            if user is None:
                raise NotFound("There is no user {username}", username=username)
            if Role.JUDGE.value not in user.roles:
                raise UserError(
                    "{user} is not a judge: a judge's token logs in a judge only",
                    user=user.username,
                )
            row = m.JudgeToken(
                user_id=user.id,
                digest=digest(token),
                valid_on=valid_on,
                made_at=self.clock(),
                made_by=self.ctx.actor.username,
            )
            s.add(row)
            s.flush()
            self.ctx.audit(
                s, "token.issue", f"user:{user.username}", token=row.id, valid_on=str(valid_on)
            )
            return IssuedToken(_info(row, user), token)

    @requires(Action.EDIT_ROSTER)
    def revoke(self, token_id: int) -> TokenInfo:
        """The token logs nobody in any more (a lost card); already revoked: as it was."""
        with self.ctx.db.transaction() as s:
            row = s.get(m.JudgeToken, token_id)
            if row is None:
                raise NotFound("No token {id}", id=token_id)
            user = s.get_one(m.User, row.user_id)
            if row.revoked_at is None:
                row.revoked_at, row.revoked_by = self.clock(), self.ctx.actor.username
                self.ctx.audit(s, "token.revoke", f"user:{user.username}", token=row.id)
            return _info(row, user)

    @requires(Action.EDIT_ROSTER)
    def tokens(self, valid_on: dt.date | None = None) -> list[TokenInfo]:
        """Every token issued (for ``valid_on`` only, when given), newest first."""
        with self.ctx.db.reading() as s:
            query = select(m.JudgeToken, m.User).join(m.User, m.User.id == m.JudgeToken.user_id)
            if valid_on is not None:
                query = query.where(m.JudgeToken.valid_on == valid_on)
            rows = s.execute(query.order_by(m.JudgeToken.id.desc())).all()
            return [_info(token, user) for token, user in rows]

    @open_to_all
    def authenticate(self, token: str) -> Actor:
        """The judge whose token this is, today; refused when it is unknown, revoked, for
        another day, or the account is disabled or expired. The same message for every
        refusal of the token itself, so a guess learns nothing."""
        today = self.today()
        text = token.strip()
        if not text or len(text) > MAX_TOKEN_LENGTH:
            raise UserError(NOT_VALID)
        with self.ctx.db.reading() as s:
            user = _usable(s, digest(text), today)
            if user is None:
                raise UserError(NOT_VALID)
        check_usable(user, today)
        # A judge's token logs in the judge, never more: the roles come from the token's
        # purpose, not from whatever else the account may do.
        return Actor(user.username, frozenset({Role.JUDGE}))


def _usable(s: Session, token_digest: str, day: dt.date) -> m.User | None:
    row = s.scalar(select(m.JudgeToken).where(m.JudgeToken.digest == token_digest))
    if row is None or row.revoked_at is not None or row.valid_on != day:
        return None
    user = s.get(m.User, row.user_id)
    # No longer a judge (roles changed since): the token was for a judge.
    return user if user is not None and Role.JUDGE.value in user.roles else None
