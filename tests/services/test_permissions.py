"""The permission table is enforced by every public service method, for every role."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from contest_desk.domain.permissions import PERMISSIONS, Action, Actor, Role
from contest_desk.errors import PermissionDenied
from contest_desk.services.hub import Services


def public_methods(services: Services) -> Iterator[tuple[str, Any]]:
    for field in services.__dataclass_fields__:
        if field == "ctx":
            continue
        service = getattr(services, field)
        for name, method in inspect.getmembers(service, inspect.ismethod):
            if not name.startswith("_"):
                yield f"{field}.{name}", method


def placeholders(method: Any) -> list[Any]:
    """Arguments of the right count; the permission check runs before any is looked at."""
    params = inspect.signature(method).parameters.values()
    return [None for p in params if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD]


def test_every_public_method_names_its_action(services: Services) -> None:
    unmarked = [
        name for name, method in public_methods(services) if not hasattr(method, "required_action")
    ]
    assert unmarked == []


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_allowed_exactly_what_the_table_says(services: Services, role: Role) -> None:
    acting = services.as_user(Actor(f"someone_{role.value}", frozenset({role})))
    checked = 0
    for name, method in public_methods(acting):
        action: Action | None = method.required_action
        if action is None:
            continue  # open to all: logging in, the first run, one's own password
        checked += 1
        try:
            method(*placeholders(method))
        except PermissionDenied as refused:
            assert role not in PERMISSIONS[action], f"{name} refused to {role}"
            assert refused.params["user"] == f"someone_{role.value}"
        except Exception:  # past the check: the placeholders fail further on
            assert role in PERMISSIONS[action], f"{name} let {role} through"
        else:
            assert role in PERMISSIONS[action], f"{name} let {role} through"
    assert checked > 30


def test_a_refusal_says_who_and_what_in_chinese(services: Services) -> None:
    judge = services.as_user(Actor("judge1", frozenset({Role.JUDGE})))
    with pytest.raises(PermissionDenied) as refused:
        judge.contests.create_contest("比武")
    assert refused.value.message() == "用户 judge1 无权修改竞赛、项目和评分细则"
    assert services.contests.contests() == []  # nothing was written
