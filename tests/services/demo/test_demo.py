"""demo.py: the demo looks like the plant, uses every rule, and comes out the same each time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.awards import DEFAULT_AWARD_RULE
from contest_desk.domain.contest import ContestKind, EventMode
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.records.contests import ContestInfo
from contest_desk.domain.rubric import CriterionKind, MeasurementMode
from contest_desk.errors import UserError
from contest_desk.services.contests.contest_file import dump_contest_file
from contest_desk.services.contests.transfer import TransferService
from contest_desk.services.demo.build import CONTEST_NAME, build_demo
from contest_desk.services.hub import Services
from tests.databases import Databases

INDIVIDUAL = ("采油工技能比武", "电焊工技能比武", "仪表维修工技能比武")


@pytest.fixture(scope="module")
def demo(databases: Databases) -> Iterator[Services]:
    """The demo, built once for the module (its build time: tests/benchmarks/bench_demo.py)."""
    url = databases.new()
    services = Services.open(url)
    build_demo(services)
    yield services
    services.ctx.db.dispose()
    databases.drop(url)


def skill_contest(services: Services) -> ContestInfo:
    return next(c for c in services.contests.contests() if c.kind is ContestKind.SKILL)


def test_contest_units_and_roster(demo: Services) -> None:
    contest = skill_contest(demo)
    assert contest.name == CONTEST_NAME == "2026年采油厂职工技能比武"
    assert contest.organizer == "采油厂工会"
    assert contest.start_date and contest.start_date.year == 2026
    units = demo.roster.units()
    leaves = [u for u in units if not any(v.parent_id == u.id for v in units)]
    assert len(leaves) >= 6
    assert {"采油一区", "采油二区", "采油三区", "作业区", "维修大队"} <= {u.path for u in units}
    assert "采油一区/采油一班" in {u.path for u in leaves}
    persons = demo.roster.persons()
    assert len(persons) >= 60
    assert len({p.employee_no for p in persons}) == len(persons)
    assert len({p.name for p in persons}) == len(persons)
    assert {p.job_type for p in persons} == {"采油工", "电焊工", "仪表维修工"}
    assert {p.skill_level for p in persons} == {"初级工", "中级工", "高级工", "技师", "高级技师"}
    assert all(2 <= len(p.name) <= 3 for p in persons)


def test_events_settings_and_judges(demo: Services) -> None:
    contest = skill_contest(demo)
    events = demo.contests.events(contest.id)
    boards = {b.event_id for b in demo.board_views.boards(contest.id)}
    individual = [e for e in events if e.mode is EventMode.INDIVIDUAL and e.id not in boards]
    assert tuple(e.name for e in individual) == INDIVIDUAL
    others = [e.mode for e in events if e.name not in INDIVIDUAL and e.id not in boards]
    assert others == [EventMode.TEAM]
    judges = demo.roster.judges(contest.id)
    assert [j.username for j in judges] == [f"judge{n}" for n in range(1, 6)]
    for event in events:
        assert {j.username for j in demo.roster.panel(event.id)} == {j.username for j in judges}
        settings = event.settings
        assert settings.aggregation == AggregationRule(Aggregation.TRIMMED_MEAN, 1)
        assert settings.award_rule == DEFAULT_AWARD_RULE
        assert settings.tie_breaks[0] == TieBreak(TieBreakKind.PART, "实操")
    for event in individual:
        assert [(p.name, str(p.weight)) for p in event.parts] == [("理论", "0.3"), ("实操", "0.7")]


def test_rubrics_use_every_kind_of_criterion(demo: Services) -> None:
    contest = skill_contest(demo)
    leaves = []
    groups = 0
    for event in demo.contests.events(contest.id):
        for part in event.parts:
            rubric = demo.contests.rubric(part.id)
            groups += sum(1 for c in rubric.criteria if not c.is_leaf)
            leaves += list(rubric.leaves())
            assert rubric.max_total() == 100
    assert {c.kind for c in leaves} == set(CriterionKind)
    modes = {c.rule.mode for c in leaves if c.rule is not None}
    assert {MeasurementMode.LINEAR, MeasurementMode.DIRECT} <= modes
    assert any(c.name == "安全扣分" for c in leaves)
    assert any(c.name == "理论试卷" and c.kind is CriterionKind.MEASUREMENT for c in leaves)
    assert groups > 0


def test_complete_partial_and_missing_scores(demo: Services) -> None:
    contest = skill_contest(demo)
    by_name = {e.name: e for e in demo.contests.events(contest.id)}
    oil = demo.standings.standings(by_name["采油工技能比武"].id).rows
    assert all(r.complete for r in oil) and len(oil) >= 20
    assert [r.rank for r in oil][:1] == [1] and oil[0].award == "一等奖"
    assert len({r.total for r in oil}) > len(oil) // 2  # spread out, not all alike
    welding = demo.standings.standings(by_name["电焊工技能比武"].id).rows
    assert any(r.complete for r in welding) and any(not r.complete for r in welding)
    instruments = demo.standings.standings(by_name["仪表维修工技能比武"].id).rows
    assert instruments and all(r.total == 0 and not r.complete for r in instruments)


def test_marks_sit_on_their_step(demo: Services) -> None:
    contest = skill_contest(demo)
    event = demo.contests.events(contest.id)[0]
    judge = demo.roster.panel(event.id)[0]
    sheet = demo.scoring.sheet(event.id, 1, judge.id)
    by_code = {c.code: c.criterion for c in sheet.columns}
    assert sheet.values
    for (_, code), value in sheet.values.items():
        by_code[code].check_value(value)


def test_the_demo_is_the_same_every_time(demo: Services, tmp_path: Path) -> None:
    other = Services.open(str(tmp_path / "other.db"))
    build_demo(other)
    first = TransferService(demo.ctx).export_contest(skill_contest(demo).id)
    second = TransferService(other.ctx).export_contest(skill_contest(other).id)
    other.ctx.db.dispose()
    assert dump_contest_file(first) == dump_contest_file(second)


def test_a_database_with_contests_is_refused(demo: Services) -> None:
    with pytest.raises(UserError) as caught:
        build_demo(demo)
    assert caught.value.msgid == (
        "The database already has contests; write the demo into a new database"
    )
    assert len(demo.contests.contests()) == 2


def test_the_board_runs_six_periods_with_eliminations_and_a_new_title_holder(
    demo: Services,
) -> None:
    (board,) = demo.board_views.boards()
    view = demo.board_views.view(board.id)
    assert len(view.rows) >= 12 and len(view.history) >= 6
    assert len({r.holder.id for r in view.reigns}) >= 2
    eliminated = [r for r in view.rows if r.status == "eliminated"]
    assert eliminated and all(r.why for r in eliminated)
    assert any(b.forfeit for b in view.bouts) and any(b.corrected for b in view.bouts)
    assert view.rated and all(r.rating is not None for r in view.rows)


def test_the_labor_competition_has_eight_teams_six_indicators_six_months(demo: Services) -> None:
    (labor,) = [c for c in demo.contests.contests() if c.kind is ContestKind.LABOR]
    assert len(demo.labor.teams(labor.id)) == 8
    assert len(demo.labor.indicators(labor.id)) == 6
    periods = demo.labor.periods(labor.id)
    assert [p.name for p in periods] == [f"{n}月" for n in range(1, 7)]
    assert [p.closed for p in periods] == [True] * 5 + [False]
    march = demo.labor_standings.standings(labor.id, "3月")
    assert any(r.veto for r in march.rows) and all(r.missing == 0 for r in march.rows)
    total = demo.labor_standings.standings(labor.id)
    assert [r.rank for r in total.rows] == sorted(r.rank for r in total.rows)
    assert {r.award for r in total.rows} >= {"一等奖", "二等奖", "三等奖"}


def test_the_innovation_ledger_covers_every_stage(demo: Services) -> None:
    from contest_desk.domain.innovation import Stage

    assert len(demo.innovation.studios()) == 3
    ledger = demo.ledger.achievements()
    assert len(ledger) == 15 and {a.stage for a in ledger} == set(Stage)
    assert any(a.patents for a in ledger) and any(a.rollouts for a in ledger)
    assert all(
        b.proof and b.proof.state == "ok"
        for a in ledger
        for b in a.benefits
        if not b.benefit.projected
    )
    assert len(demo.meetings.meetings()) == 2
    board = demo.ledger.dashboard()
    assert board.rollouts >= 1 and sum(v[0] for v in board.by_studio.values()) > 0
