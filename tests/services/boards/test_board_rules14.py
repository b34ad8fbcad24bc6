"""Boards through the services: challenges and bouts numbered 1, 2, 3 per board, the
rating rule (after each bout / once per period) on hand-computed figures, draws where
the rules allow them, boards stored before these rules unchanged."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from contest_desk.domain.board_codec import rules_to_dict
from contest_desk.domain.ladder import BoardRules, RatingKind, RatingUpdate
from contest_desk.domain.numbers import round_half_up
from contest_desk.errors import NotFound, UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.services.boards.test_boards import DAY, Ladder, make_board
from tests.services.judging.test_sheets import Panel
from tests.services.judging.test_sheets import panel as panel  # the fixture

D = Decimal
ELO = BoardRules(reach=2, rating=RatingKind.ELO)


def bout(panel: Panel, ladder: Ladder, challenger: int, defender: int, won: bool, **kw) -> int:
    board = ladder.board.id
    number = panel.chief.boards.challenge(board, challenger, defender, today=DAY)
    panel.chief.boards.accept(board, number)
    return panel.chief.boards.record_result(board, number, won, "现场判定", **kw)


def ratings(services: Services, ladder: Ladder) -> dict[int, Decimal]:
    rows = services.board_views.view(ladder.board.id, DAY).rows
    return {r.entry.id: round_half_up(r.rating or D(0), 2) for r in rows}


def log_rows(services: Services) -> int:
    with services.ctx.db.reading() as s:
        return s.scalar(select(func.count()).select_from(m.BoardLogRow)) or 0


def test_challenges_and_bouts_are_numbered_per_board(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(reach=2, max_open=2))
    e, board, chief = ladder.entries, ladder.board.id, panel.chief
    # Eight entries joined: the log's rows 1–8; the first challenge is still number 1.
    assert chief.boards.challenge(board, e[2], e[1], today=DAY) == 1
    assert chief.boards.challenge(board, e[5], e[3], today=DAY) == 2
    view = services.board_views.view(board, DAY)
    assert [c.number for c in view.challenges] == [1, 2]
    chief.boards.accept(board, 2)
    assert chief.boards.record_result(board, 2, True, "现场判定") == 1
    chief.boards.accept(board, 1)
    assert chief.boards.record_result(board, 1, False, "守擂") == 2
    view = services.board_views.view(board, DAY)
    assert [(b.number, b.challenger.id) for b in view.bouts] == [(1, e[5]), (2, e[2])]
    with pytest.raises(UserError, match="挑战 1 不在进行中"):
        chief.boards.record_result(board, 1, True, "补录")
    with pytest.raises(NotFound, match="没有挑战 3"):
        chief.boards.accept(board, 3)
    chief.boards.correct(board, 1, False, "复核录像")
    assert services.board_views.view(board, DAY).bouts[0].corrected == "复核录像"
    with pytest.raises(NotFound, match="没有比试 3"):
        chief.boards.correct(board, 3, False, "复核录像")


def test_elo_after_each_bout_by_hand_computed_figures(panel: Panel, services) -> None:
    ladder = make_board(panel, services, ELO)
    e = ladder.entries
    bout(panel, ladder, e[1], e[0], True)  # 1500 beats 1500: ±16
    assert ratings(services, ladder)[e[1]] == D(1516)
    bout(panel, ladder, e[2], e[1], True)  # 1500 beats 1516: E = 0.47699…, +16.74
    shown = ratings(services, ladder)
    assert (shown[e[2]], shown[e[1]], shown[e[0]]) == (D("1516.74"), D("1499.26"), D(1484))


def test_elo_once_per_period_moves_at_the_close(panel: Panel, services) -> None:
    rules = BoardRules(reach=2, rating=RatingKind.ELO, rating_update=RatingUpdate.PERIOD)
    ladder = make_board(panel, services, rules)
    e = ladder.entries
    bout(panel, ladder, e[1], e[0], True)
    bout(panel, ladder, e[2], e[1], True)
    assert set(ratings(services, ladder).values()) == {D(1500)}  # nothing moves yet
    panel.chief.boards.close_period(ladder.board.id, today=DAY)
    # At the close each is rated against the period's 1500s: e[1] scored 1 of 2 expected
    # 1 and stays; e[0] lost one (−16); e[2] won one (+16). Per bout e[1] would be 1499.26.
    shown = ratings(services, ladder)
    assert (shown[e[1]], shown[e[0]], shown[e[2]]) == (D(1500), D(1484), D(1516))


def test_a_board_stored_before_the_rule_keeps_rating_after_each_bout(
    panel: Panel, services
) -> None:
    ladder = make_board(panel, services, ELO)
    old = rules_to_dict(ELO)
    del old["rating_update"], old["draws"]
    with services.ctx.db.transaction() as s:
        row = s.get(m.Ladder, ladder.board.id)
        assert row is not None
        row.rules = old  # as every board created before these rules was stored
    e = ladder.entries
    bout(panel, ladder, e[1], e[0], True)
    bout(panel, ladder, e[2], e[1], True)
    shown = ratings(services, ladder)
    assert (shown[e[2]], shown[e[1]], shown[e[0]]) == (D("1516.74"), D("1499.26"), D(1484))
    assert not services.board_views.view(ladder.board.id, DAY).rules.draws


def test_a_draw_is_refused_unless_the_rules_allow_it(panel: Panel, services) -> None:
    ladder = make_board(panel, services, ELO)
    e, board, chief = ladder.entries, ladder.board.id, panel.chief
    number = chief.boards.challenge(board, e[1], e[0], today=DAY)
    chief.boards.accept(board, number)
    before = log_rows(services)
    with pytest.raises(UserError, match="不允许平局"):
        chief.boards.record_result(board, number, False, "握手言和", draw=True)
    assert log_rows(services) == before
    chief.boards.record_result(board, number, True, "现场判定")
    with pytest.raises(UserError, match="不允许平局"):
        chief.boards.correct(board, 1, False, "复核", draw=True)
    assert log_rows(services) == before + 1


def test_a_draw_keeps_the_title_and_scores_half(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(reach=2, rating=RatingKind.ELO, draws=True))
    e = ladder.entries
    bout(panel, ladder, e[2], e[1], True)  # e[2] 1516, e[1] 1484
    bout(panel, ladder, e[2], e[0], False, draw=True)  # 1516 draws with the holder's 1500
    view = services.board_views.view(ladder.board.id, DAY)
    assert [r.entry.id for r in view.rows[:3]] == [e[0], e[2], e[1]]  # the holder keeps it
    assert view.rows[0].defences == 1 and view.rows[1].streak == 0
    drawn = view.bouts[-1]
    assert drawn.draw and not drawn.challenger_won
    # ½ against an expected 0.52301 for 1516 v 1500: 32 × 0.02301 = 0.74 passes over.
    shown = ratings(services, ladder)
    assert (shown[e[2]], shown[e[0]]) == (D("1515.26"), D("1500.74"))
    (audited,) = [
        r
        for r in services.audit.records((f"board:{ladder.board.id}",))
        if r.action == "board.bout" and r.detail.get("draw")
    ]
    assert audited.detail["number"] == 2
    panel.chief.boards.correct(ladder.board.id, 2, True, "复核：挑战者胜")
    assert services.board_views.view(ladder.board.id, DAY).rows[0].entry.id == e[2]


def test_equal_totals_are_a_draw_where_draws_are_allowed(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(draws=True), scored=True)
    chief, e, board = panel.chief, ladder.entries, ladder.board.id
    number = chief.boards.challenge(board, e[1], e[0], today=DAY)
    round_number = chief.boards.accept(board, number)
    assert round_number is not None
    event = ladder.board.event_id
    for n, j in enumerate(panel.small.judges):
        for entry in (e[1], e[0]):
            panel.judges[n].scoring.record_score(event, round_number, j.id, entry, "B1", "8")
        panel.judges[n].sheets.submit(event, round_number, j.id, f"j{n + 1}-pass")
    chief.sheets.lock_round(event, round_number)
    assert chief.boards.result_from_scores(board, number) == 1
    (drawn,) = services.board_views.view(board, DAY).bouts
    assert drawn.draw and drawn.totals == (D(8), D(8))
    with services.ctx.db.reading() as s:
        names = s.scalars(select(m.Round.name).where(m.Round.event_id == event)).all()
    assert names[-1] == "擂台第1期 挑战1"  # the challenge's number, not its log row (9)
