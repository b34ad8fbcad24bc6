"""Setting up contests, events, parts, rounds and rubrics through ContestService."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from contest_desk.domain.contest import ContestStatus
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.rubric import Criterion, Rubric
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import PRACTICAL, THEORY, SmallEvent

D = Decimal


def audit_actions(services: Services) -> list[str]:
    with services.ctx.db.reading() as s:
        return list(s.scalars(select(m.AuditRecord.action).order_by(m.AuditRecord.id)))


def test_a_new_event_has_theory_and_practical_parts_and_one_round(services: Services) -> None:
    contest = services.contests.create_contest("2026年技能比武")
    event = services.contests.create_event(contest.id, "电焊工")
    assert [(p.name, p.weight) for p in event.parts] == [("理论", D("0.3")), ("实操", D("0.7"))]
    assert [(r.number, r.name) for r in event.rounds] == [(1, "第1轮")]
    assert audit_actions(services) == ["contest.create", "event.create"]


def test_status_moves_one_step_at_a_time(services: Services) -> None:
    contest = services.contests.create_contest("比武")
    assert services.contests.set_status(contest.id, ContestStatus.OPEN).status is ContestStatus.OPEN
    with pytest.raises(UserError) as refused:
        services.contests.set_status(contest.id, ContestStatus.FINISHED)
    assert refused.value.message() == "竞赛状态不能从 报名中 直接变为 已结束"
    assert services.contests.contest(contest.id).status is ContestStatus.OPEN


def test_a_duplicate_event_name_is_refused(services: Services) -> None:
    contest = services.contests.create_contest("比武")
    services.contests.create_event(contest.id, "采油工")
    with pytest.raises(UserError, match="采油工"):
        services.contests.create_event(contest.id, "采油工")
    assert len(services.contests.events(contest.id)) == 1


def test_a_rubric_round_trips_with_its_tree(small_event: SmallEvent, services: Services) -> None:
    practical = small_event.event.parts[1]
    assert services.contests.rubric(practical.id) == PRACTICAL
    assert PRACTICAL.max_total() == D(40)


def test_an_invalid_rubric_is_refused_and_nothing_changes(
    small_event: SmallEvent, services: Services
) -> None:
    practical = small_event.event.parts[1]
    bad = Rubric((Criterion("X1", "bad step", max_points=D(10), step=D("0.3")),))
    with pytest.raises(UserError, match="步长"):
        services.contests.save_rubric(practical.id, bad)
    assert services.contests.rubric(practical.id) == PRACTICAL


def test_a_code_may_not_repeat_across_parts(small_event: SmallEvent, services: Services) -> None:
    theory = small_event.event.parts[0]
    clash = Rubric((Criterion("P1", "again", max_points=D(10)),))
    with pytest.raises(UserError, match="P1"):
        services.contests.save_rubric(theory.id, clash)


def test_a_scored_criterion_cannot_be_removed(small_event: SmallEvent, services: Services) -> None:
    e, j = small_event.entries[0], small_event.judges[0]
    services.scoring.record_score(small_event.event.id, 1, j.id, e.id, "P1", "8")
    practical = small_event.event.parts[1]
    without_p1 = Rubric(
        (Criterion("P", "实操", kind=None, children=(Criterion("P2", "工具", max_points=D(20)),)),)
    )
    with pytest.raises(UserError, match="已有成绩"):
        services.contests.save_rubric(practical.id, without_p1)
    # Renaming keeps the scores attached (criteria keep identity by code).
    renamed = Rubric(
        (
            Criterion(
                "P",
                "实际操作",
                kind=None,
                children=(
                    Criterion("P1", "规范", max_points=D(10)),
                    Criterion("P2", "工具使用", max_points=D(20)),
                ),
            ),
            *PRACTICAL.criteria[1:],
        )
    )
    services.contests.save_rubric(practical.id, renamed)
    sheet = services.scoring.sheet(small_event.event.id, 1, j.id)
    assert sheet.values[(e.id, "P1")] == D(8)


def test_rounds_can_be_added_and_an_unscored_one_removed(
    small_event: SmallEvent, services: Services
) -> None:
    event_id = small_event.event.id
    event = services.contests.set_rounds(event_id, [("初赛", D("0.4")), ("决赛", D("0.6"))])
    assert [(r.number, r.name, r.weight) for r in event.rounds] == [
        (1, "初赛", D("0.4")),
        (2, "决赛", D("0.6")),
    ]
    event = services.contests.set_rounds(event_id, [("初赛", D(1))])
    assert len(event.rounds) == 1
    with services.ctx.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.Round)) == 1


def test_a_renamed_part_keeps_its_rubric_scores_and_tie_breaks(
    small_event: SmallEvent, services: Services
) -> None:
    event = small_event.event
    theory, practical = event.parts
    services.contests.update_event(
        event.id,
        event.name,
        replace(event.settings, tie_breaks=(TieBreak(TieBreakKind.PART, practical.name),)),
    )
    judge, entry = small_event.judges[0], small_event.entries[0]
    services.scoring.record_score(event.id, 1, judge.id, entry.id, "P1", "8")

    after = services.contests.set_parts(
        event.id,
        [("理论知识", D("0.2")), ("实际操作", D("0.8"))],
        [theory.id, practical.id],
    )

    assert [(p.id, p.name, p.weight) for p in after.parts] == [
        (theory.id, "理论知识", D("0.2")),
        (practical.id, "实际操作", D("0.8")),
    ]
    assert services.contests.rubric(practical.id) == PRACTICAL
    assert services.scoring.sheet(event.id, 1, judge.id).values[(entry.id, "P1")] == D(8)
    assert after.settings.tie_breaks == (TieBreak(TieBreakKind.PART, "实际操作"),)


def test_two_parts_can_swap_names(small_event: SmallEvent, services: Services) -> None:
    event = small_event.event
    theory, practical = event.parts
    after = services.contests.set_parts(
        event.id,
        [(practical.name, theory.weight), (theory.name, practical.weight)],
        [theory.id, practical.id],
    )
    assert [(p.id, p.name) for p in after.parts] == [
        (theory.id, practical.name),
        (practical.id, theory.name),
    ]
    assert services.contests.rubric(theory.id) == THEORY


def test_without_ids_parts_are_matched_by_name(small_event: SmallEvent, services: Services) -> None:
    event = small_event.event
    theory, practical = event.parts
    after = services.contests.set_parts(event.id, [(practical.name, D("0.5")), ("答辩", D("0.5"))])
    assert [p.name for p in after.parts] == [practical.name, "答辩"]
    assert after.parts[0].id == practical.id  # reordered, the same part
    assert services.contests.rubric(practical.id) == PRACTICAL
    assert theory.id not in {p.id for p in after.parts}


def test_a_scored_part_cannot_be_removed_and_nothing_changes(
    small_event: SmallEvent, services: Services
) -> None:
    event = small_event.event
    theory = event.parts[0]
    judge, entry = small_event.judges[0], small_event.entries[0]
    services.scoring.record_score(event.id, 1, judge.id, entry.id, "P1", "8")
    with pytest.raises(UserError, match="已有成绩"):
        services.contests.set_parts(event.id, [("理论知识", D(1))], [theory.id])
    assert services.contests.event(event.id).parts == event.parts
