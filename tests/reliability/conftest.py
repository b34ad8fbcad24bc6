"""The crash harness's shared pieces: a demo database built once, and the figures each
scenario reports, printed at the end of the run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk.services.demo.build import build_demo
from contest_desk.services.hub import Services
from tests.reliability.harness import KILLS, SEED

FIGURES: list[str] = []


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed demo database to copy from."""
    path = tmp_path_factory.mktemp("crash") / "demo.db"
    services = Services.open(str(path))
    build_demo(services)
    services.ctx.db.dispose()
    return path


@pytest.fixture
def figures() -> Iterator[list[str]]:
    """Lines for the closing note: what a scenario did and found."""
    yield FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section(f"crash harness (kills {KILLS}, seed {SEED})")
        for line in FIGURES:
            terminalreporter.write_line(line)
