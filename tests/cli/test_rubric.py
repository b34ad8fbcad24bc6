"""``contest-desk rubric export|import``: the demo's rubric out to Excel and back in."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from contest_desk.services.hub import Services
from tests.cli.helpers import AS_ORGANIZER, OIL, run


def rubrics(services: Services, event_id: int) -> list[object]:
    return [services.contests.rubric(p.id) for p in services.contests.event(event_id).parts]


def test_export_and_import_into_a_new_event(capsys, demo_db, services, tmp_path):
    target = tmp_path / "细则.xlsx"
    status, out, _err = run(capsys, "--db", demo_db, "rubric", "export", "--event", str(OIL),
                            "--out", str(target))  # fmt: skip
    assert status == 0 and "细则.xlsx" in out
    contest = services.contests.create_contest("2027年技能比武")
    oil = services.contests.event(OIL)
    fresh = services.contests.create_event(
        contest.id, oil.name, parts=[(p.name, p.weight) for p in oil.parts]
    )
    status, out, err = run(capsys, "--db", demo_db, *AS_ORGANIZER, "rubric", "import",
                           str(target), "--event", str(fresh.id))  # fmt: skip
    assert status == 0, err
    assert out.startswith("Imported 细则.xlsx")
    assert rubrics(services, fresh.id) == rubrics(services, OIL)


def test_a_wrong_file_names_every_problem_and_changes_nothing(
    capsys, demo_db, services, tmp_path: Path
):
    target = tmp_path / "细则.xlsx"
    run(capsys, "--db", demo_db, "rubric", "export", "--contest", "1", "--out", str(target))
    workbook = load_workbook(target)
    sheet = workbook[services.contests.event(OIL).name]
    last = sheet.max_row  # a leaf: the last criterion
    sheet["D2"], sheet[f"G{last}"] = "很多", "奖励"
    workbook.save(target)
    before = rubrics(services, OIL)
    status, _out, err = run(capsys, "--db", demo_db, *AS_ORGANIZER, "rubric", "import",
                            str(target), "--event", str(OIL))  # fmt: skip
    assert status == 2
    lines = err.splitlines()
    assert lines[0] == "2 problem(s), nothing imported:"
    assert lines[1].endswith("row 2, column Max points: Max points: '很多' is not a number")
    assert f"row {last}, column Kind: 奖励 is not a kind" in lines[2]
    assert rubrics(services, OIL) == before


@pytest.mark.parametrize("options", [[], ["--event", "1", "--contest", "1"]])
def test_export_needs_one_of_event_and_contest(capsys, demo_db, tmp_path, options):
    status, _out, err = run(capsys, "--db", demo_db, "rubric", "export", *options,
                            "--out", str(tmp_path / "x.xlsx"))  # fmt: skip
    assert status == 2 and "--event" in err


def test_changes_to_scored_criteria_need_yes(capsys, demo_db, services, tmp_path):
    target = tmp_path / "细则.xlsx"
    run(capsys, "--db", demo_db, "rubric", "export", "--event", str(OIL), "--out", str(target))
    workbook = load_workbook(target)
    sheet = workbook.worksheets[0]
    (row,) = [r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=2).value == "A1"]
    old_name = sheet.cell(row=row, column=3).value
    sheet.cell(row=row, column=3, value="抽油机井巡回检查")
    workbook.save(target)
    argv = ("--db", demo_db, *AS_ORGANIZER, "rubric", "import", str(target), "--event", str(OIL))
    status, _out, err = run(capsys, *argv)
    assert status == 2
    assert f"Scores affected: A1 抽油机井巡回检查: name {old_name} → 抽油机井巡回检查" in err
    assert "Run again with --yes" in err
    names = {c.code: c.name for p in services.contests.event(OIL).parts
             for c in services.contests.rubric(p.id).leaves()}  # fmt: skip
    assert names["A1"] == old_name
    status, _out, err = run(capsys, *argv, "--yes")
    assert status == 0, err
    practical = services.contests.event(OIL).parts[1]
    assert services.contests.rubric(practical.id).criteria[0].children[0].name == "抽油机井巡回检查"
