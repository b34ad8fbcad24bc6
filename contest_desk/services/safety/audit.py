"""Reading the audit trail: filtered lists for the audit view, and checking the hash chain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contest_desk.domain.audit_chain import Anchor
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.audit import AuditRow, ChainCheck, Difference
from contest_desk.errors import Progress, step
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.services.safety.anchors import anchor_problems, make_anchor
from contest_desk.storage import models as m
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.audit_reads import (
    TrailFilter,
    trail_count,
    trail_pages,
    trail_rows,
)
from contest_desk.storage.audit_state import StateDifference, state_differences

# The name people know each kind of audit target by, from the table that holds it.
_NAMED: dict[str, Any] = {
    "contest": (m.Contest, m.Contest.name),
    "event": (m.Event, m.Event.name),
    "part": (m.Part, m.Part.name),
    "round": (m.Round, m.Round.name),
    "person": (m.Person, m.Person.name),
    "team": (m.Team, m.Team.name),
    "unit": (m.Unit, m.Unit.name),
    "judge": (m.Judge, m.Judge.name),
    "board": (m.Ladder, m.Ladder.name),
    "studio": (m.Studio, m.Studio.name),
    "achievement": (m.Achievement, m.Achievement.title),
    "meeting": (m.Meeting, m.Meeting.topic),
}
# Rows of the trail a page at a time, each with what its targets and users are called.
Pages = Generator[tuple[list[AuditRow], dict[str, str]], None, None]
_CHUNK = 500  # ids per query: well under every database's limit of parameters


def _entry_names(s: Session, ids: list[int]) -> dict[int, str]:
    """An entry by its person's or team's name and its event: 王建国（采油工）."""
    found = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        query = (
            select(m.Entry)
            .where(m.Entry.id.in_(chunk))
            .options(selectinload(m.Entry.person), selectinload(m.Entry.team))
        )
        for entry in s.scalars(query):
            named = entry.person or entry.team
            event = s.get(m.Event, entry.event_id)
            who = named.name if named else str(entry.id)
            found[entry.id] = f"{who}（{event.name}）" if event else who
    return found


def target_names(s: Session, keys: Iterable[str]) -> dict[str, str]:
    """The names of the audit targets (``judge:10``, ``user:judge1``…) whose records still
    exist; a target missing from the answer was deleted (or names nothing)."""
    wanted: dict[str, set[str]] = {}
    for key in keys:
        kind, _colon, ident = key.partition(":")
        wanted.setdefault(kind, set()).add(ident)
    names: dict[str, str] = {}
    users = sorted(wanted.pop("user", set()))
    for start in range(0, len(users), _CHUNK):
        chunk = users[start : start + _CHUNK]
        query = select(m.User.username, m.User.name).where(m.User.username.in_(chunk))
        names.update({f"user:{u}": n for u, n in s.execute(query)})
    for kind, idents in wanted.items():
        ids = sorted(int(i) for i in idents if i.isdigit())
        if kind == "entry":
            names.update({f"entry:{i}": n for i, n in _entry_names(s, ids).items()})
            continue
        if kind not in _NAMED:
            continue
        model, column = _NAMED[kind]
        for start in range(0, len(ids), _CHUNK):
            query = select(model.id, column).where(model.id.in_(ids[start : start + _CHUNK]))
            names.update({f"{kind}:{i}": n for i, n in s.execute(query)})
    return names


def _short(text: str | None) -> str:
    if text is None:
        return _("(nothing)")
    return text if len(text) <= 80 else text[:77] + "…"


def _described_row(s: Session, difference: StateDifference) -> Difference:
    """A labor value, a board's log row or a certificate, by its names."""
    key = difference.key
    if difference.kind == "labor_values":
        period = s.get(m.LaborPeriod, key[0])
        team = s.get(m.Team, key[1])
        indicator = s.get(m.LaborIndicator, key[2])
        what = _(
            "{period} · {team} · {indicator}: the labor value",
            period=period.name if period else key[0],
            team=team.name if team else key[1],
            indicator=indicator.name if indicator else key[2],
        )
    elif difference.kind == "board_log":
        board = s.get(m.Ladder, key[0])
        what = _("{board}: log row {seq}", board=board.name if board else key[0], seq=key[1])
    else:
        what = _("certificate {serial}", serial=key[0])
    return Difference(what, _short(difference.stored), _short(difference.recorded))


