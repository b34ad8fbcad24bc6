"""Anchors: the chain's head signed by the desk, kept outside the database and on paper.

Editing a row and re-hashing every link after it (and the head) passes the hash chain
check; deleting the last rows and rewriting the head does too. Neither passes an anchor.
"""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from contest_desk.domain.audit_chain import link_hash
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.services.safety import desk_key
from contest_desk.storage import models as m
from tests.builders import SmallEvent


def score(services: Services, small: SmallEvent, values: tuple[str, ...]) -> None:
    event, judge = small.event.id, small.judges[0].id
    for entry, value in zip(small.entries, values, strict=False):
        services.scoring.record_score(event, 1, judge, entry.id, "P1", value)


def rehash_from(services: Services, first: int) -> None:
    """What a forger with the database does: re-link every row from ``first`` and the head."""
    with services.ctx.db.transaction() as s:
        rows = list(s.scalars(select(m.AuditRecord).order_by(m.AuditRecord.seq)))
        prev = next((r.hash for r in rows if r.seq == first - 1), "0" * 64)
        for row in rows:
            if row.seq < first:
                continue
            row.prev_hash = prev
            fields = (row.at, row.actor, row.action, row.target, row.detail, row.note)
            row.hash = prev = link_hash(prev, row.seq, *fields)
        head = s.get(m.AuditHead, 1)
        assert head is not None
        head.seq, head.hash = rows[-1].seq, prev


def test_an_anchor_holds_while_nobody_rewrites(services, small_event) -> None:
    score(services, small_event, ("8", "7"))
    anchor = services.audit.anchor()
    assert anchor is not None and len(anchor.printed.split(":")[1]) == 16
    score(services, small_event, ("9",))
    check = services.audit.verify([anchor.printed])
    assert check.intact and check.anchors == ()


def test_a_row_edited_and_the_chain_rehashed_is_caught_by_the_anchor(services, small_event) -> None:
    score(services, small_event, ("8", "7.5", "9"))
    anchor = services.audit.anchor()
    assert anchor is not None
    with services.ctx.db.transaction() as s:
        row = s.scalar(select(m.AuditRecord).where(m.AuditRecord.seq == anchor.seq - 1))
        assert row is not None
        row.note = "改过"
    rehash_from(services, anchor.seq - 1)
    check = services.audit.verify([anchor.printed])
    assert check.broken is None  # the chain alone holds: it was re-hashed
    assert not check.intact
    # The database's anchor, this desk's journal and the paper each say so.
    assert len(check.anchors) == 3 and all(str(anchor.seq) in p for p in check.anchors)


def test_rows_removed_from_the_end_with_the_head_rewritten_are_caught(
    services, small_event
) -> None:
    score(services, small_event, ("8", "7.5", "9"))
    anchor = services.audit.anchor()
    assert anchor is not None
    with services.ctx.db.transaction() as s:
        s.execute(delete(m.AuditRecord).where(m.AuditRecord.seq == anchor.seq))
        s.execute(delete(m.AuditAnchor))  # the forger removes the database's anchors too
    rehash_from(services, anchor.seq - 1)
    check = services.audit.verify()
    assert check.broken is None
    assert len(check.anchors) == 1 and "本机日志" in check.anchors[0]  # the journal remains


def test_a_forged_anchor_in_the_database_is_named(services, small_event) -> None:
    score(services, small_event, ("8",))
    anchor = services.audit.anchor()
    assert anchor is not None
    with services.ctx.db.transaction() as s:
        row = s.scalar(select(m.AuditAnchor))
        assert row is not None
        row.seq = 1
    problems = services.audit.verify().anchors
    assert any("没有有效的本机签名" in p for p in problems)


def test_a_mistyped_anchor_is_refused_with_its_form(services, small_event) -> None:
    score(services, small_event, ("8",))
    with pytest.raises(UserError, match="1234:3f2a9c1b5d6e7f80"):
        services.audit.verify(["12:xyz"])


def test_the_key_stays_outside_the_database(services, small_event) -> None:
    score(services, small_event, ("8",))
    services.audit.anchor()
    private = desk_key.desk_key().private
    with services.ctx.db.reading() as s:
        stored = [a.public_key + a.signature for a in s.scalars(select(m.AuditAnchor))]
    assert stored and all(private not in text for text in stored)
    assert desk_key.key_path().stat().st_mode & 0o077 == 0  # readable by its owner only


def test_a_garbled_anchor_row_or_journal_line_is_named_or_passed_over(
    services, small_event
) -> None:
    score(services, small_event, ("8",))
    anchor = services.audit.anchor()
    assert anchor is not None
    with services.ctx.db.transaction() as s:
        row = s.scalar(select(m.AuditAnchor))
        assert row is not None
        row.signature = "not base64!"
    with desk_key.journal_path().open("a", encoding="utf-8") as journal:
        journal.write('{"chain": 1, "seq": "x"}\n{"cut short\n')
    problems = services.audit.verify().anchors
    assert len(problems) == 1 and "没有有效的本机签名" in problems[0]
