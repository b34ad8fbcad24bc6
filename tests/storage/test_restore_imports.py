"""The services hub (every window's start) loads no alembic: only a restore needs it."""

from __future__ import annotations

from pathlib import Path

from contest_desk.storage.db import open_database
from tests.storage.test_revisions import alembic_loaded_by


def test_opening_the_services_hub_on_an_up_to_date_database_loads_no_alembic(
    tmp_path: Path,
) -> None:
    path = tmp_path / "desk.db"
    open_database(str(path)).dispose()
    opening = f"Services.open({str(path)!r}).ctx.db.dispose()"
    assert alembic_loaded_by("from contest_desk.services.hub import Services", opening) == []
