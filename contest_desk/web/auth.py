"""Logging in and out on the hub: by password (a form), by the token of a judge's card
(its QR code opens /t#TOKEN: the token stays in the fragment, never in a log or a
Referer), and the session each request acts in."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.templating import Jinja2Templates

from contest_desk.domain import limits
from contest_desk.domain.records.sessions import HubSessionInfo
from contest_desk.i18n import _
from contest_desk.services.hub import Services
from contest_desk.services.people.sessions import BAD_CSRF, LONGEST
from contest_desk.services.people.tokens import MAX_TOKEN_LENGTH
from contest_desk.web import texts
from contest_desk.web.calls import Caller, Refused, client_ip
from contest_desk.web.fields import form_body, json_body, required_text
from contest_desk.web.guard import AttemptLimit

T = TypeVar("T")
SESSION_COOKIE = "cd_session"
FORM_COOKIE = "cd_form"  # the log-in forms' token: no session yet to hold one
CSRF_HEADER = "x-csrf-token"


def same_origin(request: Request) -> None:
    """A post that says where it comes from must come from the hub's own pages."""
    origin = request.headers.get("origin")
    # "null": a browser's privacy setting or a sandboxed frame; the forms' token decides.
    if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host"):
        raise Refused(403, _(BAD_CSRF))


async def session_of(caller: Caller, request: Request) -> HubSessionInfo:
    """The request's live session (401 otherwise)."""
    return await as_session(caller, request, lambda _services, session: session)


async def as_session(
    caller: Caller,
    request: Request,
    work: Callable[[Services, HubSessionInfo], T],
    posted: bool = False,
) -> T:
    """``work`` run as the request's session's judge; a post (``posted``) must come from
    the hub's own pages, with the session's forms' token."""
    csrf = None
    if posted:
        same_origin(request)
        csrf = request.headers.get(CSRF_HEADER, "")
    cookie = request.cookies.get(SESSION_COOKIE, "")
    return await caller.as_session(request, cookie, csrf, work)


def _form_token(request: Request) -> str:
    return request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(16)


def _check_form_token(request: Request, sent: str) -> None:
    same_origin(request)
    kept = request.cookies.get(FORM_COOKIE, "")
    if not kept or not hmac.compare_digest(kept.encode(), sent.encode()):
        raise Refused(403, _(BAD_CSRF))


def _keep_form_token(response: Response, token: str) -> Response:
    response.set_cookie(FORM_COOKIE, token, httponly=True, samesite="strict")
    return response


def _logged_in(response: Response, cookie: str) -> Response:
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=int(LONGEST.total_seconds()),
        httponly=True,
        samesite="strict",
    )
    return response


def routes(caller: Caller, pages: Jinja2Templates, attempts: AttemptLimit) -> list[BaseRoute]:
    hub = caller.hub

    def login_page(request: Request, error: str = "", status: int = 200) -> Response:
        token = _form_token(request)
        page = pages.TemplateResponse(
            request,
            "login.html",
            {"t": texts.login(), "form_token": token, "error": error, "lang_path": "/login"},
            status_code=status,
        )
        return _keep_form_token(page, token)

    async def show_login(request: Request) -> Response:
        return login_page(request)

    async def log_in(request: Request) -> Response:
        try:
            form = await form_body(request)
            _check_form_token(request, form.get("csrf", ""))
            attempts.check(client_ip(request))
            username = required_text(form, "username", limits.USERNAME)
            password = required_text(form, "password", limits.PASSWORD)
            device = client_ip(request)
            sessions = hub.as_user(hub.ctx.actor, device=device).hub_sessions
            try:
                opened = await caller(request, lambda: sessions.log_in(username, password))
            except Refused:
                attempts.failed(device)
                raise
        except Refused as refused:
            return login_page(request, refused.message, refused.status)
        return _logged_in(RedirectResponse("/", status_code=303), opened.cookie)

    async def token_page(request: Request) -> Response:
        token = _form_token(request)
        page = pages.TemplateResponse(
            request, "token.html", {"t": texts.login(), "form_token": token, "lang_path": "/t"}
        )
        return _keep_form_token(page, token)

    async def token_log_in(request: Request) -> Response:
        _check_form_token(request, request.headers.get(CSRF_HEADER, ""))
        attempts.check(client_ip(request))
        data = await json_body(request)
        token = required_text(data, "token", MAX_TOKEN_LENGTH)
        device = client_ip(request)
        sessions = hub.as_user(hub.ctx.actor, device=device).hub_sessions
        try:
            opened = await caller(request, lambda: sessions.log_in_with_token(token))
        except Refused:
            attempts.failed(device)
            raise
        return _logged_in(JSONResponse({"next": "/"}), opened.cookie)

    async def log_out(request: Request) -> Response:
        form = await form_body(request)
        cookie = request.cookies.get(SESSION_COOKIE, "")

        def close(services: Services, _session: HubSessionInfo) -> None:
            services.hub_sessions.close(cookie)

        await caller.as_session(request, cookie, form.get("csrf", ""), close)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    return [
        Route("/login", show_login, methods=["GET"]),
        Route("/login", log_in, methods=["POST"]),
        Route("/t", token_page, methods=["GET"]),
        Route("/t", token_log_in, methods=["POST"]),
        Route("/logout", log_out, methods=["POST"]),
    ]
