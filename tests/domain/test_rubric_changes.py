"""What a new rubric changes, criterion by criterion, and which changes stored scores forbid."""

from __future__ import annotations

from decimal import Decimal

from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.domain.rubric_changes import Change, compare, describe_audit

D = Decimal
A1 = Criterion("A1", "取样", CriterionKind.JUDGEMENT, D(10), D("0.5"))
A2 = Criterion("A2", "巡检", CriterionKind.JUDGEMENT, D(10), D("0.5"))
OLD = Rubric((A1, A2))


def test_the_same_rubric_changes_nothing() -> None:
    same = Rubric((Criterion("A1", "取样", CriterionKind.JUDGEMENT, D("10.0"), D("0.50")), A2))
    assert compare(OLD, same, {"A1": {D(8): 3}}).changes == ()


def test_scores_the_new_step_or_max_does_not_fit_are_counted() -> None:
    new = Rubric((Criterion("A1", "取样", CriterionKind.JUDGEMENT, D(9), D(1)), A2))
    (change,) = compare(OLD, new, {"A1": {D(8): 2, D("7.5"): 1, D("9.5"): 4}}).changes
    assert change.changes == (Change.MAX, Change.STEP)
    assert (change.scores, change.unfit) == (7, 5) and change.refusal is not None


def test_a_scored_leaf_removed_or_made_a_group_is_refused_an_unscored_one_is_not() -> None:
    group = Criterion("A2", "巡检", None, children=(Criterion("A2.1", "一", max_points=D(5)),))
    changes = compare(OLD, Rubric((group,)), {"A1": {D(8): 1}, "A2": {D(6): 2}})
    by_code = {c.code: c for c in changes.changes}
    assert by_code["A1"].changes == (Change.REMOVED,) and by_code["A1"].refusal is not None
    assert by_code["A2"].changes[0] is Change.GROUPED and by_code["A2"].refusal is not None
    assert by_code["A2.1"].changes == (Change.ADDED,)
    unscored = compare(OLD, Rubric((group,)), {})
    assert unscored.refused == [] and unscored.touching_scores == []


def test_a_move_under_another_group_is_a_change_of_place() -> None:
    moved = Rubric((Criterion("G", "组", None, children=(A1,)), A2))
    changes = compare(OLD, moved, {"A1": {D(8): 1}})
    assert [(c.code, c.changes) for c in changes.touching_scores] == [
        ("G", (Change.ADDED,)),
        ("A1", (Change.PLACE,)),
    ]
    assert changes.refused == []


def test_an_audit_row_says_its_changes_in_words() -> None:
    new = Rubric((Criterion("A1", "规范取样", CriterionKind.JUDGEMENT, D(20), D("0.5")), A2))
    detail = {"changes": compare(OLD, new, {"A1": {D(8): 3}}).audit_detail()}
    assert describe_audit(detail) == [
        "A1 规范取样：名称 取样 → 规范取样；满分 10 → 20（涉及成绩 3 条）"
    ]
    assert describe_audit({"changes": [{"code": "A1"}]}) == []
