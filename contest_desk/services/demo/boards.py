"""The demo's challenge board: 14 采油工 over six monthly periods on an Elo-rated ladder
(rated after each bout), with declines, a forfeit, a correction, eliminations, a change
of title holder, and in the seventh month, under way, a title defence drawn (平局)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from contest_desk.domain.ladder import BoardRules, PeriodKind, RatingKind
from contest_desk.domain.records.contests import EventSettings, PersonInfo
from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.services.hub import Services

D = Decimal
BOARD_NAME = "抽油机维修擂台"
SKILL = "抽油机维修（绝活）"
START = dt.date(2026, 6, 1)
PERIODS = 6
RULES = BoardRules(
    reach=3,
    max_open=1,
    accept_days=7,
    declines=1,
    rating=RatingKind.ELO,
    period=PeriodKind.MONTH,
    eliminate_losses=3,
)
# From period 3 on the last place of each month goes too (优胜劣汰), and a bout may be
# drawn.
LATER_RULES = replace(RULES, eliminate_bottom=1, draws=True)
BOUT_RUBRIC = Rubric(
    (
        Criterion("B1", "拆装规范", CriterionKind.JUDGEMENT, D(40), D("0.5")),
        Criterion("B2", "故障判断", CriterionKind.JUDGEMENT, D(40), D("0.5")),
        Criterion("B3", "安全文明", CriterionKind.JUDGEMENT, D(20), D("0.5")),
    )
)


def build_demo_board(
    services: Services,
    contest_id: int,
    persons: Sequence[PersonInfo],
    judge_ids: Sequence[int],
    settings: EventSettings,
) -> None:
    event = services.contests.create_event(
        contest_id, BOARD_NAME, parts=[("实操", D(1))], settings=settings
    )
    services.contests.save_rubric(event.parts[0].id, BOUT_RUBRIC)
    for judge_id in judge_ids:
        services.roster.assign_judge(judge_id, event.id)
    entries = [services.roster.add_entry(event.id, person_id=p.id).id for p in persons[:14]]
    board = services.boards.create_board(
        event.id, BOARD_NAME, RULES, skill=SKILL, scored=False, starts_on=START
    )
    services.boards.join(board.id, entries[:12])
    rng = random.Random(20260601)
    # Hidden strength decides bouts; the strongest starts in seventh place and rises.
    strength = {e: rng.randint(50, 90) for e in entries}
    strength[entries[6]] = 99
    for period in range(1, PERIODS + 1):
        first_day = dt.date(2026, 5 + period, 1)
        if period == 2:
            services.boards.set_rules(board.id, LATER_RULES, "第三期起每月末位淘汰")
        if period == 4:
            services.boards.join(board.id, entries[12:])  # two qualifiers at the bottom
        _play_period(services, board.id, rng, strength, first_day, period)
        if period == 5:
            bouts = services.board_views.view(board.id, first_day).bouts
            last = bouts[-1]
            services.boards.correct(
                board.id, last.number, not last.challenger_won, "复核比试录像，裁判长更正结果"
            )
        services.boards.close_period(board.id, today=first_day + dt.timedelta(days=27))
    _drawn_defence(services, board.id, dt.date(2026, 12, 2))


def _drawn_defence(services: Services, board_id: int, today: dt.date) -> None:
    """Second place challenges the title holder and draws: the holder keeps the title."""
    view = services.board_views.view(board_id, today)
    holder, second = (r.entry.id for r in view.rows[:2])
    number = services.boards.challenge(board_id, second, holder, today=today)
    services.boards.accept(board_id, number)
    services.boards.record_result(board_id, number, False, "双方战平，擂主卫冕", draw=True)


def _play_period(
    services: Services,
    board_id: int,
    rng: random.Random,
    strength: dict[int, int],
    first_day: dt.date,
    period: int,
) -> None:
    view = services.board_views.view(board_id, first_day)
    on_board = [r.entry.id for r in view.rows if r.place is not None]
    busy: set[int] = set()
    declined = False
    if period == 3:
        # Second place challenges the title holder, who lets the week pass: at the close
        # the challenge counts as won and the board has a new 擂主.
        services.boards.challenge(board_id, on_board[1], on_board[0], today=first_day)
        busy |= {on_board[0], on_board[1]}
    for day, challenger in enumerate(reversed(on_board[1:]), start=1):
        if challenger in busy or rng.random() < 0.45:
            continue
        targets = [
            row.entry.id
            for row, why in services.board_views.targets(board_id, challenger)
            if not why and row.entry.id not in busy
        ]
        if not targets:
            continue
        defender = rng.choice(targets)
        today = first_day + dt.timedelta(days=day)
        seq = services.boards.challenge(board_id, challenger, defender, today=today)
        busy |= {challenger, defender}
        if period == 2 and not declined:
            services.boards.decline(board_id, seq, "守擂者出差，本期申请不应战")
            declined = True
            continue
        services.boards.accept(board_id, seq)
        odds = strength[challenger] / (strength[challenger] + strength[defender])
        won = rng.random() < odds
        services.boards.record_result(board_id, seq, won, "现场比试，裁判长判定")
