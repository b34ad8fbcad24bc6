"""cli.py: each command through main(), its output, exit status and one-line failures."""

from __future__ import annotations

import csv
import io
import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from contest_desk import __version__
from contest_desk.cli import main
from contest_desk.domain.records.contests import StandingsTable
from contest_desk.errors import UserError
from contest_desk.i18n import language
from contest_desk.reports.roster_excel import write_roster_template
from contest_desk.services.hub import Services

OIL, WELDING, INSTRUMENTS = 1, 2, 3  # event ids of the demo in a new database
AS_ORGANIZER = ("--user", "organizer")  # the demo's account; its password comes from the env


@pytest.fixture(autouse=True)
def organizer_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")


def with_organizer(path: str) -> str:
    """A database with no contests yet and the demo's organizer account in it."""
    services = Services.open(path)
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.users.add_user("organizer", "赵晓梅", "organizer-2026", ["organizer"])
    services.ctx.db.dispose()
    return path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "demo.db")
    assert main(["--db", path, "demo"]) == 0
    return path


@pytest.fixture
def services(demo_db: str) -> Iterator[Services]:
    opened = Services.open(demo_db)
    yield opened
    opened.ctx.db.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"contest-desk {__version__}\n")
    assert out == "contest-desk 0.1.0\n"


def test_the_language_is_put_back_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    before = language()
    run(capsys, "--version")
    assert language() == before


def test_demo_then_a_second_demo_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "new.db")
    status, out, _ = run(capsys, "--db", db, "demo")
    assert status == 0
    assert "2026年采油厂职工技能比武" in out and "采油工技能比武" in out
    status, out, err = run(capsys, "--db", db, "demo")
    assert (status, out) == (2, "")
    assert err == ("Error: The database already has contests; write the demo into a new database\n")


def test_standings_json(
    demo_db: str, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys, "--db", demo_db, *AS_ORGANIZER, "standings", "--event", str(OIL), "--format", "json"
    )
    assert status == 0
    data = json.loads(out)
    table = services.standings.standings(OIL)
    assert data["event"]["name"] == "采油工技能比武"
    assert [p["name"] for p in data["event"]["parts"]] == ["理论", "实操"]
    assert data["round"] is None
    expected = [
        {
            "rank": r.rank,
            "entry": r.entry.label,
            "code": r.entry.code,
            "unit": r.entry.unit,
            "key": r.entry.key,
            "total": str(r.total),
            "parts": {k: str(v) for k, v in r.part_totals.items()},
            "rounds": {"1": str(r.round_totals[1])},
            "award": r.award,
            "complete": r.complete,
            "missing": r.missing,
        }
        for r in table.rows
    ]
    assert data["rows"] == expected
    assert data["rows"][0]["rank"] == 1 and data["rows"][0]["award"] == "一等奖"
    assert len(data["rows"][0]["total"].split(".")[1]) == 2  # shown with the event's places


