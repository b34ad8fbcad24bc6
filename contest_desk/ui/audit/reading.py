"""What the audit area reads: the filters as they stood, and the rows of the trail they
ask for — the newest few thousand, or only those after the newest already shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contest_desk.domain.audit_words import utc_of_local
from contest_desk.domain.records.audit import AuditRow

if TYPE_CHECKING:
    from contest_desk.services.safety.audit import Pages


@dataclass(frozen=True)
class Filters:
    """The area's filters when read; equal filters ask for the same rows."""

    entry_id: int | None = None
    event_id: int | None = None  # the whole event: its own rows and its entries'
    judge_id: int | None = None
    since: dt.datetime | None = None  # the desk's days; the rows keep UTC
    until: dt.datetime | None = None


@dataclass(frozen=True)
class Read:
    """Rows of the trail, newest first, with what their targets and users are called."""

    filters: Filters
    rows: list[AuditRow]
    names: dict[str, str]
    more: bool  # more rows matched than ``limit``: the newest were kept
    after: int | None  # only rows after this seq were asked for; None: the newest
    # Every row up to here that matches is in ``rows`` (or was before): the head told
    # before the read began (committed, so seen), or the newest row read.
    mark: int | None


def _asked(services: Any, filters: Filters) -> tuple[Any, ...]:
    """What ``audit.records`` is asked for the filters: targets, actor, since, until, detail."""
    targets: tuple[str, ...] = ()
    if filters.entry_id is not None:
        targets = (f"entry:{filters.entry_id}",)
    elif filters.event_id is not None:
        entries = services.roster.entries(filters.event_id)
        targets = (f"event:{filters.event_id}", *(f"entry:{e.id}" for e in entries))
    detail = {"judge": filters.judge_id} if filters.judge_id is not None else None
    first = None if filters.since is None else utc_of_local(filters.since)
    last = None if filters.until is None else utc_of_local(filters.until)
    return targets, None, first, last, detail


def export_pages(services: Any, filters: Filters) -> tuple[int, Pages]:
    """About how many rows ``filters`` ask for (the progress's total), and every one of
    them, newest first, a page at a time with its names (``audit.record_pages``): for the
    Excel file, which holds them all. Off the window's thread; close the pages when
    stopping early."""
    asked = _asked(services, filters)
    return services.audit.record_count(*asked), services.audit.record_pages(*asked)


def paged_rows(
    pages: Iterable[tuple[list[AuditRow], dict[str, str]]], names: dict[str, str]
) -> Iterator[AuditRow]:
    """The pages' rows one by one, each page's names put into ``names`` before its rows
    come (what the Excel writer looks each row's names up in)."""
    for rows, said in pages:
        names.update(said)
        yield from rows


def read_trail(
    services: Any,
    filters: Filters,
    after: int | None = None,
    limit: int | None = None,
    told: int | None = None,
) -> Read:
    """The rows ``filters`` ask for (after ``after``; at most the newest ``limit``) and
    their names, through ``services.audit`` (and ``services.roster`` for a whole event's
    entries); ``told``: the audit head last told before this read. Runs off the window's
    thread."""
    asked = None if limit is None else limit + 1  # one more tells that more match
    audit = services.audit
    rows = audit.records(*_asked(services, filters), after=after, limit=asked)
    more = limit is not None and len(rows) > limit
    if more:
        rows = rows[:limit]
    newest = rows[0].seq if rows else None
    mark = max((s for s in (told, after, newest) if s is not None), default=None)
    return Read(filters, rows, audit.names(rows), more, after, mark)
