"""A board as text, CSV and JSON for the command line: the board now and its history.

``board show --format json`` prints, kept stable for scripts::

    {"board": {"id": 1, "name": "抽油机维修擂台", "skill": "抽油机维修", "period": 7,
               "period_label": "第 7 期（2027-01-01 起）", "rating": "elo"},
     "rows": [{"place": 1, "entry": "吕新民", "unit": "采油一区", "key": "26010001",
               "rating": "1561.4", "deviation": null, "defences": 3, "streak": 2,
               "status": "holder", "why": ""}, …],           # places null once off the board
     "challenges": [{"seq": 88, "challenger": "…", "defender": "…",
                     "deadline": "2026-12-09", "accepted": false, "overdue": false}, …],
     "reigns": [{"holder": "…", "first": 1, "last": 4, "periods": 4, "defences": 5}, …]}

``board history --format json`` prints every closed period's places and ratings::

    {"board": {…}, "periods": [{"period": 1, "rows": [{"entry": "…", "key": "…",
                                 "place": 1, "rating": "1516.0"}, …]}, …]}
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from contest_desk.domain.ladder import BoardRules, PeriodKind, RatingKind, WinRule
from contest_desk.domain.records.boards import RULE_VALUES, BoardRow, BoardView, rule_text
from contest_desk.i18n import N_, _
from contest_desk.reports.text_table import aligned, csv_text

STATUS_NAMES = {
    "holder": N_("title holder"),
    "active": N_("on the board"),
    "eliminated": N_("eliminated"),
    "removed": N_("off the board"),
}


PERIOD_NAMES = {
    PeriodKind.WEEK: N_("weekly periods"),
    PeriodKind.MONTH: N_("monthly periods"),
    PeriodKind.QUARTER: N_("quarterly periods"),
    PeriodKind.FREE: N_("periods closed by hand"),
}


def rules_text(rules: BoardRules) -> str:
    """Every rule of a board in one line, as the organizers would read them out."""
    parts = [
        _(PERIOD_NAMES[rules.period]),
        _("only the title holder may be challenged")
        if rules.only_holder
        else _("challenges reach {k} places up", k=rules.reach),
        _("{n} open challenge(s) per entry", n=rules.max_open),
        _("{n} days to accept", n=rules.accept_days),
        _("{n} decline(s) a period", n=rules.declines),
        _("the winner swaps places")
        if rules.win_rule is WinRule.SWAP
        else _("the winner takes the place, those between move down"),
        _("a tie goes to the defender")
        if rules.defender_wins_ties
        else _("a tie goes to the challenger"),
    ]
    if rules.rating is RatingKind.ELO:
        parts.append(_("Elo, K = {k}", k=rules.elo_k))
    elif rules.rating is RatingKind.GLICKO2:
        parts.append(_("Glicko-2, τ = {tau}", tau=rules.tau))
    out = [
        rule_text(code, rules)
        for code, field in RULE_VALUES.items()
        if getattr(rules, field) not in (0, None)
    ]
    parts.append(_("eliminated: {rules}", rules="、".join(out)) if out else _("no elimination"))
    return "；".join(parts)


def rating_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _streak(streak: int) -> str:
    if streak > 0:
        return _("{n} won", n=streak)
    if streak < 0:
        return _("{n} lost", n=-streak)
    return ""


def _board_rows(view: BoardView) -> tuple[list[str], list[list[str]]]:
    header = [_("Place"), _("Name"), _("Unit")]
    header += [_("Rating")] if view.rated else []
    header += [_("Defences"), _("Streak"), _("Status"), _("Why")]
    body = []
    for r in view.rows:
        line = ["" if r.place is None else str(r.place), r.entry.label, r.entry.unit]
        line += [rating_text(r.rating)] if view.rated else []
        line += [str(r.defences), _streak(r.streak), _(STATUS_NAMES[r.status]), r.why]
        body.append(line)
    return header, body


def _numeric(view: BoardView) -> set[int]:
    """Place and rating: right-aligned in the table, left unquoted in CSV."""
    return {0, 3} if view.rated else {0}


def board_text(view: BoardView) -> str:
    header, body = _board_rows(view)
    out = [f"{view.info.name}  {view.period_label}", rules_text(view.rules)]
    out += aligned([header, *body], _numeric(view))
    if view.challenges:
        out.append("")
        out.append(_("Open challenges:"))
        for c in view.challenges:
            state = _("accepted") if c.accepted else _("to accept by {date}", date=c.deadline)
            if c.overdue:
                state = _("unanswered past {date}: the challenger's win", date=c.deadline)
            out.append(
                f"  #{c.seq}  {c.challenger_place} {c.challenger.label} → "
                f"{c.defender_place} {c.defender.label}  {state}"
            )
    return "\n".join(out) + "\n"


def board_csv(view: BoardView) -> str:
    header, body = _board_rows(view)
    return csv_text(header, body, _numeric(view))


def _info(view: BoardView) -> dict[str, Any]:
    return {
        "id": view.info.id,
        "name": view.info.name,
        "skill": view.info.skill,
        "period": view.period,
        "period_label": view.period_label,
        "rating": view.rules.rating.value,
    }


def _row(r: BoardRow) -> dict[str, Any]:
    return {
        "place": r.place,
        "entry": r.entry.label,
        "unit": r.entry.unit,
        "key": r.entry.key,
        "rating": None if r.rating is None else str(r.rating.quantize(Decimal("0.1"))),
        "deviation": None if r.deviation is None else str(r.deviation.quantize(Decimal("0.1"))),
        "defences": r.defences,
        "streak": r.streak,
        "status": r.status,
        "why": r.why,
    }


def board_json(view: BoardView) -> str:
    data = {
        "board": _info(view),
        "rows": [_row(r) for r in view.rows],
        "challenges": [
            {
                "seq": c.seq,
                "challenger": c.challenger.label,
                "defender": c.defender.label,
                "deadline": c.deadline.isoformat(),
                "accepted": c.accepted,
                "overdue": c.overdue,
            }
            for c in view.challenges
        ],
        "reigns": [
            {
                "holder": r.holder.label,
                "first": r.first,
                "last": r.last,
                "periods": r.periods,
                "defences": r.defences,
            }
            for r in view.reigns
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def history_rows(view: BoardView) -> list[tuple[int, str, str, int, Decimal]]:
    """(period, entry, key, place, rating) for every entry on the board at each close."""
    out = []
    for period, standing in enumerate(view.history, start=1):
        for entry_id, (place, rating) in sorted(standing.items(), key=lambda kv: kv[1][0]):
            entry = view.entries[entry_id]
            out.append((period, entry.label, entry.key, place, rating))
    return out


def history_csv(view: BoardView) -> str:
    header = [_("Period"), _("Name"), _("Key"), _("Place"), _("Rating")]
    return csv_text(
        header,
        (
            [period, label, key, place, rating_text(rating)]
            for period, label, key, place, rating in history_rows(view)
        ),
        numeric={0, 3, 4},
    )


def history_json(view: BoardView) -> str:
    periods: list[dict[str, Any]] = []
    for period, label, key, place, rating in history_rows(view):
        if not periods or periods[-1]["period"] != period:
            periods.append({"period": period, "rows": []})
        periods[-1]["rows"].append(
            {"entry": label, "key": key, "place": place, "rating": rating_text(rating)}
        )
    data = {"board": _info(view), "periods": periods}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
