"""No lost update: a save made from a form read before someone else's save is refused.

Rows edited through forms carry an edit version (models.edit_version) that SQLAlchemy
raises with every UPDATE. A save hands back the record it read; the service reads the
row again locked (``locked``: SELECT … FOR UPDATE on PostgreSQL, where two desks'
transactions run at once; SQLite's writers already take turns, see storage/lock.py), and
``refuse_stale`` refuses it when the version moved and a field the form showed differs
now, naming who saved it and when (the audit trail) and each field (shown → now).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from contest_desk.domain.audit_words import local_time
from contest_desk.domain.plain_names import actor_name
from contest_desk.domain.records.versioned import differences
from contest_desk.errors import NotFound, StaleEdit
from contest_desk.i18n import _
from contest_desk.storage import models as m

Row = TypeVar("Row", bound=m.Base)


class Unread:
    """No value read was given (the command line, a file): the save is not checked. For
    a rule that may be None, which is a value a form shows (no rule)."""


UNREAD = Unread()


def refuse_if_other(
    s: Session,
    thing: str,
    read: Any,
    stored: Any,
    targets: Iterable[str],
    actions: Sequence[str] | None = None,
) -> None:
    """StaleEdit when a whole value a form showed (a rule) is no longer what is stored."""
    if not isinstance(read, Unread) and read != stored:
        refuse_changed(s, thing, targets, current=stored, actions=actions)


def locked(s: Session, model: type[Row], row_id: int) -> Row | None:
    """The row, read again and locked until the transaction ends (PostgreSQL): a second
    desk's save of the same row waits, then sees this one's version."""
    return s.get(model, row_id, with_for_update=True, populate_existing=True)


def locked_or_missing(s: Session, model: type[Row], row_id: int, msgid: str) -> Row:
    row = locked(s, model, row_id)
    if row is None:
        raise NotFound(msgid, id=row_id)
    return row


def hold_shared(s: Session, row: m.Base) -> None:
    """Read ``row`` again with a shared lock until the transaction ends (PostgreSQL):
    writers that depend on it (marks on an open round) go on side by side, while one that
    changes it (the round's lock) waits for them, and they for it."""
    if s.get_bind().dialect.name != "sqlite":  # SQLite's writers already take turns
        s.refresh(row, with_for_update={"read": True})


def hold_alone(s: Session, row: m.Base) -> None:
    """Read ``row`` again locked until the transaction ends, after every writer holding it
    shared (see hold_shared) has finished: what they committed is seen."""
    if s.get_bind().dialect.name != "sqlite":
        s.refresh(row, with_for_update=True)


def when_text(at_utc: dt.datetime, now: dt.datetime | None = None) -> str:
    """An audit row's time as a person reads it: 14:03 today, else 2026-12-03 14:03."""
    local = local_time(at_utc)
    today = (now or dt.datetime.now()).date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


# Actions that change rows of a kind under another target, counted as changes of any
# such row: a roster import is written against its contest, yet updates persons.
WIDER = {"person": ("roster.import",)}


def last_change(
    s: Session,
    targets: Iterable[str],
    actions: Sequence[str] | None = None,
    wider: Sequence[str] = (),
) -> tuple[str, str]:
    """Who (their name) and when (local time) the newest audit row of ``targets`` was
    written; someone unknown when the trail has none (a change made behind the app).
    ``wider``: more actions counted whatever their target (besides those of WIDER)."""
    targets = list(targets)
    kinds = {t.partition(":")[0] for t in targets}
    wider = [*wider, *(a for kind in sorted(kinds) for a in WIDER.get(kind, ()))]
    named: ColumnElement[bool] = m.AuditRecord.target.in_(targets)
    if actions:
        named = named & m.AuditRecord.action.in_(list(actions))
    query = select(m.AuditRecord.actor, m.AuditRecord.at).where(
        named | m.AuditRecord.action.in_(list(wider)) if wider else named
    )
    row = s.execute(query.order_by(m.AuditRecord.seq.desc()).limit(1)).first()
    if row is None:
        return _("someone else"), "?"
    actor, at = row
    name = s.scalar(select(m.User.name).where(m.User.username == actor))
    return actor_name(actor, {actor: name} if name else {}), when_text(at)


def refuse_stale(
    s: Session,
    thing: str,
    read_version: int | None,
    stored_version: int,
    changes: Sequence[tuple[str, str, str]],
    targets: Iterable[str],
    current: Any = None,
    actions: Sequence[str] | None = None,
    wider: Sequence[str] = (),
) -> None:
    """Raise StaleEdit when the row moved on since ``read_version`` and a field the form
    showed differs (``changes``, from domain/records/versioned.py). ``read_version`` None:
    the caller read nothing first (the command line, a file), and nothing is checked.
    A version moved only by fields the form does not show (a contest's status) lets the
    save go on: nothing the person saw is overwritten."""
    if read_version is None or read_version == stored_version or not changes:
        return
    refuse_changed(s, thing, targets, changes, current, actions, wider=wider)


def refuse_stale_read(
    s: Session, thing: str, read: Any, now: Any, fields: Mapping[str, str], target: str
) -> None:
    """``refuse_stale`` for a record a form read (``read``) and the same record as stored
    (``now``), compared in the fields the form shows (``fields``, versioned.py's)."""
    changes = differences(read, now, fields)
    refuse_stale(s, thing, read.version, now.version, changes, [target], now)


def refuse_changed(
    s: Session,
    thing: str,
    targets: Iterable[str],
    changes: Sequence[tuple[str, str, str]] = (),
    current: Any = None,
    actions: Sequence[str] | None = None,
    said: Sequence[str] = (),
    wider: Sequence[str] = (),
) -> None:
    """Raise StaleEdit for a change found otherwise (a rubric compared criterion by
    criterion), naming the newest audit row of ``targets`` (see ``last_change``)."""
    who, at = last_change(s, targets, actions, wider)
    raise StaleEdit(thing, who, at, changes, current, said)
