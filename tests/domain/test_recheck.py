"""Re-check sampling and the error rate."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.recheck import compare, sample

D = Decimal


def test_the_top_ten_in_full_and_fifteen_percent_of_the_rest() -> None:
    ranked = list(range(100, 160))  # 60 entries, best first
    chosen = sample(ranked, "seed")
    assert chosen[:10] == ranked[:10]
    assert len(chosen) == 10 + math.ceil(50 * 0.15)  # 8 of the other 50
    assert chosen == sorted(chosen, key=ranked.index)  # in rank order
    assert sample(ranked, "seed") == chosen and sample(ranked, "other") != chosen


@given(st.integers(0, 300), st.integers(0, 20), st.integers(0, 100))
def test_the_sample_never_exceeds_the_field(count: int, top: int, percent: int) -> None:
    ranked = list(range(count))
    chosen = sample(ranked, "s", top, D(percent) / 100)
    rest = max(count - top, 0)
    assert chosen[: min(top, count)] == ranked[: min(top, count)]
    assert len(chosen) == min(top, count) + math.ceil(D(rest) * D(percent) / 100)
    assert len(set(chosen)) == len(chosen) <= count


def test_the_error_rate_and_when_a_full_recheck_is_due() -> None:
    stored = {(1, "A1", n): D(8) for n in range(20)}
    keyed = dict(stored)
    keyed[(1, "A1", 3)] = D("8.5")
    result = compare(stored, keyed)
    assert (result.compared, result.error_rate) == (20, D("0.05"))
    assert not result.full_recheck_due  # exactly 5 % is not above 5 %
    keyed[(1, "A1", 4)] = D(7)
    assert compare(stored, keyed).full_recheck_due
    assert compare(stored, {}).error_rate == 0
    (miss,) = compare({}, {(2, "B1", 1): D(3)}).mismatches
    assert (miss.stored, miss.keyed) == (None, D(3))
