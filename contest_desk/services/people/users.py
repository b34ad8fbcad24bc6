"""Accounts: the first administrator, log-in with a growing wait after failures, roles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contest_desk.domain import limits
from contest_desk.domain.permissions import Action, Actor, Role
from contest_desk.domain.records.contests import UserInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.people.passwords import check_password, hash_password
from contest_desk.services.permissions import open_to_all, requires
from contest_desk.storage import models as m

MIN_PASSWORD = 6
WRONG_OWN_PASSWORD = "The password does not match {user}"
FREE_FAILURES = 3  # wrong passwords allowed before the waits begin
FIRST_WAIT = 5  # seconds after the first failure beyond those; doubles each time
LONGEST_WAIT = 15 * 60


def _roles(values: Iterable[str]) -> tuple[Role, ...]:
    return tuple(sorted({Role(v) for v in values}, key=list(Role).index))


def user_info(user: m.User) -> UserInfo:
    return UserInfo(
        user.id, user.username, user.name, _roles(user.roles), user.active, user.expires_on
    )


def _check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError("A password needs at least {n} characters", n=MIN_PASSWORD)
    # The hub's log-in takes no longer one: a password set here must work there too.
    if len(password) > limits.PASSWORD:
        raise UserError("A password has at most {n} characters", n=limits.PASSWORD)


def _set_password(user: m.User, password: str) -> None:
    """The log-in hash and the public record of the signing key, always made together, so
    an offline sheet is signed with the key of the password the account has now."""
    user.password_hash = hash_password(password)
    user.signing_key = _signing_key(password)


def _signing_key(password: str) -> str:
    # Imported here: the signing code loads cryptography and segno (about 40 ms), which
    # every start's log-in would pay for though it rarely makes a key.
    from contest_desk.domain.sheet_signing import new_judge_key

    return new_judge_key(password).text()


def _get(s: Session, username: str) -> m.User:
    user = s.scalar(select(m.User).where(m.User.username == username))
    if user is None:
        raise NotFound("There is no user {username}", username=username)
    return user


def check_usable(user: m.User, today: dt.date) -> None:
    """Refuse a log-in (by password or a judge's token) to a disabled or expired account."""
    if not user.active:
        raise UserError("The account {user} is disabled", user=user.username)
    if user.expires_on is not None and user.expires_on < today:
        raise UserError(
            "The account {user} expired on {date}", user=user.username, date=user.expires_on
        )


def wait_after(failures: int) -> int:
    """Seconds a user must wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_FAILURES:
        return 0
    return int(min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES), LONGEST_WAIT))


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.clock: Callable[[], dt.datetime] = utc_now  # tests move time on

    # Anyone --------------------------------------------------------------------

    @open_to_all
    def has_users(self) -> bool:
        with self.ctx.db.reading() as s:
            return bool(s.scalar(select(func.count()).select_from(m.User)))

    @open_to_all
    def create_first_admin(self, username: str, name: str, password: str) -> UserInfo:
        """The set-up dialog's account: allowed only while there are no accounts at all."""
        with self.ctx.db.transaction() as s:
            if s.scalar(select(func.count()).select_from(m.User)):
                raise UserError("The first administrator has already been set up")
            user = self._new(s, username, name, password, [Role.ADMIN], None)
            return user_info(user)

    @open_to_all
    def authenticate(self, username: str, password: str) -> Actor:
        """Check a log-in; wrong passwords make the next try wait longer and longer."""
        now = self.clock()
        with self.ctx.db.transaction() as s:
            user = s.scalar(select(m.User).where(m.User.username == username.strip()))
            if user is None:
                check_password(password, _dummy_hash())  # same time as for a real account
                raise UserError("Wrong user name or password")
            if user.locked_until is not None and user.locked_until > now:
                seconds = int((user.locked_until - now).total_seconds()) + 1
                raise UserError(
                    "Too many wrong passwords for {user}; try again in {seconds} s",
                    user=user.username,
                    seconds=seconds,
                )
            if not check_password(password, user.password_hash):
                user.failed_logins += 1
                wait = wait_after(user.failed_logins)
                user.locked_until = now + dt.timedelta(seconds=wait) if wait else None
                self.ctx.audit(
                    s, "user.login_failed", f"user:{user.username}", failures=user.failed_logins
                )
                failed = UserError("Wrong user name or password")
            else:
                failed = None
                user.failed_logins, user.locked_until = 0, None
                if user.signing_key is None:  # an account from before signing keys
                    user.signing_key = _signing_key(password)
        # Outside the block so that the failure count above is committed, not rolled back.
        if failed is not None:
            raise failed
        check_usable(user, now.date())
        return Actor(user.username, frozenset(_roles(user.roles)))

    @open_to_all
    def check_own_password(self, password: str) -> None:
        """The acting user's signature on a sheet: their password, checked again."""
        with self.ctx.db.reading() as s:
            user = s.scalar(select(m.User).where(m.User.username == self.ctx.actor.username))
            if user is None or not check_password(password, user.password_hash):
                raise UserError(WRONG_OWN_PASSWORD, user=self.ctx.actor.username)

    @open_to_all
    def change_own_password(self, old: str, new: str) -> None:
        self.check_own_password(old)
        _check_password_rules(new)
        with self.ctx.db.transaction() as s:
            user = _get(s, self.ctx.actor.username)
            _set_password(user, new)
            self.ctx.audit(s, "user.password", f"user:{user.username}")

    @requires(Action.VIEW_SETUP)
    def names(self, usernames: Iterable[str]) -> dict[str, str]:
        """Account name → the person's name, for showing who did something (an approver,
        who keyed a sheet): the account's own name, else a judge's of that account name."""
        wanted = set(usernames)
        with self.ctx.db.reading() as s:
            judges = s.execute(
                select(m.Judge.username, m.Judge.name).where(m.Judge.username.in_(wanted))
            )
            found = {username: name for username, name in judges if name}
            users = s.execute(
                select(m.User.username, m.User.name).where(m.User.username.in_(wanted))
            )
            found |= {username: name for username, name in users if name}
            return found

    # Administrators ------------------------------------------------------------

    @requires(Action.MANAGE_USERS)
    def users(self) -> list[UserInfo]:
        with self.ctx.db.reading() as s:
            return [user_info(u) for u in s.scalars(select(m.User).order_by(m.User.username))]

    @requires(Action.MANAGE_USERS)
    def add_user(
        self,
        username: str,
        name: str,
        password: str,
        roles: Iterable[Role | str],
        expires_on: dt.date | None = None,
    ) -> UserInfo:
        with self.ctx.db.transaction() as s:
            return user_info(self._new(s, username, name, password, roles, expires_on))

    def _new(
        self,
        s: Session,
        username: str,
        name: str,
        password: str,
        roles: Iterable[Role | str],
        expires_on: dt.date | None,
    ) -> m.User:
        username = username.strip()
        if not username or any(c.isspace() for c in username):
            raise UserError("A user name must not be empty or contain spaces")
        try:
            chosen = _roles(roles)
        except ValueError as error:
            raise UserError("Unknown role: {role}", role=str(error).split("'")[1]) from None
        if not chosen:
            raise UserError("A user needs at least one role")
        _check_password_rules(password)
        if s.scalar(select(m.User.id).where(m.User.username == username)) is not None:
            raise UserError("There is already a user {username}", username=username)
        user = m.User(
            username=username,
            name=name.strip() or username,
            roles=[r.value for r in chosen],
            expires_on=expires_on,
        )
        _set_password(user, password)
        s.add(user)
        s.flush()
        self.ctx.audit(
            s, "user.add", f"user:{username}", roles=[r.value for r in chosen], name=user.name
        )
        return user

    @requires(Action.MANAGE_USERS)
    def set_password(self, username: str, password: str) -> None:
        _check_password_rules(password)
        with self.ctx.db.transaction() as s:
            user = _get(s, username)
            _set_password(user, password)
            user.failed_logins, user.locked_until = 0, None
            self.ctx.audit(s, "user.password", f"user:{username}")

    @requires(Action.MANAGE_USERS)
    def set_roles(self, username: str, roles: Iterable[Role | str]) -> UserInfo:
        chosen = _roles(roles)
        if not chosen:
            raise UserError("A user needs at least one role")
        with self.ctx.db.transaction() as s:
            user = _get(s, username)
            old = list(user.roles)
            user.roles = [r.value for r in chosen]
            self._keep_an_admin(s)
            self.ctx.audit(s, "user.roles", f"user:{username}", old=old, new=user.roles)
            return user_info(user)

    @requires(Action.MANAGE_USERS)
    def set_active(self, username: str, active: bool, reason: str = "") -> UserInfo:
        with self.ctx.db.transaction() as s:
            user = _get(s, username)
            old = user.active
            user.active = active
            self._keep_an_admin(s)
            action = "user.enable" if active else "user.disable"
            self.ctx.audit(s, action, f"user:{username}", reason, old=old, new=active)
            return user_info(user)

    @requires(Action.MANAGE_USERS)
    def set_expiry(self, username: str, expires_on: dt.date | None) -> UserInfo:
        with self.ctx.db.transaction() as s:
            user = _get(s, username)
            old = user.expires_on
            user.expires_on = expires_on
            self.ctx.audit(s, "user.expiry", f"user:{username}", old=str(old), new=str(expires_on))
            return user_info(user)

    @staticmethod
    def _keep_an_admin(s: Session) -> None:
        s.flush()
        admins = [
            u for u in s.scalars(select(m.User).where(m.User.active)) if Role.ADMIN in u.roles
        ]
        if not admins:
            raise UserError("At least one active administrator must remain")


@cache
def _dummy_hash() -> str:
    """A real hash, so that an unknown user name costs the same time as a wrong password."""
    return hash_password("not a password of anyone")
