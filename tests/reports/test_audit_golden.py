"""The audit export's workbook holds, cell for cell, what tests/reports/golden/audit_trail.xlsx
holds: written by the writer as it was before it wrote in openpyxl's write-only mode (rows
appended as they come, none kept), so the rewrite changed nothing people see: sheet names,
header, widths, freeze, date cells, the formula guard. tests/reports/audit_cases.py says
what the rows carry and how to rewrite the golden file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from contest_desk.i18n import speaking
from contest_desk.reports.audit_excel import write_audit_excel
from tests.reports.audit_cases import GOLDEN, NAME, NAMES, SHEET_ROWS, beijing, trail, write_case
from tests.reports.test_excel_rows import assert_same_workbook


def test_the_audit_workbook_is_the_golden_one_cell_for_cell(tmp_path: Path) -> None:
    compared = assert_same_workbook(write_case(tmp_path), GOLDEN / NAME)
    assert compared == (260 + 3) * 9  # every row of the three sheets, headers included


def test_a_changed_audit_cell_is_told_apart(tmp_path: Path) -> None:
    """The comparison can fail: one reason changed on the second sheet is found, by its cell."""
    rows = trail()
    rows[150] = replace(rows[150], note="改过")  # sheet 2: 100 on sheet 1, header, 51st
    with beijing(), speaking("zh_CN"):
        changed = write_audit_excel(tmp_path / NAME, rows, names=NAMES, sheet_rows=SHEET_ROWS)
    with pytest.raises(AssertionError, match=r"审计记录 \(2\)!H52"):
        assert_same_workbook(changed, GOLDEN / NAME)
