"""Test-wide settings and the databases tests run on.

Qt runs offscreen, set here so no caller has to.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.databases import BACKENDS, Databases

os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(scope="session", params=BACKENDS)
def databases(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """Every test that asks for a database runs once on SQLite and once on PostgreSQL."""
    backend = request.param
    made = Databases(backend, tmp_path_factory.mktemp(backend))
    yield made
    made.close()


@pytest.fixture
def database_url(databases: Databases) -> Iterator[str]:
    """An empty database with the current schema, removed after the test."""
    url = databases.new()
    yield url
    databases.drop(url)
