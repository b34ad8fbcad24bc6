"""Column types: exact decimals stored as scaled integers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from contest_desk.domain.numbers import MAX_PLACES

SCALE: int = 10**MAX_PLACES


class Milli(TypeDecorator[Decimal]):
    """A Decimal with three places kept as an integer of thousandths.

    SQLite has no exact decimal type (NUMERIC becomes a float there), so scores
    are stored scaled; SUM/MIN/MAX over the column stay exact on every database.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * SCALE
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {MAX_PLACES} decimal places")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_milli(value)


def from_milli(value: Any) -> Decimal:
    """Thousandths (as SQL sums and stores them) back to a Decimal: 8500 → 8.5, 10000 → 10."""
    # Exact division keeps the shortest form, unlike scaleb (8500 → 8.500).
    return Decimal(int(value)) / SCALE
