"""Challenge boards through the services: challenges, scored and recorded bouts,
corrections, period closes with eliminations, paper imports, refusals that change nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contest_desk.domain.ladder import BoardRules, RatingKind
from contest_desk.domain.records.boards import BoardInfo
from contest_desk.domain.rubric import Criterion, Rubric
from contest_desk.errors import ImportRejected, PermissionDenied, UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.services.judging.test_sheets import Panel
from tests.services.judging.test_sheets import panel as panel  # the fixture

D = Decimal
DAY = dt.date(2026, 12, 1)
BOUT = Rubric((Criterion("B1", "操作", max_points=D(10)),))


@dataclass
class Ladder:
    board: BoardInfo
    entries: list[int]  # in starting place order
    panel: Panel


def make_board(panel: Panel, services: Services, rules: BoardRules, scored: bool = False) -> Ladder:
    contest = panel.small.event.contest_id
    event = services.contests.create_event(contest, "采油工擂台")
    event = services.contests.set_parts(event.id, [("实操", D(1))])
    services.contests.save_rubric(event.parts[0].id, BOUT)
    for judge in panel.small.judges:
        services.roster.assign_judge(judge.id, event.id)
    persons = [e.person_id for e in panel.small.entries]
    persons += [
        services.roster.add_person(f"20{i}", name, "采油二区/维修班").id
        for i, name in enumerate(["赵强", "孙丽", "周杰", "吴敏"], start=1)
    ]
    entries = [services.roster.add_entry(event.id, person_id=p).id for p in persons]
    board = services.boards.create_board(
        event.id, "抽油机维修擂台", rules, skill="抽油机维修", scored=scored, starts_on=DAY
    )
    services.boards.join(board.id, entries)
    return Ladder(board, entries, panel)


def places(services: Services, ladder: Ladder) -> list[int]:
    view = services.board_views.view(ladder.board.id, DAY)
    return [r.entry.id for r in view.rows if r.place is not None]


def log_rows(services: Services) -> int:
    with services.ctx.db.reading() as s:
        return s.scalar(select(func.count()).select_from(m.BoardLogRow)) or 0


def test_a_recorded_win_moves_the_challenger_up_and_is_audited(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(reach=2))
    chief, e = panel.chief, ladder.entries
    seq = chief.boards.challenge(ladder.board.id, e[3], e[1], today=DAY)
    view = services.board_views.view(ladder.board.id, DAY)
    (open_challenge,) = view.challenges
    assert open_challenge.deadline == DAY + dt.timedelta(days=7) and not open_challenge.overdue
    chief.boards.accept(ladder.board.id, seq)
    with pytest.raises(UserError, match="说明"):
        chief.boards.record_result(ladder.board.id, seq, True, "  ")
    chief.boards.record_result(ladder.board.id, seq, True, "现场裁判长判定")
    assert places(services, ladder) == [e[0], e[3], e[1], e[2], *e[4:]]
    (bout,) = services.board_views.view(ladder.board.id, DAY).bouts
    assert bout.challenger_won and bout.note == "现场裁判长判定" and bout.totals is None
    (audited,) = [
        r for r in services.audit.records((f"board:{ladder.board.id}",)) if r.action == "board.bout"
    ]
    assert audited.note == "现场裁判长判定" and audited.detail["challenger_won"] is True


def test_refusals_name_the_rule_and_change_nothing(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(reach=2, max_open=1))
    chief, e, board = panel.chief, ladder.entries, ladder.board.id
    before = log_rows(services)
    with pytest.raises(UserError, match="超过 2 位"):
        chief.boards.challenge(board, e[5], e[1], today=DAY)
    seq = chief.boards.challenge(board, e[5], e[3], today=DAY)
    with pytest.raises(UserError, match="上限"):
        chief.boards.challenge(board, e[5], e[4], today=DAY)
    with pytest.raises(UserError, match="未了结"):
        chief.boards.close_period(board, today=DAY)
    with pytest.raises(PermissionDenied):
        services.as_user(panel.judges[0].ctx.actor).boards.challenge(board, e[7], e[6], today=DAY)
    assert log_rows(services) == before + 1
    chief.boards.accept(board, seq)
    chief.boards.record_result(board, seq, False, "守擂成功")
    assert chief.boards.close_period(board, today=DAY) == 1
    with pytest.raises(UserError, match="所在期已结束"):  # a result for a closed period
        chief.boards.record_result(board, seq, True, "补录")


def test_an_unanswered_challenge_is_the_challengers_win_at_the_close(
    panel: Panel, services
) -> None:
    ladder = make_board(panel, services, BoardRules(accept_days=3))
    e, board = ladder.entries, ladder.board.id
    panel.chief.boards.challenge(board, e[2], e[0], today=DAY)
    assert services.board_views.view(board, DAY + dt.timedelta(days=4)).challenges[0].overdue
    panel.chief.boards.close_period(board, today=DAY + dt.timedelta(days=4))
    view = services.board_views.view(board, DAY)
    assert places(services, ladder)[0] == e[2]
    assert view.bouts[0].forfeit and view.reigns[0].holder.id == e[2]


def test_a_scored_bout_goes_through_the_judges_and_the_higher_total_wins(
    panel: Panel, services
) -> None:
    ladder = make_board(panel, services, BoardRules(), scored=True)
    chief, e, board = panel.chief, ladder.entries, ladder.board.id
    seq = chief.boards.challenge(board, e[1], e[0], today=DAY)
    number = chief.boards.accept(board, seq)
    assert number is not None
    event = ladder.board.event_id
    judge = panel.small.judges[0]
    sheet = panel.judges[0].scoring.sheet(event, number, judge.id)
    assert {x.id for x in sheet.entries} == {e[0], e[1]}  # only the two sides
    with pytest.raises(UserError, match="锁定"):
        chief.boards.result_from_scores(board, seq)
    for n, j in enumerate(panel.small.judges):
        for entry, value in ((e[1], "9"), (e[0], "8")):
            panel.judges[n].scoring.record_score(event, number, j.id, entry, "B1", value)
        panel.judges[n].sheets.submit(event, number, j.id, f"j{n + 1}-pass")
    chief.sheets.lock_round(event, number)
    chief.boards.result_from_scores(board, seq)
    (bout,) = services.board_views.view(board, DAY).bouts
    assert bout.challenger_won and bout.totals == (D(9), D(8))
    assert places(services, ladder)[:2] == [e[1], e[0]]


def test_a_locked_bout_missing_one_sides_scores_is_refused(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(), scored=True)
    chief, e, board = panel.chief, ladder.entries, ladder.board.id
    defender = services.roster.entries(ladder.board.event_id)[0]
    for judge in panel.small.judges:  # every judge must stand aside for the defender
        services.assignments.declare_conflict(judge.id, defender.person_id, "亲属回避")
    seq = chief.boards.challenge(board, e[1], e[0], today=DAY)
    number = chief.boards.accept(board, seq)
    event = ladder.board.event_id
    for n, j in enumerate(panel.small.judges):
        panel.judges[n].scoring.record_score(event, number, j.id, e[1], "B1", "9")
        panel.judges[n].sheets.submit(event, number, j.id, f"j{n + 1}-pass")
    chief.sheets.lock_round(event, number)
    with pytest.raises(UserError, match="缺少") as refused:
        chief.boards.result_from_scores(board, seq)
    assert defender.label in refused.value.message()
    assert not services.board_views.view(board, DAY).bouts


def test_a_bout_whose_round_is_not_locked_is_refused(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(), scored=True)
    chief, e, board = panel.chief, ladder.entries, ladder.board.id
    seq = chief.boards.challenge(board, e[1], e[0], today=DAY)
    number = chief.boards.accept(board, seq)
    event = ladder.board.event_id
    for n, j in enumerate(panel.small.judges):
        panel.judges[n].scoring.record_score(event, number, j.id, e[1], "B1", "9")
    # The sheets cannot be signed off incomplete; the chief locks nothing, so:
    with pytest.raises(UserError, match="锁定"):
        chief.boards.result_from_scores(board, seq)
    assert not services.board_views.view(board, DAY).bouts


def test_a_correction_recomputes_everything_after_it(panel: Panel, services) -> None:
    rules = BoardRules(reach=3, eliminate_losses=2, rating=RatingKind.ELO)
    ladder = make_board(panel, services, rules)
    chief, e, board = panel.chief, ladder.entries, ladder.board.id

    def bout(challenger: int, defender: int, won: bool) -> int:
        seq = chief.boards.challenge(board, challenger, defender, today=DAY)
        chief.boards.accept(board, seq)
        return chief.boards.record_result(board, seq, won, "记录")

    first = bout(e[3], e[0], False)
    bout(e[3], e[1], False)
    chief.boards.close_period(board, today=DAY)
    view = services.board_views.view(board, DAY)
    out = {r.entry.id: r for r in view.rows}
    assert out[e[3]].status == "eliminated" and "连负 2 场" in out[e[3]].why
    with pytest.raises(UserError, match="原因"):
        chief.boards.correct(board, first, True, "")
    chief.boards.correct(board, first, True, "复核录像，挑战者胜")
    view = services.board_views.view(board, DAY)
    out = {r.entry.id: r for r in view.rows}
    assert out[e[3]].place == 1 and out[e[3]].status == "holder"
    assert view.bouts[0].corrected == "复核录像，挑战者胜"
    # Won the title (+16), then lost the second bout from above: still rated above 1,500
    # minus that loss, and above the old holder it beat.
    assert out[e[3]].rating is not None and out[e[0]].rating is not None
    assert out[e[3]].rating > out[e[0]].rating
    assert view.history[0][e[3]][0] == 1


def test_rules_change_from_the_next_period_and_stay_in_the_log(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules(reach=1))
    e, board = ladder.entries, ladder.board.id
    services.boards.set_rules(board, BoardRules(reach=3, eliminate_bottom=1), "第二期起放宽")
    view = services.board_views.view(board, DAY)
    assert view.rules.reach == 1 and view.next_rules is not None and view.next_rules.reach == 3
    with pytest.raises(UserError):
        panel.chief.boards.challenge(board, e[3], e[0], today=DAY)
    panel.chief.boards.close_period(board, today=DAY)
    panel.chief.boards.challenge(board, e[3], e[0], today=DAY)
    assert services.board_views.view(board, DAY).rules.reach == 3


def test_qualifiers_join_at_the_bottom_and_removal_keeps_history(panel: Panel, services) -> None:
    ladder = make_board(panel, services, BoardRules())
    e, board = ladder.entries, ladder.board.id
    services.boards.remove(board, e[7], "调离本岗位")
    rows = services.board_views.view(board, DAY).rows
    assert rows[-1].entry.id == e[7] and rows[-1].status == "removed"
    assert rows[-1].why == "调离本岗位"
    with pytest.raises(UserError, match="已在"):
        services.boards.join(board, [e[0]])


def write_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "擂台.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_a_paper_board_imports_places_and_ratings_all_or_nothing(
    panel: Panel, services, tmp_path: Path
) -> None:
    contest = panel.small.event.contest_id
    event = services.contests.create_event(contest, "纸质擂台")
    board = services.boards.create_board(
        event.id, "纸质擂台", BoardRules(rating=RatingKind.GLICKO2), scored=False, starts_on=DAY
    )
    bad = write_csv(tmp_path, "名次,工号,评分\n1,101,1700\n1,999,abc\n")
    with pytest.raises(ImportRejected) as rejected:
        services.board_import.import_paper(board.id, bad)
    messages = [p.message() for p in rejected.value.problems]
    assert any("第 3 行" in t and "999" in t for t in messages)
    assert any("abc" in t for t in messages) or any("名次" in t for t in messages)
    assert log_rows(services) == 0
    good = write_csv(
        tmp_path,
        "名次,工号,姓名,评分,偏差,波动率\n2,102,李明,1600,90,0.05\n1,101,王建国,1720,80,0.06\n",
    )
    assert services.board_import.import_paper(board.id, good) == 2
    rows = services.board_views.view(board.id, DAY).rows
    assert [(r.place, r.entry.label, r.rating, r.deviation) for r in rows] == [
        (1, "王建国", D(1720), D(80)),
        (2, "李明", D(1600), D(90)),
    ]
    with pytest.raises(UserError, match="空"):
        services.board_import.import_paper(board.id, good)
