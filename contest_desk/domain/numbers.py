"""Exact numbers for scores and money: parsing typed numbers, steps and half-up rounding."""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation

from contest_desk.domain import limits
from contest_desk.errors import UserError

# Stored scores keep at most three decimal places (see storage's scaled integers).
MAX_PLACES = limits.PLACES
QUANTUM = Decimal(1).scaleb(-MAX_PLACES)
# Far beyond any score or amount of money, and safely inside a 64-bit scaled integer.
LIMIT = Decimal(10) ** limits.MAGNITUDE_DIGITS

# Digits as a Chinese input method types them (full-width) read as ASCII digits; the
# comma and full stop of the full-width keyboard as the decimal point.
_TYPED = str.maketrans("０１２３４５６７８９．，。－＋", "0123456789...-+")


def _typed(text: str) -> str:
    """``text`` with full-width digits and signs made ASCII, surrounding spaces dropped."""
    return text.strip().translate(_TYPED)


def parse_decimal(
    text: str | int | Decimal,
    field: str = "value",
    places: int = MAX_PLACES,
    digits: int = limits.MAGNITUDE_DIGITS,
) -> Decimal:
    """Read a number typed by a person ("8.5", " 9 ", "９"); refuse anything else.

    Refused, each with a message naming ``field``: text that is not a plain decimal
    number in ASCII or full-width digits (NaN, Infinity, "²", "1/2"), a value of
    10^``digits`` or more (checked on the exponent, so "1e999999999" never reaches
    decimal arithmetic, which would overflow), more than ``places`` decimal places.
    """
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    else:
        value = _read(text, field)
    if not value.is_finite():
        raise UserError("{field}: '{text}' is not a number", field=field, text=text)
    # adjusted() is the exponent of the leading digit and needs no decimal context.
    if value and value.adjusted() >= digits:
        raise UserError("{field}: {text} is too large", field=field, text=_shown(text))
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, so not 'n', 'N' or 'F'
    if exponent < -places and value != value.quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    ):
        raise UserError(
            "{field}: {value} has more than {places} decimal places",
            field=field,
            value=_shown(value),
            places=places,
        )
    if not value:
        return Decimal(0)  # "0e999999999" is zero; kept as it came it would print so
    return value


def _read(text: str, field: str) -> Decimal:
    cleaned = _typed(text)
    # Digits, one point, a sign and an exponent only: Decimal() also takes "NaN",
    # "Infinity", Arabic-Indic digits and underscores, none of which a sheet means.
    if len(cleaned) > limits.NUMBER_CHARS or not cleaned.isascii() or "_" in cleaned:
        raise UserError("{field}: '{text}' is not a number", field=field, text=_shown(text))
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise UserError("{field}: '{text}' is not a number", field=field, text=text) from None


def _shown(text: str | int | Decimal) -> str:
    """A number as quoted back in a message: long input cut short."""
    shown = str(text)
    return shown if len(shown) <= limits.NUMBER_CHARS else shown[: limits.NUMBER_CHARS] + "…"


def parse_whole(text: str | int, field: str, low: int = 0, high: int = limits.WHOLE_MAX) -> int:
    """Read a whole number from ``low`` to ``high``: an id, a round, a place, a count.

    ASCII and full-width digits ("１２") are read; other Unicode digits ("²", "٣"),
    which Python's int() accepts or refuses case by case, are refused, as are signs
    other than a leading minus, spaces inside and more digits than ``high`` has.
    """
    if isinstance(text, int):
        value = text
    else:
        cleaned = _typed(text)
        body = cleaned.removeprefix("-")
        if not (body.isascii() and body.isdigit()):
            raise UserError(
                "{field}: '{text}' is not a whole number", field=field, text=_shown(text)
            )
        # More digits than ``high`` has is out of range, whatever the digits: not read.
        value = int(cleaned) if len(body) <= len(str(high)) else high + 1
    if not low <= value <= high:
        raise UserError(
            "{field}: {value} is outside {low}–{high}",
            field=field,
            value=_shown(text),
            low=low,
            high=high,
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


# A time typed as minutes and seconds ("12:34", "12:34.5") or hours, minutes and seconds
# ("1:02:03"); the full-width colon and 分/秒 as a Chinese keyboard types them.
_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$")
_CLOCK_TYPED = str.maketrans({"：": ":"})
_MINUTES_SECONDS = re.compile(r"^(\d+)分(?:(\d+(?:\.\d+)?)秒?)?$")


def is_clock(text: str) -> bool:
    """Whether ``text`` is a time written with a colon or 分 (not a plain number)."""
    cleaned = _typed(text).translate(_CLOCK_TYPED)
    return ":" in cleaned or "分" in cleaned


def parse_duration(text: str | int | Decimal, field: str = "time") -> Decimal:
    """Seconds from a completion time typed as seconds ("754", "754.5") or as 分:秒
    ("12:34", "12:34.5", "1:02:03", "12分34秒", full-width digits and colon too).

    Minutes and seconds after the first field must be below 60 ("12:75" is refused, not
    read as 13:15); a time is never negative.
    """
    if not isinstance(text, str) or not is_clock(text):
        seconds = parse_decimal(text, field)
        if seconds < 0:
            raise UserError("{field}: a time cannot be negative", field=field)
        return seconds
    cleaned = _typed(text).translate(_CLOCK_TYPED).replace(" ", "")
    short = len(cleaned) <= limits.NUMBER_CHARS  # long digit runs are never read
    written = _MINUTES_SECONDS.fullmatch(cleaned) if short else None
    clock = _CLOCK.fullmatch(cleaned) if short else None
    if written is not None:
        hours, minutes, rest = None, written[1], written[2] or "0"
    elif clock is not None:
        hours, minutes, rest = clock[1], clock[2], clock[3]
    else:
        raise UserError(
            "{field}: '{text}' is not a time; type minutes:seconds (12:34) or seconds",
            field=field,
            text=_shown(text),
        )
    seconds = parse_decimal(rest, field)
    whole_minutes = int(minutes)
    if seconds >= 60 or (hours is not None and whole_minutes >= 60):
        raise UserError(
            "{field}: '{text}' is not a time; minutes and seconds go up to 59",
            field=field,
            text=_shown(text),
        )
    total = Decimal(int(hours or 0) * 3600 + whole_minutes * 60) + seconds
    return parse_decimal(total, field)


def parse_measured(text: str | int | Decimal, field: str = "value") -> Decimal:
    """A measured value as typed: a number ("0.35", "-2"), or a time typed as 分:秒
    ("12:34"), read as its seconds (754) — the unit a timed measurement's rule counts in."""
    if isinstance(text, str) and is_clock(text):
        return parse_duration(text, field)
    return parse_decimal(text, field)


def show_duration(seconds: Decimal | None) -> str:
    """Seconds as 分:秒 ("12:34"; "1:02:03" from an hour; "12:34.5" keeps a fraction);
    None as ""."""
    if seconds is None:
        return ""
    negative = seconds < 0
    whole = int(abs(seconds))
    fraction = format(abs(seconds) - whole, "f").rstrip("0").rstrip(".").removeprefix("0")
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return ("-" if negative else "") + clock + fraction
