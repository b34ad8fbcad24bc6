"""What the audit trail's services hand out: its rows, and what checking the chain found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Break:
    """The first row where the chain does not hold, and why."""

    seq: int
    reason: str  # "changed", "missing", "relinked" or "tail"


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    target: str
    detail: dict[str, Any]
    note: str

    @property
    def old(self) -> Any:
        return self.detail.get("old")

    @property
    def new(self) -> Any:
        return self.detail.get("new")


@dataclass(frozen=True)
class Difference:
    """A value that differs from the audit trail, said for people."""

    what: str  # e.g. "采油工 初赛 · 王建国 · P1 · 裁判2 的评分"
    stored: str  # what the database holds now
    recorded: str  # what the audit trail says it must be


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    broken: Break | None
    compared: int = 0  # audited values (marks, sheets, locks, rows) compared with the trail
    differences: tuple[Difference, ...] = ()  # the first of them that differ
    anchors: tuple[str, ...] = ()  # anchors the chain no longer matches, in words

    @property
    def intact(self) -> bool:
        return self.broken is None and not self.differences and not self.anchors