def _described(s: Session, difference: StateDifference) -> Difference:
    """Names instead of ids: the event and round, the entry, the criterion, the judge."""
    if difference.kind not in ("mark", "sheet", "lock"):
        return _described_row(s, difference)
    rnd = s.get(m.Round, difference.key[0])
    event = s.get(m.Event, rnd.event_id) if rnd else None
    place = f"{event.name} {rnd.name}" if rnd and event else _("round {id}", id=difference.key[0])

    words = {
        None: _("(nothing)"),
        "True": _("locked"),
        "False": _("not locked"),
        "draft": _("not submitted"),
        "submitted": _("submitted"),
    }

    def shown(value: str | None) -> str:
        return words.get(value, str(value))

    if difference.kind == "mark":
        _r, entry_id, criterion_id, judge_id = difference.key
        entry = s.get(m.Entry, entry_id)
        criterion = s.get(m.Criterion, criterion_id)
        judge = s.get(m.Judge, judge_id)
        named = entry and (entry.person or entry.team)
        who = named.name if named else _("entry {id}", id=entry_id)
        what = _(
            "{place} · {entry} · {criterion} · {judge}'s mark",
            place=place,
            entry=who,
            criterion=criterion.code if criterion else criterion_id,
            judge=judge.name if judge else judge_id,
        )
    elif difference.kind == "sheet":
        judge = s.get(m.Judge, difference.key[1])
        what = _(
            "{place} · {judge}'s sheet",
            place=place,
            judge=judge.name if judge else difference.key[1],
        )
    else:
        what = _("{place} · the lock", place=place)
    return Difference(what, shown(difference.stored), shown(difference.recorded))


def _named_in(rows: Iterable[AuditRow]) -> set[str]:
    """The targets and users the rows name, as ``target_names`` takes them."""
    keys = set()
    for row in rows:
        keys.add(row.target)
        keys.add(f"user:{row.actor}")
    return keys


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_AUDIT)
    def records(
        self,
        targets: tuple[str, ...] = (),
        actor: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        detail: dict[str, Any] | None = None,
        after: int | None = None,
        limit: int | None = None,
    ) -> list[AuditRow]:
        """Rows, newest first, narrowed by target ("event:3", "entry:17"…), actor, time
        and detail fields (e.g. {"judge": 4}); ``after``: only rows with a later ``seq``;
        ``limit``: at most that many (the newest of those that match)."""
        wanted = TrailFilter(targets, actor, since, until, detail or {}, after)
        with self.ctx.db.reading() as s:
            return trail_rows(s, wanted, limit)

    @requires(Action.VIEW_AUDIT)
    def record_pages(
        self,
        targets: tuple[str, ...] = (),
        actor: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        detail: dict[str, Any] | None = None,
    ) -> Pages:
        """Every row ``records`` would return without a limit, newest first, a page of
        rows at a time with what that page's targets and users are called now (``names``)
        — for the Excel export, which writes each page before the next is read, so that a
        year's trail (a million rows) is never held whole. The pages come from one reading
        session, open until the iterator ends or is closed (close it when stopping early,
        e.g. on Cancel); go through it off the window's thread."""
        wanted = TrailFilter(targets, actor, since, until, detail or {})
        return self._pages(wanted)

    @requires(Action.VIEW_AUDIT)
    def record_count(
        self,
        targets: tuple[str, ...] = (),
        actor: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        """About how many rows ``record_pages`` hands out (the database's count; rows that
        match the detail only as text are in it): the export's progress total."""
        with self.ctx.db.reading() as s:
            return trail_count(s, TrailFilter(targets, actor, since, until, detail or {}))

    def _pages(self, wanted: TrailFilter) -> Pages:
        with self.ctx.db.reading() as s:
            for page in trail_pages(s, wanted):
                yield page, target_names(s, _named_in(page))

    @requires(Action.VIEW_AUDIT)
    def names(self, rows: Iterable[AuditRow]) -> dict[str, str]:
        """What the rows' targets and users are called now (display only: the rows keep
        their ids), for ``domain.audit_words``; a deleted record has no name here."""
        with self.ctx.db.reading() as s:
            return target_names(s, _named_in(rows))

    @requires(Action.VIEW_RESULTS)
    def verify(self, printed: Sequence[str] = (), progress: Progress | None = None) -> ChainCheck:
        """Recompute every link (naming the first row that was changed, removed or
        re-linked); hold the chain to every anchor (in the database, this desk's journal,
        and ``printed`` ones typed in from paper); and replay the marks, sheets and locks
        the trail records against the tables (naming values changed behind the app's back).
        ``progress`` hears of each of the three checks; a Cancel stops between them."""
        with self.ctx.db.reading() as s:
            step(progress, 0, 3)
            count, broken = chain_check(s)
            step(progress, 1, 3)
            problems = anchor_problems(s, printed)
            step(progress, 2, 3)
            compared, differences = state_differences(s)
            said = tuple(_described(s, d) for d in differences)
            step(progress, 3, 3)
        return ChainCheck(count, broken, compared, said, tuple(problems))

    @requires(Action.VIEW_RESULTS)
    def anchor(self) -> Anchor | None:
        """Anchor the chain's head now, for a notice or a certificate batch to print
        (None while the trail is empty)."""
        with self.ctx.db.transaction() as s:
            return make_anchor(s)
