"""dates.py: the forms a clerk types a date in, and 未定."""

from __future__ import annotations

import datetime as dt

import pytest

from contest_desk.domain.dates import parse_date
from contest_desk.errors import UserError


@pytest.mark.parametrize(
    "text",
    [
        "2026-05-11",
        "2026/5/11",
        "20260511",
        "2026.5.11",
        " 2026-5-11 ",
        "2026年5月11日",
        "２０２６／５／１１",
    ],
)
def test_every_form_reads_as_the_same_day(text: str) -> None:
    assert parse_date(text, "开始日期") == dt.date(2026, 5, 11)


@pytest.mark.parametrize("text", ["", "  ", "未定", "Not set"])
def test_empty_and_undecided_are_no_date(text: str) -> None:
    assert parse_date(text, "开始日期") is None


@pytest.mark.parametrize("text", ["2026-02-30", "5/11", "2026511", "明天", "2026-13-01"])
def test_anything_else_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_date(text, "开始日期")
    assert refused.value.params == {"field": "开始日期", "value": text}
