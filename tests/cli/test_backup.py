"""cli_backup.py: ``backup`` and ``restore`` through main(), who may run them, and refusals."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from contest_desk.cli import main
from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.storage.backup import read_manifest
from tests.databases import Databases

ORGANIZER = Actor("organizer", frozenset({Role.ORGANIZER}))


def make_desk(path: Path) -> str:
    """A database with an administrator, an organizer, a viewer and one contest."""
    services = Services.open(str(path))
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.users.add_user("organizer", "赵晓梅", "organizer-2026", ["organizer"])
    services.users.add_user("viewer", "工会查看", "viewer-2026", ["viewer"])
    services.as_user(ORGANIZER).contests.create_contest("2026年采油工技能比武")
    services.ctx.db.dispose()
    return str(path)


def contest_names(path: str) -> list[str]:
    services = Services.open(path)
    try:
        return [c.name for c in services.contests.contests()]
    finally:
        services.ctx.db.dispose()


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    user: str | None,
    *argv: str,
) -> tuple[int, str, str]:
    if user:
        monkeypatch.setenv("CONTEST_DESK_PASSWORD", f"{user}-2026")
        argv = ("--user", user, *argv)
    status = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_an_organizer_backs_up_into_a_folder_and_a_viewer_may_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_desk(tmp_path / "desk.db")
    out_dir = tmp_path / "usb"

    status, out, _ = run(
        capsys, monkeypatch, "organizer", "--db", db, "backup", "--to", str(out_dir)
    )

    assert status == 0
    (made,) = out_dir.glob("*.zip")
    assert f"Backup written to {made}" in out
    with zipfile.ZipFile(made) as zf:
        assert read_manifest(zf).tables["contests"] == 1
    status, _, err = run(capsys, monkeypatch, "viewer", "--db", db, "backup")
    assert (status, err) == (2, "Error: viewer may not back up the database\n")
    status, _, err = run(capsys, monkeypatch, None, "--db", db, "backup")
    assert status == 2 and "--user" in err
    assert not (tmp_path / "desk-backups").exists()


@pytest.fixture
def backed_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[str, Path]:
    """A database and a backup of it, made by its administrator."""
    db = make_desk(tmp_path / "desk.db")
    backup = tmp_path / "before.zip"
    assert run(capsys, monkeypatch, "admin", "--db", db, "backup", "--to", str(backup))[0] == 0
    return db, backup


def test_an_administrator_restores_after_the_check_and_others_may_not(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    backed_up: tuple[str, Path],
) -> None:
    db, backup = backed_up
    services = Services.open(db).as_user(ORGANIZER)
    contest = services.contests.contests()[0]
    services.contests.update_contest(contest.id, "改错的名称", None, None, "")
    services.ctx.db.dispose()

    for user, expected in (
        ("organizer", "organizer may not restore the database from a backup"),
        (None, "say who you are with --user NAME (an administrator)"),
    ):
        status, _, err = run(capsys, monkeypatch, user, "--db", db, "restore", str(backup), "--yes")
        assert status == 2 and expected in err
    # Not typed at a terminal and no --yes: nothing is replaced.
    status, out, err = run(capsys, monkeypatch, "admin", "--db", db, "restore", str(backup))
    assert status == 2 and "add --yes" in err and "passed every check" in out
    assert contest_names(db) == ["改错的名称"]

    status, out, _ = run(capsys, monkeypatch, "admin", "--db", db, "restore", str(backup), "--yes")

    assert status == 0 and "restored from before.zip" in out
    assert contest_names(db) == ["2026年采油工技能比武"]
    (aside,) = (tmp_path / "desk-backups").glob("*-before-restore.zip")
    assert str(aside) in out
    status, out, _ = run(capsys, monkeypatch, "admin", "--db", db, "audit", "verify")
    assert status == 0 and "intact" in out


def test_a_backup_is_restored_into_a_new_file_without_a_log_in(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    backed_up: tuple[str, Path],
) -> None:
    _db, backup = backed_up
    fresh = str(tmp_path / "other-pc" / "desk.db")

    status, _, _ = run(capsys, monkeypatch, None, "--db", fresh, "restore", str(backup), "--yes")

    assert status == 0
    assert contest_names(fresh) == ["2026年采油工技能比武"]


def test_a_file_that_is_no_backup_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_desk(tmp_path / "desk.db")
    bogus = tmp_path / "scores.zip"
    bogus.write_text("编号,成绩\n", "utf-8")

    status, _, err = run(capsys, monkeypatch, "admin", "--db", db, "restore", str(bogus), "--yes")

    assert status == 2
    assert err == (
        "Error: scores.zip cannot be restored: it is not a Contest Desk backup"
        " (File is not a zip file)\n"
    )
    assert contest_names(db) == ["2026年采油工技能比武"]


def test_a_server_database_is_pointed_to_pg_dump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Databases("postgresql", tmp_path)  # skips without a test server
    url = made.server.new() if made.server else ""
    services = Services.open(url)
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.ctx.db.dispose()
    try:
        for argv in (("backup",), ("restore", str(tmp_path / "b.zip"), "--yes")):
            status, _, err = run(capsys, monkeypatch, "admin", "--db", url, *argv)
            assert status == 2 and "pg_dump" in err
    finally:
        made.close()
