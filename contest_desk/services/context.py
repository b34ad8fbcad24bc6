"""The explicit context every service is built with: the database and who is acting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from contest_desk.storage.db import Database
from contest_desk.storage.models import AuditRecord

SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    actor: str = SYSTEM_ACTOR

    def audit(
        self, session: Session, action: str, target: str, note: str = "", **detail: Any
    ) -> None:
        """Record an action in the same transaction as the change it describes."""
        session.add(
            AuditRecord(actor=self.actor, action=action, target=target, detail=detail, note=note)
        )
