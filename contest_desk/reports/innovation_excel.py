"""The innovation ledger (成果台账) in Excel: every field out, and an existing ledger in.

Sheet 1 holds one row per achievement; sheet 2 one row per benefit. The import reads the
same layout (a ledger kept in Excel until now is copied into it), so export → import gives
the same ledger. Codes such as stages and categories are written in Chinese and read in
Chinese or English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from contest_desk.domain.innovation import (
    BENEFIT_NAMES,
    CATEGORY_NAMES,
    OUTCOME_NAMES,
    PATENT_NAMES,
    RECOMMEND_NAMES,
    STAGE_NAMES,
)
from contest_desk.domain.records.innovation import (
    BENEFITS,
    LEDGER,
    REQUIRED,
    AchievementInfo,
    LedgerSheet,
)
from contest_desk.errors import Location, UserError
from contest_desk.i18n import _
from contest_desk.reports.files import save_workbook
from contest_desk.reports.roster_excel import cell_text, open_workbook, sheet_rows
from contest_desk.reports.sheet_style import DATE, amount_cell, finish_table

# Columns of money in CNY, written with two decimals and thousands separators.
AMOUNTS = frozenset({"actual", "projected", "amount"})


def _header(ws: Any, columns: Sequence[tuple[str, str]]) -> None:
    ws.append([_(label) for _key, label in columns])


def _formats(ws: Any, columns: Sequence[tuple[str, str]]) -> None:
    """Amounts as money (12,345.60), dates as dates; then the common finish."""
    keys = [key for key, _label in columns]
    for row in ws.iter_rows(min_row=2):
        for key, cell in zip(keys, row, strict=False):
            if key in AMOUNTS and isinstance(cell.value, Decimal | int):
                amount_cell(cell, Decimal(cell.value))
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE
    finish_table(ws, landscape=True)


def ledger_row(a: AchievementInfo, employee_nos: Sequence[str]) -> list[Any]:
    projected = sum((b.benefit.amount for b in a.benefits if b.benefit.projected), 0)
    return [
        a.title,
        a.studio,
        _(CATEGORY_NAMES[a.category]),
        _(STAGE_NAMES[a.stage]),
        "、".join(employee_nos),
        "、".join(a.completers),
        a.problem,
        a.description,
        a.started_on,
        a.finished_on,
        a.actual_benefit,
        projected,
        "；".join(f"{p.number}（{_(PATENT_NAMES[p.kind])}）" for p in a.patents),
        "；".join(f"{w.year} {w.name} {w.grade}" for w in a.awards),
        "；".join(f"{r.unit} {r.started_on} {r.scale}".strip() for r in a.rollouts),
        "；".join(
            f"{_(RECOMMEND_NAMES[r.level])}：{_(OUTCOME_NAMES[r.outcome])}"
            for r in a.recommendations
        ),
    ]


def write_ledger(
    path: str | Path, achievements: Sequence[AchievementInfo], numbers: dict[int, list[str]]
) -> Path:
    """``numbers``: each achievement's completers' employee numbers, in order."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Ledger")
    _header(ws, LEDGER)
    for a in achievements:
        ws.append(ledger_row(a, numbers.get(a.id, [])))
    benefits = wb.create_sheet(_("Benefits"))
    _header(benefits, BENEFITS)
    for a in achievements:
        for b in a.benefits:
            x = b.benefit
            benefits.append(
                [
                    a.title,
                    x.year,
                    x.quarter,
                    x.site,
                    _(BENEFIT_NAMES[x.kind]),
                    x.amount,
                    _("yes") if x.projected else _("no"),
                    b.basis,
                ]
            )
    _formats(ws, LEDGER)
    _formats(benefits, BENEFITS)
    return save_workbook(wb, path)


def _labels(columns: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Header text (Chinese, English, or the key) → key."""
    out: dict[str, str] = {}
    for key, label in columns:
        out[_(label)] = key
        out[label] = key
        out[key] = key
    return out


def read_sheet(
    path: Path, index: int, columns: Sequence[tuple[str, str]], required: Sequence[str]
) -> list[tuple[int, dict[str, str]]]:
    """The rows of one sheet as key → text, with their row numbers (header on row 1)."""
    wb = open_workbook(path)
    if index >= len(wb.worksheets):
        wb.close()
        return []
    ws = wb.worksheets[index]
    lines = sheet_rows(ws, path.name)
    wb.close()
    if not lines:
        return []
    names = _labels(columns)
    where: dict[str, int] = {}
    for col, value in enumerate(lines[0]):
        key = names.get(cell_text(value))
        if key is not None:
            where[key] = col
    missing = [k for k in required if k not in where]
    if missing:
        label = dict(columns)[missing[0]]
        raise UserError(
            "The column {column} is missing", where=Location(path.name, 1), column=_(label)
        )
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = {k: cell_text(line[c]) if c < len(line) else "" for k, c in where.items()}
        if any(cells.values()):
            rows.append((number, cells))
    return rows


def read_ledger(path: str | Path) -> LedgerSheet:
    """Both sheets of a ledger file, for ``InnovationImportService.import_ledger``."""
    path = Path(path)
    rows = read_sheet(path, 0, LEDGER, REQUIRED)
    benefits = read_sheet(path, 1, BENEFITS, ("title", "year", "amount"))
    return LedgerSheet(path.name, rows, benefits)
