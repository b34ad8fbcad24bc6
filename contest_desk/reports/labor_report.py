"""A labor competition's standings as text, CSV and JSON for the command line.

``labor standings --format json`` prints, kept stable for scripts::

    {"contest": {"id": 2, "name": "2026年上半年原油上产劳动竞赛"},
     "period": "6月",            # or null for the cumulative standings
     "periods": ["6月"],          # those the table covers
     "final": false,              # true once every period it covers is closed
     "indicators": [{"code": "C1", "name": "原油产量", "unit": "吨"}, …],
     "rows": [{"rank": 1, "team": "采油一区采油一班", "unit": "采油一区/采油一班",
               "total": "80.00",                     # decimals are strings
               "points": {"C1": "50.00", …},          # per indicator (a period only)
               "working": {"C1": "(1500 − 1000) ÷ (1500 − 1000) × 50 = 50", …},
               "by_period": {"6月": "80.00"},          # cumulative only
               "missing": 0, "award": "一等奖", "veto": null}, …]}
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.records.labor import LaborTable
from contest_desk.i18n import _
from contest_desk.reports.text_table import aligned, csv_text

PLACES = 2


def points_text(value: Decimal) -> str:
    return str(round_half_up(value, PLACES))


def _rows(table: LaborTable) -> tuple[list[str], list[list[str]]]:
    header = [_("Rank"), _("Work team"), _("Unit")]
    if table.period is None:
        header += [p.name for p in table.periods]
    else:
        header += [i.name for i in table.indicators]
    header += [_("Total"), _("Award"), _("Veto")]
    body = []
    for r in table.rows:
        line = [str(r.rank), r.team.name, r.team.unit]
        parts = r.by_period if table.period is None else tuple(s.weighted for s in r.scores)
        line += [points_text(v) for v in parts]
        line += [points_text(r.total), r.award or "", r.veto or ""]
        body.append(line)
    return header, body


def _numeric(header: list[str]) -> set[int]:
    """Rank and points: right-aligned in the table, left unquoted in CSV."""
    return set(range(3, len(header) - 2)) | {0}


def labor_text(table: LaborTable) -> str:
    header, body = _rows(table)
    title = table.period.name if table.period else _("all periods")
    state = _("final") if table.final else _("provisional")
    out = [f"{table.contest_name}  {title}（{state}）"]
    numeric = _numeric(header)
    marks = [""] + ["*" if r.missing else "" for r in table.rows]
    out += aligned([header, *body], numeric, marks)
    if any(marks):
        out.append(_("* values are missing: the team takes no award yet"))
    return "\n".join(out) + "\n"


def labor_csv(table: LaborTable) -> str:
    header, body = _rows(table)
    return csv_text(header, body, _numeric(header))


def labor_json(table: LaborTable) -> str:
    rows: list[dict[str, Any]] = []
    for r in table.rows:
        row: dict[str, Any] = {
            "rank": r.rank,
            "team": r.team.name,
            "unit": r.team.unit,
            "total": points_text(r.total),
            "missing": r.missing,
            "award": r.award,
            "veto": r.veto,
        }
        if table.period is None:
            row["by_period"] = {
                p.name: points_text(v) for p, v in zip(table.periods, r.by_period, strict=True)
            }
        else:
            row["points"] = {s.code: points_text(s.weighted) for s in r.scores}
            row["working"] = {s.code: s.working for s in r.scores}
        rows.append(row)
    data = {
        "contest": {"id": table.contest_id, "name": table.contest_name},
        "period": table.period.name if table.period else None,
        "periods": [p.name for p in table.periods],
        "final": table.final,
        "indicators": [{"code": i.code, "name": i.name, "unit": i.unit} for i in table.indicators],
        "rows": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
