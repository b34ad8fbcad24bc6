"""The permission check every public service method makes before it does anything.

``@requires(Action.X)`` marks a method with the action it performs; the check runs
first, before any argument is looked at, so a refused call changes and reveals nothing.
``@open_to_all`` marks the few calls anyone may make (logging in, the first run).
tests/services/test_permissions.py walks every public method and checks the table.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol, TypeVar, cast

from contest_desk.domain.permissions import ACTION_NAMES, Action
from contest_desk.errors import PermissionDenied
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext

F = TypeVar("F", bound=Callable[..., Any])


class HasContext(Protocol):
    ctx: ServiceContext


def check(ctx: ServiceContext, action: Action) -> None:
    if not ctx.actor.may(action):
        raise PermissionDenied(
            "{user} may not {action}", user=ctx.actor.username, action=_(ACTION_NAMES[action])
        )


def requires(action: Action) -> Callable[[F], F]:
    """Mark a service method with its action and check it before the method runs."""

    def wrap(method: F) -> F:
        @wraps(method)
        def guarded(self: HasContext, *args: Any, **kwargs: Any) -> Any:
            check(self.ctx, action)
            return method(self, *args, **kwargs)

        guarded.required_action = action  # type: ignore[attr-defined]
        return cast(F, guarded)

    return wrap


def open_to_all(method: F) -> F:
    method.required_action = None  # type: ignore[attr-defined]
    return method
