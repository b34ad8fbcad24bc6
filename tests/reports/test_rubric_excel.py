"""The rubric in Excel: written one sheet per event, read back into the same rubric."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.domain.rubric_table import read_table
from contest_desk.errors import Location, UserError
from contest_desk.reports.rubric_excel import read_rubric_workbook, write_rubric_workbook
from tests.builders import PRACTICAL, THEORY

D = Decimal
PARTS = ["理论", "实操"]


def where(row: int, column: str | None) -> Location:
    return Location("细则.xlsx", row or None, column)


def test_a_written_rubric_reads_back_the_same(tmp_path: Path) -> None:
    target = write_rubric_workbook(
        tmp_path / "细则.xlsx", [("采油工", [("理论", THEORY), ("实操", PRACTICAL)])]
    )
    (sheet,) = read_rubric_workbook(target)  # the instructions sheet is passed by
    assert sheet.title == "采油工"
    table = read_table(sheet.rows, where, PARTS)
    assert table.parts == {"理论": THEORY, "实操": PRACTICAL}


def test_the_sheet_is_what_a_chief_judge_reads(tmp_path: Path) -> None:
    target = write_rubric_workbook(tmp_path / "细则.xlsx", [("采油工", [("实操", PRACTICAL)])])
    ws = load_workbook(target)["采油工"]
    header = [c.value for c in ws[1]]
    assert header[:7] == ["组成部分", "编号", "评分项名称", "满分", "步长", "权重", "类型"]
    group, p1 = ws[2], ws[3]
    assert [c.value for c in group[:4]] == ["实操", "P", "实操", 30]  # its sub-criteria's total
    assert p1[2].alignment.indent == 1  # the tree shows as indentation
    assert p1[6].value == "评判分" and isinstance(p1[3].value, int | float)
    assert ws.freeze_panes == "C2"


def test_a_name_that_looks_like_a_formula_stays_text_both_ways(tmp_path: Path) -> None:
    rubric = Rubric((Criterion("A1", '=HYPERLINK("http://x","y")', max_points=D(5)),))
    target = write_rubric_workbook(tmp_path / "细则.xlsx", [("采油工", [("理论", rubric)])])
    cell = load_workbook(target)["采油工"]["C2"]
    assert cell.data_type == "s" and cell.value.startswith("'=")
    (sheet,) = read_rubric_workbook(target)
    assert read_table(sheet.rows, where, PARTS).parts["理论"] == rubric


def test_english_headers_indented_names_and_aspects_without_codes(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Part", "Code", "Name", "Max", "Type"])
    ws.append(["Practical", "A", "Safety", None, None])
    ws.append([None, "A1", "Helmet", None, None])
    ws.append([None, None, "Gloves", 1, "M"])  # an aspect of A1: A1 becomes a group
    ws.append([None, "B", "Result", None, None])
    ws.append([None, "X", "Speed", 3, "judgement"])
    ws["C6"].alignment = Alignment(indent=1)  # indented: under B, whatever its code says
    ws["C3"].alignment = Alignment(indent=1)
    ws["C4"].alignment = Alignment(indent=2)
    wb.save(tmp_path / "cis.xlsx")
    (sheet,) = read_rubric_workbook(tmp_path / "cis.xlsx")
    rubric = read_table(sheet.rows, where, ["Theory", "Practical"]).parts["Practical"]
    safety, result = rubric.criteria
    (helmet,) = safety.children
    assert helmet.code == "A1" and [c.code for c in helmet.children] == ["A1.1"]
    assert helmet.children[0].kind is CriterionKind.MEASUREMENT
    assert [c.code for c in result.children] == ["X"]


def test_a_file_without_a_rubric_sheet_is_named(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["姓名", "工号"])
    wb.save(tmp_path / "名单.xlsx")
    with pytest.raises(UserError, match=r"名单\.xlsx.*编号、评分项名称、满分"):
        read_rubric_workbook(tmp_path / "名单.xlsx")


def test_a_control_character_in_a_name_does_not_stop_the_export(tmp_path: Path) -> None:
    rubric = Rubric((Criterion("A1", "取样\x1b操作", max_points=D(5)),))
    target = write_rubric_workbook(tmp_path / "细则.xlsx", [("采油\x07工", [("理论", rubric)])])
    (sheet,) = read_rubric_workbook(target)  # openpyxl refused the whole file before
    assert sheet.title == "采油工"
    assert read_table(sheet.rows, where, PARTS).parts["理论"].criteria[0].name == "取样操作"
