"""No lost update: two organizers on two desks (two Services, each with its own database
connection) edit the same person, contest, event or rubric. The second save, made from
the form as it was read, is refused naming who changed what; nothing is overwritten; read
again, the same change goes through."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

import pytest

from contest_desk.domain.permissions import Role
from contest_desk.domain.rubric import Criterion, Rubric
from contest_desk.errors import StaleEdit
from contest_desk.services.hub import Services
from tests.builders import (
    PRACTICAL,
    SmallEvent,
    acting,
    add_user,
    build_small_event,
    two_desks,
)

D = Decimal


@dataclass
class Desks:
    a: Services  # 张三's desk
    b: Services  # 李四's desk, on a connection of its own
    small: SmallEvent
    setup: Services  # the program itself: reads the audit trail


@pytest.fixture
def desks(database_url: str) -> Iterator[Desks]:
    with two_desks(database_url) as (setup, other):
        small = build_small_event(setup)
        add_user(setup, "zhangsan", "张三", Role.ORGANIZER)
        add_user(setup, "lisi", "李四", Role.ORGANIZER)
        yield Desks(acting(setup, "zhangsan"), acting(other, "lisi"), small, setup)


def test_a_person_saved_from_a_stale_form_is_refused_naming_the_change(desks: Desks) -> None:
    a, b = desks.a, desks.b
    person_id = desks.small.entries[0].person_id
    assert person_id is not None
    seen_by_a = a.roster.person(person_id)
    seen_by_b = b.roster.person(person_id)
    assert seen_by_a == seen_by_b and seen_by_a.version == 1

    saved = a.roster.update_person(
        seen_by_a, "101", "王建军", "采油一区/作业一班", "采油工", "高级工"
    )
    assert saved.version == 2

    with pytest.raises(StaleEdit) as refused:
        b.roster.update_person(seen_by_b, "101", "王建国", "采油二区/作业三班", "采油工", "高级工")
    message = refused.value.message()
    assert message.startswith("此人员已被 张三 于 ")
    assert "（姓名：王建国 → 王建军）" in message
    assert message.endswith("请查看最新内容后重新修改。")
    assert refused.value.current == saved
    now = b.roster.person(person_id)
    assert (now.name, now.unit, now.version) == ("王建军", "采油一区/作业一班", 2)

    # Read again, B's own change goes through, keeping A's.
    again = b.roster.update_person(now, "101", now.name, "采油二区/作业三班", "采油工", "高级工")
    assert (again.name, again.unit, again.version) == ("王建军", "采油二区/作业三班", 3)
    actions = [r.action for r in desks.setup.audit.records(targets=(f"person:{person_id}",))]
    assert actions[:2] == ["person.update", "person.update"]


def test_a_roster_import_moves_the_version_too(desks: Desks) -> None:
    """A form read before a roster import changed the person is stale too: whatever
    writes the row moves its version."""
    from contest_desk.domain.records.roster import RosterRow

    a, b = desks.a, desks.b
    person_id = desks.small.entries[1].person_id
    assert person_id is not None
    form = a.roster.person(person_id)
    contest = desks.small.event.contest_id
    desks.setup.contests.create_event(contest, "集输工")
    row = RosterRow(2, "102", "李明", "采油一区/作业一班", "采油工", "技师", "集输工")
    b.roster_import.import_rows(contest, [row], "名单.xlsx")
    with pytest.raises(StaleEdit, match="技能等级：高级工 → 技师") as refused:
        a.roster.update_person(form, "102", "李明", "采油二区", "采油工", "高级工")
    assert refused.value.message().startswith("此人员已被 李四 于 ")  # who imported it
    assert a.roster.person(person_id).skill_level == "技师"


def test_a_contest_saved_from_a_stale_form_is_refused(desks: Desks) -> None:
    a, b = desks.a, desks.b
    contest_id = desks.small.event.contest_id
    seen_by_a, seen_by_b = a.contests.contest(contest_id), b.contests.contest(contest_id)
    a.contests.update_contest(contest_id, seen_by_a.name, None, None, "采油厂工会", read=seen_by_a)
    with pytest.raises(StaleEdit, match="主办单位：— → 采油厂工会") as refused:
        b.contests.update_contest(contest_id, "2026年采油工比武", None, None, "", read=seen_by_b)
    assert "张三" in refused.value.message()
    now = b.contests.contest(contest_id)
    assert (now.name, now.organizer) == ("2026年技能比武", "采油厂工会")
    b.contests.update_contest(contest_id, "2026年采油工比武", None, None, now.organizer, read=now)
    assert b.contests.contest(contest_id).name == "2026年采油工比武"


def test_a_status_change_alone_does_not_refuse_the_contest_form(desks: Desks) -> None:
    """The form does not show the status: nothing it showed was changed meanwhile."""
    from contest_desk.domain.contest import ContestStatus

    a, b = desks.a, desks.b
    contest_id = desks.small.event.contest_id
    form = b.contests.contest(contest_id)
    a.contests.set_status(contest_id, ContestStatus.OPEN)
    saved = b.contests.update_contest(contest_id, "改名", None, None, "", read=form)
    assert (saved.name, saved.status) == ("改名", ContestStatus.OPEN)


def test_an_event_saved_from_a_stale_form_is_refused(desks: Desks) -> None:
    a, b = desks.a, desks.b
    event_id = desks.small.event.id
    seen_by_a, seen_by_b = a.contests.event(event_id), b.contests.event(event_id)
    more = replace(seen_by_a.settings, places=3)
    a.contests.update_event(event_id, seen_by_a.name, more, read=seen_by_a)
    with pytest.raises(StaleEdit, match="保留小数位数：2 → 3"):
        b.contests.update_event(event_id, "采油工（决赛）", seen_by_b.settings, read=seen_by_b)
    now = b.contests.event(event_id)
    assert (now.name, now.settings.places) == ("采油工", 3)
    saved = b.contests.update_event(event_id, "采油工（决赛）", now.settings, read=now)
    assert (saved.name, saved.settings.places) == ("采油工（决赛）", 3)


def _renamed(rubric: Rubric, code: str, name: str) -> Rubric:
    def walk(nodes: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
        return tuple(
            replace(c, name=name if c.code == code else c.name, children=walk(c.children))
            for c in nodes
        )

    return Rubric(walk(rubric.criteria))


def test_a_rubric_saved_from_a_stale_draft_is_refused(desks: Desks) -> None:
    a, b = desks.a, desks.b
    part_id = desks.small.event.parts[1].id
    seen_by_a, seen_by_b = a.contests.rubric(part_id), b.contests.rubric(part_id)
    assert seen_by_a == seen_by_b == PRACTICAL
    a.contests.save_rubric(part_id, _renamed(seen_by_a, "P1", "操作规范性"), read=seen_by_a)

    with pytest.raises(StaleEdit) as refused:
        b.contests.save_rubric(part_id, _renamed(seen_by_b, "P2", "工具使用与保养"), read=seen_by_b)
    message = refused.value.message()
    assert message.startswith("此评分细则已被 张三 于 ")
    assert "操作规范性" in message
    now = b.contests.rubric(part_id)
    names = {c.code: c.name for c in now.leaves()}
    assert (names["P1"], names["P2"]) == ("操作规范性", "工具使用")

    b.contests.save_rubric(part_id, _renamed(now, "P2", "工具使用与保养"), read=now)
    names = {c.code: c.name for c in a.contests.rubric(part_id).leaves()}
    assert (names["P1"], names["P2"]) == ("操作规范性", "工具使用与保养")


def test_a_save_without_a_read_record_is_not_checked(desks: Desks) -> None:
    """The command line and files name no read version: they write as before."""
    a, b = desks.a, desks.b
    event_id = desks.small.event.id
    a.contests.update_event(event_id, "甲", a.contests.event(event_id).settings)
    saved = b.contests.update_event(event_id, "乙", b.contests.event(event_id).settings)
    assert saved.name == "乙"


def test_parts_or_rounds_saved_from_a_stale_form_are_refused(desks: Desks) -> None:
    """An event's parts and rounds are the event's: a change to them moves its version,
    and the event form's next save from before it is refused."""
    a, b = desks.a, desks.b
    event_id = desks.small.event.id
    seen_by_a, seen_by_b = a.contests.event(event_id), b.contests.event(event_id)
    ids = [p.id for p in seen_by_a.parts]
    moved = a.contests.set_parts(event_id, [("理论", D("0.4")), ("实操", D("0.6"))], ids, seen_by_a)
    assert moved.version > seen_by_a.version
    with pytest.raises(StaleEdit, match="组成部分") as refused:
        b.contests.set_rounds(event_id, [("初赛", D(1)), ("决赛", D(1))], read=seen_by_b)
    assert "理论 0.4" in refused.value.message()
    assert [r.name for r in b.contests.event(event_id).rounds] == ["第1轮"]
    now = b.contests.event(event_id)
    after = b.contests.set_rounds(event_id, [("初赛", D(1)), ("决赛", D(1))], read=now)
    saved = b.contests.update_event(event_id, "采油工", after.settings, read=after)
    assert [r.name for r in saved.rounds] == ["初赛", "决赛"]
    assert [p.weight for p in saved.parts] == [D("0.4"), D("0.6")]


