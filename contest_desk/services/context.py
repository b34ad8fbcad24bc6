"""The explicit context every service is built with: the database and who is acting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from contest_desk.domain.audit_chain import GENESIS, link_hash
from contest_desk.domain.permissions import SYSTEM, Actor
from contest_desk.storage.db import Database
from contest_desk.storage.ledger import take_notes
from contest_desk.storage.models import AuditHead, AuditRecord


def utc_now() -> dt.datetime:
    """Naive UTC, as stored: the same reading on SQLite and PostgreSQL."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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
        """Append a link to the audit chain in the same transaction as the change it describes.

        ``note`` is the reason given, where the action needs one. The head row is locked
        while the link is made (FOR UPDATE on PostgreSQL; SQLite has one writer anyway).
        """
        if self.device:
            detail = {**detail, "device": self.device}
        state = take_notes(session)
        if state:  # the audited values this transaction changed, for audit verify
            detail = {**detail, "state": state}
        head = session.get(AuditHead, 1, with_for_update=True)
        if head is None:
            head = AuditHead(id=1, seq=0, hash=GENESIS)
            session.add(head)
        seq, at = head.seq + 1, utc_now()
        digest = link_hash(head.hash, seq, at, self.actor.username, action, target, detail, note)
        session.add(
            AuditRecord(
                seq=seq,
                at=at,
                actor=self.actor.username,
                action=action,
                target=target,
                detail=detail,
                note=note,
                prev_hash=head.hash,
                hash=digest,
            )
        )
        head.seq, head.hash = seq, digest
