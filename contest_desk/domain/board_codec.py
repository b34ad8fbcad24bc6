"""A board's rules and log events as JSON-ready dicts (decimals and dates as strings)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from decimal import Decimal
from typing import Any

from contest_desk.domain.ladder import (
    Accept,
    BoardRules,
    Bout,
    Challenge,
    Close,
    Correction,
    Decline,
    Event,
    Join,
    PeriodKind,
    RatingKind,
    RatingUpdate,
    Removal,
    RuleChange,
    WinRule,
)
from contest_desk.domain.ratings import Glicko

KINDS: dict[str, type] = {
    "join": Join,
    "challenge": Challenge,
    "accept": Accept,
    "decline": Decline,
    "bout": Bout,
    "correction": Correction,
    "removal": Removal,
    "rules": RuleChange,
    "close": Close,
}
KIND_OF = {cls: kind for kind, cls in KINDS.items()}
FIELD_NAMES = {kind: frozenset(f.name for f in fields(cls)) for kind, cls in KINDS.items()}
_ENUMS: dict[str, Any] = {
    "win_rule": WinRule,
    "rating": RatingKind,
    "period": PeriodKind,
    "rating_update": RatingUpdate,
}
_DECIMALS = {"elo_k", "tau", "eliminate_below"}


def rules_to_dict(rules: BoardRules) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(rules):
        value = getattr(rules, f.name)
        out[f.name] = str(value) if isinstance(value, Decimal) else value
    return out


def rules_from_dict(data: dict[str, Any]) -> BoardRules:
    known = {f.name for f in fields(BoardRules)}
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            continue  # a setting of a later version: its default stands
        if name in _ENUMS:
            value = _ENUMS[name](value)
        elif name in _DECIMALS and value is not None:
            value = Decimal(value)
        values[name] = value
    return BoardRules(**values)


def _glicko_to_dict(g: Glicko | None) -> dict[str, str] | None:
    if g is None:
        return None
    return {"rating": str(g.rating), "deviation": str(g.deviation), "volatility": str(g.volatility)}


def event_to_dict(event: Event) -> tuple[str, dict[str, Any]]:
    """The log row's kind and data."""
    if isinstance(event, Join):
        return "join", {"entry": event.entry, "start": _glicko_to_dict(event.start)}
    if isinstance(event, Challenge):
        return "challenge", {
            "challenger": event.challenger,
            "defender": event.defender,
            "deadline": event.deadline.isoformat(),
        }
    if isinstance(event, RuleChange):
        return "rules", rules_to_dict(event.rules)
    data = dict(vars(event))
    if isinstance(event, Bout | Correction) and not event.draw:
        del data["draw"]  # a decided result is written as it was before draws existed
    return KIND_OF[type(event)], data


def event_from_dict(kind: str, data: dict[str, Any]) -> Event:
    if kind == "bout":  # nearly every row of a long log: built without the generic path
        return Bout(
            data["challenger"],
            data["defender"],
            data["challenger_won"],
            data.get("challenge"),
            data.get("forfeit", False),
            data.get("draw", False),
        )
    if kind == "join":
        start = data.get("start")
        if start is None:
            return Join(data["entry"])
        rating, deviation, volatility = (
            Decimal(start[k]) for k in ("rating", "deviation", "volatility")
        )
        return Join(data["entry"], Glicko(rating, deviation, volatility))
    if kind == "challenge":
        deadline = dt.date.fromisoformat(data["deadline"])
        return Challenge(data["challenger"], data["defender"], deadline)
    if kind == "rules":
        return RuleChange(rules_from_dict(data))
    names = FIELD_NAMES[kind]
    event: Event = KINDS[kind](**{k: v for k, v in data.items() if k in names})
    return event
