"""The judges' consistency report as terminal text and as JSON (``contest-desk judges``).

JSON, kept stable for scripts; numbers are strings, undefined ones null::

    {"event": {"id": 1, "name": "采油工技能比武"}, "round": 1,
     "judges": [{"username": "judge1", "name": "张振华", "trainee": false, "marks": 96,
                 "compared": 96, "bias": "-0.1250", "flagged": 2, "flagged_share": "0.0208"}, …],
     "agreement": [{"criterion": "A1", "name": "抽油机井巡检", "icc1": "0.8123",
                    "icc2": "0.8130", "icc3": "0.8250", "kendall_w": "0.8400",
                    "targets": 24, "left_out": 0}, …,
                   {"criterion": "total", …}]}
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from contest_desk.domain.records.judging import TOTAL, ConsistencyReport
from contest_desk.i18n import _
from contest_desk.reports.text_table import aligned


def _text(value: Decimal | None) -> str:
    return "—" if value is None else str(value)


def _json(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def judges_text(report: ConsistencyReport) -> str:
    out = [_("{event}, round {round}: judges", event=report.event_name, round=report.round_number)]
    header = [_("Judge"), _("Marks given"), _("Bias"), _("Flagged"), _("Flagged share")]
    rows = [
        [
            line.judge.name + (_(" (trainee)") if line.judge.trainee else ""),
            str(line.bias.marks),
            _text(line.bias.bias),
            str(line.bias.flagged),
            _text(line.bias.flagged_share),
        ]
        for line in report.judges
    ]
    out += aligned([header, *rows], {1, 2, 3, 4})
    out.append("")
    header = [_("Criterion"), "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "Kendall W", _("Entries")]
    rows = [
        [
            _("Total") if a.code == TOTAL else f"{a.code} {a.name}",
            _text(a.icc.icc1),
            _text(a.icc.icc2),
            _text(a.icc.icc3),
            _text(a.kendall_w),
            str(a.icc.targets_used),
        ]
        for a in report.agreements
    ]
    out += aligned([header, *rows], {1, 2, 3, 4, 5})
    return "\n".join(out) + "\n"


def judges_json(report: ConsistencyReport) -> str:
    data: dict[str, Any] = {
        "event": {"id": report.event_id, "name": report.event_name},
        "round": report.round_number,
        "judges": [
            {
                "username": line.judge.username,
                "name": line.judge.name,
                "trainee": line.judge.trainee,
                "marks": line.bias.marks,
                "compared": line.bias.compared,
                "bias": _json(line.bias.bias),
                "flagged": line.bias.flagged,
                "flagged_share": _json(line.bias.flagged_share),
            }
            for line in report.judges
        ],
        "agreement": [
            {
                "criterion": a.code,
                "name": a.name,
                "icc1": _json(a.icc.icc1),
                "icc2": _json(a.icc.icc2),
                "icc3": _json(a.icc.icc3),
                "kendall_w": _json(a.kendall_w),
                "targets": a.icc.targets_used,
                "left_out": a.icc.targets_left_out,
            }
            for a in report.agreements
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
