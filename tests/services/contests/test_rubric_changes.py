"""Changing the rubric of an event that already has scores: what would leave stored scores
wrong is refused and changes nothing; the rest is saved with what changed in the audit."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.domain.rubric_changes import Change
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import PRACTICAL, SmallEvent

D = Decimal


def with_p1(**changes: object) -> Rubric:
    """The small event's practical rubric with P1 (操作规范, 10 points) changed."""
    group, *rest = PRACTICAL.criteria
    p1, p2 = group.children
    return Rubric((replace(group, children=(replace(p1, **changes), p2)), *rest))


def score_p1(services: Services, small_event: SmallEvent, *values: str) -> None:
    """One judge's P1 marks for the first entries, one value per entry."""
    judge = small_event.judges[0]
    for entry, value in zip(small_event.entries, values, strict=False):
        services.scoring.record_score(small_event.event.id, 1, judge.id, entry.id, "P1", value)


def rubric_audits(services: Services) -> list[dict[str, object]]:
    with services.ctx.db.reading() as s:
        rows = s.scalars(select(m.AuditRecord).where(m.AuditRecord.action == "rubric.save"))
        return [dict(r.detail) for r in rows]


@pytest.fixture
def practical_id(small_event: SmallEvent) -> int:
    return small_event.event.parts[1].id


def test_a_max_below_stored_scores_is_refused_naming_them(services, small_event, practical_id):
    score_p1(services, small_event, "8", "9.5", "4")
    with pytest.raises(UserError) as refused:
        services.contests.save_rubric(practical_id, with_p1(max_points=D(6)))
    message = refused.value.message()
    assert "P1 操作规范 已有成绩" in message
    assert "3 条中有 2 条不符合满分 6" in message
    assert services.contests.rubric(practical_id) == PRACTICAL  # nothing changed


def test_a_step_the_scores_do_not_fit_is_refused(services, small_event, practical_id):
    score_p1(services, small_event, "8", "9.5")
    with pytest.raises(UserError, match="已有成绩"):
        services.contests.save_rubric(practical_id, with_p1(step=D(1)))
    assert services.contests.rubric(practical_id) == PRACTICAL


def test_the_kind_of_a_scored_criterion_cannot_change(services, small_event, practical_id):
    score_p1(services, small_event, "8")
    with pytest.raises(UserError, match="类型不能修改"):
        services.contests.save_rubric(practical_id, with_p1(kind=CriterionKind.DEDUCTION))
    assert services.contests.rubric(practical_id) == PRACTICAL


def test_changes_the_scores_fit_are_saved_and_audited(services, small_event, practical_id):
    score_p1(services, small_event, "8", "9.5")
    changed = with_p1(name="规范操作", max_points=D(20), weight=D(2))
    preview = services.contests.rubric_changes(practical_id, changed)
    assert preview.refused == []
    (touched,) = preview.touching_scores
    assert (touched.code, touched.scores) == ("P1", 2)
    assert touched.changes == (Change.NAME, Change.MAX, Change.WEIGHT)

    services.contests.save_rubric(practical_id, changed)
    assert services.contests.rubric(practical_id) == changed
    sheet = services.scoring.sheet(small_event.event.id, 1, small_event.judges[0].id)
    assert sheet.values[(small_event.entries[0].id, "P1")] == D(8)
    detail = rubric_audits(services)[-1]
    (p1,) = detail["changes"]
    assert p1["code"] == "P1" and p1["scores"] == 2
    assert p1["before"]["max_points"] == "10" and p1["after"]["max_points"] == "20"
    assert p1["before"]["name"] == "操作规范" and p1["after"]["name"] == "规范操作"


def test_a_new_criterion_in_a_scored_part_is_a_change_that_touches_scores(
    services, small_event, practical_id
):
    score_p1(services, small_event, "8")
    added = Rubric((*PRACTICAL.criteria, Criterion("X1", "新增", max_points=D(5), step=D(1))))
    (change,) = services.contests.rubric_changes(practical_id, added).touching_scores
    assert change.code == "X1" and change.changes == (Change.ADDED,)
    assert "新增" in change.describe()


def test_an_unscored_part_changes_freely(services, small_event, practical_id):
    changes = services.contests.rubric_changes(practical_id, with_p1(max_points=D(2), step=D(1)))
    assert changes.refused == [] and changes.touching_scores == []
    services.contests.save_rubric(practical_id, with_p1(max_points=D(2), step=D(1)))
    assert rubric_audits(services)[-1]["changes"][0]["after"]["max_points"] == "2"


def lock_first_round(services: Services, small_event: SmallEvent) -> None:
    """Round 1 locked as the chief judge's lock leaves it (the sheets' part is not needed)."""
    with services.ctx.db.transaction() as s:
        (first,) = s.scalars(
            select(m.Round).where(m.Round.event_id == small_event.event.id, m.Round.number == 1)
        )
        first.locked_at, first.locked_by = dt.datetime(2026, 6, 1, 8), "chief"


def test_a_locked_round_s_results_stay_until_it_is_unlocked(services, small_event, practical_id):
    score_p1(services, small_event, "8")
    lock_first_round(services, small_event)
    with pytest.raises(UserError, match="P1 操作规范：第1轮已锁定"):
        services.contests.save_rubric(practical_id, with_p1(max_points=D(20)))
    assert services.contests.rubric(practical_id) == PRACTICAL
    services.contests.save_rubric(practical_id, with_p1(name="规范"))  # a name counts nothing
    services.sheets.unlock_round(small_event.event.id, 1, "满分定错，裁判长同意更正")
    services.contests.save_rubric(practical_id, with_p1(name="规范", max_points=D(20)))
    assert services.contests.rubric(practical_id) == with_p1(name="规范", max_points=D(20))
