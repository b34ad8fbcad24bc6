"""audit state: the marks, sheets and locks a database holds at the upgrade, on the record

Revision ID: 0011_audit_state
Revises: 0010_signing_keys
Create Date: 2026-12-04

From this version every audit row that changes marks, sheets' states or round locks
records the new values (its ``state`` detail), and ``audit verify`` replays them against
the tables. What an older database already holds was recorded without values, so one
row taken at the upgrade states it: the replay starts from there. A database without
any such data gets no row.
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from contest_desk.domain.audit_chain import GENESIS, link_hash
from contest_desk.storage.types import from_milli

revision = "0011_audit_state"
down_revision = "0010_signing_keys"
branch_labels = None
depends_on = None


def _state(conn: sa.Connection) -> dict[str, list[list[object]]]:
    marks = conn.execute(
        sa.text(
            "SELECT round_id, entry_id, criterion_id, judge_id, value FROM scores ORDER BY id"
        )
    ).all()
    sheets = conn.execute(
        sa.text("SELECT round_id, judge_id, state FROM sheets WHERE state <> 'draft' ORDER BY id")
    ).all()
    locks = conn.execute(
        sa.text("SELECT id FROM rounds WHERE locked_at IS NOT NULL ORDER BY id")
    ).all()
    state: dict[str, list[list[object]]] = {
        "marks": [[r, e, c, j, str(from_milli(v))] for r, e, c, j, v in marks],
        "sheets": [[r, j, s] for r, j, s in sheets],
        "locks": [[r, True] for (r,) in locks],
    }
    return {k: v for k, v in state.items() if v}


def upgrade() -> None:
    conn = op.get_bind()
    state = _state(conn)
    if not state:
        return
    head = sa.table(
        "audit_head", sa.column("id", sa.Integer), sa.column("seq"), sa.column("hash")
    )
    found = conn.execute(sa.select(head.c.seq, head.c.hash).where(head.c.id == 1)).first()
    seq, prev = (found[0], found[1]) if found else (0, GENESIS)
    seq += 1
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    detail = {"state": state}
    action, target, note = "audit.baseline", "database", ""
    digest = link_hash(prev, seq, at, "system", action, target, detail, note)
    log = sa.table(
        "audit_log",
        sa.column("seq", sa.Integer),
        sa.column("at", sa.DateTime),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("target", sa.String),
        sa.column("detail", sa.JSON),
        sa.column("note", sa.Text),
        sa.column("prev_hash", sa.String),
        sa.column("hash", sa.String),
    )
    conn.execute(
        sa.insert(log).values(
            seq=seq,
            at=at,
            actor="system",
            action=action,
            target=target,
            detail=detail,
            note=note,
            prev_hash=prev,
            hash=digest,
        )
    )
    if found:
        conn.execute(sa.update(head).where(head.c.id == 1).values(seq=seq, hash=digest))
    else:
        conn.execute(sa.insert(head).values(id=1, seq=seq, hash=digest))


def downgrade() -> None:
    """The baseline row stays: the chain cannot lose a link."""
