"""A made-up audit trail (records, no database) and the workbook the audit export makes of
it: what tests/reports/test_audit_golden.py holds against tests/reports/golden/audit_trail.xlsx,
written by the writer as it was before it wrote in openpyxl's write-only mode.

The rows carry what the writer treats specially: reasons and details that a spreadsheet
would run as formulas, details beside old and new (written as JSON), values of several
types and none, users and targets named and unnamed, and more rows than the (lowered)
worksheet holds, so that the trail goes on in further worksheets.

Times are said in the desk's zone: the cases are written with the zone set to Beijing
(``beijing``), so the file is the same on any machine.

``python -m tests.reports.audit_cases`` writes the golden file anew. Do that only when what
the file should hold changes on purpose, and say so in the commit.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from contest_desk.domain.records.audit import AuditRow
from contest_desk.i18n import speaking
from contest_desk.reports.audit_excel import write_audit_excel
from tests.reports.excel_cases import FORMULAS  # text a spreadsheet would run

GOLDEN = Path(__file__).parent / "golden"
NAME = "audit_trail.xlsx"
ROWS, SHEET_ROWS = 260, 101  # three worksheets: 100, 100 and 60 rows below the header
AT = dt.datetime(2026, 3, 1, 0, 15, 30, 250_000)  # naive UTC, as stored
ACTIONS = ("score.record", "judge.assign", "contest.status", "user.roles", "made.up")
NAMES = {"entry:3": "王建国（采油工）", "user:admin": "管理员", "event:2": "采油工"}


def _value(n: int) -> Any:
    return (None, "7.50", 8, True, ["a", "b"], {"x": 1}, FORMULAS[n % len(FORMULAS)])[n % 7]


def audit_row(seq: int) -> AuditRow:
    """Row ``seq`` (from 1); every 9th reason and every 11th detail looks like a formula."""
    detail: dict[str, Any] = {"old": _value(seq), "new": _value(seq + 1)}
    if seq % 3 == 0:
        detail["judge"] = seq % 5
    if seq % 11 == 0:
        detail["why"] = FORMULAS[seq // 11 % len(FORMULAS)]
    if seq % 13 == 0:
        detail = {}
    return AuditRow(
        seq=seq,
        at=AT + dt.timedelta(minutes=seq * 7, seconds=seq),
        actor=("admin", "system", "chief", "42")[seq % 4],
        action=ACTIONS[seq % len(ACTIONS)],
        target=("entry:3", "event:2", "round:9", "user:admin")[seq % 4],
        detail=detail,
        note=FORMULAS[seq // 9 % len(FORMULAS)] if seq % 9 == 0 else f"复核 {seq}",
    )


def trail(count: int = ROWS) -> list[AuditRow]:
    """``count`` rows, newest first as the audit view lists them."""
    return [audit_row(seq) for seq in range(count, 0, -1)]


@contextmanager
def beijing() -> Iterator[None]:
    """This process's time zone set to Beijing (UTC+8, no summer time), then put back."""
    was = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if was is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = was
        time.tzset()


def write_case(folder: Path) -> Path:
    with beijing(), speaking("zh_CN"):
        return write_audit_excel(folder / NAME, trail(), names=NAMES, sheet_rows=SHEET_ROWS)


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    print(write_case(GOLDEN))
