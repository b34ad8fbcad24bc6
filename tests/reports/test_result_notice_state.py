"""The result notice says how final its standings are (已锁定 with the time, or 暂定) in
every format, and its second column is never empty: the draw codes when there are, else
the running number (序号)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from contest_desk.domain.records.contests import StandingsTable
from contest_desk.domain.records.results import ResultsState
from contest_desk.reports.result_notice import notice_html, standings_notice, write_notice_excel
from contest_desk.services.hub import Services
from tests.builders import copy_of_demo

DAY = dt.date(2026, 5, 20)
LOCKED = dt.datetime(2026, 5, 18, 6, 30)  # UTC, as rounds store it
OPEN = ResultsState(False, None, ("决赛",))


@pytest.fixture(scope="module")
def table(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> StandingsTable:
    demo = Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("state")))
    return demo.standings.standings(1)


def test_the_second_column_is_filled_without_a_draw_and_with_one(table: StandingsTable) -> None:
    plain = standings_notice(table, "竞赛", "采油厂工会", DAY)
    assert plain.header[:2] == ("名次", "序号")
    assert [row[1] for row in plain.rows] == [str(n) for n in range(1, len(plain.rows) + 1)]
    drawn = replace(
        table,
        rows=tuple(
            replace(r, entry=replace(r.entry, code=f"A{n:02d}"))
            for n, r in enumerate(table.rows, start=1)
        ),
    )
    coded = standings_notice(drawn, "竞赛", "采油厂工会", DAY)
    assert coded.header[1] == "编号" and coded.rows[0][1] == "A01"


def test_the_state_is_in_every_format(table: StandingsTable, tmp_path: Path) -> None:
    locked = standings_notice(table, "竞赛", "采油厂工会", DAY, state=ResultsState(True, LOCKED))
    local = LOCKED.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert locked.state == f"成绩状态：已锁定（{local}），为最终成绩"
    assert not locked.provisional and locked.state in notice_html(locked)

    provisional = standings_notice(table, "竞赛", "采油厂工会", DAY, state=OPEN)
    assert provisional.provisional
    assert provisional.state == "成绩状态：暂定（决赛未锁定），成绩仍可能变动"
    html = notice_html(provisional)
    assert "成绩公示（暂定）" in html and provisional.state in html
    sheet = openpyxl.load_workbook(write_notice_excel(tmp_path / "公示.xlsx", [provisional]))
    cells = [c.value for row in sheet.worksheets[0].iter_rows() for c in row if c.value]
    assert cells[0].endswith("成绩公示（暂定）") and provisional.state in cells
