"""What a request may hand in, checked before any service sees it: the body's shape, each
field's type and length (the same limits as every other way in: domain/limits.py)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request

from contest_desk.domain import limits
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.web.calls import Refused

BODY_BYTES = 16 * 1024  # a mark or a log-in is a few hundred bytes
FORM_FIELDS = 10


async def _read(request: Request) -> bytes:
    """The body, refused (413) past BODY_BYTES before more of it is read."""
    too_large = Refused(
        413, _("The request is larger than the hub takes ({size} bytes at most)", size=BODY_BYTES)
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > BODY_BYTES:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object, or a 400 naming what is wrong with it."""
    if "json" not in request.headers.get("content-type", ""):
        raise Refused(415, _("Send the data as JSON"))
    raw = await _read(request)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise Refused(400, _("The request is not valid JSON")) from None
    if not isinstance(data, dict):
        raise Refused(400, _("The request is not valid JSON"))
    return data


async def form_body(request: Request) -> dict[str, str]:
    """A log-in form's fields (urlencoded, each once), or a 400."""
    if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
        raise Refused(415, _("Send the form as the log-in page does"))
    raw = await _read(request)
    try:
        parsed = parse_qs(raw.decode("utf-8"), max_num_fields=FORM_FIELDS, strict_parsing=False)
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, _("The form could not be read")) from None
    return {name: values[0] for name, values in parsed.items() if len(values) == 1}


def text(data: dict[str, Any], name: str, limit: int, *, optional: bool = False) -> str | None:
    """A text field of at most ``limit`` characters (None only when ``optional``)."""
    value = data.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Refused(400, _("The field {field} must be a text", field=name))
    try:
        return limits.check_text(value, limit, name)
    except UserError as error:  # said in the request's language (inside speaking)
        raise Refused(400, str(error)) from None


def required_text(data: dict[str, Any], name: str, limit: int) -> str:
    value = text(data, name, limit)
    assert value is not None
    return value


def whole(data: dict[str, Any], name: str) -> int:
    """A whole number field (an id, a round number)."""
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= limits.WHOLE_MAX:
        raise Refused(400, _("The field {field} must be a whole number", field=name))
    return value


def number_text(data: dict[str, Any], name: str) -> str | None:
    """A mark as typed: a short text, or null for an empty cell (read by the service)."""
    return text(data, name, limits.NUMBER_CHARS, optional=True)
