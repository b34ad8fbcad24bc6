"""Result notices (成绩公示): standings, a board and a labor period as PDF and Excel; long
tables break across pages with their header repeated; every font embedded."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from contest_desk.reports.result_notice import (
    board_notice,
    labor_notice,
    standings_notice,
    write_notice_excel,
    write_notice_pdf,
)
from contest_desk.services.hub import Services
from tests.builders import copy_of_demo

DAY = dt.date(2026, 5, 20)


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("notice")))


def embedded(path: Path) -> set[bool]:
    out = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            for part in font.get_object().get("/DescendantFonts", [font]):
                d = part.get_object().get("/FontDescriptor")
                d = d.get_object() if d is not None else {}
                out.add(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    return out


def test_a_standings_notice_with_its_posting_period(demo: Services, tmp_path: Path) -> None:
    notice = standings_notice(
        demo.standings.standings(1), "2026年采油厂职工技能比武", "采油厂工会", DAY
    )
    path = write_notice_pdf(tmp_path / "公示.pdf", notice)
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    first = notice.rows[0]
    assert "成绩公示" in text and first[2] in text and first[5] in text
    assert "2026-05-20" in text and "2026-05-27" in text and "二〇二六年五月二十日" in text
    assert embedded(path) == {True}


def test_a_long_table_repeats_its_header_on_every_page(demo: Services, tmp_path: Path) -> None:
    notice = standings_notice(demo.standings.standings(1), "竞赛", "采油厂工会", DAY)
    long = replace(notice, rows=notice.rows * 6)  # 144 rows
    reader = PdfReader(write_notice_pdf(tmp_path / "长表.pdf", long))
    assert len(reader.pages) >= 3
    assert all(
        "名次" in page.extract_text() and "奖项" in page.extract_text() for page in reader.pages
    )


def test_board_and_labor_notices_and_excel(demo: Services, tmp_path: Path) -> None:
    board = board_notice(demo.board_views.view(1), "采油厂工会", DAY)
    labor = labor_notice(demo.labor_standings.standings(2, "3月"), "采油厂工会", DAY)
    assert board.rows[0][5] == "擂主" and any(row[5] for row in labor.rows)  # the veto shows
    write_notice_pdf(tmp_path / "擂台.pdf", board)
    path = write_notice_excel(tmp_path / "公示.xlsx", [board, labor])
    wb = openpyxl.load_workbook(path)
    assert len(wb.worksheets) == 2
    assert wb.worksheets[1]["A2"].value == "名次" and wb.worksheets[1].max_row == 8 + 5
    # Places, ratings, defences, ranks and totals are numbers, shown with their places.
    board_sheet, labor_sheet = wb.worksheets
    place, rating, defences = board_sheet["A3"], board_sheet["D3"], board_sheet["E3"]
    assert (place.value, place.data_type) == (1, "n")
    assert rating.data_type == "n" and f"{rating.value:.1f}" == board.rows[0][3]
    assert rating.number_format == "0.0" and defences.value == int(board.rows[0][4])
    total = labor_sheet["D3"]
    assert total.data_type == "n" and f"{total.value:.2f}" == labor.rows[0][3]
    assert total.number_format == "0.00"


def test_the_excel_notice_is_ready_to_print_and_sort(demo: Services, tmp_path: Path) -> None:
    notice = standings_notice(demo.standings.standings(1), "竞赛", "采油厂工会", DAY)
    ws = openpyxl.load_workbook(write_notice_excel(tmp_path / "公示.xlsx", [notice])).active
    assert ws.title.startswith("1 竞赛") and len(ws.title) <= 31  # named, not "1"
    rank, total = ws["A3"], ws["E3"]
    assert (rank.value, rank.data_type, rank.number_format) == (1, "n", "0")
    assert total.data_type == "n" and f"{total.value:.2f}" == notice.rows[0][4]
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$1:$2"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
    unit_width = max(len(row[3]) for row in notice.rows) * 2  # Chinese: two columns each
    assert ws.column_dimensions["D"].width >= unit_width
