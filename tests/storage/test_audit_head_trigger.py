"""The audit chain's head follows each audit row inserted, moved by the database's own
trigger (migration 0016_save_path), never backwards: the app no longer moves it with a
statement of its own after the rows (one statement fewer in every change)."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from contest_desk.storage import models as m
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.audit_log import Pending, append
from contest_desk.storage.db import open_database


def _head(db_url: str) -> tuple[int, str]:
    db = open_database(db_url)
    try:
        with db.reading() as s:
            head = s.get(m.AuditHead, 1)
            assert head is not None
            return head.seq, head.hash
    finally:
        db.dispose()


def test_the_head_is_the_last_row_after_one_and_several_rows(database_url: str) -> None:
    db = open_database(database_url)
    try:
        for rows in (1, 3):  # one row: an execute; several: an executemany
            with db.transaction() as s:
                for n in range(rows):
                    append(s, Pending("admin", "test.row", f"row:{n}", {"n": n}, ""))
            with db.reading() as s:
                last = s.execute(
                    select(m.AuditRecord.seq, m.AuditRecord.hash)
                    .order_by(m.AuditRecord.seq.desc())
                    .limit(1)
                ).one()
                head = s.get(m.AuditHead, 1)
                assert head is not None and (head.seq, head.hash) == tuple(last)
                assert chain_check(s) == (last.seq, None)
        assert last.seq == 4
    finally:
        db.dispose()


def test_a_row_put_back_below_the_head_leaves_it(database_url: str) -> None:
    """As a copy does (the head copied first, then the rows in order): the head stays."""
    db = open_database(database_url)
    try:
        with db.transaction() as s:
            for n in range(2):
                append(s, Pending("admin", "test.row", f"row:{n}", {}, ""))
        with db.reading() as s:
            first = s.execute(select(m.AuditRecord).where(m.AuditRecord.seq == 1)).scalar_one()
            row = {c.key: getattr(first, c.key) for c in m.AuditRecord.__table__.columns}
        before = _head(database_url)
        with db.transaction() as s:
            s.execute(delete(m.AuditRecord).where(m.AuditRecord.seq == 1))
            s.execute(insert(m.AuditRecord).values(**row))
        assert _head(database_url) == before and before[0] == 2
    finally:
        db.dispose()
