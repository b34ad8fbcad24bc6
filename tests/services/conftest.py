"""A real SQLite database per test, and a small scored event to work on."""

from __future__ import annotations

from pathlib import Path

import pytest

from contest_desk.services.hub import Services
from tests.builders import SmallEvent, build_small_event


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return Services.open(str(tmp_path / "desk.db"))


@pytest.fixture
def small_event(services: Services) -> SmallEvent:
    return build_small_event(services)
