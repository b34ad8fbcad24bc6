"""The standings and result-notice workbooks hold, cell for cell, what the files in
tests/reports/golden/ hold: written by the writers as they were before they stopped asking
openpyxl for ``max_row`` once a row (which walks every cell: quadratic in the rows).

Compared: each sheet's name, freeze, print titles, page set-up and column widths, and
each cell's value, type, number format, font, fill, alignment, border and protection.
tests/reports/excel_cases.py says what the rows carry and how to rewrite the golden files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from contest_desk.i18n import speaking
from contest_desk.reports.result_notice import standings_notice, write_notice_excel
from contest_desk.reports.standings_excel import write_standings_excel
from tests.reports.excel_cases import DAY, GOLDEN, standings_table, write_cases


def sheet_facts(ws: Any) -> dict[str, Any]:
    setup = ws.page_setup
    return {
        "title": ws.title,
        "dimensions": ws.dimensions,
        "freeze": ws.freeze_panes,
        "print titles": ws.print_title_rows,
        "page": (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight),
        "fit to page": ws.sheet_properties.pageSetUpPr.fitToPage,
        "centred": ws.print_options.horizontalCentered,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
    }


def cell_facts(cell: Any) -> tuple[Any, ...]:
    return (
        cell.value,
        cell.data_type,
        cell.number_format,
        repr(cell.font),
        repr(cell.fill),
        repr(cell.alignment),
        repr(cell.border),
        repr(cell.protection),
    )


def assert_same_workbook(written: Path, golden: Path) -> int:
    """Fails at the first difference, naming its sheet and cell; returns the cells compared."""
    new, old = openpyxl.load_workbook(written), openpyxl.load_workbook(golden)
    assert new.sheetnames == old.sheetnames
    compared = 0
    for ws, was in zip(new.worksheets, old.worksheets, strict=True):
        assert sheet_facts(ws) == sheet_facts(was), ws.title
        for row, row_was in zip(ws.iter_rows(), was.iter_rows(), strict=True):
            for cell, cell_was in zip(row, row_was, strict=True):
                assert cell_facts(cell) == cell_facts(cell_was), f"{ws.title}!{cell.coordinate}"
                compared += 1
    return compared


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_cases(tmp_path_factory.mktemp("excel_rows"))


@pytest.mark.parametrize("name", ["standings_event.xlsx", "standings_round.xlsx", "notices.xlsx"])
def test_the_workbook_is_the_golden_one_cell_for_cell(name: str, written: dict[str, Path]) -> None:
    compared = assert_same_workbook(written[name], GOLDEN / name)
    assert compared > 1_000  # the rows were there to compare, not an empty sheet


def test_a_changed_cell_is_told_apart(tmp_path: Path) -> None:
    """The comparison can fail: one award changed among 300 rows is found, by its cell."""
    table = standings_table(300)
    rows = list(table.rows)
    rows[197] = replace(rows[197], award="优秀奖")  # the sheet's row 200: title, header first
    with speaking("zh_CN"):
        changed = write_standings_excel(tmp_path / "changed.xlsx", replace(table, rows=rows))
    with pytest.raises(AssertionError, match="J200"):
        assert_same_workbook(changed, GOLDEN / "standings_event.xlsx")


def max_row_reads(monkeypatch: pytest.MonkeyPatch, write: Callable[[], object]) -> int:
    """How often ``write`` asks a sheet for ``max_row`` or ``max_column``: each walks every
    cell already in the sheet, so asking once a row makes a writer quadratic in its rows."""
    reads = 0

    def counted(name: str) -> property:
        walk = getattr(Worksheet, name).fget

        def read(ws: Worksheet) -> int:
            nonlocal reads
            reads += 1
            return int(walk(ws))

        return property(read)

    with monkeypatch.context() as patch:
        for name in ("max_row", "max_column"):
            patch.setattr(Worksheet, name, counted(name))
        write()
    return reads


@pytest.mark.parametrize("kind", ["standings", "notice"])
def test_a_longer_table_does_not_ask_for_the_last_row_more_often(
    kind: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def write(entries: int) -> Callable[[], object]:
        table = standings_table(entries)
        if kind == "standings":
            return lambda: write_standings_excel(tmp_path / "standings.xlsx", table)
        notice = standings_notice(table, "竞赛", "工会", DAY)
        return lambda: write_notice_excel(tmp_path / "notice.xlsx", [notice])

    assert max_row_reads(monkeypatch, write(300)) == max_row_reads(monkeypatch, write(30))
