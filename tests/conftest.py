"""Test-wide settings and the databases tests run on.

Qt runs offscreen, set here so no caller has to. ``make test`` runs the tests on parallel
workers: tests/parallel.py says how.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.builders import copy_of_demo
from tests.databases import BACKENDS, Databases

os.environ["QT_QPA_PLATFORM"] = "offscreen"
pytest_plugins = ("tests.parallel",)


@pytest.fixture(scope="session")
def backends() -> Iterator[dict[str, Databases]]:
    """Each backend's databases, made when first asked for and kept to the end of the run.
    A parallel worker runs whole files, each file on SQLite then on PostgreSQL, so it goes
    from one backend to the other and back many times: ``databases`` alone would make a
    new migrated template and drop every database it made at each change."""
    made: dict[str, Databases] = {}
    yield made
    for each in made.values():
        each.close()


@pytest.fixture(scope="session", params=BACKENDS)
def databases(
    request: pytest.FixtureRequest,
    backends: dict[str, Databases],
    tmp_path_factory: pytest.TempPathFactory,
) -> Databases:
    """Every test that asks for a database runs once on SQLite and once on PostgreSQL."""
    backend: str = request.param
    if backend not in backends:
        backends[backend] = Databases(backend, tmp_path_factory.mktemp(backend))
    return backends[backend]


@pytest.fixture
def database_url(databases: Databases) -> Iterator[str]:
    """An empty database with the current schema, removed after the test."""
    url = databases.new()
    yield url
    databases.drop(url)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog no test answered would wait for a click forever and stall the run:
    fail at once instead, naming it. Tests answer dialogs by replacing the small ask_*
    helpers (and feedback.show_user_error) that open them."""
    try:
        from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
    except ImportError:  # the domain and service tests need no Qt
        return

    def refuse(name: str):
        def opened(*_args: object, **_kwargs: object) -> object:
            raise AssertionError(f"a test opened the modal {name}; answer it with monkeypatch")

        return opened

    for cls, names in (
        (QDialog, ("exec",)),
        (QMessageBox, ("exec",)),
        (QInputDialog, ("getText", "getItem", "getInt", "getDouble")),
        (QFileDialog, ("getOpenFileName", "getSaveFileName", "getExistingDirectory")),
    ):
        for name in names:
            monkeypatch.setattr(cls, name, refuse(f"{cls.__name__}.{name}"))


@contextmanager
def environment(name: str, value: Path) -> Iterator[Path]:
    """``name`` set to ``value`` for the block, as it was afterwards."""
    before = os.environ.get(name)
    os.environ[name] = str(value)
    try:
        yield value
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


@pytest.fixture(autouse=True, scope="session")
def attachment_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Attached files go to one folder for the run, never the user's data directory.
    (Files are kept by their hash, so tests can share it.)"""
    with environment("CONTEST_DESK_FILES", tmp_path_factory.mktemp("files")) as folder:
        yield folder


@pytest.fixture(autouse=True, scope="session")
def desk_key_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The desk's anchor key and journal live in a folder of the run, never the user's."""
    path = tmp_path_factory.mktemp("desk") / "desk-key.json"
    with environment("CONTEST_DESK_ANCHOR_KEY", path):
        yield path


@pytest.fixture(scope="session")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, attachment_files: Path, desk_key_file: Path
) -> Path:
    """The demo, built once for the run (a few seconds each time): tests that only start
    from a demo database get a copy of this file (``demo_copy``)."""
    from contest_desk.services.demo.build import build_demo
    from contest_desk.services.hub import Services

    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    services = Services.open(str(path))
    build_demo(services)
    services.ctx.db.dispose()  # the last connection closed: the WAL is folded into the file
    return path


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> str:
    return copy_of_demo(demo_template, tmp_path)
