"""Reading the audit trail's rows for people: filtered, newest first, bounded when asked.

A plant's year holds a row per saved mark (over a million), so the audit view asks for
the newest few thousand, or only the rows after the newest it shows; its Excel export
goes through every row that matches a page at a time (``trail_pages``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from contest_desk.domain.records.audit import AuditRow
from contest_desk.storage import models as m

_BATCH = 2000  # rows fetched at a time while the detail filter is applied in Python


@dataclass(frozen=True)
class TrailFilter:
    """Which rows: targets ("event:3", "entry:17"…; none: any), an actor, a time span
    (UTC, both ends included), detail fields that must equal (e.g. {"judge": 4}), and
    only those after a sequence number."""

    targets: tuple[str, ...] = ()
    actor: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)
    after: int | None = None


def _query(wanted: TrailFilter, limit: int | None = None) -> Select[Any]:
    r = m.AuditRecord
    query = select(r.seq, r.at, r.actor, r.action, r.target, r.detail, r.note)
    if wanted.targets:
        query = query.where(r.target.in_(wanted.targets))
    if wanted.actor:
        query = query.where(r.actor == wanted.actor)
    if wanted.since is not None:
        query = query.where(r.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(r.at <= wanted.until)
    if wanted.after is not None:
        query = query.where(r.seq > wanted.after)
    for key, value in wanted.detail.items():
        if isinstance(value, (int, str)) and not isinstance(value, bool):  # text reads alike
            query = query.where(cast(r.detail[key].as_string(), String) == str(value))
    query = query.order_by(r.seq.desc())
    if limit is not None and not wanted.detail:
        query = query.limit(limit)  # every row read passes: the database counts
    return query


def _matching(
    s: Session, wanted: TrailFilter, limit: int | None = None
) -> Generator[AuditRow, None, None]:
    """The rows ``wanted`` names, newest first, read ``_BATCH`` at a time (a server-side
    cursor on PostgreSQL); closing the iterator closes the database's result."""
    detail = dict(wanted.detail)
    result = s.execute(_query(wanted, limit).execution_options(yield_per=_BATCH))
    try:
        for seq, at, actor, action, target, stored, note in result:
            if all(stored.get(k) == v for k, v in detail.items()):
                yield AuditRow(seq, at, actor, action, target, dict(stored), note)
    finally:
        result.close()


def trail_rows(s: Session, wanted: TrailFilter, limit: int | None = None) -> list[AuditRow]:
    """The rows ``wanted`` names, newest first; with ``limit``, the newest ``limit`` of them.

    The detail fields are compared in Python, as JSON is compared differently on SQLite and
    PostgreSQL (4 and "4", true and 1), after the database has left out the rows whose
    field does not even read the same as text (a judge's few rows in a long trail are not
    all carried into Python); rows are read in batches (a server-side cursor on
    PostgreSQL) and the reading stops once ``limit`` rows passed, so a narrow filter on a
    long trail holds no more than a batch beyond what it returns."""
    if limit is not None and limit <= 0:
        return []
    with closing(_matching(s, wanted, limit)) as rows:
        return list(islice(rows, limit))


def trail_count(s: Session, wanted: TrailFilter) -> int:
    """How many rows ``wanted`` names, as the database counts them: exact but for a detail
    field equal as text and not as JSON (4 and "4"), which ``trail_rows`` leaves out after
    (rare): a total for a progress bar, never a count to rely on."""
    return s.scalar(select(func.count()).select_from(_query(wanted).subquery())) or 0


def trail_pages(s: Session, wanted: TrailFilter) -> Generator[list[AuditRow], None, None]:
    """Every row ``wanted`` names, newest first, in pages of at most ``_BATCH`` rows, each
    read from the database only when the one before has been taken: a whole trail (the
    audit export's million rows) is gone through holding a page of it, not a list of it.
    Filtered as ``trail_rows`` filters. Close the iterator to stop early."""
    with closing(_matching(s, wanted)) as rows:
        while page := list(islice(rows, _BATCH)):
            yield page
