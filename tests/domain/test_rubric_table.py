"""A rubric as a table: rows into criteria trees by code or indentation, every problem
with its row and column (domain/rubric_table.py, without Excel)."""

from __future__ import annotations

import pytest

from contest_desk.domain.rubric_table import RubricRow, is_parent_code, read_table
from contest_desk.errors import ImportRejected, Location

PARTS = ["理论", "实操"]


def where(row: int, column: str | None) -> Location:
    return Location("细则.xlsx", row or None, column)


@pytest.mark.parametrize(
    ("prefix", "code", "parent"),
    [("A", "A1", True), ("A1", "A1.2", True), ("1", "1-3", True), ("B1", "B10", False),
     ("A", "AB", False), ("A1", "A1", False), ("", "A", False)],
)  # fmt: skip
def test_which_code_is_a_sub_criterion_of_which(prefix: str, code: str, parent: bool) -> None:
    assert is_parent_code(prefix, code) is parent


def rows(*cells: dict[str, str]) -> list[RubricRow]:
    return [RubricRow(i, c) for i, c in enumerate(cells, start=2)]


def test_every_problem_is_named_with_row_and_column() -> None:
    table = rows(
        {"part": "实操", "code": "A1", "name": "取样", "max_points": "十"},
        {"part": "综合", "code": "A2", "name": "巡检", "max_points": "5"},
        {"part": "实操", "code": "A3", "name": "测量", "max_points": "10", "step": "0.3"},
        {"part": "实操", "code": "A4", "name": "安全", "max_points": "5", "kind": "奖励"},
        {"part": "实操", "code": "A5", "name": "工具", "max_points": "5", "target": "3"},
        {"part": "实操", "code": "A", "name": "组", "max_points": "9"},
    )
    with pytest.raises(ImportRejected) as rejected:
        read_table(table, where, PARTS)
    messages = [p.message() for p in rejected.value.problems]
    rows_named = [p.where.row for p in rejected.value.problems if p.where]
    assert rows_named == sorted(rows_named)  # in the file's order
    assert any(m.startswith("细则.xlsx, 第 2 行, “满分”列") for m in messages)
    assert any(m.startswith("细则.xlsx, 第 3 行, “组成部分”列") and "综合" in m for m in messages)
    assert any("第 4 行, “步长”列" in m for m in messages)
    assert any("第 5 行, “类型”列" in m and "奖励" in m for m in messages)
    assert any("第 6 行, “目标值”列" in m for m in messages)
    assert len(messages) == 5


def test_indentation_decides_where_names_are_indented() -> None:
    table = [
        RubricRow(2, {"part": "实操", "code": "A", "name": "组"}),
        RubricRow(3, {"part": "实操", "code": "A1", "name": "一", "max_points": "5"}, indent=1),
        RubricRow(4, {"part": "实操", "code": "A2", "name": "二", "max_points": "5"}),
    ]
    group, second = read_table(table, where, PARTS).parts["实操"].criteria
    assert [c.code for c in group.children] == ["A1"] and second.code == "A2"


def test_a_row_with_a_kind_is_no_group_whatever_the_codes_after_it() -> None:
    table = rows(
        {"part": "实操", "code": "A", "name": "安全", "max_points": "5", "kind": "扣分"},
        {"part": "实操", "code": "A1", "name": "取样", "max_points": "10"},
        {"part": "实操", "code": "B", "name": "操作"},
        {"part": "实操", "code": "B1", "name": "巡检", "max_points": "10"},
    )
    a, a1, b = read_table(table, where, PARTS).parts["实操"].criteria
    assert (a.code, a.is_leaf, a1.code) == ("A", True, "A1")
    assert [c.code for c in b.children] == ["B1"]


def test_a_group_max_must_be_its_total_or_blank() -> None:
    table = rows(
        {"part": "实操", "code": "A", "name": "组", "max_points": "12"},
        {"part": "实操", "code": "A1", "name": "一", "max_points": "5"},
    )
    with pytest.raises(ImportRejected, match="第 2 行, “满分”列"):
        read_table(table, where, PARTS)
