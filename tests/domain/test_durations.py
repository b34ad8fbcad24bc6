"""numbers.py: completion times typed as 分:秒 or seconds, and shown back as 分:秒."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.numbers import (
    parse_duration,
    parse_measured,
    show_duration,
)
from contest_desk.domain.rubric import Criterion, CriterionKind
from contest_desk.errors import UserError

D = Decimal


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("754", D(754)),
        ("754.5", D("754.5")),
        ("12:34", D(754)),
        ("0:59", D(59)),
        ("12:34.5", D("754.5")),
        ("1:02:03", D(3723)),
        ("90:00", D(5400)),  # minutes past 59 without hours are fine
        ("12：34", D(754)),  # the full-width colon
        ("１２：３４", D(754)),
        ("12分34秒", D(754)),
        ("12分", D(720)),
        (" 12:34 ", D(754)),
    ],
)
def test_a_time_is_read_as_seconds(typed: str, seconds: Decimal) -> None:
    assert parse_duration(typed, "用时") == seconds


@pytest.mark.parametrize(
    ("typed", "msgid"),
    [
        ("12:75", "{field}: '{text}' is not a time; minutes and seconds go up to 59"),
        ("1:60:00", "{field}: '{text}' is not a time; minutes and seconds go up to 59"),
        ("12:3a", "{field}: '{text}' is not a time; type minutes:seconds (12:34) or seconds"),
        ("1:2:3:4", "{field}: '{text}' is not a time; type minutes:seconds (12:34) or seconds"),
        (":30", "{field}: '{text}' is not a time; type minutes:seconds (12:34) or seconds"),
        ("-3", "{field}: a time cannot be negative"),
        ("abc", "{field}: '{text}' is not a number"),
        (
            "9" * 40 + ":00",
            "{field}: '{text}' is not a time; type minutes:seconds (12:34) or seconds",
        ),
    ],
)
def test_what_is_not_a_time_is_refused_with_the_reason(typed: str, msgid: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_duration(typed, "用时")
    assert caught.value.msgid == msgid


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (None, ""),
        (D(0), "0:00"),
        (D(59), "0:59"),
        (D(754), "12:34"),
        (D("754.50"), "12:34.5"),
        (D(3600), "1:00:00"),
        (D(3723), "1:02:03"),
    ],
)
def test_seconds_are_shown_as_minutes_and_seconds(seconds: Decimal | None, shown: str) -> None:
    assert show_duration(seconds) == shown


@given(st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False))
def test_what_is_shown_reads_back_the_same(seconds: Decimal) -> None:
    assert parse_duration(show_duration(seconds)) == seconds


def test_only_a_measured_criterion_takes_a_time() -> None:
    assert parse_measured("-0.35") == D("-0.35")  # a deviation stays a signed number
    measured = Criterion("M1", "操作用时", CriterionKind.MEASUREMENT, D(10), D("0.5"))
    assert measured.read("12:34", "M1") == D(754)
    judged = Criterion("J1", "操作规范", CriterionKind.JUDGEMENT, D(10), D("0.5"))
    assert judged.read("8.5", "J1") == D("8.5")
    with pytest.raises(UserError) as caught:
        judged.read("8:30", "J1")
    assert caught.value.msgid == "{field}: '{text}' is not a number"
