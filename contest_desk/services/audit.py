"""Reading the audit trail: filtered lists for the audit view, and checking the hash chain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from contest_desk.domain.audit_chain import GENESIS, Break, Link, first_break
from contest_desk.domain.permissions import Action
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m

_BATCH = 5000


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    target: str
    detail: dict[str, Any]
    note: str

    @property
    def old(self) -> Any:
        return self.detail.get("old")

    @property
    def new(self) -> Any:
        return self.detail.get("new")


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    broken: Break | None


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
    ) -> list[AuditRow]:
        """Rows, newest first, narrowed by target ("event:3", "entry:17"…), actor, time
        and detail fields (e.g. {"judge": 4})."""
        query = select(m.AuditRecord).order_by(m.AuditRecord.seq.desc())
        if targets:
            query = query.where(m.AuditRecord.target.in_(targets))
        if actor:
            query = query.where(m.AuditRecord.actor == actor)
        if since is not None:
            query = query.where(m.AuditRecord.at >= since)
        if until is not None:
            query = query.where(m.AuditRecord.at <= until)
        wanted = detail or {}
        with self.ctx.db.reading() as s:
            return [
                AuditRow(r.seq, r.at, r.actor, r.action, r.target, dict(r.detail), r.note)
                for r in s.scalars(query)
                if all(r.detail.get(k) == v for k, v in wanted.items())
            ]

    @requires(Action.VIEW_RESULTS)
    def verify(self) -> ChainCheck:
        """Recompute every link; names the first row that was changed, removed or re-linked."""
        with self.ctx.db.reading() as s:
            head = s.get(m.AuditHead, 1)
            head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
            count = s.scalar(select(func.count()).select_from(m.AuditRecord)) or 0
            query = select(
                m.AuditRecord.seq,
                m.AuditRecord.at,
                m.AuditRecord.actor,
                m.AuditRecord.action,
                m.AuditRecord.target,
                m.AuditRecord.detail,
                m.AuditRecord.note,
                m.AuditRecord.prev_hash,
                m.AuditRecord.hash,
            ).order_by(m.AuditRecord.seq)
            # Read in batches (a server-side cursor on PostgreSQL), closed even when the
            # walk stops at a break.
            result = s.execute(query.execution_options(yield_per=_BATCH))
            try:
                broken = first_break((Link(*row) for row in result), head_seq, head_hash)
            finally:
                result.close()
            return ChainCheck(count, broken)
