"""Issue 11, part 4, item by item: each bad input the issue lists is refused with a message
naming what is wrong, and nothing is written. Every test here failed before the fix
(a traceback, an unclear message, or the input accepted)."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from contest_desk.domain.contest import ContestKind
from contest_desk.domain.labor import Direction, Indicator, IndicatorRule
from contest_desk.domain.ladder import BoardRules, RatingKind
from contest_desk.domain.records.labor import PeriodKind
from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.errors import ImportRejected, UserError
from contest_desk.reports.board_report import board_json
from contest_desk.reports.labor_excel import read_labor_sheet, write_labor_template
from contest_desk.reports.roster_excel import read_roster
from contest_desk.services.hub import Services
from contest_desk.services.judging.score_import import read_sheet_values
from tests.builders import SmallEvent
from tests.properties.conftest import says_something, snapshot

HUGE = "1e999999999"
D = Decimal


def refused(services: Services, action, *needles: str) -> UserError:
    """``action`` raises a UserError whose messages hold every needle; no table changed."""
    before = snapshot(services)
    with pytest.raises(UserError) as caught:
        action()
    error = caught.value
    says_something(error)
    problems = error.problems if isinstance(error, ImportRejected) else [error]
    text = "\n".join([error.message(), *(p.message() for p in problems)])
    for needle in needles:
        assert needle in text, text
    assert snapshot(services) == before
    return error


def score_csv(
    tmp_path: Path, *rows: str, header: str = "entry,judge,criterion,value,round"
) -> Path:
    path = tmp_path / "scores.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


# --- 1e999999999 ---------------------------------------------------------------------------


def test_a_huge_mark_in_a_score_csv_is_a_located_problem(services, small: SmallEvent, tmp_path):
    path = score_csv(tmp_path, f"101,j1,P1,{HUGE},1")
    refused(
        services,
        lambda: services.score_import.import_csv(small.event.id, path),
        "scores.csv",
        "第 2 行",
        "太大",
    )


@pytest.fixture
def labor(services: Services) -> tuple[int, int]:
    contest = services.contests.create_contest("劳动竞赛", ContestKind.LABOR)
    person = services.roster.add_person("L001", "班长", "采油一区/采油一班")
    team = services.roster.add_team(contest.id, "采油一班", [person.id]).id
    services.labor.set_indicators(
        contest.id,
        [Indicator("C1", "原油产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, D(50),
                   D(1000), D(1500))],
    )  # fmt: skip
    services.labor.add_period(
        contest.id, "6月", PeriodKind.MONTH, dt.date(2026, 6, 1), dt.date(2026, 6, 30)
    )
    return contest.id, team


def test_a_huge_labor_value_is_refused_keyed_or_imported(services, labor, tmp_path):
    contest, team = labor
    refused(
        services, lambda: services.labor_values.set_value(contest, "6月", team, "C1", HUGE), "太大"
    )
    path = tmp_path / "6月.xlsx"
    write_labor_template(path, "上产竞赛", services.labor_values.grid(contest, "6月"))
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["B5"] = HUGE
    wb.save(path)
    refused(
        services,
        lambda: services.labor_import.import_values(contest, "6月", read_labor_sheet(path)),
        "第 5 行",
        "太大",
    )


@pytest.fixture
def board(services: Services, small: SmallEvent) -> int:
    rules = BoardRules(rating=RatingKind.ELO)
    return services.boards.create_board(small.event.id, "擂台", rules).id


def test_a_huge_board_rating_is_refused_and_the_board_still_shows(services, board, tmp_path):
    path = tmp_path / "paper.csv"
    path.write_text(f"名次,工号,评分\n1,101,{HUGE}\n2,102,1500\n", encoding="utf-8")
    refused(
        services,
        lambda: services.board_import.import_paper(board, path),
        "paper.csv",
        "第 2 行",
        "评分",
    )
    path.write_text("名次,工号,评分\n1,101,1612.5\n2,102,1500\n", encoding="utf-8")
    assert services.board_import.import_paper(board, path) == 2
    shown = json.loads(board_json(services.board_views.view(board)))
    assert shown["rows"][0]["rating"] == "1612.5"


# --- '²' as a round or a place ---------------------------------------------------------------


def test_a_superscript_round_is_a_located_problem(services, small: SmallEvent, tmp_path):
    path = score_csv(tmp_path, "101,j1,P1,8,²")
    refused(
        services,
        lambda: services.score_import.import_csv(small.event.id, path),
        "第 2 行",
        "round",
        "²",
    )


def test_a_full_width_round_is_read(services, small: SmallEvent, tmp_path):
    path = score_csv(tmp_path, "101,j1,P1,8,１")
    assert services.score_import.import_csv(small.event.id, path).created == {"scores": 1}


def test_a_superscript_place_is_a_located_problem(services, board, tmp_path):
    path = tmp_path / "paper.csv"
    path.write_text("名次,工号\n²,101\n", encoding="utf-8")
    refused(services, lambda: services.board_import.import_paper(board, path), "第 2 行", "名次")


# --- A CSV cell over 128 KB ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "needles"),
    [
        ("9" * 200_000, ("第 3 行", "value")),  # read (was _csv.Error), then refused by field
        ('"' + "9" * 1_100_000 + '"', ("scores.csv", "第 3 行", "1048576")),  # past the cell limit
    ],
    ids=["200 KB", "1.1 MB"],
)
def test_a_long_csv_cell_is_refused_with_its_row(services, small, tmp_path, cell, needles):
    path = score_csv(tmp_path, "101,j1,P1,8,1", f"102,j1,P1,{cell},1")
    refused(services, lambda: services.score_import.import_csv(small.event.id, path), *needles)


# --- JSON nested 100,000 deep, a 200-level rubric ---------------------------------------------


def test_a_contest_file_nested_100000_deep_is_refused(services, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"format": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    refused(services, lambda: services.transfer.import_file(path), "deep.json", "64")


def test_a_200_level_rubric_is_refused(services, small: SmallEvent):
    node = Criterion("L200", "最深", CriterionKind.JUDGEMENT)
    for level in range(199, 0, -1):
        node = Criterion(f"L{level}", "层", None, children=(node,))
    part = small.event.parts[0].id
    refused(services, lambda: services.contests.save_rubric(part, Rubric((node,))), "8")


# --- Offline sheets: re-signed with wrong types, a huge value, an empty cell key -----------------


@pytest.fixture
def sheet(services: Services, small: SmallEvent, tmp_path: Path) -> Path:
    services.users.add_user("j1", "j1", "j1-sheets-2026", ["judge"])
    services.draws.run(small.event.id, 1, seed="offline", prefix="A")
    return services.offline_sheets.export(
        small.event.id, 1, small.judges[0].id, tmp_path / "j1.json"
    )


def resigned(path: Path, change) -> Path:
    """The file changed, then signed again with the judge's password, as only the judge
    could: what is checked is the content, not the signature."""
    from contest_desk.domain.sheet_signing import JudgeKey, judge_sign

    data = json.loads(path.read_text("utf-8"))
    change(data)
    key = JudgeKey.parse(data["judge"]["signing_key"])
    assert key is not None
    private = key.private_key("j1-sheets-2026")
    assert private is not None
    judge_sign(data, private)
    path.write_text(json.dumps(data), "utf-8")  # escaped: text that is not UTF-8 stays so
    return path


def test_a_resigned_sheet_with_a_huge_value_is_a_listed_problem(services, sheet):
    code = json.loads(sheet.read_text("utf-8"))["entries"][0]["code"]
    resigned(sheet, lambda d: d["values"].update({f"{code}|P1": HUGE}))
    refused(services, lambda: services.offline_sheets.import_file(sheet), "P1", "太大")


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(file_id={"id": 1}),
        lambda d: d.update(values=[["A1", "P1", "8"]]),
        lambda d: d.update(entries="A001"),
        lambda d: d["values"].update({"|": "8"}),
    ],
    ids=["file id a dict", "values a list", "entries a string", "cell key without codes"],
)
def test_a_resigned_sheet_with_wrong_types_is_refused(services, sheet, change):
    resigned(sheet, change)
    refused(services, lambda: services.offline_sheets.import_file(sheet), "j1.json")


def test_an_escaped_lone_surrogate_in_a_sheet_file_is_refused(services, sheet):
    text = sheet.read_text("utf-8").replace('"values": {}', '"values": {"A001|P1": "\\ud800"}')
    sheet.write_text(text, "utf-8")
    refused(services, lambda: services.offline_sheets.import_file(sheet), "j1.json", "无效")


def test_sheet_fill_names_what_is_missing(tmp_path):
    # `sheet fill` reads its CSV through read_sheet_values before it touches the sheet file
    scores = score_csv(tmp_path, ",P1,8", "A002,,9", header="entry,criterion,value")
    with pytest.raises(ImportRejected) as caught:
        read_sheet_values(scores)
    says_something(caught.value)
    named = [(p.where.row, p.where.column) for p in caught.value.problems if p.where]
    assert named == [(2, "entry"), (3, "criterion")]
    scores.write_text("code,criterion,value\nA001,P1,8\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="entry"):
        read_sheet_values(scores)


# --- A 100,000-character name -------------------------------------------------------------------


def test_a_100000_character_name_from_a_contest_file_is_refused(services, small, tmp_path):
    data = services.transfer.export_contest(services.contests.contests()[0].id)
    data["contest"]["name"] = "另一场比武"
    data["persons"][0]["name"] = "张" * 100_000
    data["persons"][0]["employee_no"] = "N001"
    for event in data["events"]:
        for entry in event["entries"]:
            if entry.get("person") == "101":
                entry["person"] = "N001"
    refused(
        services,
        lambda: services.transfer.import_contest(data, "big.json"),
        "$.persons[0].name",
        "60",
    )


def test_a_100000_character_name_typed_in_the_window_is_refused(services):
    refused(services, lambda: services.roster.add_person("N001", "张" * 100_000, "采油一区"), "60")


def test_a_nul_in_a_roster_row_is_refused_before_any_query(services, small: SmallEvent):
    from contest_desk.domain.records.roster import RosterRow

    rows = [RosterRow(2, "N\x00001", "张三", "采油一区", event="采油工")]
    contest = small.event.contest_id
    # PostgreSQL raised DataError binding it ("text fields cannot contain NUL")
    refused(
        services,
        lambda: services.roster_import.import_rows(contest, rows, "r.xlsx"),
        "r.xlsx",
        "第 2 行",
    )


def test_a_lone_surrogate_never_reaches_the_database(services):
    refused(services, lambda: services.roster.add_person("N002", "张\ud800", "采油一区"))


# --- A 3-million-row workbook ---------------------------------------------------------------------


def _roster_workbook(path: Path, rows: int, dimension: str | None) -> Path:
    """A roster workbook of ``rows`` rows whose sheet declares ``dimension`` (None: none).
    Excel and openpyxl stop at 1,048,576 rows, so a file claiming more is made by hand."""
    wb = Workbook()
    wb.active.append(["工号", "姓名", "单位", "参赛项目"])
    for n in range(rows):
        wb.active.append([f"{n:04d}", "张三", "采油一区", "采油工"])
    wb.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    new = "" if dimension is None else f'<dimension ref="{dimension}"/>'
    sheet = re.sub(r'<dimension ref="[^"]*"\s*/>', new, sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_a_workbook_declaring_3_million_rows_is_refused_before_reading(tmp_path):
    path = _roster_workbook(tmp_path / "big.xlsx", 3, "A1:D3000000")
    with pytest.raises(UserError, match="500000"):
        read_roster(path)


def test_a_workbook_declaring_no_size_is_refused_by_counting(tmp_path, monkeypatch):
    from contest_desk.domain import limits

    monkeypatch.setattr(limits, "ROWS", 10)
    path = _roster_workbook(tmp_path / "long.xlsx", 30, None)
    with pytest.raises(UserError, match="10"):
        read_roster(path)
    assert len(read_roster(_roster_workbook(tmp_path / "ok.xlsx", 9, None))) == 9


def test_a_workbook_past_the_size_limit_is_refused_unopened(tmp_path, monkeypatch):
    from contest_desk.domain import limits

    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"PK" + b"\0" * 4096)
    monkeypatch.setattr(limits, "FILE_BYTES", 1024)
    with pytest.raises(UserError, match=r"roster\.xlsx"):
        read_roster(path)


# --- SQLite: busy, then a clear message ---------------------------------------------------


def test_a_write_waits_for_another_and_then_says_the_database_is_busy(tmp_path, monkeypatch):
    from contest_desk.storage import db as storage_db

    monkeypatch.setattr(storage_db, "BUSY_SECONDS", 0.2)
    services = Services.open(str(tmp_path / "busy.db"))
    try:
        with services.ctx.db.transaction() as s:  # a long import holding the write lock
            from contest_desk.storage import models as m

            s.add(m.Unit(name="采油一区"))
            s.flush()
            with pytest.raises(UserError, match=r"0 s|秒"):
                services.roster.add_person("B001", "李四", "采油二区")
        assert services.roster.add_person("B001", "李四", "采油二区").name == "李四"
    finally:
        services.ctx.db.dispose()


# --- Certificate templates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"body": "{name 同志"}, "{name 同志"),  # ValueError from the format parser before
        ({"body": "{name:>99999999}"}, "{name}"),  # padded a name to 100 MB when printed
        ({"body_size": float("nan")}, "nan"),
        ({"colour": "red; x"}, "#rrggbb"),
    ],
)
def test_a_template_a_page_cannot_show_is_refused(services, small: SmallEvent, changes, needle):
    from dataclasses import replace

    from contest_desk.domain.certificates import Template

    template = replace(Template("我的模板"), **changes)
    contest = small.event.contest_id
    refused(services, lambda: services.certificates.save_template(contest, template), needle)


def test_texts_each_within_limits_but_too_long_together_for_a_qr_code_are_refused():
    from contest_desk.domain import limits
    from contest_desk.domain.signing import new_key_pair, qr_matrix, qr_text

    fields = {
        "serial": "CD-2026-01-00001", "name": "张" * limits.TEAM_NAME,
        "unit": "采" * limits.UNIT_NAME, "contest": "赛" * limits.TITLE,
        "event": "项" * limits.TITLE, "award": "一等奖", "date": "二〇二六年十一月",
    }  # fmt: skip
    with pytest.raises(UserError, match="二维码"):  # segno's DataOverflowError before
        qr_matrix(qr_text(fields, new_key_pair().private))


def test_a_user_added_during_a_long_write_waits_for_it(tmp_path):
    import threading

    from contest_desk.storage import models as m

    services = Services.open(str(tmp_path / "wait.db"))
    holding, release = threading.Event(), threading.Event()

    def long_import() -> None:  # holds the write lock until released
        with services.ctx.db.transaction() as s:
            s.add(m.Unit(name="采油一区"))
            s.flush()
            holding.set()
            release.wait(10)

    worker = threading.Thread(target=long_import)
    worker.start()
    try:
        assert holding.wait(10)
        threading.Timer(0.3, release.set).start()
        services.users.add_user("late", "后来者", "late-pass-2026", ["viewer"])  # waits
    finally:
        release.set()
        worker.join()
    assert [u.username for u in services.users.users()] == ["late"]
    assert [u.path for u in services.roster.units()] == ["采油一区"]
    services.ctx.db.dispose()
