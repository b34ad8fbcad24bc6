"""Exact numbers for scores and money: parsing, steps and half-up rounding."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

from contest_desk.errors import UserError

# Stored scores keep at most three decimal places (see storage's scaled integers).
MAX_PLACES = 3
QUANTUM = Decimal(1).scaleb(-MAX_PLACES)
# Far beyond any score or amount of money, and safely inside a 64-bit scaled integer.
LIMIT = Decimal(10) ** 12


def parse_decimal(text: str | int | Decimal, field: str = "value") -> Decimal:
    """Read a number typed by a person ("8.5", " 9 ", "９"); refuse anything else."""
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    else:
        cleaned = text.strip().replace("，", ".").replace("。", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise UserError("{field}: '{text}' is not a number", field=field, text=text) from None
    if not value.is_finite():
        raise UserError("{field}: '{text}' is not a number", field=field, text=text)
    if abs(value) >= LIMIT:
        raise UserError("{field}: {text} is too large", field=field, text=text)
    if value != value.quantize(QUANTUM, rounding=ROUND_HALF_UP):
        raise UserError(
            "{field}: {value} has more than {places} decimal places",
            field=field,
            value=value,
            places=MAX_PLACES,
        )
    return value


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round the way score sheets do (2.345 → 2.35 at two places)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def is_on_step(value: Decimal, step: Decimal) -> bool:
    """True when ``value`` is a whole number of ``step``s from zero."""
    return step <= 0 or (value / step) == (value / step).to_integral_value()


def units_started(amount: Decimal, unit: Decimal) -> Decimal:
    """How many units ``amount`` begins (0.25 of 0.1 → 3): each started unit counts."""
    return (amount / unit).to_integral_value(rounding=ROUND_CEILING)
