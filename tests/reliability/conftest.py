"""The crash harness's shared pieces: a demo database to copy from, and the figures each
scenario reports, printed at the end of the run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.builders import copy_of_demo
from tests.parallel import FIGURE
from tests.reliability.harness import KILLS, SEED


@pytest.fixture(scope="session")
def demo_database(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed demo database of the harness's own, copied from the run's demo."""
    return Path(copy_of_demo(demo_template, tmp_path_factory.mktemp("crash")))


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Lines for the closing note: what a scenario did and found. They go with the test's
    report, so that they reach the end of the run from a parallel worker too."""
    lines: list[str] = []
    yield lines
    section = f"crash harness (kills {KILLS}, seed {SEED})"
    request.node.user_properties.extend((FIGURE, (section, line)) for line in lines)
