"""The hub's application over a copy of the demo database, driven by Starlette's test
client (httpx2) from a LAN address of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk.services.hub import Services
from tests.builders import copy_of_demo


@pytest.fixture(scope="module")
def shared_hub(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One demo copy for the tests of a module that change nothing a neighbour reads."""
    hub = Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("web")))
    yield hub
    hub.ctx.db.dispose()


@pytest.fixture
def hub(demo_template: Path, tmp_path: Path) -> Iterator[Services]:
    """A demo copy of the test's own, for tests that write."""
    services = Services.open(copy_of_demo(demo_template, tmp_path))
    yield services
    services.ctx.db.dispose()
