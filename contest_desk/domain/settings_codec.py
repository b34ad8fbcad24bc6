"""Settings as JSON-ready dicts (decimals as strings): award rules, tie-breaks, measurement rules.

Used both for the database's JSON columns and for contest files, so the two
never drift apart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from contest_desk.domain.advance import AdvanceMode, AdvanceRule
from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.rubric import MeasurementMode, MeasurementRule


def award_rule_to_dict(rule: AwardRule | None) -> dict[str, Any] | None:
    if rule is None:
        return None
    return {
        "mode": rule.mode.value,
        "levels": [{"name": lv.name, "value": str(lv.value)} for lv in rule.levels],
        "min_score": None if rule.min_score is None else str(rule.min_score),
    }


def award_rule_from_dict(data: dict[str, Any] | None) -> AwardRule | None:
    if not data:
        return None
    return AwardRule(
        AwardMode(data["mode"]),
        tuple(AwardLevel(lv["name"], Decimal(lv["value"])) for lv in data["levels"]),
        None if data.get("min_score") is None else Decimal(data["min_score"]),
    )


def tie_breaks_to_list(tie_breaks: tuple[TieBreak, ...]) -> list[dict[str, str]]:
    return [{"kind": tb.kind.value, "key": tb.key} for tb in tie_breaks]


def tie_breaks_from_list(data: list[Any]) -> tuple[TieBreak, ...]:
    return tuple(TieBreak(TieBreakKind(d["kind"]), d.get("key", "")) for d in data)


def measurement_rule_to_dict(rule: MeasurementRule | None) -> dict[str, Any] | None:
    if rule is None:
        return None
    return {
        "mode": rule.mode.value,
        "target": str(rule.target),
        "tolerance": str(rule.tolerance),
        "deduction_per_unit": str(rule.deduction_per_unit),
        "unit": str(rule.unit),
    }


def measurement_rule_from_dict(data: dict[str, Any] | None) -> MeasurementRule | None:
    if not data:
        return None
    return MeasurementRule(
        MeasurementMode(data["mode"]),
        Decimal(data.get("target", "0")),
        Decimal(data.get("tolerance", "0")),
        Decimal(data.get("deduction_per_unit", "0")),
        Decimal(data.get("unit", "1")),
    )


def advance_rule_to_dict(rule: AdvanceRule | None) -> dict[str, Any] | None:
    if rule is None:
        return None
    return {"mode": rule.mode.value, "value": str(rule.value), "ties_advance": rule.ties_advance}


def advance_rule_from_dict(data: dict[str, Any] | None) -> AdvanceRule | None:
    if data is None:
        return None
    return AdvanceRule(AdvanceMode(data["mode"]), Decimal(data["value"]), data["ties_advance"])
