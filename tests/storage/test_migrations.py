"""Upgrades from every earlier revision keep every row and the audit chain.

A database is made at each revision before the newest, with rows in every table it has
then, and upgraded to the newest: every row is still there with the same values, the audit
chain verifies, every reference holds, and the schema is exactly the models'.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from contest_desk.errors import UserError
from contest_desk.storage import models as m
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.audit_state import state_differences
from contest_desk.storage.db import MIGRATIONS, Database, open_database
from tests.storage.old_databases import (
    AUDIT_ROWS,
    Row,
    database_at,
    narrowed,
    revisions,
    table_rows,
)

OLDER = revisions()[:-1]


def assert_upgraded_whole(db: Database, before: dict[str, set[Row]]) -> None:
    """At the newest revision with every row and value of ``before`` (in the columns they
    had), the audit chain intact, every reference holding, the schema the models'."""
    assert db.revision() == db.head()
    after = table_rows(db.engine)
    for table, rows in before.items():
        columns = {name for name, _ in next(iter(rows))}
        if table == "audit_head":  # it moved on by the baseline link (0011)
            continue
        if table == "audit_log":  # every row kept, and 0011's baseline of marks appended
            added = narrowed(after[table], columns) - rows
            assert narrowed(after[table], columns) >= rows
            assert {dict(r)["action"] for r in added} <= {"audit.baseline"}
            continue
        assert narrowed(after[table], columns) == rows, table
    with db.reading() as s:
        baseline = len(after["audit_log"]) - AUDIT_ROWS
        assert chain_check(s) == (AUDIT_ROWS + baseline, None)
        if baseline:  # rows filled behind the app before 0011 are on the record now
            assert state_differences(s)[1] == []
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, m.Base.metadata) == []


@pytest.mark.parametrize("revision", OLDER)
def test_an_upgrade_from_each_revision_keeps_every_row(tmp_path: Path, revision: str) -> None:
    db = database_at(tmp_path / "old.db", revision)
    before = table_rows(db.engine)
    assert all(len(rows) >= 1 for rows in before.values())  # a row in every table

    db.upgrade()

    assert_upgraded_whole(db, before)
    db.dispose()


FAILING = """
import sqlalchemy as sa
from alembic import op

revision = "9999_failing"
down_revision = "{head}"


def upgrade():
    op.create_table("mottos", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("judges") as batch:
        batch.add_column(sa.Column("motto", sa.String(50)))
    op.execute("UPDATE contests SET name = 'changed'")
    op.execute("DELETE FROM scores")
    raise RuntimeError("disk full")
"""


def test_a_failed_upgrade_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    db = database_at(path, revisions()[-1])
    before = table_rows(db.engine)
    db.dispose()
    content = path.read_bytes()
    broken = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, broken, ignore=shutil.ignore_patterns("__pycache__"))
    head = revisions()[-1]
    (broken / "versions" / "9999_failing.py").write_text(FAILING.format(head=head), "utf-8")

    failing = Database(path, migrations=broken)
    with pytest.raises(RuntimeError, match="disk full"):
        failing.upgrade()
    failing.dispose()

    assert path.read_bytes() == content
    again = open_database(path)
    assert again.revision() == head
    assert table_rows(again.engine) == before
    assert "mottos" not in inspect(again.engine).get_table_names()
    again.dispose()


def _upgrade_as_before_the_fix(db: Database) -> None:
    """What versions before this fix did: alembic on the app's engine, foreign keys on,
    Python's sqlite3 committing before each DDL statement."""
    config = Config()
    config.set_main_option("script_location", str(db.migrations))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


@pytest.mark.parametrize(
    ("revision", "leftover"),
    [("0001_baseline", "users"), ("0002_judging", "conflicts"), ("0003_assignments", "appeals")],
)
def test_a_file_left_half_migrated_by_an_older_version_upgrades(
    tmp_path: Path, revision: str, leftover: str
) -> None:
    db = database_at(tmp_path / "half.db", revision)
    before = table_rows(db.engine)
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
        _upgrade_as_before_the_fix(db)
    assert db.revision() == revision
    # A table of the next revision was made and kept; the next start failed on it.
    assert leftover in inspect(db.engine).get_table_names()

    db.upgrade()

    assert_upgraded_whole(db, before)
    assert not [t for t in inspect(db.engine).get_table_names() if t.startswith("_alembic")]
    db.dispose()


def test_a_leftover_table_holding_rows_is_never_dropped(tmp_path: Path) -> None:
    db = database_at(tmp_path / "half.db", "0003_assignments")
    with pytest.raises(IntegrityError):
        _upgrade_as_before_the_fix(db)
    with db.engine.begin() as conn:  # someone wrote into the leftover table by hand
        conn.exec_driver_sql(
            "INSERT INTO appeals (entry_id, filed_at, filed_by, reason, decision)"
            " VALUES (1, '2026-11-20 10:00:00', '张振华', '复核申请', '')"
        )
    before = table_rows(db.engine)

    with pytest.raises(UserError, match="appeals"):
        db.upgrade()

    assert db.revision() == "0003_assignments"
    assert table_rows(db.engine) == before
    db.dispose()
