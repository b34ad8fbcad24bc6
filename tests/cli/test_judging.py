"""judging.py: standings, score imports, judges, sheets, draws, conflicts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from contest_desk.domain.records.contests import StandingsTable
from contest_desk.services.hub import Services
from tests.cli.helpers import AS_ORGANIZER, INSTRUMENTS, OIL, WELDING, run


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
