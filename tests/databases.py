"""Fresh real databases for tests: an SQLite file, or a database on a PostgreSQL server.

The services must behave the same on the embedded SQLite file and on the PostgreSQL
server that many seats share, so the service tests run on both. ``make test`` starts a
local server and passes its URL in ``CONTEST_DESK_TEST_PG``; each test gets a database
of its own, copied from a migrated template (CREATE DATABASE … TEMPLATE takes a tenth of
the time of running the migrations again).
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import URL, Engine

from contest_desk.storage.db import open_database

BACKENDS = ("sqlite", "postgresql")
PG_ENV = "CONTEST_DESK_TEST_PG"
_NUMBERS = itertools.count(1)  # shared, so that two servers' helpers never pick one name


class PostgresDatabases:
    """Creates and drops databases on one server, named after this test process."""

    def __init__(self, url: str) -> None:
        self.base: URL = make_url(url)
        self.admin: Engine = create_engine(self.base, isolation_level="AUTOCOMMIT")
        self.prefix = f"cd_test_{os.getpid()}"
        self.template = f"{self.prefix}_template_{next(_NUMBERS)}"
        self._made_template = False
        self.free: list[str] = []  # emptied databases, ready for the next test
        self.made: list[str] = []

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def _url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def new(self) -> str:
        if not self._made_template:
            self._execute(f'DROP DATABASE IF EXISTS "{self.template}"')
            self._execute(f'CREATE DATABASE "{self.template}"')
            open_database(self._url(self.template)).dispose()
            self._made_template = True
        if self.free:
            return self._url(self.free.pop())
        name = f"{self.prefix}_{next(_NUMBERS)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self.made.append(name)
        return self._url(name)

    def empty(self) -> str:
        """A database with no schema at all (not even alembic's table)."""
        name = f"{self.prefix}_{next(_NUMBERS)}"
        self._execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return self._url(name)

    def drop(self, url: str) -> None:
        """Empty the database (the schema stays) and keep it for the next test."""
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                tables = conn.scalars(
                    text(
                        "SELECT quote_ident(tablename) FROM pg_tables"
                        " WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
                    )
                ).all()
                conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        finally:
            engine.dispose()
        name = make_url(url).database
        assert name is not None
        self.free.append(name)

    def close(self) -> None:
        for name in [*self.made, *([self.template] if self._made_template else [])]:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.dispose()


class Databases:
    """Hands out empty, migrated databases of one backend and removes them afterwards."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.folder = folder
        self.counter = itertools.count(1)
        self.server: PostgresDatabases | None = None
        if backend == "postgresql":
            url = os.environ.get(PG_ENV)
            if not url:
                pytest.skip(f"PostgreSQL tests need {PG_ENV} (make test starts a server)")
            self.server = PostgresDatabases(url)

    def new(self) -> str:
        if self.server is not None:
            return self.server.new()
        template = self.folder / "template.db"
        if not template.exists():
            open_database(template).dispose()
        path = self.folder / f"desk{next(self.counter)}.db"
        shutil.copyfile(template, path)
        return str(path)

    def drop(self, url: str) -> None:
        if self.server is not None:
            self.server.drop(url)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
