"""A board's rating rule (after each bout, or once per period) on known numbers, draws
(平局) where the rules allow them, and challenges and bouts numbered 1, 2, 3… per board."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

import pytest

from contest_desk.domain.board_codec import (
    event_from_dict,
    event_to_dict,
    rules_from_dict,
    rules_to_dict,
)
from contest_desk.domain.ladder import (
    BoardRules,
    Bout,
    Challenge,
    Close,
    Correction,
    Join,
    Logged,
    RatingKind,
    RatingUpdate,
    check,
    numbered,
    replay,
)
from contest_desk.domain.numbers import round_half_up
from contest_desk.domain.ratings import Glicko
from contest_desk.errors import UserError

D = Decimal
DAY = dt.date(2026, 12, 7)
ELO_PERIOD = BoardRules(rating=RatingKind.ELO, rating_update=RatingUpdate.PERIOD, draws=True)


def log(*events) -> list[Logged]:
    return [Logged(n, e) for n, e in enumerate(events, start=1)]


def test_per_period_elo_rates_the_published_worked_example_at_the_close() -> None:
    # The Elo worked example (test_ratings.py): A (1613) meets 1609, 1477, 1388, 1586 and
    # 1720 in one period and scores 0, ½, 1, 1, 0 = 2.5 against 2.867 expected: K = 32
    # gives 1601. On a per-period board the five bouts are rated together at the close.
    opponents = [D(1609), D(1477), D(1388), D(1586), D(1720)]
    joins = [Join(1, Glicko(D(1613)))]
    joins += [Join(n, Glicko(r)) for n, r in enumerate(opponents, start=2)]
    bouts = [
        Bout(1, 2, False),
        Bout(1, 3, False, draw=True),
        Bout(1, 4, True),
        Bout(1, 5, True),
        Bout(1, 6, False),
    ]
    during = replay(log(*joins, *bouts), ELO_PERIOD)
    assert during.standings[1].rating.rating == D(1613)  # nothing moves before the close
    closed = replay(log(*joins, *bouts, Close()), ELO_PERIOD)
    assert round_half_up(closed.standings[1].rating.rating, 0) == D(1601)
    assert closed.history[0][1][1] == closed.standings[1].rating.rating
    # The same bouts rated one after another end elsewhere: the rule changes the figures.
    per_bout = replay(log(*joins, *bouts, Close()), BoardRules(rating=RatingKind.ELO, draws=True))
    assert round_half_up(per_bout.standings[1].rating.rating, 0) != D(1601)


def test_glicko2_rates_glickmans_worked_example_once_per_period() -> None:
    # Glickman, "Example of the Glicko-2 system": 1500/200/0.06 beats 1400/30, loses to
    # 1550/100 and 1700/300: RD' = 151.52, σ' = 0.05999 (r' 1464.06 from the rounded μ').
    # Glicko-2 rates per period whatever the update rule says.
    joins = [
        Join(1, Glicko(D(1500), D(200), D("0.06"))),
        Join(2, Glicko(D(1400), D(30))),
        Join(3, Glicko(D(1550), D(100))),
        Join(4, Glicko(D(1700), D(300))),
    ]
    bouts = [Bout(2, 1, False), Bout(1, 3, False), Bout(1, 4, False)]
    rules = BoardRules(rating=RatingKind.GLICKO2, rating_update=RatingUpdate.BOUT)
    assert replay(log(*joins, *bouts), rules).standings[1].rating.deviation == D(200)
    after = replay(log(*joins, *bouts, Close()), rules).standings[1].rating
    assert round_half_up(after.rating, 0) == D(1464)
    assert round_half_up(after.deviation, 2) == D("151.52")
    assert after.volatility.quantize(D("0.00001"), ROUND_DOWN) == D("0.05999")
    kept = replay(log(*joins, *bouts, Close()), rules).rating_history[0][1]
    assert kept == after  # the close's deviation and volatility are kept per period


def test_per_bout_elo_moves_after_each_bout_by_hand_computed_amounts() -> None:
    # 1600 draws with 1400, K = 32: E = 1 / (1 + 10^(−200/400)) = 0.7597469266…, so the
    # favourite gives up 32 × (0.7597469266 − 0.5) = 8.3119016527… to the other side.
    rules = BoardRules(rating=RatingKind.ELO, draws=True)
    joins = [Join(1, Glicko(D(1600))), Join(2, Glicko(D(1400)))]
    board = replay(log(*joins, Bout(2, 1, False, draw=True)), rules)
    assert round_half_up(board.standings[1].rating.rating, 6) == D("1591.688098")
    assert round_half_up(board.standings[2].rating.rating, 6) == D("1408.311902")
    # Two equal ratings, a win: 1500 ± 32 × ½ = 1516 / 1484, before any close.
    won = replay(log(Join(1), Join(2), Bout(2, 1, True)), rules)
    assert [won.standings[e].rating.rating for e in (2, 1)] == [D(1516), D(1484)]


def test_a_draw_keeps_the_title_and_the_tie_rule_can_give_it_away() -> None:
    events = log(Join(1), Join(2), Join(3), Bout(2, 1, False, draw=True))
    held = replay(events, BoardRules(draws=True))
    assert held.places == [1, 2, 3]
    assert held.standings[1].defences == 1 and held.title_defences[1] == 1
    assert held.standings[1].streak == held.standings[2].streak == 0
    assert held.bouts[0].draw and not held.bouts[0].challenger_won
    given = replay(events, BoardRules(draws=True, defender_wins_ties=False))
    assert given.places == [2, 1, 3] and given.standings[1].defences == 0


def test_a_draw_is_refused_where_the_rules_allow_none() -> None:
    board = log(Join(1), Join(2), Bout(2, 1, True))
    with pytest.raises(UserError, match="不允许平局"):
        check(board, BoardRules(), Bout(2, 1, False, draw=True))
    with pytest.raises(UserError, match="不允许平局"):
        check(board, BoardRules(), Correction(3, False, "复核", draw=True))
    assert check(board, BoardRules(draws=True), Correction(3, False, "复核", draw=True))
    corrected = replay([*board, Logged(4, Correction(3, False, "复核", draw=True))], ELO_PERIOD)
    assert corrected.bouts[0].draw and corrected.places == [1, 2]


def test_challenges_and_bouts_are_numbered_per_board_in_order() -> None:
    events = log(
        *(Join(e) for e in range(1, 5)),
        Challenge(2, 1, DAY),
        Challenge(4, 3, DAY),
        Bout(4, 3, True, challenge=6),
        Bout(2, 1, False, challenge=5),
    )
    board = replay(events, BoardRules())
    assert [c.number for c in board.open.values()] == []
    assert [(b.seq, b.number) for b in board.bouts] == [(7, 1), (8, 2)]
    assert [e.seq for e in numbered(events, Challenge)] == [5, 6]
    waiting = replay(events[:6], BoardRules())
    assert [(c.seq, c.number) for c in waiting.open.values()] == [(5, 1), (6, 2)]
    with pytest.raises(UserError, match="挑战 2 ") as refused:  # the number, not log row 6
        check(events, BoardRules(), Bout(4, 3, True, challenge=6))
    assert refused.value.params["seq"] == 2


def test_rules_stored_before_these_rules_read_as_per_bout_without_draws() -> None:
    old = {k: v for k, v in rules_to_dict(BoardRules(rating=RatingKind.ELO)).items()}
    del old["rating_update"], old["draws"]
    rules = rules_from_dict(old)
    assert rules.rating_update is RatingUpdate.BOUT and not rules.draws and not rules.per_period
    assert rules_from_dict(rules_to_dict(ELO_PERIOD)) == ELO_PERIOD


def test_a_decided_bout_is_written_as_before_and_a_draw_says_so() -> None:
    kind, data = event_to_dict(Bout(2, 1, True, challenge=5))
    assert kind == "bout" and "draw" not in data
    kind, data = event_to_dict(Bout(2, 1, False, challenge=5, draw=True))
    assert data["draw"] is True and event_from_dict(kind, data) == Bout(2, 1, False, 5, draw=True)
    kind, data = event_to_dict(Correction(7, False, "复核", draw=True))
    assert event_from_dict(kind, data) == Correction(7, False, "复核", draw=True)
