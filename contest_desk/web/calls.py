"""How a request of the hub calls the services: off the event loop, in the request's
language, under the session's account and device, with refusals said as HTTP answers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from contest_desk.domain.records.sessions import HubSessionInfo
from contest_desk.errors import NotFound, PermissionDenied, ServerUnavailable, UserError
from contest_desk.i18n import speaking
from contest_desk.services.hub import Services
from contest_desk.services.people.sessions import BAD_CSRF

T = TypeVar("T")
LANG_COOKIE = "cd_lang"
# Refusals that are no answer on the mark itself: the page sends it again later.
BUSY = (
    "The database stayed busy with another change (a large import?) for {seconds} s; "
    "nothing was changed: try again when it is done",
    "The save was interrupted; nothing was saved: send it again",
)


class Refused(Exception):
    """An answer of 4xx (or 503) with a message in the request's language."""

    def __init__(self, status: int, message: str, **extra: object) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra


def language_of(request: Request) -> str:
    """The page's language: the switch's cookie, else Chinese."""
    return "en" if request.cookies.get(LANG_COOKIE) == "en" else "zh_CN"


def client_ip(request: Request) -> str:
    """The device's LAN address (the hub is reached directly, never through a proxy)."""
    return request.client.host if request.client else ""


def status_of(error: UserError) -> int:
    if isinstance(error, PermissionDenied) or error.msgid == BAD_CSRF:
        return 403
    if isinstance(error, NotFound):
        return 404
    if error.msgid in BUSY or isinstance(error, ServerUnavailable):  # the database server away
        return 503
    return 409


# How many requests' service calls run at once. The others wait for their turn on a
# semaphore, asleep, without Python's lock: sixty phones saving at once made forty worker
# threads contend for that lock, and a save holding the audit chain's row lock (PostgreSQL)
# waited for it after each of its statements while every other save queued behind it.
# Saves take turns on the chain anyway; reads are short.
AT_ONCE = 12


class Caller:
    """Runs service calls for requests (on SQLite, the database's writers take their turns
    by themselves: storage/lock.write_turn)."""

    def __init__(self, hub: Services) -> None:
        self.hub = hub
        self._turns = threading.BoundedSemaphore(AT_ONCE)

    async def __call__(self, request: Request, work: Callable[[], T]) -> T:
        lang = language_of(request)

        def run() -> T:
            with self._turns, speaking(lang):
                try:
                    return work()
                except UserError as error:
                    raise Refused(status_of(error), error.message()) from None

        return await run_in_threadpool(run)

    async def as_session(
        self,
        request: Request,
        cookie: str,
        csrf: str | None,
        work: Callable[[Services, HubSessionInfo], T],
    ) -> T:
        """The request's live session resumed (refused with 401, or 403 for a wrong forms'
        token) and ``work`` run as its judge, in one hand-off to a worker thread: a save on
        a busy hub waits for a thread (and Python's lock) once, not twice."""

        def resumed() -> T:
            try:
                session = self.hub.hub_sessions.resume(cookie, csrf)
            except UserError as error:
                status = status_of(error)
                # The session may be fine: the server is away (503, the page sends again).
                status = status if status in (403, 503) else 401
                raise Refused(status, error.message()) from None
            return work(self.acting(request, session), session)

        return await self(request, resumed)

    def acting(self, request: Request, session: HubSessionInfo) -> Services:
        """The services acting for the session's judge, from the request's device."""
        return self.hub.as_user(session.actor, device=client_ip(request))
