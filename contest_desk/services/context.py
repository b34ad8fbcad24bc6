"""The explicit context every service is built with: the database and who is acting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from contest_desk.domain.permissions import SYSTEM, Actor
from contest_desk.storage import audit_log
from contest_desk.storage.audit_log import utc_now
from contest_desk.storage.db import Database
from contest_desk.storage.ledger import take_notes

__all__ = ["ServiceContext", "utc_now"]


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    actor: Actor = SYSTEM
    # The LAN address of the phone or tablet a change came from (the scoring hub); it goes
    # into every audit row's detail. Empty at the desk and on the command line.
    device: str = ""

    def audit(
        self, session: Session, action: str, target: str, note: str = "", **detail: Any
    ) -> None:
        """Write an audit row in the same transaction as the change it describes.

        ``note`` is the reason given, where the action needs one. The row is linked into
        the hash chain when the transaction commits (storage/audit_log.py), in the order
        of the calls.
        """
        if self.device:
            detail = {**detail, "device": self.device}
        state = take_notes(session)
        if state:  # the audited values this transaction changed, for audit verify
            detail = {**detail, "state": state}
        audit_log.append(
            session, audit_log.Pending(self.actor.username, action, target, detail, note)
        )
