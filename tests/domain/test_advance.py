"""Advance rules: top N, top X %, a minimum score; ties at the cut advance together."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.advance import AdvanceMode, AdvanceRule, Ranked, apply_rule
from contest_desk.domain.ranking import competition_ranks
from contest_desk.errors import UserError

D = Decimal


def field(totals: list[str]) -> list[Ranked]:
    """Entries 1… with these totals, best first, ranked 1, 2, 2, 4."""
    values = [D(t) for t in totals]
    ranks = competition_ranks(values)
    return [Ranked(n, rank, v) for n, (rank, v) in enumerate(zip(ranks, values, strict=True), 1)]


def test_top_n_with_a_tie_at_the_cut() -> None:
    ranked = field(["95", "90", "88", "88", "80"])
    cut = apply_rule(ranked, AdvanceRule(AdvanceMode.TOP, D(3)))
    assert cut.advancing == (1, 2, 3, 4) and cut.eliminated == (5,)
    strict = apply_rule(ranked, AdvanceRule(AdvanceMode.TOP, D(3), ties_advance=False))
    assert strict.advancing == (1, 2, 3) and strict.eliminated == (4, 5)


def test_top_share_rounds_up() -> None:
    ranked = field(["95", "90", "88", "85", "80", "70", "60"])
    assert apply_rule(ranked, AdvanceRule(AdvanceMode.SHARE, D(30))).advancing == (1, 2, 3)


def test_a_minimum_score() -> None:
    ranked = field(["95", "90", "88", "85"])
    assert apply_rule(ranked, AdvanceRule(AdvanceMode.MIN_SCORE, D(88))).advancing == (1, 2, 3)


def test_bad_rules_are_refused() -> None:
    with pytest.raises(UserError):
        apply_rule([], AdvanceRule(AdvanceMode.SHARE, D(120)))
    with pytest.raises(UserError):
        apply_rule([], AdvanceRule(AdvanceMode.TOP, D("2.5")))


@given(
    st.lists(st.integers(0, 20), min_size=0, max_size=40),
    st.integers(0, 45),
    st.booleans(),
)
def test_advancing_and_eliminated_split_the_field(totals: list[int], n: int, ties: bool) -> None:
    ranked = field([str(t) for t in sorted(totals, reverse=True)])
    cut = apply_rule(ranked, AdvanceRule(AdvanceMode.TOP, D(n), ties))
    assert sorted(cut.advancing + cut.eliminated) == [r.entry_id for r in ranked]
    assert len(cut.advancing) >= min(n, len(ranked))
    if not ties:
        assert len(cut.advancing) == min(n, len(ranked))
    rank = {r.entry_id: r.rank for r in ranked}
    if cut.advancing and cut.eliminated:  # nobody eliminated ranks better than one advancing
        assert max(rank[e] for e in cut.advancing) <= min(rank[e] for e in cut.eliminated)
