"""The hall's screen over the LAN (成绩大屏): the page, its JSON and its change events.

Open to all — the projector's PC logs nobody in — so it shows only what the organizer
chose (services/judging/hall.py). The page listens to ``/hall/events`` and reloads
``/api/hall`` when the database moved; EventSource reconnects by itself, also after the
hub restarts, and is told the current version on each connection, so nothing is missed.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from contest_desk.domain import limits
from contest_desk.domain.records.hall import HallPanel, HallView
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import LANGUAGES, _, language, speaking
from contest_desk.services.hub import Services

POLL_SECONDS = 0.5  # a change reaches the screen well within the 2 s the hall is promised
KEEP_ALIVE_SECONDS = 15.0  # a comment now and then: proxies and Wi-Fi drop silent streams
RETRY_MS = 1000  # how soon EventSource reconnects after the hub went away

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)


def labels() -> dict[str, str]:
    """The screen's words in the current language; the page's script renders with them too."""
    return {
        "screen": _("Results board"),
        "provisional": _("Provisional"),
        "final": _("Final"),
        "not_final": _("Not final yet"),
        "rank": _("Rank"),
        "entry": _("Entrant"),
        "total": _("Total"),
        "place": _("Place"),
        "holder": _("Title holder"),
        "rating": _("Rating"),
        "nothing": _("Nothing is shown to the hall yet"),
        "offline": _("Connection lost: reconnecting…"),
    }


def panel_json(panel: HallPanel) -> dict[str, Any]:
    return {
        "title": panel.title,
        "event": panel.event_id,
        "round": panel.round_number,
        "board": panel.board_id,
        "final": panel.final,
        "provisional": panel.provisional,
        "withheld": panel.withheld,
        "problem": panel.problem,
        "rows": [
            {
                "rank": r.rank,
                "code": r.code,
                "name": r.name,
                "total": None if r.total is None else str(r.total),  # Decimal as shown
            }
            for r in panel.rows
        ],
    }


def view_json(view: HallView) -> dict[str, Any]:
    return {
        "contest": view.contest_id,
        "title": view.title,
        "mode": view.mode.value,
        "version": view.version,
        "panels": [panel_json(p) for p in view.panels],
    }


def _language(request: Request) -> str:
    """``?lang=en`` or ``?lang=zh_CN`` on the projector's address; else the hub's choice for
    the request (its language switch), Chinese by default."""
    asked = request.query_params.get("lang")
    return asked if asked in LANGUAGES else language()


def _contest_id(request: Request) -> int | None:
    text = request.query_params.get("contest", "").strip()
    if not text:
        return None  # the newest contest
    # isdecimal alone takes "²" and any length: an id is ASCII digits within the ids' range.
    if (
        not (text.isascii() and text.isdecimal() and len(text) <= 10)
        or int(text) > limits.WHOLE_MAX
    ):
        raise UserError(
            "The contest must be given by its number, not “{value}”", value=text[: limits.CODE]
        )
    return int(text)


@dataclass(frozen=True)
class _Answer:
    """The view, or why there is none, worded in the request's language."""

    view: HallView | None
    problem: str
    status: int
    labels: dict[str, str]


class HallPages:
    """The routes' work, each answer read in a worker thread (the database blocks)."""

    def __init__(self, hub: Services) -> None:
        self.hub = hub
        # The last view per (contest, language): every screen in the hall asks for it after
        # each change; while the version stands it is the same, read once.
        self._views: dict[tuple[int | None, str], HallView] = {}

    def _view(self, contest_id: int | None) -> HallView:
        key = (contest_id, language())
        kept = self._views.get(key)
        if kept is not None and kept.version == self.hub.hall.changes():
            return kept
        view = self.hub.hall.view(contest_id)  # its version was read before its data
        self._views[key] = view
        return view

    def _read(self, request: Request) -> _Answer:
        with speaking(_language(request)):
            try:
                return _Answer(self._view(_contest_id(request)), "", 200, labels())
            except NotFound as error:
                return _Answer(None, error.message(), 404, labels())
            except UserError as error:
                return _Answer(None, error.message(), 400, labels())

    def _page(self, request: Request) -> Response:
        lang = _language(request)
        answer = self._read(request)
        view = answer.view
        html = _templates.get_template("hall.html").render(
            view=view,
            problem=answer.problem,
            labels=answer.labels,
            labels_json=json.dumps(answer.labels, ensure_ascii=False).replace("<", "\\u003c"),
            lang=lang,
            html_lang="en" if lang == "en" else "zh-CN",
            contest="" if view is None else view.contest_id,
        )
        return HTMLResponse(html, status_code=answer.status)

    async def page(self, request: Request) -> Response:
        return await run_in_threadpool(self._page, request)

    async def api(self, request: Request) -> Response:
        answer = await run_in_threadpool(self._read, request)
        if answer.view is None:
            return JSONResponse({"error": answer.problem}, status_code=answer.status)
        return JSONResponse(view_json(answer.view))

    async def _changes(self, request: Request) -> AsyncIterator[str]:
        """``change`` with the version on connecting and whenever it moves; a comment to keep
        the line alive; over when the screen goes away."""
        last = await run_in_threadpool(self.hub.hall.changes)
        yield f"retry: {RETRY_MS}\nevent: change\ndata: {last}\n\n"
        quiet_since = time.monotonic()
        while not await request.is_disconnected() and not _stopping(request):
            await anyio.sleep(POLL_SECONDS)
            now = await run_in_threadpool(self.hub.hall.changes)
            if now != last:
                last, quiet_since = now, time.monotonic()
                yield f"event: change\ndata: {now}\n\n"
            elif time.monotonic() - quiet_since >= KEEP_ALIVE_SECONDS:
                quiet_since = time.monotonic()
                yield ": keep-alive\n\n"

    async def events(self, request: Request) -> Response:
        return StreamingResponse(
            self._changes(request),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )


def stop_streams(app: Starlette) -> None:
    """End every hall screen's event stream within half a second: the hub calls it before
    it stops, which otherwise waits out its grace period for streams that never end (the
    screens reconnect by themselves when the hub is back)."""
    app.state.hall_stopping = True


def _stopping(request: Request) -> bool:
    return bool(getattr(request.app.state, "hall_stopping", False))


def routes(hub: Services) -> list[BaseRoute]:
    """The hall screen's routes, for the hub's app to mount (open to all: no log-in)."""
    pages = HallPages(hub)
    return [
        Route("/hall", pages.page, methods=["GET"]),
        Route("/api/hall", pages.api, methods=["GET"]),
        Route("/hall/events", pages.events, methods=["GET"]),
    ]
