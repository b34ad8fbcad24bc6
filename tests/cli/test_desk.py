"""desk.py: who acts: a log-in for changes, none for reading a local file."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import AS_ORGANIZER, OIL, run


def test_a_change_needs_a_user_and_the_right_password(
    demo_db: str, tmp_path: Path, capsys, monkeypatch
) -> None:
    out_file = str(tmp_path / "c.json")
    status, _, err = run(capsys, "--db", demo_db, "export", "contest", "1", "--out", out_file)
    assert (status, err) == (
        2,
        "Error: This command changes data: say who you are with --user NAME\n",
    )
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "wrong")
    status, _, err = run(
        capsys, "--db", demo_db, *AS_ORGANIZER, "export", "contest", "1", "--out", out_file
    )
    assert (status, err) == (2, "Error: Wrong user name or password\n")
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "judge1-2026")
    status, _, err = run(
        capsys, "--db", demo_db, "--user", "judge1", "export", "contest", "1", "--out", out_file
    )
    assert (status, err) == (2, "Error: judge1 may not export or import contests\n")
    assert not Path(out_file).exists()


def test_reports_on_a_local_file_need_no_log_in(demo_db: str, capsys) -> None:
    status, out, _ = run(
        capsys, "--db", demo_db, "standings", "--event", str(OIL), "--format", "csv"
    )
    assert status == 0 and out.startswith("Rank,Code,Name")
    assert run(capsys, "--db", demo_db, "contests")[0] == 0


def test_a_server_database_needs_a_log_in_even_to_read(demo_db: str, capsys, monkeypatch) -> None:
    from contest_desk.storage.db import Database

    monkeypatch.setattr(Database, "sqlite_path", property(lambda self: None))
    status, _, err = run(capsys, "--db", demo_db, "standings", "--event", str(OIL))
    assert (status, err) == (2, "Error: A database on a server needs --user NAME, even to read\n")
