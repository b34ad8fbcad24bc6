"""Re-check (复核): which entries are keyed again, and what the comparison says.

Chinese rules re-check the top entries in full and a sample of the rest (by default the
top 10 and at least 15 % of the others); when the error rate of the re-keyed values
exceeds a set rate (by default 5 %) the whole round is re-checked.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

TOP = 10
SHARE = Decimal("0.15")
FULL_RECHECK_ABOVE = Decimal("0.05")

Cell = tuple[int, str, int]  # (entry id, criterion code, judge id)


def sample(ranked: Sequence[int], seed: str, top: int = TOP, share: Decimal = SHARE) -> list[int]:
    """The top ``top`` entries in full and ceil(``share`` of the rest) drawn from ``seed``,
    in rank order. ``ranked`` lists entry ids best first."""
    head, rest = list(ranked[:top]), list(ranked[top:])
    count = math.ceil(Decimal(len(rest)) * share)

    def key(entry: int) -> str:
        return hashlib.sha256(f"{seed}:recheck:{entry}".encode()).hexdigest()

    drawn = set(sorted(rest, key=key)[:count])
    return head + [e for e in rest if e in drawn]


@dataclass(frozen=True)
class Mismatch:
    cell: Cell
    stored: Decimal | None
    keyed: Decimal


@dataclass(frozen=True)
class Comparison:
    compared: int
    mismatches: tuple[Mismatch, ...]
    threshold: Decimal

    @property
    def error_rate(self) -> Decimal:
        if not self.compared:
            return Decimal(0)
        return Decimal(len(self.mismatches)) / Decimal(self.compared)

    @property
    def full_recheck_due(self) -> bool:
        return self.error_rate > self.threshold


def compare(
    stored: Mapping[Cell, Decimal],
    keyed: Mapping[Cell, Decimal],
    threshold: Decimal = FULL_RECHECK_ABOVE,
) -> Comparison:
    """Each re-keyed value against the stored one (a value keyed where none is stored is an
    error too)."""
    mismatches = tuple(
        Mismatch(cell, stored.get(cell), value)
        for cell, value in sorted(keyed.items())
        if stored.get(cell) != value
    )
    return Comparison(len(keyed), mismatches, threshold)
