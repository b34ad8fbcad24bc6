"""Operations a page sent under an id of its own (a mark typed on a phone): each is stored
with its outcome in the transaction of its effect, so that the page may send it again
after a lost answer and is told the first outcome instead of applying it twice."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from contest_desk.errors import UserError
from contest_desk.storage import models as m
from contest_desk.storage.direct import Direct

MAX_OP_ID = 64  # the column's width; a page's random UUID is 36 characters


class OpInFlight(Exception):
    """The same op was applied before, or is being applied by another request at this
    moment (PostgreSQL: its row waited for that request's commit): read its outcome once
    that is done."""


def request_digest(op_id: str, request: dict[str, Any]) -> str:
    """The SHA-256 of what the op asks: the same id with other content is told apart."""
    if not op_id or len(op_id) > MAX_OP_ID or not op_id.isascii() or not op_id.isprintable():
        raise UserError(
            "An operation id is 1 to {limit} plain characters; this one is not", limit=MAX_OP_ID
        )
    text = json.dumps(request, sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _row(s: Session, username: str, op_id: str) -> m.ClientOp | None:
    return s.scalar(
        select(m.ClientOp).where(m.ClientOp.username == username, m.ClientOp.op_id == op_id)
    )


def earlier_outcome(s: Session, username: str, op_id: str, request: str) -> dict[str, Any] | None:
    """The outcome of ``op_id`` when it was applied before, else None; the same id sent
    with another request is refused."""
    row = _row(s, username, op_id)
    if row is None:
        return None
    if row.request != request:
        raise UserError(
            "The operation {op} was already used for another change; nothing was saved",
            op=op_id,
        )
    return dict(row.outcome)


# Made once, run on the driver's cursor (storage/direct.py; every save from a page runs
# them): the op's texts are checked before (request_digest, the actor's name), the
# outcome is ours.
_FIELDS = ("username", "op_id", "request", "outcome", "made_at")
_CLAIM = Direct(insert(m.ClientOp).values({name: bindparam(name) for name in _FIELDS}))
_SETTLE = Direct(
    update(m.ClientOp)
    .where(m.ClientOp.username == bindparam("who"), m.ClientOp.op_id == bindparam("op"))
    .values(outcome=bindparam("outcome"))
)


def claim(
    s: Session,
    username: str,
    op_id: str,
    request: str,
    now: dt.datetime,
    outcome: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Note the op as applied in this transaction, with its ``outcome`` when known already
    (``settle`` sets it), and return what was noted; an op noted before (or being noted
    now by another request) raises OpInFlight: read its outcome with ``earlier_outcome``
    in a new transaction."""
    noted = outcome or {}
    row = {"username": username, "op_id": op_id, "request": request, "outcome": noted,
           "made_at": now}  # fmt: skip
    try:
        _CLAIM.run(s, row)
    except IntegrityError:
        raise OpInFlight from None
    return noted


def settle(
    s: Session, username: str, op_id: str, noted: dict[str, Any], outcome: dict[str, Any]
) -> None:
    """Set the op's outcome, unless ``claim`` noted it already."""
    if noted != outcome:
        _SETTLE.run(s, {"outcome": outcome, "who": username, "op": op_id})
