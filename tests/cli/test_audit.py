"""audit.py: the audit trail checked from the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from contest_desk.services.hub import Services
from tests.cli.helpers import run
from tests.domain import test_audit_words as words

beijing = words.beijing


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


def test_audit_list_says_the_rows_in_words_and_local_time(
    tmp_path: Path, capsys, monkeypatch, beijing: None
) -> None:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "chief-2026")  # the demo's chief judge
    db = str(tmp_path / "audit.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    services = Services.open(db)
    judge = services.roster.judges(1)[0]
    (last,) = services.audit.records((f"judge:{judge.id}",))[-1:]
    services.ctx.db.dispose()
    status, out, _err = run(
        capsys, "--db", db, "--user", "chief", "audit", "list", "--target", f"judge:{judge.id}"
    )
    assert status == 0
    heading, *lines = out.splitlines()
    assert heading == "Row  Time (Beijing time)  User  Action  Subject"
    local = (last.at + dt.timedelta(hours=8)).isoformat(sep=" ", timespec="seconds")
    assert lines[-1].startswith(
        f"{last.seq}  {local}  System (automatic)  Add a judge  Judge {judge.name}"
    )
    assert "judge." not in out and f"judge:{judge.id}" not in out

    argv = ("--db", db, "--user", "chief", "audit", "list", "--last", "1", "--format", "json")
    status, out, _err = run(capsys, *argv)
    (row,) = json.loads(out)
    assert row["code"] and row["action"] != row["code"] and row["time"] != row["at_utc"]
