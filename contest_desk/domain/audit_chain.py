"""The audit trail's hash chain: how a row's hash is made, and where a chain breaks.

Each row's hash is SHA-256 over its fields and the previous row's hash, in a canonical
JSON form, so that changing, inserting or removing a row anywhere breaks every link
after it. The function is part of the file format: changing it breaks stored chains.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from contest_desk.domain.records.audit import AuditRow, Break
from contest_desk.i18n import N_

GENESIS = "0" * 64  # the "previous hash" of the first row
BREAK_REASONS = {
    "changed": N_("the row was changed after it was written"),
    "missing": N_("the row is missing"),
    "relinked": N_("the row before it was changed and re-hashed"),
    "tail": N_("rows were removed from the end"),
}


def link_hash(
    prev_hash: str,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    target: str,
    detail: Mapping[str, Any],
    note: str,
) -> str:
    payload = {
        "prev": prev_hash,
        "seq": seq,
        "at": at.isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "target": target,
        "detail": detail,
        "note": note,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Link(AuditRow):
    """One stored row as read back, for checking: the row and its place in the chain."""

    prev_hash: str
    hash: str


def first_break(links: Iterable[Link], head_seq: int, head_hash: str) -> Break | None:
    """Walk the rows in ``seq`` order; None when every link and the head agree."""
    prev, expected_seq = GENESIS, 1
    for link in links:
        if link.seq != expected_seq:
            return Break(expected_seq, "missing")
        if link.prev_hash != prev:
            return Break(link.seq, "relinked")
        fields = (link.at, link.actor, link.action, link.target, link.detail, link.note)
        if link_hash(prev, link.seq, *fields) != link.hash:
            return Break(link.seq, "changed")
        prev, expected_seq = link.hash, expected_seq + 1
    if expected_seq - 1 != head_seq or prev != head_hash:
        return Break(expected_seq, "tail")  # rows removed from the end
    return None


ANCHOR_PREFIX = "CDA1"


@dataclass(frozen=True)
class Anchor:
    """The chain's head at a moment: its row count and hash, signed by a desk's own key
    (kept outside the database), and printed on result notices and certificate batches."""

    seq: int
    hash: str
    at: dt.datetime
    public_key: str = ""  # PEM of the desk key that signed it
    signature: str = ""  # base64url

    def message(self) -> bytes:
        at = self.at.isoformat(timespec="microseconds")
        return f"{ANCHOR_PREFIX}|{self.seq}|{self.hash}|{at}".encode()

    @property
    def printed(self) -> str:
        """What goes on paper: the row count and the first 16 hex digits of its hash (a
        rewrite that matches 64 bits of a SHA-256 by chance is out of reach)."""
        return f"{self.seq}:{self.hash[:16]}"


def parse_printed(text: str) -> tuple[int, str] | None:
    """``"1234:3f2a9c1b5d6e7f80"`` as printed → (1234, "3f2a9c1b5d6e7f80"); None if not one."""
    seq, _colon, prefix = text.strip().partition(":")
    if not seq.isascii() or not seq.isdigit() or not 8 <= len(prefix) <= 64:
        return None
    if any(c not in "0123456789abcdef" for c in prefix.lower()):
        return None
    return int(seq), prefix.lower()
