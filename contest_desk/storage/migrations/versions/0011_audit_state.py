"""audit state: the marks, sheets and locks a database holds at the upgrade, on the record

Revision ID: 0011_audit_state
Revises: 0010_signing_keys
Create Date: 2026-12-04

From this version every audit row that changes marks, sheets' states, round locks, labor
values, boards' logs or certificates records the new values (its ``state`` detail), and ``audit verify`` replays them against
the tables. What an older database already holds was recorded without values, so one
row taken at the upgrade states it: the replay starts from there. A database without
any such data gets no row.
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from contest_desk.domain.audit_chain import GENESIS, link_hash
from contest_desk.storage.ledger import (
    board_log_content,
    certificate_content,
    labor_value_content,
)
from contest_desk.storage.types import Milli, from_milli

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
        "rows": _rows(conn),
    }
    return {k: v for k, v in state.items() if v}


def _rows(conn: sa.Connection) -> list[list[object]]:
    """Labor values, boards' logs and certificates, as storage/ledger.py records them."""
    values = sa.table(
        "labor_values",
        sa.column("id"),
        sa.column("period_id"),
        sa.column("team_id"),
        sa.column("indicator_id"),
        sa.column("value", Milli()),
    )
    log = sa.table(
        "board_log",
        sa.column("id"),
        sa.column("board_id"),
        sa.column("seq"),
        sa.column("kind"),
        sa.column("data", sa.JSON),
        sa.column("note"),
    )
    issued = sa.table(
        "certificates",
        sa.column("id"),
        sa.column("serial"),
        sa.column("fields", sa.JSON),
        sa.column("superseded_by"),
    )
    rows: list[list[object]] = []
    for p, t, i, v in conn.execute(
        sa.select(values.c.period_id, values.c.team_id, values.c.indicator_id, values.c.value)
        .order_by(values.c.id)
    ):
        rows.append(["labor_values", [p, t, i], labor_value_content(v)])
    for b, n, kind, data, note in conn.execute(
        sa.select(log.c.board_id, log.c.seq, log.c.kind, log.c.data, log.c.note).order_by(log.c.id)
    ):
        rows.append(["board_log", [b, n], board_log_content(kind, data, note)])
    for serial, fields, superseded_by in conn.execute(
        sa.select(issued.c.serial, issued.c.fields, issued.c.superseded_by).order_by(issued.c.id)
    ):
        rows.append(["certificates", [serial], certificate_content(fields, superseded_by)])
    return rows


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
