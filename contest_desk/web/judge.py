"""The judge's pages and their JSON: the list of sheets, a sheet, a mark, the signature.

Every call acts for the session's own account from the request's device, so the
permission table, conflicts, blind codes and sign-off apply as at the desk."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.templating import Jinja2Templates

from contest_desk.domain import limits
from contest_desk.domain.numbers import parse_measured
from contest_desk.domain.records.sessions import HubSessionInfo
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.services.people.users import WRONG_OWN_PASSWORD
from contest_desk.web import texts
from contest_desk.web.auth import as_session, same_origin, session_of
from contest_desk.web.calls import Caller, Refused, client_ip, status_of
from contest_desk.web.fields import json_body, number_text, required_text, whole
from contest_desk.web.guard import AttemptLimit
from contest_desk.web.sheet_view import Seats, cell_key, my_sheet, sheet_data, shown

OP_CHARS = 64  # what the service keeps of a page's op id (it refuses longer ones too)


def _stored_now(services: Services, event: int, rnd: int, judge: int, entry: int, code: str) -> Any:
    """What the cell holds now, for a refused mark's page (unknown: None and say nothing)."""
    try:
        sheet = services.scoring.sheet(event, rnd, judge)
    except UserError:
        return None
    return {"value": shown(sheet.values.get((entry, code)))}


def _expected(text: str | None) -> Decimal | None:
    """What the page last saw in the cell: as it was typed there, a measured time too
    ("12:34", stored as 754 seconds)."""
    return None if text is None or not text.strip() else parse_measured(text, "expected")


def routes(caller: Caller, pages: Jinja2Templates, attempts: AttemptLimit) -> list[BaseRoute]:
    seats = Seats()

    async def page_session(request: Request) -> HubSessionInfo | None:
        try:
            return await session_of(caller, request)
        except Refused:
            return None

    def render(request: Request, name: str, context: dict[str, Any]) -> Response:
        return pages.TemplateResponse(request, name, {**context, "lang_path": request.url.path})

    async def home(request: Request) -> Response:
        session = await page_session(request)
        if session is None:
            return RedirectResponse("/login", status_code=303)

        def sheets() -> list[dict[str, Any]]:
            services = caller.acting(request, session)
            out = []
            for mine in services.scoring.my_events():
                if mine.judge_id is None:
                    continue
                for rnd in mine.event.rounds:
                    sheet = services.scoring.sheet(mine.event.id, rnd.number, mine.judge_id)
                    state = "locked" if sheet.locked else sheet.state
                    out.append({"event": mine.event, "round": rnd, "state": state,
                                "judge": mine.judge_name})  # fmt: skip
            return out

        listed = await caller(request, sheets)
        name = listed[0]["judge"] if listed else session.actor.username
        return render(request, "home.html", {"t": texts.home(), "sheets": listed,
                                             "name": name, "csrf": session.csrf})  # fmt: skip

    async def sheet_page(request: Request) -> Response:
        session = await page_session(request)
        if session is None:
            return RedirectResponse("/login", status_code=303)
        event, rnd = request.path_params["event"], request.path_params["round"]
        services = caller.acting(request, session)
        data = await caller(request, lambda: sheet_data(services, event, rnd))
        context = {"t": texts.sheet(), "sheet": data, "csrf": session.csrf,
                   "user": session.actor.username, "key": cell_key}  # fmt: skip
        return render(request, "sheet.html", context)

    async def sheet_json(request: Request) -> Response:
        event, rnd = request.path_params["event"], request.path_params["round"]
        data = await as_session(caller, request, lambda acting, _: sheet_data(acting, event, rnd))
        return JSONResponse(data)

    async def mark(request: Request) -> Response:
        same_origin(request)
        data = await json_body(request)
        op = required_text(data, "op", OP_CHARS)
        event, rnd, entry = whole(data, "event"), whole(data, "round"), whole(data, "entry")
        code = required_text(data, "code", limits.CODE)
        value, seen = number_text(data, "value"), number_text(data, "expected")
        if "expected" not in data:
            raise Refused(400, texts.field_missing("expected"))

        def save(services: Services, _session: HubSessionInfo) -> dict[str, Any]:
            judge = seats.judge_id(services, event)
            try:
                expected = _expected(seen) if seen is not None else None
                stored = services.scoring.record_score(
                    event, rnd, judge, entry, code, value, expected=expected, op=op
                )
            except UserError as error:
                now = _stored_now(services, event, rnd, judge, entry, code) or {}
                raise Refused(status_of(error), error.message(), **now) from None
            return {"op": op, "entry": entry, "code": code, "value": shown(stored)}

        return JSONResponse(await as_session(caller, request, save, posted=True))

    async def submit(request: Request) -> Response:
        same_origin(request)
        device = client_ip(request)
        attempts.check(device)
        data = await json_body(request)
        event, rnd = whole(data, "event"), whole(data, "round")
        password = required_text(data, "password", limits.PASSWORD)

        def sign(services: Services, _session: HubSessionInfo) -> dict[str, Any]:
            judge = my_sheet(services, event).judge_id
            assert judge is not None
            try:
                services.sheets.submit(event, rnd, judge, password)
            except UserError as error:
                if error.msgid == WRONG_OWN_PASSWORD:  # a guess at the password: counted
                    attempts.failed(device)
                raise
            return sheet_data(services, event, rnd)

        return JSONResponse(await as_session(caller, request, sign, posted=True))

    return [
        Route("/", home, methods=["GET"]),
        Route("/sheet/{event:int}/{round:int}", sheet_page, methods=["GET"]),
        Route("/api/sheet/{event:int}/{round:int}", sheet_json, methods=["GET"]),
        Route("/api/mark", mark, methods=["POST"]),
        Route("/api/submit", submit, methods=["POST"]),
    ]
