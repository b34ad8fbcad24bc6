"""The database file: migrations at start, the backup made before an upgrade, SQLite settings."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from contest_desk.storage import models as m
from contest_desk.storage.backup import DATABASE, read_manifest
from contest_desk.storage.db import MIGRATIONS, Database, database_url, open_database
from contest_desk.storage.types import Milli
from tests.databases import Databases


def test_a_new_file_gets_the_whole_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    tables = set(inspect(db.engine).get_table_names())
    assert {"contests", "events", "criteria", "scores", "audit_log", "alembic_version"} <= tables
    assert db.revision() == db.head()
    assert not (tmp_path / "new-backups").exists()  # nothing to keep yet


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "wal.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as s:
        s.add(m.Event(contest_id=999, name="orphan", tie_breaks=[]))


def test_an_older_database_is_copied_aside_before_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_database(path)
    with db.transaction() as s:
        s.add(m.Contest(name="2025年技能比武", kind="skill"))
    db.dispose()
    # A later release: the same migrations plus one that adds a column.
    newer = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9999_test.py").write_text(NEXT_REVISION, encoding="utf-8")

    upgraded = Database(path, migrations=newer)
    backup = upgraded.upgrade()

    assert backup is not None and backup.parent == tmp_path / "old-backups"
    assert backup.name.endswith("-before-upgrade.zip")
    assert upgraded.revision() == "9999_test"
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT name, motto FROM contests")).one() == (
            "2025年技能比武",
            None,
        )
    with zipfile.ZipFile(backup) as zf:
        assert read_manifest(zf).revision == HEAD
        copy = Path(zf.extract(DATABASE, tmp_path / "unpacked"))
    with Database(copy).engine.connect() as conn:
        columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(contests)")]
        assert "motto" not in columns
        assert conn.execute(text("SELECT name FROM contests")).scalar() == "2025年技能比武"
    assert upgraded.upgrade() is None  # already current: no second copy


HEAD = Database("sqlite://").head()
NEXT_REVISION = f"""
from alembic import op
import sqlalchemy as sa

revision = "9999_test"
down_revision = "{HEAD}"


def upgrade():
    op.add_column("contests", sa.Column("motto", sa.String(50)))
"""


def test_scores_keep_exact_decimals(tmp_path: Path) -> None:
    milli = Milli()
    dialect = open_database(tmp_path / "exact.db").engine.dialect
    assert milli.process_bind_param(Decimal("8.5"), dialect) == 8500
    assert milli.process_result_value(8500, dialect) == Decimal("8.5")
    assert str(milli.process_result_value(10000, dialect)) == "10"
    # A sum of thousandths stays exact where a float would drift (0.1 + 0.2).
    assert milli.process_result_value(100 + 200, dialect) == Decimal("0.3")
    with pytest.raises(ValueError, match="decimal places"):
        milli.process_bind_param(Decimal("0.0001"), dialect)


def test_database_url_accepts_paths_and_urls(tmp_path: Path) -> None:
    assert database_url("postgresql://u@h/db") == "postgresql://u@h/db"
    assert database_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"


def test_the_migrations_build_exactly_the_models(database_url: str) -> None:
    """On SQLite and PostgreSQL alike, alembic finds nothing left to migrate."""
    db = Database(database_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, m.Base.metadata) == []
    assert db.revision() == db.head()
    db.dispose()


@pytest.fixture
def postgres(tmp_path: Path) -> Iterator[str]:
    """An empty PostgreSQL database with no schema at all."""
    made = Databases("postgresql", tmp_path)
    assert made.server is not None
    url = made.server.empty()
    yield url
    made.close()


def test_a_failed_upgrade_on_postgresql_changes_nothing(postgres: str, tmp_path: Path) -> None:
    """The server has no file to copy aside; the whole upgrade is one transaction instead."""
    db = open_database(postgres)
    with db.transaction() as s:
        s.add(m.Contest(name="2025年技能比武", kind="skill"))
    db.dispose()
    broken = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, broken, ignore=shutil.ignore_patterns("__pycache__"))
    (broken / "versions" / "9999_test.py").write_text(
        NEXT_REVISION + "    raise RuntimeError('disk full')\n", encoding="utf-8"
    )

    upgraded = Database(postgres, migrations=broken)
    with pytest.raises(RuntimeError, match="disk full"):
        upgraded.upgrade()

    assert upgraded.revision() == HEAD
    columns = {c["name"] for c in inspect(upgraded.engine).get_columns("contests")}
    assert "motto" not in columns
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM contests")).scalar() == "2025年技能比武"
    upgraded.dispose()


def test_writers_of_one_process_take_turns_on_sqlite(tmp_path: Path) -> None:
    """A transaction that read before another thread's commit can still write after it:
    the scoring hub's requests and the window's worker write from threads of one process
    (SQLite refused the first writer's write with SQLITE_BUSY_SNAPSHOT before)."""
    import threading

    db = open_database(tmp_path / "turns.db")
    first_read, second_done = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def first() -> None:
        try:
            with db.transaction() as s:
                s.execute(text("SELECT count(*) FROM units")).scalar()
                first_read.set()
                second_done.wait(0.5)  # the second writer's commit, had it not waited
                s.add(m.Unit(name="A"))
        except BaseException as error:
            failures.append(error)

    def second() -> None:
        first_read.wait(5)
        try:
            with db.transaction() as s:
                s.add(m.Unit(name="B"))
        except BaseException as error:
            failures.append(error)
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert failures == []
    with db.reading() as s:
        assert sorted(s.scalars(text("SELECT name FROM units"))) == ["A", "B"]
    db.dispose()
