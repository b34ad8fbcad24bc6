"""A pytest plugin: the PostgreSQL tests' databases used through a desk's role, with only the
rights ``contest-desk server grant`` gives, instead of the server's superuser.

    CONTEST_DESK_TEST_PG=$(bash tests/pg_server.sh) .venv/bin/pytest -p tests.cli.desk_role \
        tests/services/…

(``make desk-role-test`` runs the service tests so.) Each database is made and emptied by
the superuser as before (tests/databases.py); the tests themselves connect as the desk
role, so a service that needs a right the grants leave out fails its tests here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

from contest_desk.storage import server
from tests import databases

ROLE = f"cd_test_desk_{os.getpid()}"
HEAD = (
    "INSERT INTO audit_head (id, seq, hash) SELECT 1, 0, repeat('0', 64)"
    " WHERE NOT EXISTS (SELECT 1 FROM audit_head)"
)


def _as_desk(new: Callable[[databases.PostgresDatabases], str]) -> Callable[..., str]:
    def made(self: databases.PostgresDatabases) -> str:
        url = new(self)
        name = str(make_url(url).database)
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                server.grant(conn, name, ROLE)
                # The chain's head row, as the migration makes it: an emptied database
                # (TRUNCATE) lost it, and a desk may only move it on, not make it.
                conn.execute(text(HEAD))
        finally:
            engine.dispose()
        return make_url(url).set(username=ROLE, password=None).render_as_string(False)

    return made


def _as_owner(drop: Callable[[databases.PostgresDatabases, str], None]) -> Callable[..., None]:
    def dropped(self: databases.PostgresDatabases, url: str) -> None:
        owner = make_url(url).set(username=self.base.username, password=self.base.password)
        drop(self, owner.render_as_string(False))

    return dropped


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get(databases.PG_ENV)
    if not url:
        return
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not server.role_exists(conn, ROLE):
            conn.execute(text(f'CREATE ROLE "{ROLE}" LOGIN'))
    admin.dispose()
    patch: Any = databases.PostgresDatabases
    patch.new = _as_desk(patch.new)
    patch.drop = _as_owner(patch.drop)
    config.add_cleanup(_drop_role(url))


# Tests that change the audit trail behind the app's back (to show that verify finds it):
# through a desk's role that is refused, which is the point of the grants.
TAMPERING = (
    "test_anchors.py::test_a_row_edited_and_the_chain_rehashed_is_caught_by_the_anchor",
    "test_anchors.py::test_rows_removed_from_the_end_with_the_head_rewritten_are_caught",
    "test_anchors.py::test_a_forged_anchor_in_the_database_is_named",
    "test_anchors.py::test_a_garbled_anchor_row_or_journal_line_is_named_or_passed_over",
    "test_audit.py::test_a_row_edited_behind_the_apps_back_is_found",
    "test_audit.py::test_a_deleted_row_is_found",
    "test_audit.py::test_an_actor_changed_in_sql_is_found",
    "test_audit.py::test_a_state_record_not_as_the_app_writes_it_gives_differences_not_a_traceback",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    refused = pytest.mark.skip(reason="edits the audit trail in SQL: a desk's role may not")
    for item in items:
        if item.nodeid.split("[")[0].endswith(TAMPERING):
            item.add_marker(refused)


def _drop_role(url: str) -> Callable[[], None]:
    def drop() -> None:
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                # Its grants were in the test databases, dropped by now.
                conn.execute(text(f'DROP ROLE IF EXISTS "{ROLE}"'))
        finally:
            admin.dispose()

    return drop
