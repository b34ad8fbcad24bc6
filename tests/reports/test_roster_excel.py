"""roster_excel.py: the roster template, and reading filled-in rosters back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from contest_desk.domain.records.roster import FIELD_LABELS, RosterRow
from contest_desk.errors import ImportRejected, UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, catalog, set_language
from contest_desk.reports.roster_excel import INSTRUCTIONS, read_roster, write_roster_template

EVENTS = ["采油工技能比武", "仪表维修工团体赛"]
CHINESE_HEADERS = ["工号", "姓名", "单位", "工种", "技能等级", "参赛项目", "参赛队"]
ENGLISH_HEADERS = [
    "Employee no.",
    "Name",
    "Unit",
    "Job type",
    "Skill level",
    "Entered event",
    "Team",
]


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language(DEFAULT_LANGUAGE)


def fill(path: Path, rows: Sequence[Sequence[Any]], start: int = 2) -> None:
    """Type rows into a workbook's first sheet, as an organizer would."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for r, values in enumerate(rows, start=start):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=value)
    wb.save(path)


def sheet(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """A workbook made from scratch (not from our template)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for values in rows:
        ws.append(list(values))
    wb.save(path)
    return path


def test_template_has_chinese_headers_drop_down_and_instructions(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    write_roster_template(path, EVENTS)

    wb = load_workbook(path)
    assert wb.sheetnames == ["报名表", "说明"]
    ws = wb["报名表"]
    assert [c.value for c in ws[1]] == CHINESE_HEADERS
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["C"].width == 30
    assert ws["A2"].number_format == "@"  # employee numbers stay text

    (check,) = ws.data_validations.dataValidation
    assert check.type == "list"
    assert "F2" in check.sqref
    assert "E2" not in check.sqref
    # The drop-down lists the events written on the instructions sheet.
    sheet_name, cells = check.formula1.split("!")
    assert sheet_name == "'说明'"
    top, bottom = (int(ref.split("$")[-1]) for ref in cells.split(":"))
    notes = wb["说明"]
    assert [notes.cell(row=r, column=1).value for r in range(top, bottom + 1)] == EVENTS
    assert notes["A1"].value == "填表说明"


def test_template_in_english_writes_english_headers(tmp_path: Path, english: None) -> None:
    path = tmp_path / "roster.xlsx"
    write_roster_template(path, EVENTS)

    wb = load_workbook(path)
    assert wb.sheetnames == ["Roster", "Instructions"]
    assert [c.value for c in wb["Roster"][1]] == ENGLISH_HEADERS


def test_template_without_events_has_no_drop_down(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    write_roster_template(path, [])
    assert not load_workbook(path)["报名表"].data_validations.dataValidation


def test_round_trip_through_the_template(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    write_roster_template(path, EVENTS)
    fill(
        path,
        [
            ["1001", " 张三 ", "采油一区/作业一班", "采油工", "高级工", EVENTS[0], None],
            [1002, "李四", "采油一区/作业二班", "仪表维修工", "技师", EVENTS[1], "一区一队"],
            [],  # an empty row in the middle is skipped
            [1003.0, "王五", "采油二区", None, None, EVENTS[1], "一区一队"],
        ],
    )

    assert read_roster(path) == [
        RosterRow(2, "1001", "张三", "采油一区/作业一班", "采油工", "高级工", EVENTS[0], ""),
        RosterRow(
            3, "1002", "李四", "采油一区/作业二班", "仪表维修工", "技师", EVENTS[1], "一区一队"
        ),
        RosterRow(5, "1003", "王五", "采油二区", "", "", EVENTS[1], "一区一队"),
    ]


def test_english_headers_in_any_order_below_a_title_row(tmp_path: Path) -> None:
    path = sheet(
        tmp_path / "roster.xlsx",
        [
            ["2024 skill contest roster"],
            ["Event", " name ", "Employee No.", "Unit", "Team"],
            [EVENTS[0], "Zhang San", 7, "Area 1/Crew 1", None],
        ],
    )

    assert read_roster(path) == [
        RosterRow(3, "7", "Zhang San", "Area 1/Crew 1", "", "", EVENTS[0], ""),
    ]


def test_english_template_read_while_the_ui_is_chinese(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    set_language("en")
    try:
        write_roster_template(path, EVENTS)
    finally:
        set_language(DEFAULT_LANGUAGE)
    fill(path, [[1001, "张三", "采油一区", "", "", EVENTS[0], ""]])

    assert [r.employee_no for r in read_roster(path)] == ["1001"]


def test_rows_with_only_unknown_columns_filled_are_skipped(tmp_path: Path) -> None:
    path = sheet(
        tmp_path / "r.xlsx",
        [
            ["序号", "工号", "姓名", "单位", "参赛项目"],
            [1, "1001", "张三", "采油一区", EVENTS[0]],
            [2, None, None, None, None],
        ],
    )
    assert len(read_roster(path)) == 1


def test_missing_column_names_the_file_and_column(tmp_path: Path) -> None:
    path = sheet(
        tmp_path / "缺列.xlsx", [["工号", "姓名", "参赛项目"], ["1001", "张三", EVENTS[0]]]
    )

    with pytest.raises(UserError) as caught:
        read_roster(path)

    assert caught.value.where is not None
    assert caught.value.where.file == "缺列.xlsx"
    assert "缺列.xlsx" in str(caught.value)
    assert "单位" in str(caught.value)


def test_missing_column_in_english(tmp_path: Path, english: None) -> None:
    path = sheet(tmp_path / "roster.xlsx", [["Name", "Unit", "Event"], ["Zhang", "A", "B"]])

    with pytest.raises(UserError, match=r"roster\.xlsx: No Employee no\. column"):
        read_roster(path)


def test_a_sheet_without_any_header_is_refused(tmp_path: Path) -> None:
    path = sheet(tmp_path / "notes.xlsx", [["hello"], ["world"]])
    with pytest.raises(UserError, match=r"notes\.xlsx"):
        read_roster(path)


def test_every_empty_required_cell_is_reported_with_file_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    write_roster_template(path, EVENTS)
    fill(
        path,
        [
            ["1001", "", "采油一区", "", "", EVENTS[0], ""],
            ["", "李四", "采油一区", "", "", EVENTS[0], ""],
            ["1003", "王五", "采油一区", "", "", None, ""],
            ["1004", "赵六", "采油一区", "", "", EVENTS[0], ""],
        ],
    )

    with pytest.raises(ImportRejected) as caught:
        read_roster(path)

    places = [(p.where.file, p.where.row, p.where.column) for p in caught.value.problems if p.where]
    assert places == [
        ("报名表.xlsx", 2, "姓名"),
        ("报名表.xlsx", 3, "工号"),
        ("报名表.xlsx", 4, "参赛项目"),
    ]
    assert all(p.message().endswith("此项必填") for p in caught.value.problems)


def test_duplicate_header_is_refused(tmp_path: Path) -> None:
    path = sheet(tmp_path / "r.xlsx", [["工号", "姓名", "单位", "参赛项目", "姓名"]])
    with pytest.raises(UserError, match="姓名"):
        read_roster(path)


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    path.write_text("工号,姓名\n1001,张三\n", encoding="utf-8")

    with pytest.raises(UserError) as caught:
        read_roster(path)

    assert caught.value.where is not None and caught.value.where.file == "报名表.xlsx"
    assert "报名表.xlsx" in str(caught.value)
    assert ".xlsx" in caught.value.msgid


def test_a_csv_file_without_a_roster_header_is_refused_clearly(
    tmp_path: Path, english: None
) -> None:
    """A CSV roster is read (tests/reports/test_roster_csv.py); one that is not a roster
    is refused naming the columns it lacks."""
    path = tmp_path / "roster.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"roster\.csv: No Employee no\.、Name、Unit、"):
        read_roster(path)


def test_a_missing_file_is_refused_clearly(tmp_path: Path, english: None) -> None:
    with pytest.raises(UserError, match=r"gone\.xlsx: The file cannot be found"):
        read_roster(tmp_path / "gone.xlsx")


def test_headers_and_instructions_have_chinese_translations() -> None:
    # These reach _() through variables, which the catalog-wide check cannot see.
    zh = catalog("zh_CN")
    assert [msgid for msgid in [*FIELD_LABELS.values(), *INSTRUCTIONS] if msgid not in zh] == []
