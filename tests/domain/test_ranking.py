"""ranking.py: competition ranks (1, 2, 2, 4), tie-break values and ranking keys."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contest_desk.domain.ranking import (
    TieBreak,
    TieBreakKind,
    competition_ranks,
    ranking_key,
    tie_break_value,
)
from contest_desk.domain.scoring import EntryResult

D = Decimal
CRIT = TieBreak(TieBreakKind.CRITERION, "A2")
PART = TieBreak(TieBreakKind.PART, "实操")
TIME = TieBreak(TieBreakKind.TIME)


def result(entry_id: int, total: str = "0", part: str = "0", crit: str = "0") -> EntryResult:
    return EntryResult(
        entry_id, D(total), {1: D(total)}, {"实操": D(part)}, {"A2": D(crit)}, missing=0
    )


# --- competition_ranks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "ranks"),
    [
        ([], []),
        ([5], [1]),
        ([10, 9, 9, 8], [1, 2, 2, 4]),
        ([1, 2, 3], [1, 2, 3]),
        ([7, 7, 7], [1, 1, 1]),
        (["a", "a", "b", "b", "b", "c"], [1, 1, 3, 3, 3, 6]),
        ([1, 2, 2, 2, 3, 3], [1, 2, 2, 2, 5, 5]),
    ],
)
def test_competition_ranks(keys: list, ranks: list[int]):
    assert competition_ranks(keys) == ranks


def test_competition_ranks_compares_whole_keys():
    keys = [(D(-90), D(-20)), (D(-90), D(-20)), (D(-90), D(-18)), (D(-85), D(0))]
    assert competition_ranks(keys) == [1, 1, 3, 4]


@settings(max_examples=100)
@given(st.lists(st.integers(min_value=0, max_value=6), max_size=30))
def test_competition_ranks_property(values: list[int]):
    keys = sorted(values)
    ranks = competition_ranks(keys)
    assert len(ranks) == len(keys)
    for i, (key, rank) in enumerate(zip(keys, ranks, strict=True)):
        # one more than the number of keys strictly better
        assert rank == 1 + sum(1 for k in keys if k < key)
        assert rank <= i + 1
        if i:
            assert (rank == ranks[i - 1]) is (key == keys[i - 1])
            assert rank >= ranks[i - 1]
    if ranks:
        assert ranks[0] == 1


# --- tie-break values ----------------------------------------------------------------------


def test_describe():
    assert CRIT.describe() == "criterion:A2"
    assert PART.describe() == "part:实操"
    assert TIME.describe() == "time"
    assert TieBreak(TieBreakKind.TIME).key == ""


def test_criterion_and_part_values_are_rounded_as_shown():
    r = EntryResult(1, D(90), {1: D(90)}, {"实操": D("62.345")}, {"A2": D(26) / 3}, 0)
    assert tie_break_value(r, CRIT, {}, 2) == D("8.67")
    assert tie_break_value(r, PART, {}, 2) == D("62.35")
    assert tie_break_value(r, PART, {}, 0) == D(62)


def test_an_unknown_criterion_or_part_counts_zero():
    r = result(1, "90", "60", "20")
    assert tie_break_value(r, TieBreak(TieBreakKind.CRITERION, "ZZ"), {}, 2) == D("0.00")
    assert tie_break_value(r, TieBreak(TieBreakKind.PART, "理论"), {}, 2) == D("0.00")


def test_time_is_the_recorded_time_or_none():
    r = result(4)
    assert tie_break_value(r, TIME, {4: D("312.5"), 5: D(1)}, 2) == D("312.5")
    assert tie_break_value(r, TIME, {5: D(1)}, 2) is None


# --- ranking keys --------------------------------------------------------------------------


def test_a_higher_total_gives_a_smaller_key():
    assert ranking_key(D(95), (), ()) < ranking_key(D(90), (), ())
    assert ranking_key(D(90), (), ()) == ranking_key(D(90), (), ())


def test_score_tie_breaks_higher_first():
    tbs = (CRIT, PART)
    assert ranking_key(D(90), (D(20), D(50)), tbs) < ranking_key(D(90), (D(18), D(70)), tbs)
    assert ranking_key(D(90), (D(20), D(60)), tbs) < ranking_key(D(90), (D(20), D(50)), tbs)
    # the total still comes first
    assert ranking_key(D(91), (D(0), D(0)), tbs) < ranking_key(D(90), (D(20), D(60)), tbs)


def test_time_shorter_first_and_no_time_last():
    tbs = (TIME,)
    fast = ranking_key(D(90), (D(280),), tbs)
    slow = ranking_key(D(90), (D(300),), tbs)
    none = ranking_key(D(90), (None,), tbs)
    assert fast < slow < none
    assert ranking_key(D(90), (None,), tbs) == none
    # a very long time still beats no time at all
    assert ranking_key(D(90), (D(10**9),), tbs) < none


def test_a_missing_score_tie_break_counts_zero():
    assert ranking_key(D(90), (None,), (CRIT,)) == ranking_key(D(90), (D(0),), (CRIT,))


def test_tie_values_and_tie_breaks_must_match():
    with pytest.raises(ValueError):
        ranking_key(D(90), (D(1), D(2)), (CRIT,))


scores = st.decimals(min_value=0, max_value=100, places=2)
times = st.one_of(st.none(), st.decimals(min_value=1, max_value=3600, places=1))


@settings(max_examples=100)
@given(scores, scores, st.lists(st.tuples(scores, scores, times), min_size=2, max_size=2))
def test_a_higher_total_always_sorts_first(a: Decimal, b: Decimal, ties):
    tbs = (CRIT, PART, TIME)
    key_a = ranking_key(a, ties[0], tbs)
    key_b = ranking_key(b, ties[1], tbs)
    if a > b:
        assert key_a < key_b
    elif a < b:
        assert key_b < key_a
    assert (key_a == key_b) is (a == b and ties[0] == ties[1])
