"""How far the database has moved: the audit head's sequence, for screens that follow it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.storage import models as m


def audit_seq(s: Session) -> int:
    """The last audit row's sequence (0 before any): every change a service makes writes an
    audit row in its transaction, so this moves on each one, made from any desk or device."""
    return s.scalar(select(m.AuditHead.seq).where(m.AuditHead.id == 1)) or 0
