"""Generated input to the parsers every way in shares: numbers, whole numbers, CSV, JSON,
contest-file limits, rubrics, public keys and command-line integers. Each works or
raises a UserError that says something; nothing else escapes."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.cli.types import public_key_text, whole
from contest_desk.domain import limits
from contest_desk.domain.numbers import parse_decimal, parse_whole
from contest_desk.domain.rubric import Criterion, CriterionKind, rubric_problems
from contest_desk.domain.table_files import csv_text_lines
from contest_desk.errors import UserError
from contest_desk.services.contests.contest_file import limit_problems
from contest_desk.services.input_files import parse_json
from tests.properties.conftest import MANY, says_something

# Text a person or a broken file might hand in: digits of every script, signs, exponents,
# NaN and Infinity, superscripts, full-width forms, controls.
NUMBERISH = st.one_of(
    st.text(),
    st.text(alphabet="0123456789.-+eE_ ，。０１２３４５６７８９²³¹٣", max_size=30),
    st.sampled_from(
        [
            "NaN",
            "-Infinity",
            "1e999999999",
            "-1e999999999",
            "1e-999999999",
            "0e999999999",
            "9" * 100,
            "sNaN",
            "1_000",
            "١٢",
        ]
    ),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
)


@MANY
@given(NUMBERISH, st.sampled_from([(3, 12), (6, 6)]))
def test_a_typed_number_is_read_or_refused_with_a_message(text: str, shape: tuple[int, int]):
    places, digits = shape
    try:
        value = parse_decimal(text, "value", places, digits)
    except UserError as error:
        says_something(error)
        return
    assert value.is_finite()
    assert abs(value) < Decimal(10) ** digits
    assert value == value.quantize(Decimal(1).scaleb(-places))
    # what was read can be shown and rounded the way reports do, without a decimal error
    assert str(value.quantize(Decimal("0.1")))


@MANY
@given(NUMBERISH, st.integers(0, 5), st.integers(5, limits.WHOLE_MAX))
def test_a_whole_number_is_read_or_refused_with_a_message(text: str, low: int, high: int):
    try:
        value = parse_whole(text, "round", low, high)
    except UserError as error:
        says_something(error)
        return
    assert low <= value <= high


@MANY
@given(st.text(alphabet='ab,"\r\n 张\x00', max_size=200))
def test_csv_text_is_read_or_refused_with_its_row(text: str):
    try:
        lines = csv_text_lines(text, "scores.csv")
    except UserError as error:
        says_something(error)
        assert error.where is not None and error.where.row is not None
        return
    assert all(isinstance(cell, str) for line in lines for cell in line)


def _nested(depth: int, leaf: str) -> str:
    return "[" * depth + leaf + "]" * depth


JSONISH = st.one_of(
    st.text(alphabet='[]{}":,0123456789 \\tnulrue', max_size=200),
    st.builds(_nested, st.integers(0, 3 * limits.JSON_DEPTH), st.sampled_from(["", "1", '"]"'])),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    ).map(json.dumps),
)


@MANY
@given(JSONISH)
def test_json_text_is_parsed_or_refused_with_a_message(text: str):
    try:
        parse_json(text, "file.json")
    except UserError as error:
        says_something(error)


@MANY
@given(st.integers(1, 4 * limits.JSON_DEPTH))
def test_nesting_is_refused_exactly_past_the_limit(depth: int):
    text = _nested(depth, "1")
    if depth <= limits.JSON_DEPTH:
        assert parse_json(text, "f.json") is not None
    else:
        with pytest.raises(UserError, match=r"f\.json"):
            parse_json(text, "f.json")


CONTEST_DATA = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.text(max_size=300),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["name", "unit", "persons", "contest", "code"]), inner),
    max_leaves=20,
)  # fmt: skip


@MANY
@given(CONTEST_DATA)
def test_contest_file_limits_name_each_field_past_its_limit(data: object):
    for problem in limit_problems(data):
        says_something(problem)
        assert "$" in problem.message()


@st.composite
def rubrics(draw: st.DrawFn, depth: int = 0) -> Criterion:
    code = draw(st.text(max_size=50))
    name = draw(st.text(max_size=250))
    if depth < 12 and draw(st.booleans()):
        children = tuple(draw(st.lists(rubrics(depth + 1), min_size=1, max_size=2)))
        return Criterion(code, name, None, children=children)
    kind = draw(st.sampled_from(list(CriterionKind)))
    points = draw(st.decimals(min_value=-5, max_value=100, places=3))
    step = draw(st.decimals(min_value=-1, max_value=5, places=4))
    return Criterion(code, name, kind, points, step)


@MANY
@given(st.lists(rubrics(), max_size=3))
def test_a_rubric_is_checked_whatever_its_shape(criteria: list[Criterion]):
    for problem in rubric_problems(criteria):
        says_something(problem.error)


def test_a_200_level_rubric_is_one_problem_not_a_recursion_error():
    node = Criterion("L200", "最深", CriterionKind.JUDGEMENT)
    for level in range(199, 0, -1):
        node = Criterion(f"L{level}", "层", None, children=(node,))
    problems = rubric_problems([node])
    assert [p.field for p in problems] == ["children"]
    assert str(limits.RUBRIC_DEPTH) in problems[0].error.message()


@MANY
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_a_public_key_file_is_read_or_refused_by_argparse(tmp_path_factory, content: bytes):
    path = Path(tmp_path_factory.mktemp("pem")) / "key.pem"
    path.write_bytes(content)
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        public_key_text(str(path))  # nothing generated here is an Ed25519 key
    assert str(refused.value).strip()


@MANY
@given(NUMBERISH)
def test_an_integer_argument_is_read_or_refused_by_argparse(text: str):
    try:
        value = whole()(text)
    except argparse.ArgumentTypeError as error:
        assert str(error).strip()
        return
    assert 0 <= value <= limits.WHOLE_MAX
