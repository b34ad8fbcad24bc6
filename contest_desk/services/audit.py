"""Reading the audit trail: filtered lists for the audit view, and checking the hash chain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from contest_desk.domain.audit_chain import Break
from contest_desk.domain.permissions import Action
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.audit_check import chain_check


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
            count, broken = chain_check(s)
        return ChainCheck(count, broken)