def test_an_achievement_saved_from_a_stale_form_is_refused(desks: Desks) -> None:
    a, b = desks.a, desks.b
    studio = desks.setup.innovation.add_studio("王建国创新工作室", "采油一区", "plant")
    achievement = desks.setup.innovation.propose(studio.id, "抽油机防盗装置", "tool", ["101"])
    seen_by_a = a.innovation_details.achievement(achievement)
    seen_by_b = b.innovation_details.achievement(achievement)
    a.innovation.update(achievement, "抽油机智能防盗装置", "tool", "", "", read=seen_by_a)
    with pytest.raises(StaleEdit, match="成果名称：抽油机防盗装置 → 抽油机智能防盗装置"):
        b.innovation.update(achievement, "抽油机防盗装置", "technique", "", "", read=seen_by_b)
    now = b.innovation_details.achievement(achievement)
    assert (now.title, now.category) == ("抽油机智能防盗装置", "tool")
    b.innovation.update(achievement, now.title, "technique", "", "", read=now)
    assert b.innovation_details.achievement(achievement).category == "technique"


def test_labor_indicators_saved_from_a_stale_form_are_refused(desks: Desks) -> None:
    from contest_desk.domain.contest import ContestKind
    from contest_desk.domain.labor import Direction, Indicator, IndicatorRule

    a, b = desks.a, desks.b
    contest = desks.setup.contests.create_contest("原油上产劳动竞赛", ContestKind.LABOR).id
    oil = Indicator(
        "C1", "原油产量", "吨", Direction.HIGHER, IndicatorRule.LINEAR, D(50), D(1000), D(1500)
    )
    power = Indicator(
        "C2", "吨液耗电", "kWh/t", Direction.LOWER, IndicatorRule.LINEAR, D(30), D(12), D(10)
    )
    desks.setup.labor.set_indicators(contest, [oil])
    seen_by_a, seen_by_b = a.labor.indicators(contest), b.labor.indicators(contest)
    a.labor.set_indicators(contest, [replace(oil, points=D(60))], seen_by_a)
    with pytest.raises(StaleEdit, match="原油产量") as refused:
        b.labor.set_indicators(contest, [*seen_by_b, power], seen_by_b)
    assert refused.value.message().startswith("考核指标已被 张三 于 ")
    assert [i.points for i in b.labor.indicators(contest)] == [D(60)]
    now = b.labor.indicators(contest)
    b.labor.set_indicators(contest, [*now, power], now)
    assert [(i.code, i.points) for i in a.labor.indicators(contest)] == [
        ("C1", D(60)),
        ("C2", D(30)),
    ]


