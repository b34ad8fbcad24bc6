"""Ratings beside a board's places: Elo, and Glicko-2 as Mark Glickman defines it.

Both in ``Decimal`` (the house rule for anything ranked), with the functions the formulas
need (exp, ln, sqrt) from ``decimal`` itself. Glicko-2 follows "Example of the Glicko-2
system" (Glickman, 2013): one rating period per board period; a player who plays no bout
in a period only sees their deviation grow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

D = Decimal
SCALE = D("173.7178")  # Glicko-2's conversion between its scale and the Glicko scale
PI = D("3.141592653589793238462643383")
DEFAULT_RATING, DEFAULT_DEVIATION, DEFAULT_VOLATILITY = D(1500), D(350), D("0.06")
DEFAULT_TAU = D("0.5")
DEFAULT_K = D(32)  # Elo's K: how far one bout moves a rating
WIN, DRAW, LOSS = D(1), D("0.5"), D(0)  # a bout's score, for Elo and Glicko-2 alike
EPSILON = D("0.000001")  # convergence of the volatility iteration


# Elo -------------------------------------------------------------------------------------


LN10_OVER_400 = D("0.005756462732485114210044978")  # ln(10) / 400, to 28 digits


def elo_expected(rating: Decimal, opponent: Decimal) -> Decimal:
    """The expected score of ``rating`` against ``opponent``: 1 / (1 + 10^((Rb − Ra)/400))."""
    with localcontext() as ctx:
        ctx.prec = 28
        return _expected(rating, opponent)


def _expected(rating: Decimal, opponent: Decimal) -> Decimal:
    """elo_expected in the caller's context (28 digits: the default, and what replay sets)."""
    return 1 / (1 + (LN10_OVER_400 * (opponent - rating)).exp())


def elo_bout(winner: Decimal, loser: Decimal, k: Decimal = DEFAULT_K) -> tuple[Decimal, Decimal]:
    """Both new ratings after one decided bout; the expectation is worked out once, since
    the loser's is one minus the winner's."""
    change = k * (1 - _expected(winner, loser))
    return winner + change, loser - change


def elo_scored(
    rating: Decimal, opponent: Decimal, score: Decimal, k: Decimal = DEFAULT_K
) -> tuple[Decimal, Decimal]:
    """Both new ratings after one bout in which ``rating`` scored ``score`` (1 a win, ½ a
    draw, 0 a loss): what one side gains the other loses. Decided bouts go through
    ``elo_bout``, whose arithmetic the boards' stored ratings were computed with."""
    change = k * (score - _expected(rating, opponent))
    return rating + change, opponent - change


def elo_update(
    rating: Decimal, opponent: Decimal, score: Decimal, k: Decimal = DEFAULT_K
) -> Decimal:
    """The new rating after one bout; ``score`` is 1 for a win, 0 for a loss, ½ a draw."""
    return rating + k * (score - elo_expected(rating, opponent))


def elo_period(
    rating: Decimal, bouts: Sequence[tuple[Decimal, Decimal]], k: Decimal = DEFAULT_K
) -> Decimal:
    """The new rating after several bouts rated together: (opponent rating, score) each."""
    expected = sum((elo_expected(rating, opponent) for opponent, _s in bouts), D(0))
    scored = sum((score for _o, score in bouts), D(0))
    return rating + k * (scored - expected)


# Glicko-2 --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Glicko:
    rating: Decimal = DEFAULT_RATING
    deviation: Decimal = DEFAULT_DEVIATION
    volatility: Decimal = DEFAULT_VOLATILITY


@dataclass(frozen=True)
class Outcome:
    opponent: Glicko
    score: Decimal  # 1 win, 0 loss, ½ draw


def _g(phi: Decimal) -> Decimal:
    return 1 / (1 + 3 * phi * phi / (PI * PI)).sqrt()


def _e(mu: Decimal, mu_j: Decimal, phi_j: Decimal) -> Decimal:
    return 1 / (1 + (-_g(phi_j) * (mu - mu_j)).exp())


def glicko2_period(
    player: Glicko, outcomes: Sequence[Outcome], tau: Decimal = DEFAULT_TAU
) -> Glicko:
    """The player's rating after one rating period (steps 2–8 of Glickman's example)."""
    with localcontext() as ctx:
        ctx.prec = 28
        mu = (player.rating - DEFAULT_RATING) / SCALE
        phi = player.deviation / SCALE
        sigma = player.volatility
        if not outcomes:  # step 6 only: the deviation grows
            phi_star = (phi * phi + sigma * sigma).sqrt()
            return Glicko(player.rating, phi_star * SCALE, sigma)
        opponents = [
            (
                (o.opponent.rating - DEFAULT_RATING) / SCALE,
                o.opponent.deviation / SCALE,
                o.score,
            )
            for o in outcomes
        ]
        v_inv = D(0)
        delta_sum = D(0)
        for mu_j, phi_j, score in opponents:
            e = _e(mu, mu_j, phi_j)
            g = _g(phi_j)
            v_inv += g * g * e * (1 - e)
            delta_sum += g * (score - e)
        v = 1 / v_inv
        delta = v * delta_sum
        sigma_new = _volatility(delta, phi, v, sigma, tau)
        phi_star = (phi * phi + sigma_new * sigma_new).sqrt()
        phi_new = 1 / (1 / (phi_star * phi_star) + 1 / v).sqrt()
        mu_new = mu + phi_new * phi_new * delta_sum
        return Glicko(mu_new * SCALE + DEFAULT_RATING, phi_new * SCALE, sigma_new)


def _volatility(delta: Decimal, phi: Decimal, v: Decimal, sigma: Decimal, tau: Decimal) -> Decimal:
    """Step 5: the new volatility by the Illinois algorithm."""
    a = (sigma * sigma).ln()

    def f(x: Decimal) -> Decimal:
        ex = x.exp()
        top = ex * (delta * delta - phi * phi - v - ex)
        bottom = 2 * (phi * phi + v + ex) ** 2
        return top / bottom - (x - a) / (tau * tau)

    big_a = a
    if delta * delta > phi * phi + v:
        big_b = (delta * delta - phi * phi - v).ln()
    else:
        k = 1
        while f(a - k * tau) < 0:
            k += 1
        big_b = a - k * tau
    f_a, f_b = f(big_a), f(big_b)
    while abs(big_b - big_a) > EPSILON:
        big_c = big_a + (big_a - big_b) * f_a / (f_b - f_a)
        f_c = f(big_c)
        if f_c * f_b <= 0:
            big_a, f_a = big_b, f_b
        else:
            f_a = f_a / 2
        big_b, f_b = big_c, f_c
    return (big_a / 2).exp()
