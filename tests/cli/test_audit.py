"""audit.py: the audit trail checked from the command line."""

from __future__ import annotations

from pathlib import Path

from contest_desk.services.hub import Services
from tests.cli.helpers import run


def test_audit_verify_names_the_first_broken_row(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "audit.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    status, out, _ = run(capsys, "--db", db, "audit", "verify")
    assert status == 0 and out.startswith("The audit trail is intact: ")
    services = Services.open(db)
    with services.ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET note = 'edited' WHERE seq = 42")
    services.ctx.db.dispose()
    status, out, err = run(capsys, "--db", db, "audit", "verify")
    assert (status, out) == (3, "")
    assert err == "The audit trail is broken at row 42: the row was changed after it was written\n"
