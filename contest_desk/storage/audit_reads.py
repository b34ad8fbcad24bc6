"""Reading the audit trail's rows for people: filtered, newest first, bounded when asked.

A plant's year holds a row per saved mark (over a million), so the audit view asks for
the newest few thousand, or only the rows after the newest it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, cast, select
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
    detail = dict(wanted.detail)
    for key, value in detail.items():
        if isinstance(value, (int, str)) and not isinstance(value, bool):  # text reads alike
            query = query.where(cast(r.detail[key].as_string(), String) == str(value))
    query = query.order_by(r.seq.desc())
    if limit is not None and not detail:
        query = query.limit(limit)  # every row read passes: the database counts
    found: list[AuditRow] = []
    result = s.execute(query.execution_options(yield_per=_BATCH))
    try:
        for seq, at, actor, action, target, stored, note in result:
            if all(stored.get(k) == v for k, v in detail.items()):
                found.append(AuditRow(seq, at, actor, action, target, dict(stored), note))
                if limit is not None and len(found) >= limit:
                    break
    finally:
        result.close()
    return found
