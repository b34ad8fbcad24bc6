"""Reading the schema revision and the newest one without alembic, as alembic would."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from contest_desk.storage.db import MIGRATIONS, open_database
from contest_desk.storage.revisions import _read_head, current_revision, newest_revision


def alembic_head(migrations: Path) -> str | None:
    config = Config()
    config.set_main_option("script_location", str(migrations))
    return ScriptDirectory.from_config(config).get_current_head()


def test_the_newest_revision_is_alembics_head() -> None:
    assert newest_revision(MIGRATIONS) == alembic_head(MIGRATIONS)
    assert _read_head(MIGRATIONS / "versions") == alembic_head(MIGRATIONS)


def test_the_current_revision_is_what_alembic_reads(database_url: str) -> None:
    db = open_database(database_url)
    try:
        with db.engine.connect() as conn:
            expected = MigrationContext.configure(conn).get_current_revision()
        assert current_revision(db.engine) == expected == newest_revision(MIGRATIONS)
    finally:
        db.dispose()


def test_a_database_without_a_schema_has_no_revision(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert current_revision(engine) is None
    engine.dispose()


def test_a_merge_or_two_heads_is_left_to_alembic(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    for name, down in (("a", None), ("b", "a"), ("c", "a")):
        (versions / f"{name}.py").write_text(
            f"revision = {name!r}\ndown_revision = {down!r}\n", encoding="utf-8"
        )
    assert _read_head(versions) is None  # two heads
    (versions / "d.py").write_text("revision = 'd'\ndown_revision = ('b', 'c')\n", "utf-8")
    assert _read_head(versions) is None  # a merge


def alembic_loaded_by(*lines: str) -> list[str]:
    """The alembic and mako modules a fresh interpreter has loaded after running ``lines``."""
    listing = "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    code = "\n".join(["import sys", *lines, listing])
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded: list[str] = ast.literal_eval(shown.strip())
    return loaded


def test_opening_an_up_to_date_database_loads_no_alembic(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    open_database(str(path)).dispose()
    opening = f"open_database({str(path)!r}).dispose()"
    assert alembic_loaded_by("from contest_desk.storage.db import open_database", opening) == []
