"""roster_import.py: a roster file becomes units, persons, teams and entries, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from contest_desk.domain.contest import EventMode
from contest_desk.domain.records.contests import ImportSummary, PersonInfo
from contest_desk.domain.records.roster import RosterRow
from contest_desk.errors import ImportRejected, NotFound, UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.reports.roster_excel import read_roster, write_roster_template
from contest_desk.services.hub import Services
from contest_desk.services.people.roster_import import RosterImportService
from contest_desk.storage import models as m
from tests.builders import fill_rows

SOLO = "采油工技能比武"
TEAM = "仪表维修工团体赛"


@dataclass(frozen=True)
class Contest:
    services: Services
    id: int
    solo: int
    team: int

    def snapshot(self) -> tuple[Any, ...]:
        """Everything an import may write, as the roster service shows it."""
        roster = self.services.roster
        return (
            roster.units(),
            roster.persons(),
            roster.entries(self.solo),
            roster.entries(self.team),
            roster.teams(self.id),
        )


@pytest.fixture
def contest(services: Services) -> Contest:
    created = services.contests.create_contest("2026年青工技能月")
    solo = services.contests.create_event(created.id, SOLO)
    team = services.contests.create_event(created.id, TEAM, mode=EventMode.TEAM)
    return Contest(services, created.id, solo.id, team.id)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language(DEFAULT_LANGUAGE)


def roster_file(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """Our template, filled in from row 2 the way an organizer would."""
    write_roster_template(path, [SOLO, TEAM])
    return fill_rows(path, rows)


def import_file(contest: Contest, path: Path) -> ImportSummary:
    service = RosterImportService(contest.services.ctx)
    return service.import_rows(contest.id, read_roster(path), path.name)


FULL: list[list[Any]] = [
    ["1001", "张三", "采油一区/作业一班", "采油工", "高级工", SOLO, None],
    [1002, "李四", "采油一区/作业二班", "仪表维修工", "技师", SOLO, None],
    [1002, "李四", None, None, None, TEAM, "一区仪表队"],
    [1003.0, "王五", "采油二区/维修班", "仪表维修工", "高级技师", TEAM, "一区仪表队"],
    ["1004", "赵六", "采油二区/维修班", "仪表维修工", "", TEAM, "二区仪表队"],
]


def test_import_writes_units_persons_teams_and_entries(contest: Contest, tmp_path: Path) -> None:
    summary = import_file(contest, roster_file(tmp_path / "报名表.xlsx", FULL))

    assert summary.created == {"units": 5, "persons": 4, "teams": 2, "entries": 4}
    assert summary.updated == {"persons": 0, "teams": 0}
    roster = contest.services.roster
    assert [u.path for u in roster.units()] == [
        "采油一区",
        "采油一区/作业一班",
        "采油一区/作业二班",
        "采油二区",
        "采油二区/维修班",
    ]
    persons = [(p.employee_no, p.name, p.unit, p.job_type, p.skill_level) for p in roster.persons()]
    assert persons == [
        ("1001", "张三", "采油一区/作业一班", "采油工", "高级工"),
        ("1002", "李四", "采油一区/作业二班", "仪表维修工", "技师"),
        ("1003", "王五", "采油二区/维修班", "仪表维修工", "高级技师"),
        ("1004", "赵六", "采油二区/维修班", "仪表维修工", ""),
    ]
    assert [(e.label, e.key) for e in roster.entries(contest.solo)] == [
        ("张三", "1001"),
        ("李四", "1002"),
    ]
    assert [(e.label, e.unit) for e in roster.entries(contest.team)] == [
        ("一区仪表队", "采油一区/作业二班"),
        ("二区仪表队", "采油二区/维修班"),
    ]
    assert [(t.name, t.members) for t in roster.teams(contest.id)] == [
        ("一区仪表队", ("李四", "王五")),
        ("二区仪表队", ("赵六",)),
    ]
    with contest.services.ctx.db.reading() as s:
        audits = s.scalars(select(m.AuditRecord).where(m.AuditRecord.action == "roster.import"))
        (audit,) = audits.all()
        assert audit.target == f"contest:{contest.id}"
        assert audit.detail["source"] == "报名表.xlsx"
        assert audit.detail["created"]["persons"] == 4


def test_a_known_person_is_updated_and_blank_cells_keep_stored_values(
    contest: Contest, tmp_path: Path
) -> None:
    contest.services.roster.add_person("1001", "张三", "旧单位", "采油工", "中级工")

    summary = import_file(
        contest,
        roster_file(tmp_path / "r.xlsx", [[1001, "张三", "采油一区/作业一班", "", "高级工", SOLO]]),
    )

    assert summary.created == {"units": 2, "persons": 0, "teams": 0, "entries": 1}
    assert summary.updated == {"persons": 1, "teams": 0}
    (person,) = contest.services.roster.persons()
    assert (person.unit, person.job_type, person.skill_level) == (
        "采油一区/作业一班",
        "采油工",
        "高级工",
    )


def test_a_known_team_gets_new_members(contest: Contest, tmp_path: Path) -> None:
    import_file(
        contest, roster_file(tmp_path / "a.xlsx", [[1, "李四", "一区", "", "", TEAM, "队"]])
    )

    summary = import_file(
        contest, roster_file(tmp_path / "b.xlsx", [[2, "王五", "一区", "", "", TEAM, "队"]])
    )

    assert summary.created == {"units": 0, "persons": 1, "teams": 0, "entries": 0}
    assert summary.updated == {"persons": 0, "teams": 1}
    assert [t.members for t in contest.services.roster.teams(contest.id)] == [("李四", "王五")]
    assert len(contest.services.roster.entries(contest.team)) == 1


def test_importing_the_same_file_again_is_refused_and_changes_nothing(
    contest: Contest, tmp_path: Path
) -> None:
    path = roster_file(tmp_path / "报名表.xlsx", FULL)
    import_file(contest, path)
    before = contest.snapshot()

    with pytest.raises(ImportRejected) as caught:
        import_file(contest, path)

    assert [(p.where.row, p.where.column) for p in caught.value.problems if p.where] == [
        (row, "工号") for row in range(2, 7)
    ]
    assert "张三（1001）已报名“采油工技能比武”" in caught.value.problems[0].message()
    assert contest.snapshot() == before


# Each case: rows of a file (after a clean first row), and where its problem must be reported.
BAD_ROWS: dict[str, tuple[list[list[Any]], int, str]] = {
    "empty name": ([[1002, "  ", "采油一区", "", "", SOLO]], 3, "姓名"),
    "unknown event": ([[1002, "李四", "采油一区", "", "", "电焊工技能比武"]], 3, "参赛项目"),
    "number twice in one event": ([[1001, "张三", "采油一区", "", "", SOLO]], 3, "工号"),
    "name differs from the roster": ([[9, "李四", "采油一区", "", "", TEAM, "队"]], 3, "姓名"),
    "team event without a team": ([[1002, "李四", "采油一区", "", "", TEAM, ""]], 3, "参赛队"),
    "individual event with a team": ([[1002, "李四", "采油一区", "", "", SOLO, "队"]], 3, "参赛队"),
    "person already entered": ([[9, "王五", "采油一区", "", "", SOLO]], 3, "工号"),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_bad_rows_are_reported_with_file_row_and_column_and_nothing_is_written(
    contest: Contest, tmp_path: Path, case: str
) -> None:
    roster = contest.services.roster
    stored = roster.add_person("9", "王五", "采油一区")
    roster.add_entry(contest.solo, person_id=stored.id)
    before = contest.snapshot()
    rows, row, column = BAD_ROWS[case]
    path = roster_file(tmp_path / "报名表.xlsx", [[1001, "张三", "采油一区", "", "", SOLO], *rows])

    with pytest.raises(ImportRejected) as caught:
        import_file(contest, path)

    (problem,) = caught.value.problems
    assert problem.where is not None
    assert (problem.where.file, problem.where.row, problem.where.column) == (
        "报名表.xlsx",
        row,
        column,
    )
    text = problem.message()
    assert text.startswith(f"报名表.xlsx, 第 {row} 行, “{column}”列: ")
    assert contest.snapshot() == before


def test_a_missing_column_is_refused_before_anything_is_written(
    contest: Contest, tmp_path: Path
) -> None:
    before = contest.snapshot()
    path = roster_file(tmp_path / "报名表.xlsx", [[1001, "张三", "采油一区", "", "", SOLO]])
    wb = load_workbook(path)
    wb.worksheets[0].delete_cols(3)  # no 单位 column
    wb.save(path)

    with pytest.raises(UserError) as caught:
        import_file(contest, path)

    assert str(caught.value) == "报名表.xlsx: 表头中没有“单位”列"
    assert contest.snapshot() == before


def test_a_file_that_is_not_a_workbook_is_refused(contest: Contest, tmp_path: Path) -> None:
    path = tmp_path / "报名表.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old binary workbook")

    with pytest.raises(UserError, match=r"报名表\.xls: 这不是 Excel 工作簿"):
        import_file(contest, path)


def test_the_name_mismatch_message(contest: Contest, english: None) -> None:
    contest.services.roster.add_person("1001", "张三", "采油一区")
    service = RosterImportService(contest.services.ctx)

    with pytest.raises(ImportRejected) as caught:
        service.import_rows(contest.id, [RosterRow(4, "1001", "李四", event=SOLO)], "r.xlsx")

    assert caught.value.problems[0].message() == (
        "r.xlsx, row 4, column Name: Employee number 1001 is 张三 in the roster, not 李四"
    )


def test_every_problem_is_collected(contest: Contest, english: None) -> None:
    rows = [
        RosterRow(2, "1", "张三", "一区", event=SOLO),
        RosterRow(3, "1", "李四", "一区", event=TEAM, team="队"),  # name differs from row 2
        RosterRow(4, "2", "赵六", "一区", event="无此项目"),
        RosterRow(5, "2", "赵六", "二区", event=SOLO),  # unit differs from row 4
        RosterRow(6, "", "", event=SOLO),
    ]
    before = contest.snapshot()

    with pytest.raises(ImportRejected) as caught:
        RosterImportService(contest.services.ctx).import_rows(contest.id, rows, "r.xlsx")

    messages = [p.message() for p in caught.value.problems]
    assert messages == [
        "r.xlsx, row 3, column Name: Employee number 1 is 张三 in row 2, not 李四",
        "r.xlsx, row 4, column Entered event: 无此项目 is not an event of this contest "
        f"(its events: {TEAM}、{SOLO})",
        "r.xlsx, row 5, column Unit: 二区 differs from 一区 given for employee number 2 in row 4",
        "r.xlsx, row 6, column Employee no.: This cell is required",
        "r.xlsx, row 6, column Name: This cell is required",
    ]
    assert caught.value.message().startswith("5 problem(s), nothing imported.")
    assert contest.snapshot() == before


def test_rows_are_cleaned_before_they_are_compared_and_stored(contest: Contest) -> None:
    rows = [
        RosterRow(2, " １００１ ", "张\u3000三", " 采油一区 / 作业一班 ", " 采油工 ", "", SOLO),
        RosterRow(3, "1001", "张三", "采油一区/作业一班", "", "", f" {TEAM} ", " 一队 "),
        RosterRow(4, "1002", " Zhang  San ", "", "", "", SOLO),
    ]

    RosterImportService(contest.services.ctx).import_rows(contest.id, rows, "r.xlsx")

    assert contest.services.roster.persons() == [
        PersonInfo(1, "1001", "张三", 2, "采油一区/作业一班", "采油工", ""),
        PersonInfo(2, "1002", "Zhang  San", None, "", "", ""),
    ]
    assert [t.name for t in contest.services.roster.teams(contest.id)] == ["一队"]


def test_nothing_to_import_and_unknown_contest(contest: Contest) -> None:
    service = RosterImportService(contest.services.ctx)
    with pytest.raises(UserError, match=r"r\.xlsx: 没有可导入的行"):
        service.import_rows(contest.id, [], "r.xlsx")
    with pytest.raises(NotFound):
        service.import_rows(999, [RosterRow(2, "1", "张三", event=SOLO)], "r.xlsx")


def test_a_too_long_value_is_refused(contest: Contest) -> None:
    rows = [RosterRow(2, "1" * 41, "张三", event=SOLO)]
    with pytest.raises(ImportRejected) as caught:
        RosterImportService(contest.services.ctx).import_rows(contest.id, rows, "r.xlsx")
    assert caught.value.problems[0].message() == "r.xlsx, 第 2 行, “工号”列: 超过 40 个字符"
