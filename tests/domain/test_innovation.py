"""The innovation ledger's rules: every move allowed and refused, benefit totals, the
funnel's two counts kept apart, similar titles."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contest_desk.domain.innovation import (
    LINE,
    Approval,
    Benefit,
    BenefitKind,
    Move,
    MoveKind,
    Stage,
    approval_for,
    check_move,
    funnel,
    move_kind,
    next_stages,
    similar_titles,
    totals,
)
from contest_desk.errors import UserError

D = Decimal
P, R, A, RO, C, X, S = (
    Stage.PROPOSAL, Stage.RND, Stage.APPLICATION, Stage.ROLLOUT,
    Stage.CLOSED, Stage.REJECTED, Stage.SUSPENDED,
)  # fmt: skip
ALLOWED = {
    (P, R): MoveKind.FORWARD, (R, A): MoveKind.FORWARD, (A, RO): MoveKind.FORWARD,
    (RO, C): MoveKind.FORWARD, (A, C): MoveKind.FORWARD,
    (R, P): MoveKind.BACK, (A, P): MoveKind.BACK, (A, R): MoveKind.BACK,
    (RO, P): MoveKind.BACK, (RO, R): MoveKind.BACK, (RO, A): MoveKind.BACK,
    (X, P): MoveKind.BACK,
    (P, X): MoveKind.REJECT, (R, X): MoveKind.REJECT, (A, X): MoveKind.REJECT,
    (P, S): MoveKind.SUSPEND, (R, S): MoveKind.SUSPEND, (A, S): MoveKind.SUSPEND,
    (RO, S): MoveKind.SUSPEND,
}  # fmt: skip


@pytest.mark.parametrize("current", [P, R, A, RO, C, X])
@pytest.mark.parametrize("target", list(Stage))
def test_every_move_is_allowed_or_refused(current: Stage, target: Stage) -> None:
    expected = ALLOWED.get((current, target))
    if expected is None:
        with pytest.raises(UserError):
            move_kind(current, target)
    else:
        assert move_kind(current, target) is expected


@pytest.mark.parametrize("target", list(Stage))
def test_a_suspended_achievement_resumes_where_it_was(target: Stage) -> None:
    if target is R:
        assert move_kind(S, R, suspended_from=R) is MoveKind.RESUME
    else:
        with pytest.raises(UserError, match="研发"):
            move_kind(S, target, suspended_from=R)


def test_a_move_back_a_rejection_and_a_suspension_need_a_reason() -> None:
    for current, target in ((A, R), (P, X), (R, S), (X, P)):
        with pytest.raises(UserError, match="原因"):
            check_move(current, target, "  ")
        check_move(current, target, "评审意见：需补充试验数据")
    assert check_move(P, R, "") is MoveKind.FORWARD


def test_results_are_approved_by_their_own_right() -> None:
    assert approval_for(R, A) is Approval.RESULT
    assert approval_for(A, RO) is Approval.RESULT and approval_for(RO, C) is Approval.RESULT
    assert approval_for(P, R) is Approval.PROJECT
    assert approval_for(A, R) is Approval.PROJECT  # back to re-review
    assert approval_for(R, X) is Approval.PROJECT and approval_for(S, A) is Approval.PROJECT


DAY = dt.date(2026, 3, 1)


def moved(*stages: Stage) -> list[Move]:
    steps = list(zip((P, *stages), stages, strict=False))
    return [Move(a, b, DAY, "审批人", "同意", "") for a, b in steps]


def test_the_funnel_counts_now_and_ever_apart() -> None:
    ledger = [
        (P, []),
        (R, moved(R)),
        (RO, moved(R, A, RO)),
        (C, moved(R, A, RO, C)),
        (X, moved(R, X)),
        (R, moved(R, A, R)),  # sent back for re-review
        (S, moved(R, A, S)),
    ]
    rows = {r.stage: (r.now, r.ever) for r in funnel(ledger)}
    assert rows[P] == (1, 7)
    assert rows[R] == (2, 6)
    assert rows[A] == (0, 4)
    assert rows[RO] == (1, 2)
    assert rows[C] == (1, 1)
    assert rows[X] == (1, 1) and rows[S] == (1, 1)
    assert all(now <= ever for now, ever in (rows[s] for s in LINE))


def test_benefit_totals_by_year_site_and_owner_keep_projected_apart() -> None:
    rows = [
        ("工作室甲", Benefit(2025, None, "采油一区", BenefitKind.COST_SAVED, D("12.5"), False)),
        ("工作室甲", Benefit(2026, 1, "采油二区", BenefitKind.NEW_PROFIT, D("30"), False)),
        ("工作室甲", Benefit(2026, None, "采油二区", BenefitKind.NEW_PROFIT, D("50"), True)),
        ("工作室乙", Benefit(2026, 2, "采油一区", BenefitKind.ENERGY_SAVED, D("7.25"), False)),
    ]
    assert totals(rows, "year") == {2025: (D("12.5"), 0), 2026: (D("37.25"), D(50))}
    assert totals(rows, "site")["采油二区"] == (D(30), D(50))
    assert totals(rows, "owner") == {"工作室甲": (D("42.5"), D(50)), "工作室乙": (D("7.25"), 0)}
    with pytest.raises(UserError, match="-3"):
        Benefit(2026, None, "采油一区", BenefitKind.OTHER, D(-3), False).check()
    with pytest.raises(UserError, match="5"):
        Benefit(2026, 5, "采油一区", BenefitKind.OTHER, D(3), False).check()


def test_similar_titles_are_found_before_an_idea_is_proposed_twice() -> None:
    existing = ["抽油机平衡自动调节装置", "注水井在线洗井工艺", "抽油机皮带更换专用工具"]
    assert similar_titles("抽油机平衡调节装置", existing)[0] == "抽油机平衡自动调节装置"
    assert similar_titles("洗井工艺", existing) == ["注水井在线洗井工艺"]
    assert similar_titles("变频器散热改造", existing) == []


def test_next_stages_are_the_moves_the_rules_allow() -> None:
    S = Stage
    assert next_stages(S.RND) == [S.PROPOSAL, S.APPLICATION, S.REJECTED, S.SUSPENDED]
    assert next_stages(S.APPLICATION) == [
        S.PROPOSAL, S.RND, S.ROLLOUT, S.CLOSED, S.REJECTED, S.SUSPENDED
    ]  # fmt: skip
    assert S.REJECTED not in next_stages(S.ROLLOUT)
    assert next_stages(S.SUSPENDED, S.APPLICATION) == [S.APPLICATION]
    assert next_stages(S.REJECTED) == [S.PROPOSAL]
    assert next_stages(S.CLOSED) == []
