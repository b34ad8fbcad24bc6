"""Challenge boards recomputed from their log: places, ratings, eliminations, corrections."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain.ladder import (
    Accept,
    BoardRules,
    Bout,
    Challenge,
    Close,
    Correction,
    Decline,
    Join,
    Logged,
    RatingKind,
    Removal,
    RuleChange,
    WinRule,
    challenger_wins,
    check,
    replay,
)
from contest_desk.domain.ratings import Glicko
from contest_desk.errors import UserError

D = Decimal


def log(*events) -> list[Logged]:
    return [Logged(n, e) for n, e in enumerate(events, start=1)]


def joined(n: int) -> list:
    return [Join(e) for e in range(1, n + 1)]


def test_a_winning_challenger_takes_the_place_and_those_between_move_down() -> None:
    board = replay(log(*joined(5), Bout(4, 2, True)), BoardRules())
    assert board.places == [1, 4, 2, 3, 5]
    swap = replay(log(*joined(5), Bout(4, 2, True)), BoardRules(win_rule=WinRule.SWAP))
    assert swap.places == [1, 4, 3, 2, 5]


def test_a_defence_counts_and_ties_go_to_the_defender() -> None:
    assert not challenger_wins(D(85), D(85), defender_wins_ties=True)
    assert challenger_wins(D(85), D(85), defender_wins_ties=False)
    assert challenger_wins(D("85.5"), D(85), defender_wins_ties=True)
    board = replay(log(*joined(3), Bout(2, 1, False)), BoardRules())
    assert board.places == [1, 2, 3]
    assert board.standings[1].defences == 1 and board.standings[2].streak == -1


def test_challenges_must_stay_within_reach() -> None:
    with pytest.raises(UserError) as refused:
        check(log(*joined(5)), BoardRules(reach=2), Bout(5, 2, True))
    assert refused.value.params["reach"] == 2
    with pytest.raises(UserError, match="只能挑战擂主"):
        check(log(*joined(3)), BoardRules(only_holder=True), Challenge(3, 2, DAY))
    with pytest.raises(UserError, match="只能向排名在前"):
        check(log(*joined(3)), BoardRules(), Challenge(1, 2, DAY))
    assert check(log(*joined(5)), BoardRules(reach=3), Challenge(5, 2, DAY)).places[4] == 5


DAY = dt.date(2026, 12, 7)


def test_open_challenges_are_limited_and_must_be_settled_before_the_period_closes() -> None:
    rules = BoardRules(reach=3)
    events = [*joined(5), Challenge(4, 2, DAY)]
    board = replay(log(*events), rules)
    assert [(c.challenger, c.defender, c.deadline) for c in board.open.values()] == [(4, 2, DAY)]
    with pytest.raises(UserError) as second:
        check(log(*events), rules, Challenge(4, 1, DAY))  # the challenger has one open
    assert second.value.params == {"place": 4, "count": 1}
    with pytest.raises(UserError):
        check(log(*events), rules, Challenge(5, 2, DAY))  # so has the defender
    assert check(log(*events), replace(rules, max_open=2), Challenge(5, 2, DAY))
    with pytest.raises(UserError, match="未了结"):
        check(log(*events), rules, Close())
    settled = [*events, Accept(6), Bout(4, 2, True, challenge=6)]
    assert check(log(*settled), rules, Close()).places == [1, 4, 2, 3, 5]
    with pytest.raises(UserError, match="不在进行中"):  # a second result, or one after the close
        check(log(*settled, Close()), rules, Bout(4, 2, False, challenge=6))


def test_declines_are_counted_per_period_and_an_accepted_challenge_cannot_be_declined() -> None:
    events = [*joined(3), Challenge(3, 2, DAY)]
    with pytest.raises(UserError, match="拒绝"):
        check(log(*events), BoardRules(declines=0), Decline(4))
    rules = BoardRules(declines=1)
    declined = [*events, Decline(4), Challenge(3, 2, DAY)]
    assert not replay(log(*declined[:-1]), rules).open
    with pytest.raises(UserError, match="拒绝"):  # the second in the same period
        check(log(*declined), rules, Decline(6))
    assert check(
        log(*declined, Accept(6), Bout(3, 2, False, 6), Close(), Challenge(3, 2, DAY)),
        rules,
        Decline(10),
    )
    with pytest.raises(UserError, match="已经应战"):
        check(log(*events, Accept(4)), rules, Decline(4))


def test_a_challenge_unanswered_past_its_deadline_is_the_challengers_win() -> None:
    events = log(*joined(3), Challenge(3, 2, DAY))
    forfeit = Bout(3, 2, True, challenge=4, forfeit=True)
    with pytest.raises(UserError, match="期限"):
        check(events, BoardRules(), forfeit, today=DAY)
    board = check(events, BoardRules(), forfeit, today=DAY + dt.timedelta(days=1))
    assert board.open
    after = replay([*events, Logged(5, forfeit)], BoardRules())
    assert after.places == [1, 3, 2] and after.bouts[0].forfeit
    with pytest.raises(UserError, match="期限"):  # accepted: the bout must be held
        check(
            [*events, Logged(5, Accept(4))], BoardRules(), forfeit, today=DAY + dt.timedelta(days=9)
        )


def test_title_holders_reign_with_their_defences() -> None:
    board = replay(
        log(
            *joined(3),
            Bout(2, 1, False),
            Close(),
            Bout(3, 1, False),
            Close(),
            Bout(2, 1, True),
            Close(),
        ),
        BoardRules(),
    )
    reigns = [(r.holder, r.first, r.last, r.defences, r.periods) for r in board.reigns()]
    assert reigns == [(1, 1, 2, 2, 2), (2, 3, 3, 0, 1)]


def test_eliminations_at_period_close_name_their_rule() -> None:
    rules = BoardRules(eliminate_bottom=1, eliminate_losses=2, eliminate_idle=2)
    board = replay(
        log(*joined(6), Bout(3, 2, False), Close(), Bout(2, 1, False), Bout(3, 1, False), Close()),
        rules,
    )
    # Period 1: the bottom entry (6) goes. Period 2: 3 lost twice in a row; 4 and 5 idle
    # for two periods; then the bottom one of the rest.
    assert board.standings[6].eliminated == (1, "bottom")
    assert board.standings[3].eliminated == (2, "losses")
    assert board.standings[4].eliminated == (2, "idle")
    assert board.places == [1, 2]
    assert board.holders == [(1, 1), (2, 1)]


def test_ratings_elo_per_bout_and_glicko2_per_period() -> None:
    elo = replay(log(*joined(2), Bout(2, 1, True)), BoardRules(rating=RatingKind.ELO))
    assert elo.standings[2].rating.rating == D(1516) and elo.standings[1].rating.rating == D(1484)
    glicko = replay(log(*joined(2), Bout(2, 1, True)), BoardRules(rating=RatingKind.GLICKO2))
    assert glicko.standings[2].rating.rating == D(1500)  # not yet: at the period's close
    closed = replay(
        log(*joined(2), Bout(2, 1, True), Close()), BoardRules(rating=RatingKind.GLICKO2)
    )
    assert closed.standings[2].rating.rating > 1500 > closed.standings[1].rating.rating
    below = BoardRules(rating=RatingKind.ELO, eliminate_below=D(1490))
    assert replay(log(*joined(2), Bout(2, 1, True), Close()), below).standings[1].eliminated == (
        1,
        "below",
    )


def test_paper_boards_join_with_their_ratings() -> None:
    start = Glicko(D(1720), D(80), D("0.05"))
    board = replay(log(Join(7, start), Join(8)), BoardRules(rating=RatingKind.GLICKO2))
    assert board.standings[7].rating == start and board.places == [7, 8]


def test_rule_changes_apply_from_the_next_period() -> None:
    with pytest.raises(UserError):
        check(
            log(*joined(4), RuleChange(BoardRules(reach=3))), BoardRules(reach=1), Bout(4, 2, True)
        )
    board = replay(
        log(*joined(4), RuleChange(BoardRules(reach=3)), Close(), Bout(4, 1, True)),
        BoardRules(reach=1),
    )
    assert board.places[0] == 4


def test_a_removed_entry_keeps_its_history() -> None:
    board = replay(log(*joined(3), Bout(2, 1, True), Close(), Removal(2, "调离")), BoardRules())
    assert board.places == [1, 3]
    assert board.standings[2].removed == "调离" and board.history[0][2] == (1, D(1500))


def test_a_correction_changes_everything_after_it() -> None:
    events = log(*joined(4), Bout(3, 2, True), Close(), Bout(4, 3, True))
    before = replay(events, BoardRules())
    assert before.places == [1, 4, 3, 2]
    after = replay([*events, Logged(99, Correction(5, False, "录入错误"))], BoardRules())
    assert after.places == [1, 2, 4, 3]


@st.composite
def boards(draw):
    """A valid log: entries join, random in-reach challenges, period closes."""
    n = draw(st.integers(2, 8))
    events: list = [Join(e) for e in range(1, n + 1)]
    rules = BoardRules(
        reach=draw(st.integers(1, 3)), rating=draw(st.sampled_from(list(RatingKind)))
    )
    for _ in range(draw(st.integers(0, 25))):
        places = replay(log(*events), rules).places
        if draw(st.booleans()) and len(places) > 1:
            low = draw(st.integers(1, len(places) - 1))
            high = draw(st.integers(max(0, low - rules.reach), low - 1))
            events.append(Bout(places[low], places[high], draw(st.booleans())))
        else:
            events.append(Close())
    return log(*events), rules


@given(boards(), st.data())
def test_a_correction_replays_like_a_log_written_right(board_log, data) -> None:
    events, rules = board_log
    bouts = [e for e in events if isinstance(e.event, Bout)]
    if not bouts:
        return
    target = data.draw(st.sampled_from(bouts))
    flipped = not target.event.challenger_won
    with_correction = [*events, Logged(len(events) + 1, Correction(target.seq, flipped, "更正"))]
    rewritten = [
        Logged(e.seq, replace(e.event, challenger_won=flipped)) if e.seq == target.seq else e
        for e in events
    ]
    outcomes = []
    for candidate in (with_correction, rewritten):
        board = replay(candidate, rules)
        outcomes.append(
            (
                board.places,
                board.history,
                board.holders,
                board.bouts,
                {
                    e: (s.rating, s.defences, s.streak, s.eliminated)
                    for e, s in board.standings.items()
                },
            )
        )
    assert outcomes[0] == outcomes[1]


def test_periods_of_fixed_length_have_a_first_day() -> None:
    from contest_desk.domain.ladder import PeriodKind, period_start

    start = dt.date(2026, 11, 9)
    assert period_start(PeriodKind.WEEK, start, 3) == dt.date(2026, 11, 23)
    assert period_start(PeriodKind.MONTH, start, 3) == dt.date(2027, 1, 1)
    assert period_start(PeriodKind.QUARTER, start, 2) == dt.date(2027, 2, 1)
    assert period_start(PeriodKind.FREE, start, 2) is None


def test_replay_pauses_the_cycle_collector_only_while_it_runs() -> None:
    import gc

    from contest_desk.domain.bulk import no_cycle_collection

    assert gc.isenabled()
    with no_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_cycle_collection():
            pass
        assert not gc.isenabled()  # a caller's own choice is left alone
    finally:
        gc.enable()
