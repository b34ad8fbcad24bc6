"""A second PostgreSQL server of the tests' own, to stop and start in the middle of a test.

The shared test server (tests/pg_server.sh) serves every other test at the same time, so
the tests of a server going away never stop it: they start a throw-away cluster of their
own (initdb into a temporary folder, a free port, trust on loopback only, as
pg_server.sh does), stop it mid-entry and start it again on the same port.

Without PostgreSQL's programs the tests are skipped, saying so; when the run expects
PostgreSQL (CONTEST_DESK_TEST_PG is set) a missing program fails instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.services.hub import Services
from contest_desk.storage.db import open_database
from tests.databases import PG_ENV

USER = "contest_desk"
_NUMBERS = itertools.count(1)


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SecondServer:
    """A private cluster: ``url(name)`` of its databases, ``stop()`` and ``start()``."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="contest-desk-pg-gone-"))
        self.as_root = os.getuid() == 0
        if self.as_root:  # the server refuses to run as root: Debian's postgres user runs it
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.dir), "-U", USER, "--auth=trust", "-E", "UTF8",
                  "--no-locale")  # fmt: skip
        self.template = ""
        self.start()

    def _run(self, program: str, *args: str, check: bool = True) -> int:
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, check=check, capture_output=True, timeout=120)
        return done.returncode

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.dir), "status", check=False) == 0

    def start(self) -> None:
        if self.running():
            return
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")  # fmt: skip
        log = str(self.dir / "server.log")
        self._run("pg_ctl", "-D", str(self.dir), "-l", log, "-w", "-o", options, "start")

    def stop(self) -> None:
        """A fast shutdown: the server ends every session, as a restart by IT does."""
        if not self.running():
            return
        self._run("pg_ctl", "-D", str(self.dir), "-m", "fast", "-w", "stop")

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{name}"

    def new_database(self) -> str:
        """An empty database with the current schema (copied from a migrated template)."""
        admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT",
                              poolclass=NullPool)  # fmt: skip
        try:
            with admin.connect() as conn:
                if not self.template:
                    conn.execute(text('CREATE DATABASE "template_desk"'))
                    open_database(self.url("template_desk")).dispose()
                    self.template = "template_desk"
                name = f"desk_{next(_NUMBERS)}"
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"'))
        finally:
            admin.dispose()
        return self.url(name)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def lose_next_commit_answer(engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's next commit reaches the server and is done there, but its answer never
    comes back: the connection breaks right after (as when the server stops just then)."""
    dialect = engine.dialect
    real = dialect.do_commit

    def commit_then_lose(pooled: Any) -> None:
        real(pooled)
        monkeypatch.setattr(dialect, "do_commit", real)
        pooled.dbapi_connection.close()  # psycopg's own connection, under the pool's wrapper
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(dialect, "do_commit", commit_then_lose)


@pytest.fixture(scope="module")
def second_server() -> Iterator[SecondServer]:
    bin_dir = _bin()
    if bin_dir is None:
        if os.environ.get(PG_ENV):
            pytest.fail("PostgreSQL's programs (initdb, pg_ctl) are missing for the server tests")
        pytest.skip("the tests of a server going away need PostgreSQL's programs (initdb)")
    server = SecondServer(bin_dir)
    yield server
    server.close()


@pytest.fixture
def gone_url(second_server: SecondServer) -> Iterator[str]:
    """A fresh database on the second server, which is running when the test starts."""
    second_server.start()  # a test that failed while it was down left it stopped
    yield second_server.new_database()


@pytest.fixture
def services(gone_url: str) -> Iterator[Services]:
    """The services of a fresh database on the second server, in Chinese."""
    set_language(DEFAULT_LANGUAGE)
    services = Services.open(gone_url)
    yield services
    services.ctx.db.dispose()
