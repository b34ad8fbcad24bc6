"""Other desks' changes, for a window that follows them: a feed that says the database
moved, and what moved since a point, told as event ids and kinds of set-up.

Read from the audit trail, which every change writes in its own transaction: a row's
action says what kind of thing changed (domain/change_kinds.py), its target which one.
A desk is told only of what it may see (a judge of their own events' scores), and not of
what it did itself — the window announced that when it did it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.change_kinds import DATABASE, kind_of, may_hear, may_hear_all_scores
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.changes import ChangeNews, Sheet
from contest_desk.domain.rubric import CriterionKind
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import open_to_all
from contest_desk.storage import models as m
from contest_desk.storage.change_feed import ChangeFeed
from contest_desk.storage.changes import audit_seq, made_here

# More rows than this since the last look (an import of thousands of marks through the
# hub, a desk asleep for hours): the news is "everything", read in one short query.
MOST_ROWS = 5_000

__all__ = ["MOST_ROWS", "ChangeFeed", "ChangeService"]


class ChangeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @open_to_all
    def head(self) -> int:
        """Where the database stands: the audit head's sequence, moved by every change."""
        with self.ctx.db.reading() as s:
            return audit_seq(s)

    @open_to_all
    def listen(self, heard: Callable[[int], None]) -> ChangeFeed:
        """Calls ``heard(seq)`` on a thread of its own with where the database stands, at
        once and after each change from anywhere, until the feed is closed. It says only
        a number, so anyone may listen (the hall's screen, with nobody logged in)."""
        return ChangeFeed(self.ctx.db.engine, heard)

    @open_to_all
    def since(self, seq: int) -> ChangeNews:
        """What others changed after ``seq``, of what the acting user may see."""
        actor = self.ctx.actor
        with self.ctx.db.reading() as s:
            head = audit_seq(s)
            query = (
                select(m.AuditRecord.seq, m.AuditRecord.actor, m.AuditRecord.action,
                       m.AuditRecord.target, m.AuditRecord.detail)
                .where(m.AuditRecord.seq > seq, m.AuditRecord.seq <= head)
                .order_by(m.AuditRecord.seq)
                .limit(MOST_ROWS + 1)
            )  # fmt: skip
            rows = s.execute(query).all()
            if len(rows) > MOST_ROWS:
                return ChangeNews(head, everything=True)
            mine = made_here(self.ctx.db.engine)
            scored: list[tuple[str, dict[str, Any]]] = []
            setup: set[str] = set()
            for row in rows:
                if row.seq in mine and row.actor == actor.username and not _from_device(row):
                    continue  # this desk's own change: announced when it was made
                scores, kind = kind_of(row.action)
                if scores:
                    scored.append((row.target, row.detail or {}))
                if kind == DATABASE:
                    return ChangeNews(head, everything=True)
                if kind is not None and may_hear(actor, kind):
                    setup.add(kind)
            sheets = _sheets(s, scored)
            if not may_hear_all_scores(actor):
                own = _own_panels(s, actor.username) if actor.may(Action.SCORE) else set()
                sheets = {sheet for sheet in sheets if sheet[0] in own}
        events = frozenset(sheet[0] for sheet in sheets)
        return ChangeNews(head, events, frozenset(setup), sheets=frozenset(sheets))


def _from_device(row: Any) -> bool:
    """Made through the LAN hub by this process, for a phone: the window did not see it."""
    return bool((row.detail or {}).get("device"))


def _sheets(s: Session, scored: list[tuple[str, dict[str, Any]]]) -> set[Sheet]:
    """The score sheets of score changes: the event is the target's (``event:N``), or
    the one the row names, or its entry's; the round and the judge(s) as the row names
    them. A measurement or a deduction is keyed once for all: it is on every judge's
    sheet of its round."""
    entries = {
        int(key)
        for target, detail in scored
        for kind, _colon, key in [target.partition(":")]
        if kind == "entry" and key.isdigit() and not isinstance(detail.get("event"), int)
    }
    event_of: dict[int, int] = {}
    if entries:
        query = select(m.Entry.id, m.Entry.event_id).where(m.Entry.id.in_(entries))
        event_of = {entry: event for entry, event in s.execute(query)}
    found: list[tuple[int, dict[str, Any]]] = []
    for target, detail in scored:
        kind, _colon, key = target.partition(":")
        event = detail.get("event")
        if kind == "event" and key.isdigit():
            event = int(key)
        elif not isinstance(event, int):
            event = event_of.get(int(key)) if kind == "entry" and key.isdigit() else None
        if event is not None:
            found.append((event, detail))
    shared = _objective(s, {(e, d["criterion"]) for e, d in found if "criterion" in d})
    sheets: set[Sheet] = set()
    for event, detail in found:
        number = detail.get("round") if isinstance(detail.get("round"), int) else None
        judges = detail.get("judges") or [detail.get("judge")]
        if (event, detail.get("criterion")) in shared:
            judges = [None]
        sheets.update((event, number, j if isinstance(j, int) else None) for j in judges)
    return sheets


def _objective(s: Session, marks: set[tuple[int, str]]) -> set[tuple[int, str]]:
    """Of (event, criterion code), the measurements and deductions."""
    if not marks:
        return set()
    query = (
        select(m.Part.event_id, m.Criterion.code)
        .join(m.Part, m.Part.id == m.Criterion.part_id)
        .where(
            m.Part.event_id.in_({e for e, _ in marks}),
            m.Criterion.code.in_({c for _, c in marks}),
            m.Criterion.kind.in_((CriterionKind.MEASUREMENT, CriterionKind.DEDUCTION)),
        )
    )
    return {(event, code) for event, code in s.execute(query)} & marks


def _own_panels(s: Session, username: str) -> set[int]:
    query = (
        select(m.JudgeAssignment.event_id)
        .join(m.Judge, m.Judge.id == m.JudgeAssignment.judge_id)
        .where(m.Judge.username == username)
    )
    return set(s.scalars(query))
