"""Anchoring the audit chain outside the database, and checking the anchors.

An anchor is the chain's head (row count and hash) signed with the desk's own key
(services/desk_key.py), stored in the database, written to the desk's journal and printed
on result notices and certificate batches. ``audit verify`` then holds the chain to every
anchor it can find — in the database, in this desk's journal, and any typed in from paper:
rewriting rows before an anchor and re-hashing the chain no longer passes.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.audit_chain import Anchor, parse_printed
from contest_desk.domain.signing import b64, sign_bytes, signature_holds, unb64
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.services.context import utc_now
from contest_desk.services.safety import desk_key
from contest_desk.storage import models as m


def _first_link(s: Session) -> str:
    """The hash of the chain's first row: what names one chain across copies of a file."""
    return s.scalar(select(m.AuditRecord.hash).where(m.AuditRecord.seq == 1)) or ""


def _signed(anchor: Anchor) -> bool:
    try:
        signature = unb64(anchor.signature)
    except ValueError:  # not even base64: written by hand
        return False
    return signature_holds(anchor.public_key, anchor.message(), signature)


def make_anchor(s: Session) -> Anchor | None:
    """Anchor the chain's head now (None while the chain is empty)."""
    head = s.get(m.AuditHead, 1)
    if head is None or head.seq == 0:
        return None
    keys = desk_key.desk_key()
    unsigned = Anchor(head.seq, head.hash, utc_now(), keys.public)
    signature = b64(sign_bytes(keys.private, unsigned.message()))
    anchor = Anchor(unsigned.seq, unsigned.hash, unsigned.at, keys.public, signature)
    s.add(
        m.AuditAnchor(
            seq=anchor.seq,
            hash=anchor.hash,
            at=anchor.at,
            public_key=anchor.public_key,
            signature=anchor.signature,
        )
    )
    desk_key.journal(anchor, _first_link(s))
    return anchor


def anchor_problems(s: Session, printed: Sequence[str] = ()) -> list[str]:
    """What does not hold of the anchors in the database, the desk's journal and
    ``printed`` ("SEQ:HASHPREFIX" as on paper), in words."""
    wanted: list[tuple[int, str, str]] = []  # row, hash (or its printed start), whose
    problems: list[str] = []
    for row in s.scalars(select(m.AuditAnchor).order_by(m.AuditAnchor.id)):
        anchor = Anchor(row.seq, row.hash, row.at, row.public_key, row.signature)
        when = anchor.at.strftime("%Y-%m-%d %H:%M")
        if not _signed(anchor):
            problems.append(_("The anchor of {when} is not signed by a desk", when=when))
        else:
            wanted.append((anchor.seq, anchor.hash, when))
    for seq, digest, at in desk_key.journaled(_first_link(s)):
        when = at.strftime("%Y-%m-%d %H:%M")
        wanted.append((seq, digest, _("this desk's journal, {when}", when=when)))
    for text in printed:
        parsed = parse_printed(text)
        if parsed is None:
            raise UserError(
                "'{text}' is not an anchor as printed (row:hash, e.g. 1234:3f2a9c1b5d6e7f80)",
                text=text,
            )
        wanted.append((parsed[0], parsed[1], _("paper, {anchor}", anchor=text)))
    rows = {seq for seq, _hash, _where in wanted}
    query = select(m.AuditRecord.seq, m.AuditRecord.hash).where(m.AuditRecord.seq.in_(rows))
    hashes: dict[int, str] = {seq: digest for seq, digest in s.execute(query)}
    for seq, prefix, where in wanted:
        if not hashes.get(seq, "").startswith(prefix):
            problems.append(
                _(
                    "The trail no longer has row {seq} as the anchor of {where} names it: "
                    "rows up to it were rewritten or removed",
                    seq=seq,
                    where=where,
                )
            )
    return problems
