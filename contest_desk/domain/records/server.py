"""What checking a database server found: one line per check, for ``server check``."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Verdict(Enum):
    OK = "ok"
    WARN = "warn"  # works, but not as it should be set up (no TLS, more rights than needed)
    FAIL = "fail"  # a desk cannot work with this server until it is put right


@dataclass(frozen=True)
class CheckLine:
    """One check's outcome: an English message id and its fields, said in the user's
    language by the front end."""

    check: str  # "reach", "login", "database", "schema", "role", "rights", "tls", "audit"
    verdict: Verdict
    msgid: str
    params: dict[str, Any] = field(default_factory=dict)
