"""Translated names of the domain's codes (contest kinds, statuses, event modes) for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contest_desk.domain.contest import STATUS_NAMES, ContestKind, ContestStatus, EventMode


def tr(text: str) -> str:
    return QCoreApplication.translate("contests", text)


def kind_names() -> dict[ContestKind, str]:
    return {
        ContestKind.SKILL: tr("Skill contest"),
        ContestKind.LABOR: tr("Labor competition"),
        ContestKind.INNOVATION: tr("Innovation awards"),
    }


def status_names() -> dict[ContestStatus, str]:
    return {status: tr(name) for status, name in STATUS_NAMES.items()}


def mode_names() -> dict[EventMode, str]:
    return {EventMode.INDIVIDUAL: tr("Individual event"), EventMode.TEAM: tr("Team event")}
