"""Walking the stored audit chain: shared by ``audit verify`` and the backup check."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contest_desk.domain.audit_chain import GENESIS, Link, first_break
from contest_desk.domain.records.audit import Break
from contest_desk.storage import models as m

_BATCH = 5000


def chain_check(session: Session) -> tuple[int, Break | None]:
    """The number of rows, and the first row where the chain does not hold (None: intact)."""
    head = session.get(m.AuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    count = session.scalar(select(func.count()).select_from(m.AuditRecord)) or 0
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
    # Read in batches (a server-side cursor on PostgreSQL), closed even when the walk
    # stops at a break.
    result = session.execute(query.execution_options(yield_per=_BATCH))
    try:
        return count, first_break((Link(*row) for row in result), head_seq, head_hash)
    finally:
        result.close()
