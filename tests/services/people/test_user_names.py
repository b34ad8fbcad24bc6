"""Account names → people's names, for showing who did something."""

from __future__ import annotations

import pytest

from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import PermissionDenied
from contest_desk.services.hub import Services


def test_names_come_from_accounts_then_from_judges(services: Services) -> None:
    services.users.add_user("zhou", "周明", "zhou-pass", [Role.ORGANIZER])
    contest = services.contests.create_contest("2026年采油厂职工技能比武")
    services.roster.add_judge(contest.id, "judge1", "张振华")
    services.roster.add_judge(contest.id, "zhou", "周明（裁判）")
    found = services.users.names(["zhou", "judge1", "system", "gone"])
    assert found == {"zhou": "周明", "judge1": "张振华"}  # the account's own name first


def test_a_judge_may_not_list_names(services: Services) -> None:
    judge = services.as_user(Actor("judge1", frozenset({Role.JUDGE})))
    with pytest.raises(PermissionDenied):
        judge.users.names(["zhou"])
