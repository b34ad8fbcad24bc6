"""Translated names of the domain's codes (contest kinds, statuses, event modes) for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contest_desk.domain.contest import ContestKind, ContestStatus, EventMode


def tr(text: str) -> str:
    return QCoreApplication.translate("contests", text)


def kind_names() -> dict[ContestKind, str]:
    return {
        ContestKind.SKILL: tr("Skill contest"),
        ContestKind.LABOR: tr("Labor competition"),
        ContestKind.INNOVATION: tr("Innovation awards"),
    }


def status_names() -> dict[ContestStatus, str]:
    return {
        ContestStatus.DRAFT: tr("Draft"),
        ContestStatus.OPEN: tr("Open for entries"),
        ContestStatus.RUNNING: tr("Running"),
        ContestStatus.FINISHED: tr("Finished"),
        ContestStatus.ARCHIVED: tr("Archived"),
    }


def mode_names() -> dict[EventMode, str]:
    return {EventMode.INDIVIDUAL: tr("Individual event"), EventMode.TEAM: tr("Team event")}
