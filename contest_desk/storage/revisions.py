"""Which schema revision a database is at, and the newest one, without loading alembic.

Every command opens the database and compares the two; alembic (with mako and its
templates) takes longer to import than the command line does to do a listing, so it is
loaded only when there is something to migrate. The newest revision is read from the
migration files the way alembic reads them: the one no other names as its
``down_revision``. Anything unusual (a merge, a branch, a file this reading does not
follow) falls back to alembic itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import Engine, inspect, text

VERSION_TABLE = "alembic_version"


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database; None for a database without a schema."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:  # several heads stamped: only alembic can say what that means
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return rows[0] if rows else None


def newest_revision(migrations: Path) -> str | None:
    """The head revision of the migration scripts in ``migrations``."""
    quick = _read_head(migrations / "versions")
    if quick is not None:
        return quick
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations))
    return ScriptDirectory.from_config(config).get_current_head()


def _read_head(versions: Path) -> str | None:
    revisions: set[str] = set()
    named_down: set[str] = set()
    for path in versions.glob("*.py"):
        found = _assignments(path)
        revision, down = found.get("revision"), found.get("down_revision", "missing")
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return None  # a merge (a tuple of parents) or an unusual file
        revisions.add(revision)
        if down is not None:
            named_down.add(down)
    heads = revisions - named_down
    return heads.pop() if len(heads) == 1 else None


def _assignments(path: Path) -> dict[str, object]:
    """The module-level ``revision`` and ``down_revision`` constants of a migration file."""
    found: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    try:
                        found[target.id] = ast.literal_eval(node.value) if node.value else None
                    except ValueError:
                        found[target.id] = ...
    return found
