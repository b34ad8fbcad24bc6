"""A roster file's rows as plain records, and its columns: what reports/roster_excel.py
reads and writes and services/people/roster_import.py checks and stores."""

from __future__ import annotations

from dataclasses import dataclass

from contest_desk.i18n import _

# The roster's columns: field name → English msgid of its header (translated where shown).
FIELD_LABELS: dict[str, str] = {
    "employee_no": "Employee no.",
    "name": "Name",
    "unit": "Unit",
    "job_type": "Job type",
    "skill_level": "Skill level",
    "event": "Entered event",
    "team": "Team",
}
FIELDS = tuple(FIELD_LABELS)
# A file without these columns cannot be a roster.
REQUIRED_COLUMNS = ("employee_no", "name", "unit", "event")
# A row without these cells cannot be imported.
REQUIRED_CELLS = ("employee_no", "name", "event")


def column_label(name: str) -> str:
    """A roster column's header in the current language, as messages name it."""
    return _(FIELD_LABELS[name])


@dataclass(frozen=True)
class RosterRow:
    """One row of a roster file: a person entering one event, with a team for team events.

    ``row`` is the row number in the file, so that problems can point at it.
    """

    row: int
    employee_no: str
    name: str
    unit: str = ""
    job_type: str = ""
    skill_level: str = ""
    event: str = ""
    team: str = ""
