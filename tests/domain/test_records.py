"""domain/records: the plain records' own small rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from contest_desk.domain.records.labor import column_letter


def test_column_letters_as_spreadsheets_name_them() -> None:
    assert [column_letter(n) for n in (1, 2, 26, 27, 52, 53, 702, 703)] == [
        "A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


@given(st.integers(min_value=1, max_value=18_278))
def test_column_letters_agree_with_openpyxl(number: int) -> None:
    assert column_letter(number) == get_column_letter(number)
