"""people.py: the roster from Excel, user accounts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from contest_desk.errors import UserError
from contest_desk.reports.roster_excel import write_roster_template
from contest_desk.services.hub import Services
from tests.cli.helpers import AS_ORGANIZER, run, with_organizer


def test_import_roster_from_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = with_organizer(str(tmp_path / "roster.db"))
    services = Services.open(db)
    contest = services.contests.create_contest("2026年青工技能比武")
    services.contests.create_event(contest.id, "采油工")
    path = tmp_path / "报名表.xlsx"
    write_roster_template(path, ["采油工"])
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.append(["30001", "孙海涛", "采油四区/采油一班", "采油工", "中级工", "采油工", None])
    sheet.append(["30002", "周晓燕", "采油四区/注水班", "采油工", "高级工", "采油工", None])
    book.save(path)

    argv = ("--db", db, *AS_ORGANIZER, "import", "roster", str(path), "--contest", str(contest.id))
    status, out, err = run(capsys, *argv)

    assert (status, err) == (0, "")
    assert out.startswith("Imported 报名表.xlsx")
    event_id = services.contests.events(contest.id)[0].id
    entries = services.roster.entries(event_id)
    assert [(e.label, e.unit) for e in entries] == [
        ("孙海涛", "采油四区/采油一班"),
        ("周晓燕", "采油四区/注水班"),
    ]
    # The same file again: both persons are already entered, so nothing changes.
    status, out, err = run(capsys, *argv)
    assert status == 2 and err.startswith("2 problem(s), nothing imported:")
    assert len(services.roster.entries(event_id)) == 2
    services.ctx.db.dispose()


def test_user_accounts_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "users.db")
    monkeypatch.setenv("CONTEST_DESK_NEW_PASSWORD", "admin-pass")
    status, out, _ = run(
        capsys, "--db", db, "user", "add", "admin", "--name", "王管理", "--role", "admin"
    )
    assert (status, out) == (0, "User admin added\n")
    # The first account is made; after it, only an administrator adds accounts.
    monkeypatch.setenv("CONTEST_DESK_NEW_PASSWORD", "judge-pass")
    argv = ("user", "add", "judge1", "--role", "judge", "--role", "chief_judge")
    assert run(capsys, "--db", db, *argv)[0] == 2
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "admin-pass")
    assert run(capsys, "--db", db, "--user", "admin", *argv)[:2] == (0, "User judge1 added\n")
    status, _, err = run(
        capsys, "--db", db, "--user", "admin", "user", "disable", "judge1", "--reason", "调岗"
    )
    assert (status, err) == (0, "")
    status, out, _ = run(capsys, "--db", db, "--user", "admin", "user", "list")
    assert out.splitlines() == [
        "admin        王管理      Administrator  [active]",
        "judge1       judge1   Chief judge、Judge  [disabled]",
    ]
    services = Services.open(db)
    with pytest.raises(UserError, match="已停用"):
        services.users.authenticate("judge1", "judge-pass")
    services.ctx.db.dispose()
