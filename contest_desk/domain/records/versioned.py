"""What differs between a record as a form read it and as it is stored now, in words:
the fields a stale save names (errors.StaleEdit), as (field, shown value, value now)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from contest_desk.i18n import N_, _

# The fields of each record that its form shows, with their labels (English msgids).
PERSON_FIELDS = {
    "employee_no": N_("Employee no."),
    "name": N_("Name"),
    "unit": N_("Unit"),
    "job_type": N_("Job type"),
    "skill_level": N_("Skill level"),
}
CONTEST_FIELDS = {
    "name": N_("Contest name"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "organizer": N_("Organizing unit"),
}
EVENT_FIELDS = {
    "name": N_("Event name"),
    "settings.aggregation": N_("Aggregation across judges"),
    "settings.judges_per_entry": N_("Judges per entry"),
    "settings.places": N_("Decimal places"),
    "settings.tie_breaks": N_("Tie-breaks"),
    "settings.award_rule": N_("Award rule"),
    "settings.discrepancy_threshold": N_("Discrepancy threshold"),
    "parts": N_("Parts"),
    "rounds": N_("Rounds"),
}

ACHIEVEMENT_FIELDS = {
    "title": N_("Title"),
    "category": N_("Category"),
    "problem": N_("Problem solved"),
    "description": N_("Description"),
    "finished_on": N_("Finished on"),
}


def shown(value: Any) -> str:
    """A stored value as a form shows it: text as it is, a date as 2026-12-03, an empty
    one as —; something a form shows as several controls (a rule) as 已修改."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, str | int | Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple) and all(hasattr(v, "name") for v in value):
        # An event's parts or rounds: 理论 0.3、实操 0.7
        return "、".join(f"{v.name} {getattr(v, 'weight', '')}".strip() for v in value)
    return _("(changed)")


def _attr(record: Any, path: str) -> Any:
    for name in path.split("."):
        record = getattr(record, name)
    return record


def differences(read: Any, now: Any, fields: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """Each field of ``fields`` whose value differs between ``read`` and ``now``: its
    label in the current language, the value the form showed, the value stored now."""
    found = []
    for path, label in fields.items():
        before, after = _attr(read, path), _attr(now, path)
        if before != after:
            old, new = shown(before), shown(after)
            if old == new:  # two rules both shown as "changed"
                old = ""
            found.append((_(label), old or "…", new))
    return found
