"""A roster exported by an HR system or saved by Excel/WPS as CSV (GBK or UTF-8), read as
the Excel roster is: headers in Chinese below a title row, every problem named."""

from __future__ import annotations

from pathlib import Path

import pytest

from contest_desk.domain.records.roster import RosterRow
from contest_desk.errors import ImportRejected, Location
from contest_desk.reports.roster_excel import read_roster

EVENT = "采油工技能比武"
TEXT = (
    "2026年技能比武报名表,,,,\n"
    "工号,姓名,单位,参赛项目,工种\n"
    f"001002,张  三,采油一区/作业一班,{EVENT},采油工\n"
    ",,,,\n"
    f"1003,李四,采油二区,{EVENT},\n"
)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_a_csv_roster_is_read_like_the_excel_one(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "报名表.csv"
    path.write_text(TEXT, encoding=encoding)
    assert read_roster(path) == [
        RosterRow(3, "001002", "张  三", "采油一区/作业一班", "采油工", "", EVENT, ""),
        RosterRow(5, "1003", "李四", "采油二区", "", "", EVENT, ""),
    ]


def test_an_empty_required_cell_is_named(tmp_path: Path) -> None:
    path = tmp_path / "报名表.csv"
    path.write_text(f"工号,姓名,单位,参赛项目\n1001,,采油一区,{EVENT}\n", encoding="gbk")
    with pytest.raises(ImportRejected) as caught:
        read_roster(path)
    assert [p.where for p in caught.value.problems] == [Location("报名表.csv", 2, "姓名")]