def test_standings_of_one_round(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("--db", demo_db, "standings", "--event", str(OIL), "--round", "1", "--format", "json")
    status, out, _ = run(capsys, *argv)
    assert status == 0 and json.loads(out)["round"] == 1


def test_standings_csv(
    demo_db: str, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys,
        "--db",
        demo_db,
        *AS_ORGANIZER,
        "standings",
        "--event",
        str(WELDING),
        "--format",
        "csv",
    )
    assert status == 0
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert header == ["Rank", "Code", "Name", "Unit", "理论", "实操", "Total", "Award", "Complete"]
    table = services.standings.standings(WELDING)
    assert len(rows) == len(table.rows)
    for row, r in zip(rows, table.rows, strict=True):
        assert row[0] == str(r.rank) and row[2] == r.entry.label and row[6] == str(r.total)
        assert row[7] == (r.award or "") and row[8] == ("yes" if r.complete else "no")


def test_standings_table(
    demo_db: str, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        capsys, "--db", demo_db, *AS_ORGANIZER, "standings", "--event", str(WELDING)
    )
    assert status == 0
    title, header, *lines = out.splitlines()
    assert title == "电焊工技能比武: standings"
    assert header.split() == ["Rank", "Code", "Name", "Unit", "理论", "实操", "Total", "Award"]
    table: StandingsTable = services.standings.standings(WELDING)
    first = table.rows[0]
    assert lines[0].split()[:2] == ["1", first.entry.label]
    assert str(first.total) in lines[0].split()
    incomplete = [r for r in table.rows if not r.complete]
    assert incomplete  # the demo leaves some welding marks out
    marked = [line for line in lines if line.endswith("*")]
    assert len(marked) == len(incomplete)
    assert lines[-1].startswith("* marks are missing")


def test_export_and_import_a_contest(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "contest.json"
    argv = ("--db", demo_db, *AS_ORGANIZER, "export", "contest", "1", "--out", str(exported))
    status, out, _ = run(capsys, *argv)
    assert status == 0 and out == f"Contest 1 written to {exported}\n"
    fresh = with_organizer(str(tmp_path / "fresh.db"))
    status, out, _ = run(capsys, "--db", fresh, *AS_ORGANIZER, "import", "contest", str(exported))
    assert status == 0
    assert out == "Imported the contest 2026年采油厂职工技能比武 as contest 1\n"
    again = tmp_path / "again.json"
    argv = ("--db", fresh, *AS_ORGANIZER, "export", "contest", "1", "--out", str(again))
    assert run(capsys, *argv)[0] == 0
    assert again.read_bytes() == exported.read_bytes()


def test_import_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "scores.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    services = Services.open(db)
    entry = services.roster.entries(INSTRUMENTS)[0]
    scores = tmp_path / "scores.csv"
    scores.write_text(
        "entry,judge,criterion,value\n"
        + "".join(f"{entry.key},judge{n},A1,16\n" for n in range(1, 6))
        + f"{entry.key},judge1,T1,88\n",
        encoding="utf-8",
    )
    argv = ("--db", db, *AS_ORGANIZER, "import", "scores", str(scores), "--event", "3")
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert out == "Imported scores.csv: scores: 6 new, 0 updated\n"
    row = next(r for r in services.standings.standings(INSTRUMENTS).rows if r.entry.id == entry.id)
    assert row.rank == 1 and row.part_totals["理论"] == 88 and row.part_totals["实操"] == 16
    services.ctx.db.dispose()


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


def test_a_rejected_import_prints_every_problem(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("entry,judge,criterion,value\nnobody,judge1,A1,8\nx,judge9,A1,99\n", "utf-8")
    argv = ("--db", demo_db, *AS_ORGANIZER, "import", "scores", str(bad), "--event", "3")
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    first, *problems = err.splitlines()
    assert first == "4 problem(s), nothing imported:"
    assert len(problems) == 4
    assert problems[0] == "bad.csv, row 2, column entry: 仪表维修工技能比武 has no entry 'nobody'"
    assert all(p.startswith("bad.csv, row ") for p in problems)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("standings", "--event", "999"), "Error: There is no event 999"),
        (("import", "contest", "nowhere.json"), "Error: There is no file nowhere.json"),
        (("export", "contest", "77", "--out", "x.json"), "Error: There is no contest 77"),
    ],
)
def test_a_failing_command_prints_one_line(
    demo_db: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, "--db", demo_db, *AS_ORGANIZER, *argv)
    assert (status, out, err) == (2, "", message + "\n")