def test_board_rules_saved_from_a_stale_form_are_refused(desks: Desks) -> None:
    from contest_desk.domain.ladder import BoardRules

    a, b = desks.a, desks.b
    board = desks.setup.boards.create_board(desks.small.event.id, "青工技能月擂台", BoardRules())
    shown = BoardRules()
    a.boards.set_rules(board.id, replace(shown, reach=3), "扩大挑战范围", read=shown)
    with pytest.raises(StaleEdit, match="擂台规则已被 张三"):
        b.boards.set_rules(board.id, replace(shown, max_open=2), "", read=shown)
    view = b.board_views.view(board.id)
    assert view.next_rules is not None and (view.next_rules.reach, view.next_rules.max_open) == (
        3,
        1,
    )
    b.boards.set_rules(board.id, replace(view.next_rules, max_open=2), "", read=view.next_rules)
    assert b.board_views.view(board.id).next_rules == BoardRules(reach=3, max_open=2)


def test_an_advance_rule_saved_from_a_stale_form_is_refused(desks: Desks) -> None:
    from contest_desk.domain.advance import AdvanceMode, AdvanceRule

    a, b = desks.a, desks.b
    event = desks.small.event.id
    top3, top2 = AdvanceRule(AdvanceMode.TOP, D(3)), AdvanceRule(AdvanceMode.TOP, D(2))
    a.rounds.set_advance_rule(event, 1, top3, read=None)  # the form showed no rule
    with pytest.raises(StaleEdit, match="晋级规则已被 张三"):
        b.rounds.set_advance_rule(event, 1, top2, read=None)
    assert b.rounds.advance_rule(event, 1) == top3
    b.rounds.set_advance_rule(event, 1, top2, read=top3)
    assert a.rounds.advance_rule(event, 1) == top2
    a.rounds.set_advance_rule(event, 1, None)  # without read: not checked (files, CLI)
    assert a.rounds.advance_rule(event, 1) is None


def test_a_labor_award_rule_saved_from_a_stale_form_is_refused(desks: Desks) -> None:
    from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
    from contest_desk.domain.contest import ContestKind

    a, b = desks.a, desks.b
    contest = desks.setup.contests.create_contest("原油上产劳动竞赛", ContestKind.LABOR).id
    one = AwardRule(AwardMode.COUNTS, (AwardLevel("一等奖", D(1)),))
    two = AwardRule(AwardMode.COUNTS, (AwardLevel("一等奖", D(2)),))
    a.labor.set_award_rule(contest, one, read=None)
    with pytest.raises(StaleEdit, match="评奖规则已被 张三"):
        b.labor.set_award_rule(contest, two, read=None)
    assert b.labor.award_rule(contest) == one
    b.labor.set_award_rule(contest, two, read=one)
    assert a.labor.award_rule(contest) == two
