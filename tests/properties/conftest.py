"""Shared by the bad-input tests: a whole-database snapshot and the rule every way in keeps.

The rule (issue 11, part 4): fed anything, a parser or command either works or raises the
app's UserError with a message that says something; it never raises anything else, and a
refusal leaves every table as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import select

from contest_desk.errors import ImportRejected, UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import SmallEvent
from tests.services import conftest as service_fixtures

# Examples per property: modest, so that the whole set runs in well under a minute.
FEW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MANY = settings(max_examples=150, deadline=None)
# A command opens the database twice per example (the run and the snapshot): fewer.
COMMANDS = settings(FEW, max_examples=15)

Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot(services: Services) -> Snapshot:
    """Every row of every table, in a stable order."""
    with services.ctx.db.reading() as s:
        return {
            table.name: sorted(
                (tuple(row) for row in s.execute(select(table))), key=lambda r: repr(r)
            )
            for table in m.Base.metadata.sorted_tables
        }


def says_something(error: UserError) -> None:
    """A refusal's message is not empty, and a field it names is never blank unless the
    message quotes it ('{entry}'): "评分表中没有  的  这一格" says nothing."""
    assert error.message().strip()
    for name, value in error.params.items():
        if f"{{{name}}}" in error.msgid and not str(value).strip():
            assert f"'{{{name}}}'" in error.msgid, (error.msgid, error.params)
    if isinstance(error, ImportRejected):
        for problem in error.problems:
            says_something(problem)


def works_or_refuses(services: Services, action: Callable[[], object]) -> object | None:
    """Run ``action``: its result, or None after a UserError that changed no table."""
    before = snapshot(services)
    try:
        return action()
    except UserError as error:
        says_something(error)
        assert snapshot(services) == before
        return None


# The service tests' database and small event, shared rather than copied.
services = service_fixtures.services
small_event = service_fixtures.small_event


@pytest.fixture
def small(small_event: SmallEvent) -> SmallEvent:
    return small_event