def test_a_database_that_cannot_be_opened(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--db", "nosuchdialect://host/db", "standings", "--event", "1")
    assert status == 1
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_usage_errors_return_instead_of_exiting(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "standings")[0] == 2  # --event is required
    assert run(capsys, "--help")[0] == 0


def test_no_command_opens_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = []

    def run_gui(db: str | None = None, lang: str | None = None) -> int:
        calls.append((db, lang))
        return 7

    # Stands in for the Qt application, which this test does not start.
    monkeypatch.setitem(sys.modules, "contest_desk.app", types.SimpleNamespace(run_gui=run_gui))
    db = str(tmp_path / "gui.db")
    assert main(["--db", db]) == 7
    assert main(["--db", db, "--lang", "en"]) == 7
    assert calls == [(db, None), (db, "en")]


# --- Who is acting ------------------------------------------------------------------------


def test_the_demo_prints_one_account_per_role(tmp_path: Path, capsys) -> None:
    status, out, _ = run(capsys, "--db", str(tmp_path / "d.db"), "demo")
    assert status == 0
    for line in ("admin      admin-2026", "organizer  organizer-2026", "chief      chief-2026"):
        assert line in out
    assert "judge1     judge1-2026" in out and "viewer     viewer-2026" in out


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


def test_judges_prints_bias_and_agreement(demo_db: str, capsys) -> None:
    status, out, _ = run(capsys, "--db", demo_db, "judges", "--event", str(OIL), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert [j["username"] for j in data["judges"]] == [f"judge{n}" for n in range(1, 6)]
    assert all(j["marks"] == 144 for j in data["judges"])  # 24 entries × 6 judged criteria
    total = data["agreement"][-1]
    assert total["criterion"] == "total" and total["targets"] == 24
    assert 0 < float(total["icc2"]) <= 1 and 0 < float(total["kendall_w"]) <= 1
    status, out, _ = run(capsys, "--db", demo_db, "judges", "--event", str(OIL))
    assert status == 0 and "ICC(2,1)" in out and out.splitlines()[0].endswith("judges")


def test_an_offline_sheet_goes_out_and_comes_back(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "offline.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    sheet = tmp_path / "judge1.json"
    argv = (
        "sheet",
        "export",
        "--event",
        str(INSTRUMENTS),
        "--judge",
        "judge1",
        "--out",
        str(sheet),
    )
    status, out, err = run(capsys, "--db", db, *AS_ORGANIZER, *argv)
    assert (status, err) == (0, "") and out == f"Score sheet written to {sheet}\n"
    code = json.loads(sheet.read_text("utf-8"))["entries"][0]["code"]
    marks = tmp_path / "marks.csv"
    marks.write_text(f"entry,criterion,value\n{code},A1,16\n", encoding="utf-8")
    laptop = str(tmp_path / "laptop.db")
    fill = ("--db", laptop, "sheet", "fill", str(sheet), "--scores", str(marks))
    blank = sheet.read_bytes()
    # On the laptop the judge's password signs the marks; the organizer's does not.
    status, out, err = run(capsys, *fill)
    assert (status, out, err) == (2, "", "Error: The password does not match judge1\n")
    assert sheet.read_bytes() == blank
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "judge1-2026")
    status, out, _ = run(capsys, *fill)
    assert (status, out) == (0, f"1 value(s) written into {sheet}\n")
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    status, out, _ = run(capsys, "--db", db, *AS_ORGANIZER, "sheet", "import", str(sheet))
    assert (status, out) == (0, "Imported: 1 new, 0 already stored\n")
    data = json.loads(sheet.read_text("utf-8"))
    data["values"] = {f"{code}|A1": "20"}
    sheet.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    status, out, err = run(capsys, "--db", db, *AS_ORGANIZER, "sheet", "import", str(sheet))
    assert (status, out) == (2, "")
    assert err == "Error: The marks in judge1.json are not signed by 张振华; it is refused\n"
    data.update(version=1, key="ab" * 32)  # a file of the format that carried its key
    sheet.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    status, out, err = run(capsys, "--db", db, *AS_ORGANIZER, "sheet", "import", str(sheet))
    assert status == 2 and "export the judge's sheet again" in err


def test_paper_sheets_print_codes_and_no_names(demo_db: str, tmp_path: Path, capsys) -> None:
    from pypdf import PdfReader

    out_file = tmp_path / "纸质评分表.pdf"
    argv = ("sheet", "print", "--event", str(INSTRUMENTS), "--out", str(out_file))
    status, out, _ = run(capsys, "--db", demo_db, *AS_ORGANIZER, *argv)
    assert (status, out) == (0, f"5 paper score sheet(s) written to {out_file}\n")
    text = "".join(page.extract_text() for page in PdfReader(out_file).pages)
    services = Services.open(demo_db)
    entries = services.roster.entries(INSTRUMENTS)
    services.ctx.db.dispose()
    assert not any(e.label in text for e in entries)  # blind: no names on paper
    assert "张振华" in text and "李国强" in text  # one sheet per judge of the panel


def test_draw_and_assign_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    db = str(tmp_path / "draw.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    services = Services.open(db)
    contest = services.contests.contests()[-1]  # the skill contest, written first
    event = services.contests.create_event(contest.id, "钳工技能比武")
    person = services.roster.persons()[0]
    services.roster.add_entry(event.id, person_id=person.id)
    for judge in services.roster.judges(contest.id)[:3]:
        services.roster.assign_judge(judge.id, event.id)
    services.ctx.db.dispose()
    argv = ("draw", "--event", str(event.id), "--seed", "s", "--prefix", "D", "--stations", "1号")
    status, out, _ = run(capsys, "--db", db, *AS_ORGANIZER, *argv)
    assert status == 0 and out.splitlines()[1].split() == ["1", "D001", "1号"]
    status, out, err = run(capsys, "--db", db, *AS_ORGANIZER, "assign", "--event", str(event.id))
    assert (status, out) == (0, "Judges assigned to every entry\n")
    assert err.endswith(" lacks 2 judge(s)\n")  # five per entry asked, three on the panel


def test_conflicts_from_the_command_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "conflicts.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    services = Services.open(db)
    entry = services.roster.entries(INSTRUMENTS)[0]
    services.ctx.db.dispose()
    declare = ("conflict", "declare", "--event", str(INSTRUMENTS), "--judge", "judge2")
    argv = (*declare, "--employee", entry.key, "--note", "师徒关系")
    assert run(capsys, "--db", db, *AS_ORGANIZER, *argv)[:2] == (0, "Conflict recorded\n")
    status, out, _ = run(capsys, "--db", db, "conflict", "list", "--event", str(INSTRUMENTS))
    assert status == 0 and out == f"李国强  {entry.code}  declared（师徒关系）\n"
    override = ("conflict", "override", "--event", str(INSTRUMENTS), "--judge", "judge2")
    argv = (*override, "--entry", entry.code or "", "--reason", "仅此一名考评员")
    assert run(capsys, "--db", db, *AS_ORGANIZER, *argv)[:2] == (0, "Conflict overridden\n")
    status, out, _ = run(capsys, "--db", db, "conflict", "list", "--event", str(INSTRUMENTS))
    assert out.rstrip().endswith("overridden: 仅此一名考评员")


def test_a_round_rule_from_the_command_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "rounds.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    argv = ("round", "rule", "--event", str(OIL), "--round", "1", "--share", "50")
    assert run(capsys, "--db", db, *AS_ORGANIZER, *argv)[:2] == (
        0,
        "Advance rule of round 1: top 50 %\n",
    )
    both = ("round", "rule", "--event", str(OIL), "--round", "1", "--top", "8", "--min", "80")
    status, _out, err = run(capsys, "--db", db, *AS_ORGANIZER, *both)
    assert (status, err) == (2, "Error: Give exactly one of --top, --share and --min\n")
    services = Services.open(db)
    rule = services.rounds.advance_rule(OIL, 1)
    services.ctx.db.dispose()
    assert rule is not None and (rule.mode.value, rule.value) == ("share", 50)


def test_standings_of_an_unlocked_round_show_no_names_without_a_log_in(
    demo_db: str, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    """The instruments event's round is drawn and not locked: codes only, until the lock."""
    names = [e.label for e in services.roster.entries(INSTRUMENTS)]
    status, out, _ = run(capsys, "--db", demo_db, "standings", "--event", str(INSTRUMENTS))
    assert status == 0
    assert "C001" in out
    assert not [name for name in names if name in out]
    status, out, _ = run(
        capsys, "--db", demo_db, "standings", "--event", str(INSTRUMENTS), "--format", "json"
    )
    assert not [name for name in names if name in out]
    status, out, _ = run(
        capsys, "--db", demo_db, *AS_ORGANIZER, "standings", "--event", str(INSTRUMENTS)
    )
    assert status == 0
    assert all(name in out for name in names)
