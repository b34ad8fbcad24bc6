"""What the audit trail's services hand out: one row of the trail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


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
