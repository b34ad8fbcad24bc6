"""Fixtures of the command-line tests: the organizer's password, one demo database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contest_desk.cli import main
from contest_desk.services.hub import Services


@pytest.fixture(autouse=True)
def organizer_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "organizer-2026")


@pytest.fixture(scope="package")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "demo.db")
    assert main(["--db", path, "demo"]) == 0
    return path


@pytest.fixture
def services(demo_db: str) -> Iterator[Services]:
    opened = Services.open(demo_db)
    yield opened
    opened.ctx.db.dispose()
