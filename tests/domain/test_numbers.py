"""numbers.py: parsing typed numbers, half-up rounding, steps and started units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.numbers import (
    MAX_PLACES,
    QUANTUM,
    is_on_step,
    parse_decimal,
    parse_whole,
    round_half_up,
    units_started,
)
from contest_desk.errors import UserError

D = Decimal


# --- parse_decimal -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("8.5", D("8.5")),
        (" 9 ", D(9)),
        ("\u30009\u3000", D(9)),  # ideographic spaces around the number
        ("９", D(9)),  # full-width digit
        ("８.５", D("8.5")),
        ("9，5", D("9.5")),  # full-width comma typed for the decimal point
        ("9。5", D("9.5")),  # ideographic full stop typed for the decimal point
        ("0", D(0)),
        ("-1.5", D("-1.5")),
        ("2.125", D("2.125")),  # exactly MAX_PLACES decimals
        ("2.1250", D("2.125")),  # a trailing zero is not a fourth place
        ("1E+2", D(100)),
        (7, D(7)),
        (D("3.25"), D("3.25")),
    ],
)
def test_parse_decimal_accepts_what_people_type(typed: str | int | Decimal, expected: Decimal):
    value = parse_decimal(typed)
    assert isinstance(value, Decimal)
    assert value == expected


def test_parse_decimal_returns_a_decimal_unchanged():
    original = D("4.50")
    assert parse_decimal(original) is original


@pytest.mark.parametrize("typed", ["abc", "", "   ", "8.5.1", "八", "1/2", "8,5.0", "nan", "inf"])
def test_parse_decimal_refuses_what_is_not_a_number(typed: str):
    with pytest.raises(UserError) as caught:
        parse_decimal(typed, field="score")
    err = caught.value
    assert err.msgid == "{field}: '{text}' is not a number"
    assert err.params == {"field": "score", "text": typed}
    assert "score" in str(err)


@pytest.mark.parametrize("typed", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_parse_decimal_refuses_a_non_finite_decimal(typed: Decimal):
    with pytest.raises(UserError) as caught:
        parse_decimal(typed)
    assert caught.value.msgid == "{field}: '{text}' is not a number"
    assert caught.value.params["field"] == "value"


@pytest.mark.parametrize("typed", ["1.2345", "0.0001", "1e-5", D("9.9999")])
def test_parse_decimal_refuses_more_places_than_stored(typed: str | Decimal):
    with pytest.raises(UserError) as caught:
        parse_decimal(typed, field="time")
    err = caught.value
    assert err.msgid == "{field}: {value} has more than {places} decimal places"
    assert err.params["field"] == "time"
    assert err.params["places"] == MAX_PLACES == 3
    assert str(MAX_PLACES) in str(err)


@pytest.mark.parametrize("typed", ["1e30", "-1e30", "1" * 30, "9" * 40 + ".5", D("1e40")])
def test_parse_decimal_refuses_a_huge_number_with_a_user_error(typed: str | Decimal):
    # A person can type this; it must be refused, not crash with decimal.InvalidOperation.
    with pytest.raises(UserError):
        parse_decimal(typed)


@pytest.mark.parametrize("typed", ["123456789.125", "-98765432.5", "5000000"])
def test_parse_decimal_accepts_large_everyday_amounts(typed: str):
    # benefits in CNY can run to millions; they are well within what storage keeps
    assert parse_decimal(typed) == D(typed)


@settings(max_examples=100)
@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_parse_decimal_round_trips_three_place_values(thousandths: int):
    value = D(thousandths).scaleb(-MAX_PLACES)
    assert parse_decimal(str(value)) == value
    assert parse_decimal(f"  {value}  ") == value


def test_quantum_is_a_thousandth():
    assert D("0.001") == QUANTUM


# --- round_half_up -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.345", 2, "2.35"),
        ("2.344", 2, "2.34"),
        ("2.3449999", 2, "2.34"),
        ("2.5", 0, "3"),
        ("3.5", 0, "4"),  # not banker's rounding (which would give 4 here, 2 for 2.5)
        ("0.5", 0, "1"),
        ("1.05", 1, "1.1"),
        ("1.15", 1, "1.2"),
        ("1.25", 1, "1.3"),
        ("0.0005", 3, "0.001"),
        ("99.995", 2, "100.00"),
        ("8", 2, "8.00"),
        ("7.1", 3, "7.100"),
    ],
)
def test_round_half_up(value: str, places: int, expected: str):
    rounded = round_half_up(D(value), places)
    assert rounded == D(expected)
    assert str(rounded) == expected  # shown with exactly ``places`` decimals


def test_round_half_up_of_a_repeating_mean():
    assert round_half_up(D(26) / 3, 2) == D("8.67")
    assert round_half_up(D(25) / 3, 2) == D("8.33")
    assert round_half_up(D(25) / 3, 0) == D(8)


@settings(max_examples=100)
@given(st.integers(min_value=0, max_value=10**8), st.integers(min_value=0, max_value=3))
def test_round_half_up_matches_integer_arithmetic(thousandths: int, places: int):
    value = D(thousandths).scaleb(-3)
    drop = 10 ** (3 - places)
    expected = D((thousandths + drop // 2) // drop if drop > 1 else thousandths).scaleb(-places)
    assert round_half_up(value, places) == expected
    assert abs(round_half_up(value, places) - value) <= D(1).scaleb(-places) / 2


# --- is_on_step ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [
        ("8.5", "0.5", True),
        ("8", "0.5", True),
        ("0", "0.5", True),
        ("10", "0.25", True),
        ("9.75", "0.25", True),
        ("8.3", "0.5", False),
        ("8.25", "0.5", False),
        ("0.001", "0.001", True),
        ("0.0015", "0.001", False),
        ("3", "1", True),
        ("3.1", "1", False),
        ("9", "3", True),
        ("10", "3", False),
        ("8.3", "0", True),  # no step: anything goes
    ],
)
def test_is_on_step(value: str, step: str, expected: bool):
    assert is_on_step(D(value), D(step)) is expected


@settings(max_examples=100)
@given(
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from([D("0.1"), D("0.25"), D("0.5"), D(1), D(2)]),
)
def test_whole_multiples_are_on_step_and_half_steps_are_not(n: int, step: Decimal):
    assert is_on_step(n * step, step)
    assert not is_on_step(n * step + step / 2, step)


# --- units_started -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        ("0.25", "0.1", 3),
        ("0.2", "0.1", 2),
        ("0.201", "0.1", 3),
        ("0.001", "0.01", 1),
        ("0", "0.1", 0),
        ("5", "1", 5),
        ("5.5", "1", 6),
        ("1", "0.3", 4),
    ],
)
def test_units_started_counts_each_started_unit(amount: str, unit: str, expected: int):
    assert units_started(D(amount), D(unit)) == expected


@settings(max_examples=100)
@given(
    st.integers(min_value=0, max_value=1000),
    st.integers(min_value=1, max_value=99),
    st.sampled_from([D("0.01"), D("0.1"), D("0.5"), D(1)]),
)
def test_units_started_property(whole: int, percent: int, unit: Decimal):
    assert units_started(whole * unit, unit) == whole
    part_of_unit = unit * percent / 100  # strictly between 0 and one unit
    assert units_started(whole * unit + part_of_unit, unit) == whole + 1


# --- parse_whole and the limits on typed numbers ------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), [("12", 12), ("１２", 12), (" 7 ", 7), (3, 3)])
def test_parse_whole_reads_ascii_and_full_width_digits(typed: str | int, expected: int):
    assert parse_whole(typed, "round") == expected


@pytest.mark.parametrize("typed", ["²", "٣", "1e3", "1.0", "+1", "1 2", "", "一"])
def test_parse_whole_refuses_what_int_would_read_or_crash_on(typed: str):
    with pytest.raises(UserError) as caught:
        parse_whole(typed, "round")
    assert caught.value.msgid == "{field}: '{text}' is not a whole number"


@pytest.mark.parametrize("typed", ["-1", "99999999999999999999", "2147483648"])
def test_parse_whole_refuses_what_is_out_of_range(typed: str):
    with pytest.raises(UserError) as caught:
        parse_whole(typed, "round")
    assert caught.value.msgid == "{field}: {value} is outside {low}–{high}"


@pytest.mark.parametrize("typed", ["1e999999999", "-1e999999999", "1E+12"])
def test_parse_decimal_refuses_a_huge_exponent_without_decimal_arithmetic(typed: str):
    # abs() of 1e999999999 raised decimal.Overflow before the size was checked
    with pytest.raises(UserError) as caught:
        parse_decimal(typed)
    assert caught.value.msgid == "{field}: {text} is too large"


def test_parse_decimal_takes_more_places_and_fewer_digits_for_ratings():
    assert parse_decimal("1523.123456", "rating", places=6, digits=6) == D("1523.123456")
    with pytest.raises(UserError):
        parse_decimal("1000000", "rating", places=6, digits=6)
    assert parse_decimal("0e999999999") == 0
