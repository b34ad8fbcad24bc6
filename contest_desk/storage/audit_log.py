"""Appending to the audit trail's hash chain, as the last thing before a commit.

A service writes its audit row in the transaction of the change it describes
(``ServiceContext.audit``), but the row is linked into the chain — the head row locked,
the next ``seq`` taken, the hash made — only when the transaction commits, after the
change itself has been flushed. Every writer of the database takes that one lock in
turn (FOR UPDATE on PostgreSQL), so it is held for two short statements and the
commit, not for the whole of a save: with sixty phones saving at once on PostgreSQL,
a save that took the lock early held it across each of its later statements, and on a
busy hub each of those waited for Python's GIL too, so the saves queued behind one
another (p99 529 ms over 5 minutes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, event, insert, select
from sqlalchemy.orm import Session

from contest_desk.domain.audit_chain import GENESIS, link_hash
from contest_desk.storage.changes import announce
from contest_desk.storage.direct import Direct
from contest_desk.storage.models import AuditHead, AuditRecord

_PENDING = "contest_desk.audit_pending"
_HEAD_READ = "contest_desk.audit_head_read"
# Made once, run on the driver's cursor (storage/direct.py): SQLAlchemy's cost per
# execution was most of a save's CPU (issue 16).
_HEAD = Direct(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1).with_for_update())
_FIELDS = ("seq", "at", "actor", "action", "target", "detail", "note", "prev_hash", "hash")
_ADD_ONE = Direct(insert(AuditRecord).values({name: bindparam(name) for name in _FIELDS}))
_ADD = insert(AuditRecord)


def utc_now() -> dt.datetime:
    """Naive UTC, as stored: the same reading on SQLite and PostgreSQL."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Pending:
    """An audit row written in a transaction, not yet linked into the chain."""

    actor: str
    action: str
    target: str
    detail: dict[str, Any]
    note: str


def head_read(session: Session, seq: int, digest: str) -> None:
    """The chain's head as read in this transaction on SQLite, whose writers take turns
    for the whole transaction (storage/lock.py): nothing moves it before this commit,
    which links its rows after it without reading it again (a save reads it with its
    facts: storage/save_facts.py)."""
    session.info[_HEAD_READ] = (seq, digest)


def append(session: Session, row: Pending) -> None:
    """Write ``row`` to the trail when ``session``'s transaction commits (in order)."""
    session.info.setdefault(_PENDING, []).append(row)


@event.listens_for(Session, "before_commit")
def _link_pending(session: Session) -> None:
    """Link the transaction's audit rows into the chain: the change flushed first, then
    the head locked (or, on SQLite, taken as read with a save's facts: ``head_read``) and
    the rows inserted, the database's trigger moving the head, right before the commit."""
    pending: list[Pending] = session.info.pop(_PENDING, [])
    known = session.info.pop(_HEAD_READ, None)
    if not pending:
        return
    session.flush()
    head = known
    if known is None:
        found = _HEAD.rows(session, {})
        head = found[0] if found else None
    if head is None:  # a database made before the chain had its head row
        session.execute(insert(AuditHead).values(id=1, seq=0, hash=GENESIS))
        seq, prev = 0, GENESIS
    else:
        seq, prev = head[0], head[1]
    rows = []
    for row in pending:
        seq, at = seq + 1, utc_now()
        digest = link_hash(prev, seq, at, row.actor, row.action, row.target, row.detail, row.note)
        rows.append(
            {"seq": seq, "at": at, "actor": row.actor, "action": row.action,
             "target": row.target, "detail": row.detail, "note": row.note,
             "prev_hash": prev, "hash": digest}
        )  # fmt: skip
        prev = digest
    # The head follows each row inserted: the database's trigger (migration 0016_save_path).
    if len(rows) == 1:  # a save
        _ADD_ONE.run(session, rows[0])
    else:
        session.connection().execute(_ADD, rows)
    announce(session, seq - len(rows) + 1, seq)  # told to the other desks at the commit


@event.listens_for(Session, "after_soft_rollback")
def _forget_pending(session: Session, _previous: Any) -> None:
    """A rolled-back transaction's rows are never written."""
    session.info.pop(_PENDING, None)
    session.info.pop(_HEAD_READ, None)
