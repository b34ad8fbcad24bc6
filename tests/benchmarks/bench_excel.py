"""A 10,000-entry standings export, and its result notice, in Excel, each against a baseline
in the same run: openpyxl appending as many plain cells (the same values, no formats, no
widths, no formula guard) and saving them.

Target: each within 3x of its baseline. Until the writers stopped asking openpyxl for
``max_row`` once a row (it walks every cell already in the sheet), their time grew with
the square of the rows: 10,000 entries took 20.3 s for the standings (16.6x its
baseline) and 19.0 s for the notice (28.8x); now 2.0 s (1.6x) and 1.2 s (1.7x).

And the audit trail's export of 100,000 rows, read from an iterator as the export reads the
trail's pages, against openpyxl's write-only mode appending the same values plain: its time
and the memory it took at most (peak RSS above the RSS before it). Target: memory that does
not grow with the rows (a few MB, as the baseline's), within 1.5x of the baseline's time.
Written in memory, as before (the rows read into a list first), the export took 376 MB
above the process's RSS for 100,000 rows and 1,077 MB for 300,000; in write-only mode and
from an iterator, 1-2 MB for either, and 14.8 s against the baseline's 10.6 s (1.40x).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from contest_desk.i18n import speaking
from contest_desk.reports import audit_excel
from contest_desk.reports.result_notice import standings_notice, write_notice_excel
from contest_desk.reports.standings_excel import write_standings_excel
from tests.reports.audit_cases import NAMES, audit_row, beijing
from tests.reports.excel_cases import standings_table

ENTRIES = 10_000
AUDIT_ROWS = 100_000
DAY = dt.date(2026, 5, 20)


def plain(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    """The baseline: the cells' values appended as they are, and the book saved."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The best of ``runs``: the machine's noise only ever adds time."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    table = standings_table(ENTRIES)
    with speaking("zh_CN"):
        notice = standings_notice(table, "2026年采油厂职工技能比武", "采油厂工会", DAY)
    rounds = sorted({n for r in table.rows for n in r.round_totals})
    standings_rows = [
        [r.rank, r.entry.code or "", r.entry.label, r.entry.unit]
        + [r.part_totals.get(p.name) for p in table.event.parts]
        + [r.round_totals.get(n) for n in rounds]
        + [r.total, r.award or "", "是" if r.complete else "否"]
        for r in table.rows
    ]
    notice_rows = [[int(r[0]), r[1], r[2], r[3], Decimal(r[4]), r[5]] for r in notice.rows]
    with tempfile.TemporaryDirectory() as folder, speaking("zh_CN"):
        base = Path(folder)
        results = {
            "standings": (
                best_of(3, lambda: write_standings_excel(base / "standings.xlsx", table)),
                best_of(3, lambda: plain(base / "plain1.xlsx", standings_rows)),
            ),
            "result notice": (
                best_of(3, lambda: write_notice_excel(base / "notice.xlsx", [notice])),
                best_of(3, lambda: plain(base / "plain2.xlsx", notice_rows)),
            ),
        }
    cells = {"standings": len(standings_rows[0]), "result notice": len(notice_rows[0])}
    for name, (written, baseline) in results.items():
        print(
            f"{name} of {ENTRIES:,} entries in Excel: {written:6.2f} s; "
            f"openpyxl, {ENTRIES:,} plain rows of {cells[name]} cells: {baseline:6.2f} s; "
            f"ratio {written / baseline:.2f}x  (target: within 3x)"
        )
    audit_case()


def peak_above_start(work: Callable[[], object]) -> tuple[float, float]:
    """``work``'s time and the most memory it took (MB of peak RSS above the RSS before
    it): the kernel's high-water mark is reset to the RSS of the moment first (Linux)."""
    Path("/proc/self/clear_refs").write_text("5")
    start = _status_mb("VmRSS")
    began = time.perf_counter()
    work()
    return time.perf_counter() - began, _status_mb("VmHWM") - start


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def plain_write_only(path: Path, rows: Iterable[Sequence[Any]]) -> None:
    """The audit baseline: the values appended plain to a write-only book, and saved."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    book.save(path)


def audit_case() -> None:
    def trail() -> Iterator[Any]:
        return (audit_row(seq) for seq in range(AUDIT_ROWS, 0, -1))

    with tempfile.TemporaryDirectory() as folder, beijing(), speaking("zh_CN"):
        base = Path(folder)
        written = peak_above_start(
            lambda: audit_excel.write_audit_excel(base / "audit.xlsx", trail(), names=NAMES)
        )
        values = (audit_excel._values(row, NAMES) for row in trail())
        baseline = peak_above_start(lambda: plain_write_only(base / "plain.xlsx", values))
    print(
        f"audit trail of {AUDIT_ROWS:,} rows in Excel: {written[0]:6.2f} s, "
        f"{written[1]:5.0f} MB at most; openpyxl write-only, the same plain values: "
        f"{baseline[0]:6.2f} s, {baseline[1]:5.0f} MB; ratio {written[0] / baseline[0]:.2f}x  "
        "(target: memory not growing with the rows, within 1.5x)"
    )


if __name__ == "__main__":
    main()
