"""The services hub (every window's start) loads no alembic: only a restore needs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from contest_desk.storage.db import open_database


def test_opening_the_services_hub_on_an_up_to_date_database_loads_no_alembic(
    tmp_path: Path,
) -> None:
    path = tmp_path / "desk.db"
    open_database(str(path)).dispose()
    code = (
        "import sys\nfrom contest_desk.services.hub import Services\n"
        f"Services.open({str(path)!r}).ctx.db.dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"
