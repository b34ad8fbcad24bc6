"""Fixtures of the command-line tests: the organizer's password, one demo database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contest_desk.services.hub import Services
from tests.builders import copy_of_demo


@pytest.fixture(autouse=True)
def organizer_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")


@pytest.fixture(scope="package")
def demo_db(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return copy_of_demo(demo_template, tmp_path_factory.mktemp("cli"))


@pytest.fixture
def services(demo_db: str) -> Iterator[Services]:
    opened = Services.open(demo_db)
    yield opened
    opened.ctx.db.dispose()
