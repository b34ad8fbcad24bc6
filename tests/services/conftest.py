"""A real database per test (SQLite and PostgreSQL), and a small scored event to work on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contest_desk.services.hub import Services
from tests.builders import SmallEvent, build_small_event


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    services = Services.open(database_url)
    yield services
    services.ctx.db.dispose()


@pytest.fixture
def small_event(services: Services) -> SmallEvent:
    return build_small_event(services)
