"""The hall's screen over the LAN (成绩大屏): the page, its JSON and its change events."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from contest_desk.services.hub import Services


def routes(hub: Services) -> list[BaseRoute]:
    """The hall screen's routes, for the hub's app to mount (open to all: no log-in)."""

    async def page(request: Request) -> Response:
        # A first, bare page so the hub can mount the routes; the full screen follows.
        return HTMLResponse('<!doctype html><html lang="zh-CN"><title>成绩大屏</title></html>')

    return [Route("/hall", page, methods=["GET"])]
