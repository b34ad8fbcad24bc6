"""0015 (edit versions): the rows a database holds start at version 1 and keep every value;
a downgrade takes the column away again, the rows as they were."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from contest_desk.storage.migrating import migration_engine
from tests.storage.old_databases import database_at, narrowed, table_rows

TABLES = ("persons", "contests", "events", "parts", "certificate_templates", "achievements")


def test_rows_there_start_at_version_1_and_a_downgrade_takes_it_away(tmp_path: Path) -> None:
    db = database_at(tmp_path / "old.db", "0014_scoring_hub")
    before = table_rows(db.engine)

    db.upgrade()

    with db.engine.connect() as conn:
        for table in TABLES:
            versions = conn.execute(text(f"SELECT DISTINCT version FROM {table}")).scalars()
            assert list(versions) == [1], table
    after = table_rows(db.engine)
    for table in TABLES:
        columns = {name for name, _ in next(iter(before[table]))}
        assert narrowed(after[table], columns) == before[table]

    config = Config()
    config.set_main_option("script_location", str(db.migrations))
    engine = migration_engine(db.url)  # as upgrades run on SQLite: foreign keys off
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0014_scoring_hub")
    engine.dispose()
    assert db.revision() == "0014_scoring_hub"
    for table in TABLES:
        assert "version" not in {c["name"] for c in inspect(db.engine).get_columns(table)}
        assert table_rows(db.engine)[table] == before[table]
    db.dispose()
