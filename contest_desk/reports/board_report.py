"""A board as text, CSV and JSON for the command line: the board now and its history.

``board show --format json`` prints, kept stable for scripts::

    {"board": {"id": 1, "name": "抽油机维修擂台", "skill": "抽油机维修", "period": 7,
               "period_label": "第 7 期（2027-01-01 起）", "rating": "elo"},
     "rows": [{"place": 1, "entry": "吕新民", "unit": "采油一区", "key": "26010001",
               "rating": "1561.4", "deviation": null, "volatility": null,
               "defences": 3, "streak": 2, "status": "holder", "why": ""}, …],
                                  # places null once off the board; deviation and volatility
                                  # on Glicko-2 boards only
     "challenges": [{"number": 12, "challenger": "…", "defender": "…",
                     "deadline": "2026-12-09", "accepted": false, "overdue": false}, …],
     "bouts": [{"number": 9, "period": 7, "challenger": "…", "defender": "…",
                "result": "challenger"|"defender"|"draw", "forfeit": false}, …],
     "reigns": [{"holder": "…", "first": 1, "last": 4, "periods": 4, "defences": 5}, …]}

Challenges and bouts are numbered 1, 2, 3… per board; those numbers are what
``board accept|decline|result --challenge N`` and ``board correct --bout N`` take.

``board history --format json`` prints every closed period's places and ratings::

    {"board": {…}, "periods": [{"period": 1, "rows": [{"entry": "…", "key": "…",
                                 "place": 1, "rating": "1516.0", "deviation": null,
                                 "volatility": null}, …]}, …]}
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from contest_desk.domain.ladder import BoardRules, PeriodKind, RatingKind, WinRule
from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.ratings import Glicko
from contest_desk.domain.records.boards import (
    RULE_VALUES,
    BoardRow,
    BoardView,
    BoutRow,
    rule_text,
)
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
    if rules.rating is not RatingKind.NONE:
        parts.append(
            _("rated once per period, at its close")
            if rules.per_period
            else _("rated after each bout")
        )
    parts.append(_("draws allowed (½ each)") if rules.draws else _("no draws"))
    out = [
        rule_text(code, rules)
        for code, field in RULE_VALUES.items()
        if getattr(rules, field) not in (0, None)
    ]
    parts.append(_("eliminated: {rules}", rules="、".join(out)) if out else _("no elimination"))
    return "；".join(parts)


def rating_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}"


def volatility_text(value: Decimal | None) -> str:
    """Glicko-2's σ moves slowly: six places, as in Glickman's example (0.06 → 0.059996)."""
    return "" if value is None else str(round_half_up(value, 6))


RESULT_NAMES = {
    "challenger": N_("Challenger won"),
    "defender": N_("Defended"),
    "draw": N_("A draw (平局)"),
}


def result_code(bout: BoutRow) -> str:
    """challenger, defender or draw: how a bout ended, for scripts and for labels."""
    return "draw" if bout.draw else "challenger" if bout.challenger_won else "defender"


def _streak(streak: int) -> str:
    if streak > 0:
        return _("{n} won", n=streak)
    if streak < 0:
        return _("{n} lost", n=-streak)
    return ""


def _rating_header(view: BoardView) -> list[str]:
    header = [_("Rating")] if view.rated else []
    return header + ([_("Deviation"), _("Volatility")] if view.glicko else [])


def _rating_cells(view: BoardView, rating: Glicko | None) -> list[str]:
    if rating is None or not view.rated:
        return [""] * len(_rating_header(view))
    cells = [rating_text(rating.rating)]
    return cells + ([rating_text(rating.deviation), volatility_text(rating.volatility)]
                    if view.glicko else [])  # fmt: skip


def _row_rating(r: BoardRow) -> Glicko | None:
    if r.rating is None:
        return None
    if r.deviation is None or r.volatility is None:
        return Glicko(r.rating)
    return Glicko(r.rating, r.deviation, r.volatility)


def _board_rows(view: BoardView) -> tuple[list[str], list[list[str]]]:
    header = [_("Place"), _("Name"), _("Unit"), *_rating_header(view)]
    header += [_("Defences"), _("Streak"), _("Status"), _("Why")]
    body = []
    for r in view.rows:
        line = ["" if r.place is None else str(r.place), r.entry.label, r.entry.unit]
        line += _rating_cells(view, _row_rating(r))
        line += [str(r.defences), _streak(r.streak), _(STATUS_NAMES[r.status]), r.why]
        body.append(line)
    return header, body


def _numeric(view: BoardView) -> set[int]:
    """Place and the rating's figures: right-aligned in the table, unquoted in CSV."""
    return {0, *range(3, 3 + len(_rating_header(view)))}


