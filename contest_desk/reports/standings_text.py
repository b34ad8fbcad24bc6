"""An event's standings as text, CSV and JSON for the command line.

``standings --format json`` prints this structure, kept stable for scripts::

    {"event": {"id": 3, "contest_id": 1, "name": "采油工技能比武", "mode": "individual",
               "parts": [{"name": "理论", "weight": "0.3"}, …],
               "rounds": [{"number": 1, "name": "决赛", "weight": "1"}, …]},
     "round": null,            # or the round number asked for with --round
     "final": false,           # true once every round it covers is locked
     "rows": [{"rank": 1, "entry": "吕新民", "code": null, "unit": "采油一区/采油一班",
               "key": "26010001",          # employee number, or team name
               "total": "92.98",           # decimals are strings, rounded as shown
               "parts": {"理论": "98.00", "实操": "90.83"}, "rounds": {"1": "92.98"},
               "award": "一等奖",          # or null
               "complete": true, "missing": 0}, …]}
"""

from __future__ import annotations

import json
from typing import Any

from contest_desk.domain.records.contests import StandingsTable
from contest_desk.i18n import _
from contest_desk.reports.text_table import aligned, csv_text


def round_columns(table: StandingsTable) -> list[int]:
    """Per-round totals are worth a column only for the whole event over several rounds."""
    rounds = [r.number for r in table.event.rounds]
    return rounds if table.round_number is None and len(rounds) > 1 else []


def _rows(table: StandingsTable) -> tuple[list[str], list[list[str]]]:
    parts = [p.name for p in table.event.parts]
    rounds = round_columns(table)
    header = [_("Rank"), _("Code"), _("Name"), _("Unit"), *parts]
    header += [_("Round {number}", number=n) for n in rounds]
    header += [_("Total"), _("Award")]
    body = [
        [str(r.rank), r.entry.code or "", r.entry.label, r.entry.unit]
        + [str(r.part_totals.get(p, "")) for p in parts]
        + [str(r.round_totals.get(n, "")) for n in rounds]
        + [str(r.total), r.award or ""]
        for r in table.rows
    ]
    return header, body


def _numeric(header: list[str]) -> set[int]:
    """Rank and totals: right-aligned in the table, left unquoted in CSV."""
    return {0, *range(4, len(header) - 1)}


def standings_text(table: StandingsTable) -> str:
    """Aligned columns; an incomplete entry (marks missing) is marked with ``*``."""
    header, body = _rows(table)
    marks = [""] + ["" if r.complete else "*" for r in table.rows]
    numeric = _numeric(header)
    out = [_("{event}: standings", event=table.event.name)]
    out += aligned([header, *body], numeric, marks)
    if any(marks):
        out.append(_("* marks are missing; the entry is not ranked for awards yet"))
    return "\n".join(out) + "\n"


def standings_csv(table: StandingsTable) -> str:
    header, body = _rows(table)
    return csv_text(
        [*header, _("Complete")],
        (
            [*row, _("yes") if r.complete else _("no")]
            for row, r in zip(body, table.rows, strict=True)
        ),
        _numeric(header),
    )


def standings_json(table: StandingsTable) -> str:
    """The structure documented at the top of this module."""
    event = table.event
    data: dict[str, Any] = {
        "event": {
            "id": event.id,
            "contest_id": event.contest_id,
            "name": event.name,
            "mode": event.mode.value,
            "parts": [{"name": p.name, "weight": str(p.weight)} for p in event.parts],
            "rounds": [
                {"number": r.number, "name": r.name, "weight": str(r.weight)} for r in event.rounds
            ],
        },
        "round": table.round_number,
        "final": table.final,
        "rows": [
            {
                "rank": r.rank,
                "entry": r.entry.label,
                "code": r.entry.code,
                "unit": r.entry.unit,
                "key": r.entry.key,
                "total": str(r.total),
                "parts": {name: str(v) for name, v in r.part_totals.items()},
                "rounds": {str(n): str(v) for n, v in r.round_totals.items()},
                "award": r.award,
                "complete": r.complete,
                "missing": r.missing,
            }
            for r in table.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
