"""Contests: kinds, the status lifecycle and event modes."""

from __future__ import annotations

from enum import StrEnum

from contest_desk.errors import UserError
from contest_desk.i18n import N_, _


class ContestKind(StrEnum):
    LABOR = "labor"  # 劳动竞赛
    SKILL = "skill"  # 技能比武
    INNOVATION = "innovation"  # 创新成果评比


class ContestStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    RUNNING = "running"
    FINISHED = "finished"
    ARCHIVED = "archived"


_ORDER = list(ContestStatus)

# The one name of each status, shown (translated) by the window, the command line and errors.
STATUS_NAMES = {
    ContestStatus.DRAFT: N_("Draft"),
    ContestStatus.OPEN: N_("Open for entries"),
    ContestStatus.RUNNING: N_("Running"),
    ContestStatus.FINISHED: N_("Finished"),
    ContestStatus.ARCHIVED: N_("Archived"),
}


def check_status_move(current: ContestStatus, new: ContestStatus) -> None:
    """A contest moves one step forward at a time (draft → open → running → finished → archived),
    or one step back to correct a mistake; an archived contest stays archived."""
    if current is ContestStatus.ARCHIVED and new is not ContestStatus.ARCHIVED:
        raise UserError("An archived contest cannot be reopened")
    if abs(_ORDER.index(new) - _ORDER.index(current)) > 1:
        raise UserError(
            "A contest cannot go from {current} to {new} in one step",
            current=_(STATUS_NAMES[current]),
            new=_(STATUS_NAMES[new]),
        )


class EventMode(StrEnum):
    INDIVIDUAL = "individual"
    TEAM = "team"
