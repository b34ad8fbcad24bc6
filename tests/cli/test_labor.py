"""``contest-desk labor …``: standings of the demo competition, a template filled and
imported, refusals that name the file, row and column."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from contest_desk.cli import main

LABOR = "2"  # the demo's labor competition in a new database


@pytest.fixture
def demo_db(demo_copy: str) -> str:
    return demo_copy


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--lang", "zh_CN", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_standings_of_a_period_and_cumulative(demo_db: str, capsys) -> None:
    status, out, _err = run(capsys, "--db", demo_db, "labor", "standings", "--contest", LABOR,
                            "--period", "3月", "--format", "json")  # fmt: skip
    assert status == 0
    data = json.loads(out)
    assert data["period"] == "3月" and data["final"] is True
    assert [i["code"] for i in data["indicators"]] == ["C1", "C2", "C3", "C4", "C5", "C6"]
    vetoed = [r for r in data["rows"] if r["veto"]]
    assert vetoed and vetoed[0]["award"] is None
    first = data["rows"][0]
    assert set(first["points"]) == set(first["working"]) == {"C1", "C2", "C3", "C4", "C5", "C6"}
    status, out, _err = run(capsys, "--db", demo_db, "labor", "standings", "--contest", LABOR,
                            "--cumulative", "--format", "csv")  # fmt: skip
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["名次", "班组", "单位"] and rows[0][3:9] == [
        f"{n}月" for n in range(1, 7)
    ]
    assert len(rows) == 9
    status, out, _err = run(capsys, "--db", demo_db, "labor", "standings", "--contest", LABOR)
    assert "暂定" in out.splitlines()[0]  # the sixth month is still open
    status, _out, err = run(capsys, "--db", demo_db, "labor", "standings", "--contest", LABOR,
                            "--period", "13月")  # fmt: skip
    assert status == 2 and "13月" in err


def test_a_template_filled_in_and_imported(demo_db: str, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    organizer = ("--user", "organizer")
    path = tmp_path / "6月.xlsx"
    status, _out, _err = run(capsys, "--db", demo_db, "labor", "template", "--contest", LABOR,
                             "--period", "6月", "--out", str(path))  # fmt: skip
    assert status == 0
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws["A4"].value == "班组" and ws["B4"].value == "C1 原油产量（吨）"
    old = ws["B5"].value
    ws["B5"] = old + 100
    ws["C6"] = "九十五"
    wb.save(path)
    status, _out, err = run(capsys, "--db", demo_db, *organizer, "labor", "import", str(path),
                            "--contest", LABOR, "--period", "6月")  # fmt: skip
    assert status == 2 and "第 6 行" in err and "C" in err and "九十五" in err
    ws["C6"] = 95
    wb.save(path)
    status, out, _err = run(capsys, "--db", demo_db, *organizer, "labor", "import", str(path),
                            "--contest", LABOR, "--period", "6月")  # fmt: skip
    assert status == 0 and out.startswith("2 ")  # two values changed
    status, _out, err = run(capsys, "--db", demo_db, *organizer, "labor", "import", str(path),
                            "--contest", LABOR, "--period", "5月")  # fmt: skip
    assert status == 2 and "已结束" in err
