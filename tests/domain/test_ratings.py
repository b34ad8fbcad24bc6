"""Elo and Glicko-2 against their published worked examples, and their properties."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.ratings import (
    SCALE,
    Glicko,
    Outcome,
    elo_expected,
    elo_period,
    elo_update,
    glicko2_period,
)

D = Decimal


def test_elo_worked_example() -> None:
    # The Elo rating system's classic example: A (1613) scores 2.5 in five games against
    # 1609, 1477, 1388, 1586 and 1720; expected 2.867, so with K = 32 the new rating is 1601.
    bouts = [
        (D(1609), D(0)),
        (D(1477), D("0.5")),
        (D(1388), D(1)),
        (D(1586), D(1)),
        (D(1720), D(0)),
    ]
    expected = sum((elo_expected(D(1613), o) for o, _s in bouts), D(0))
    assert round_half_up(expected, 3) == D("2.867")
    assert round_half_up(elo_period(D(1613), bouts), 0) == D(1601)


def test_glicko2_worked_example() -> None:
    # Glickman, "Example of the Glicko-2 system": r = 1500, RD = 200, σ = 0.06, τ = 0.5;
    # against 1400/30 (won), 1550/100 (lost), 1700/300 (lost): μ' = −0.2069, φ' = 0.8722,
    # σ' = 0.05999, i.e. r' = 1464.06 and RD' = 151.52 from the paper's rounded μ'.
    player = Glicko(D(1500), D(200), D("0.06"))
    outcomes = [
        Outcome(Glicko(D(1400), D(30)), D(1)),
        Outcome(Glicko(D(1550), D(100)), D(0)),
        Outcome(Glicko(D(1700), D(300)), D(0)),
    ]
    after = glicko2_period(player, outcomes)
    assert round_half_up((after.rating - 1500) / SCALE, 4) == D("-0.2069")
    assert round_half_up(after.deviation / SCALE, 4) == D("0.8722")
    assert after.volatility.quantize(D("0.00001"), ROUND_DOWN) == D("0.05999")
    assert round_half_up(after.deviation, 2) == D("151.52")
    assert round_half_up(D("-0.2069") * SCALE + 1500, 2) == D("1464.06")


def test_a_period_without_bouts_only_widens_the_deviation() -> None:
    before = Glicko(D(1600), D(100), D("0.06"))
    after = glicko2_period(before, [])
    assert after.rating == before.rating and after.volatility == before.volatility
    assert after.deviation > before.deviation


ratings = st.integers(800, 2600).map(D)


@given(ratings, ratings)
def test_elo_expectations_add_up_to_one(a: Decimal, b: Decimal) -> None:
    assert abs(elo_expected(a, b) + elo_expected(b, a) - 1) < D("1e-20")


@given(ratings, ratings)
def test_a_win_never_lowers_a_rating_and_a_loss_never_raises_it(a: Decimal, b: Decimal) -> None:
    assert elo_update(a, b, D(1)) >= a >= elo_update(a, b, D(0))
    won = glicko2_period(Glicko(a, D(120)), [Outcome(Glicko(b, D(80)), D(1))])
    lost = glicko2_period(Glicko(a, D(120)), [Outcome(Glicko(b, D(80)), D(0))])
    assert won.rating > a > lost.rating


def test_one_bout_moves_both_ratings_by_the_same_amount() -> None:
    from contest_desk.domain.ratings import elo_bout, elo_update

    up, down = elo_bout(D(1500), D(1600))
    assert up == elo_update(D(1500), D(1600), D(1))
    assert (up - 1500) == (1600 - down)
    assert abs(down - elo_update(D(1600), D(1500), D(0))) < D("1e-20")
