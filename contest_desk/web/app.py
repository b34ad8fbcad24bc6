"""The hub's web application: the judge's pages, the hall's screen, the static files, and
what every answer shares (the request's language, security headers, refusals as JSON)."""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contest_desk.i18n import _, speaking
from contest_desk.reports.fonts import FONT_FILE
from contest_desk.services.hub import Services
from contest_desk.web import auth, hall, judge
from contest_desk.web.calls import LANG_COOKIE, Caller, Refused, language_of
from contest_desk.web.font import font_bytes
from contest_desk.web.guard import AttemptLimit

HERE = Path(__file__).parent
log = logging.getLogger(__name__)

# Everything comes from the hub itself: the venue has no internet, and a page may run no
# script or style but the hub's own files (no inline script an injected text could add).
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        b"form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # The page's address goes to no other site; the hub's own posts keep their Origin
    # (with "no-referrer" a browser sends "Origin: null" even to the hub itself).
    (b"referrer-policy", b"same-origin"),
]
NO_STORE = (b"cache-control", b"no-store")


class Speaking:
    """Each request in its own language (the switch's cookie), with the hub's headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang = language_of(Request(scope))
        static = scope["path"].startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + SECURITY_HEADERS
                if not static:  # pages and marks are never kept by a browser or proxy
                    headers.append(NO_STORE)
                message["headers"] = headers
            await send(message)

        with speaking(lang):
            await self.app(scope, receive, with_headers)


def _refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refused)
    return JSONResponse({"error": error.message, **error.extra}, status_code=error.status)


def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    messages = {
        404: _("There is no such page on the hub"),
        405: _("The hub does not take this kind of request here"),
    }
    message = messages.get(error.status_code, _("The request was refused"))
    return JSONResponse({"error": message}, status_code=error.status_code)


def _bug(request: Request, error: Exception) -> Response:
    """Never a traceback to a phone: the log has it, the page a plain sentence."""
    log.error("hub request %s %s failed", request.method, request.url.path, exc_info=error)
    with speaking(language_of(request)):
        message = _("Something went wrong on the hub; it is in the hub's log. Try again")
    return JSONResponse({"error": message}, status_code=500)


def _pages() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        auto_reload=False,
    )
    return Jinja2Templates(env=env, context_processors=[_page_context])


def _page_context(request: Request) -> dict[str, str]:
    return {"lang": language_of(request)}


def create_app(hub: Services) -> Starlette:
    """The hub's application over ``hub`` (every request acts as its session's judge)."""
    caller, pages, attempts = Caller(hub), _pages(), AttemptLimit()

    async def font(request: Request) -> Response:
        data = await run_in_threadpool(font_bytes, FONT_FILE)
        return Response(data, media_type="font/ttf", headers={"cache-control": "max-age=86400"})

    async def language(request: Request) -> Response:
        lang = request.path_params["lang"]
        back = request.query_params.get("next", "/")
        if not back.startswith("/") or back.startswith("//"):
            back = "/"  # only the hub's own pages
        response = Response(status_code=303, headers={"location": back})
        response.set_cookie(LANG_COOKIE, "en" if lang == "en" else "zh_CN",
                            max_age=365 * 86400, samesite="strict")  # fmt: skip
        return response

    routes: list[BaseRoute] = [
        *auth.routes(caller, pages, attempts),
        *judge.routes(caller, pages, attempts),
        Route("/lang/{lang}", language, methods=["GET"]),
        Route("/static/font.ttc", font, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        *hall.routes(hub),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Speaking)],
        exception_handlers={Refused: _refused, HTTPException: _http_error, Exception: _bug},
    )
    app.state.attempts = attempts  # tests move its clock on
    return app