def bout_text(bout: BoutRow) -> str:
    """A bout's result in words, a forfeit said."""
    text = _(RESULT_NAMES[result_code(bout)])
    return text + (_(" (forfeit)") if bout.forfeit else "")


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
                f"  {_('Challenge {n}', n=c.number)}  {c.challenger_place} {c.challenger.label}"
                f" → {c.defender_place} {c.defender.label}  {state}"
            )
    bouts = [b for b in view.bouts if b.period == view.period]
    if bouts:
        out.append("")
        out.append(_("Bouts this period:"))
        for b in bouts:
            out.append(
                f"  {_('Bout {n}', n=b.number)}  {b.challenger.label} → {b.defender.label}"
                f"  {bout_text(b)}"
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
        "volatility": None if r.volatility is None else volatility_text(r.volatility),
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
                "number": c.number,
                "challenger": c.challenger.label,
                "defender": c.defender.label,
                "deadline": c.deadline.isoformat(),
                "accepted": c.accepted,
                "overdue": c.overdue,
            }
            for c in view.challenges
        ],
        "bouts": [
            {
                "number": b.number,
                "period": b.period,
                "challenger": b.challenger.label,
                "defender": b.defender.label,
                "result": result_code(b),
                "forfeit": b.forfeit,
            }
            for b in view.bouts
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


def history_rows(view: BoardView) -> list[tuple[int, str, str, int, Glicko]]:
    """(period, entry, key, place, rating with its deviation and volatility) for every
    entry on the board at each close."""
    out = []
    for period, standing in enumerate(view.history, start=1):
        whole = view.rating_history[period - 1] if period <= len(view.rating_history) else {}
        for entry_id, (place, rating) in sorted(standing.items(), key=lambda kv: kv[1][0]):
            entry = view.entries[entry_id]
            out.append((period, entry.label, entry.key, place, whole.get(entry_id, Glicko(rating))))
    return out


def history_csv(view: BoardView) -> str:
    """Period, name, key, place and rating as before; deviation and volatility follow on
    Glicko-2 boards."""
    header = [_("Period"), _("Name"), _("Key"), _("Place"), _("Rating")]
    header += [_("Deviation"), _("Volatility")] if view.glicko else []
    return csv_text(
        header,
        (
            [period, label, key, place, rating_text(rating.rating)]
            + (_rating_cells(view, rating)[1:] if view.glicko else [])
            for period, label, key, place, rating in history_rows(view)
        ),
        numeric=set(range(len(header))) - {1, 2},
    )


def history_json(view: BoardView) -> str:
    periods: list[dict[str, Any]] = []
    for period, label, key, place, rating in history_rows(view):
        if not periods or periods[-1]["period"] != period:
            periods.append({"period": period, "rows": []})
        glicko = view.glicko
        periods[-1]["rows"].append(
            {
                "entry": label,
                "key": key,
                "place": place,
                "rating": rating_text(rating.rating),
                "deviation": rating_text(rating.deviation) if glicko else None,
                "volatility": volatility_text(rating.volatility) if glicko else None,
            }
        )
    data = {"board": _info(view), "periods": periods}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
