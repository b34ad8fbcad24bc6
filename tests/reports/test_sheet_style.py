"""Excel files as an HR clerk expects them (reports/sheet_style.py), written to disk and
read back with openpyxl: numbers stored as numbers with their formats, a named sheet, the
header frozen and repeated on printed pages, A4 fitted to the width, columns as wide as
their Chinese text; and a target that cannot be written said in Chinese."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from contest_desk.errors import UserError
from contest_desk.i18n import speaking
from contest_desk.reports import files
from contest_desk.reports.files import save_csv, save_workbook
from contest_desk.reports.innovation_excel import write_ledger
from contest_desk.reports.labor_excel import write_labor_template
from contest_desk.reports.roster_excel import write_roster_template
from contest_desk.reports.sheet_style import (
    AMOUNT,
    finish_table,
    number_cell,
    sheet_title,
)
from contest_desk.services.hub import Services
from tests.builders import copy_of_demo

D = Decimal
LOCKED = "文件正被其他程序打开或没有写入权限：{name}，请关闭后重试"


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("demo")))


def assert_print_ready(ws, header_row: int) -> None:
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == f"$1:${header_row}"


def test_a_table_sheet_is_finished_as_a_clerk_expects(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title("2026/05 采油工: 决赛?")
    ws.append(["名次", "姓名", "单位", "理论", "实操", "总分", "奖金"])
    ws.append([None, "吕新民", "采油一区/采油一班/第三采油作业区", None, None, None, None])
    number_cell(ws["A2"], 1)
    number_cell(ws["D2"], D("98"), 2)
    number_cell(ws["E2"], D("90.825"), 2)  # half-up at the rubric's two places
    number_cell(ws["F2"], D("92.9775"), 2)
    number_cell(ws["G2"], D("12345.6"), 2)
    ws["G2"].number_format = AMOUNT
    finish_table(ws)
    path = save_workbook(wb, tmp_path / "成绩.xlsx")

    ws = openpyxl.load_workbook(path).active
    assert ws.title == "2026-05 采油工- 决赛-"
    assert [c.data_type for c in ws[2]] == ["n", "s", "s", "n", "n", "n", "n"]
    assert [ws.cell(2, c).value for c in (1, 4, 5, 6)] == [1, 98, 90.83, 92.98]
    assert [ws.cell(2, c).number_format for c in (1, 4, 6, 7)] == ["0", "0.00", "0.00", AMOUNT]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.b
    assert_print_ready(ws, 1)
    # 单位: 15 Chinese characters and two slashes, counted as 32, plus room
    assert ws.column_dimensions["C"].width == 34
    assert ws.column_dimensions["B"].width == 8  # 吕新民: 6 + 2


def test_the_labor_template(demo: Services, tmp_path: Path) -> None:
    contest = next(c for c in demo.contests.contests() if c.kind.value == "labor")
    period = demo.labor.periods(contest.id)[0]
    grid = demo.labor_values.grid(contest.id, period.id)
    path = write_labor_template(tmp_path / "考核.xlsx", contest.name, grid)
    ws = openpyxl.load_workbook(path).active
    assert ws.title == period.name
    assert ws.freeze_panes == "B5"
    assert_print_ready(ws, 4)
    values = [c for row in ws.iter_rows(min_row=5, min_col=2) for c in row if c.value is not None]
    assert values and all(c.data_type == "n" for c in values)
    assert ws.column_dimensions["A"].width >= 2 * max(len(t.name) for t in grid.teams)


def test_the_innovation_ledger(demo: Services, tmp_path: Path) -> None:
    path = write_ledger(
        tmp_path / "台账.xlsx",
        demo.ledger.achievements(),
        demo.innovation_details.completer_numbers(),
    )
    ledger, benefits = openpyxl.load_workbook(path).worksheets
    for ws in (ledger, benefits):
        assert ws.freeze_panes == "A2"
        assert_print_ready(ws, 1)
        assert ws.page_setup.orientation == "landscape"
    amounts = [row[10] for row in ledger.iter_rows(min_row=2)]  # 实际效益
    assert amounts and all(c.data_type == "n" and c.number_format == AMOUNT for c in amounts)
    money = [row[5] for row in benefits.iter_rows(min_row=2)]
    assert money and all(c.data_type == "n" and c.number_format == AMOUNT for c in money)
    dates = [row[8] for row in ledger.iter_rows(min_row=2) if row[8].value is not None]
    assert dates and all(c.is_date and c.number_format == "yyyy-mm-dd" for c in dates)


def test_the_roster_template_prints_on_a4(tmp_path: Path) -> None:
    path = write_roster_template(tmp_path / "报名表.xlsx", ["采油工技能比武"])
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.freeze_panes == "A2"
    assert_print_ready(ws, 1)


def test_a_csv_export_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = save_csv("名次,姓名\n1,吕新民\n", tmp_path / "成绩.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf\xe5\x90\x8d")
    assert path.read_text(encoding="utf-8-sig") == "名次,姓名\n1,吕新民\n"


def test_a_folder_in_the_way_is_said_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "成绩.xlsx").mkdir()
    with speaking("zh_CN"), pytest.raises(UserError) as caught:
        save_workbook(Workbook(), tmp_path / "成绩.xlsx")
    assert caught.value.message() == LOCKED.format(name="成绩.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["成绩.xlsx"]  # nothing left aside


def test_a_file_open_in_excel_is_said_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Excel or WPS holds open (PermissionError)."""
    target = tmp_path / "成绩.csv"
    target.write_text("old", encoding="utf-8")

    def locked(source: str, destination: Path) -> None:
        raise PermissionError(13, "The process cannot access the file", str(destination))

    monkeypatch.setattr(files.os, "replace", locked)
    with speaking("zh_CN"), pytest.raises(UserError) as caught:
        save_csv("a\n", target)
    assert caught.value.message() == LOCKED.format(name="成绩.csv")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["成绩.csv"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_a_read_only_folder_is_said_in_chinese(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with speaking("zh_CN"), pytest.raises(UserError) as caught:
            save_csv("a\n", tmp_path / "成绩.csv")
    finally:
        tmp_path.chmod(0o700)
    assert caught.value.message() == LOCKED.format(name="成绩.csv")


def test_a_certificate_held_open_is_said_in_chinese(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Certificates are written in a folder of their own and moved into place: one held
    open by a PDF viewer is named, not the batch's temporary file."""
    from contest_desk.reports.certificate_pdf import write_certificates
    from tests.reports.test_certificates import printed

    (tmp_path / "证书.pdf").mkdir()  # stands for the file a viewer holds open
    with speaking("zh_CN"), pytest.raises(UserError) as caught:
        write_certificates(
            tmp_path / "证书.pdf", printed(demo)[:1], True, sign=demo.certificates.sealer(1)
        )
    assert caught.value.message() == LOCKED.format(name="证书.pdf")
