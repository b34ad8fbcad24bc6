"""``contest-desk server init|upgrade|grant|check`` on the private PostgreSQL test server:
an owner role that makes the tables, a desk role with only a desk's rights, and what the
check says about each."""

from __future__ import annotations

import io
import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ProgrammingError

from contest_desk.services.hub import Services
from contest_desk.storage.db import MIGRATIONS, Database
from contest_desk.storage.reach import server_name as server_name_of_url
from contest_desk.storage.revisions import newest_revision
from contest_desk.storage.upgrade import run_migrations
from tests.cli.helpers import run
from tests.databases import PG_ENV

NUMBERS = itertools.count(1)
ADMIN_PASSWORD = "admin-2026"
DESK_PASSWORD = "desk-secret-77"  # in the desk's URL: never printed
OWNER_PASSWORD = "owner-secret-88"


@dataclass(frozen=True)
class Place:
    owner_url: str
    desk_url: str
    desk: str
    database: str


@pytest.fixture(scope="module")
def cluster() -> Iterator[Engine]:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"the server commands are tested on PostgreSQL: set {PG_ENV}")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _sql(engine: Engine, *statements: str) -> None:
    with engine.connect() as conn:
        for statement in statements:
            conn.execute(text(statement))


def _as_owner(place: Place, statement: str) -> None:
    engine = create_engine(place.owner_url, isolation_level="AUTOCOMMIT")
    try:
        _sql(engine, statement)
    finally:
        engine.dispose()


@pytest.fixture
def place(cluster: Engine) -> Iterator[Place]:
    """A new database owned by a role of its own, and a desk role with no rights yet."""
    n = f"{os.getpid()}_{next(NUMBERS)}"
    owner, desk, database = f"cd_srv_owner_{n}", f"cd_srv_desk_{n}", f"cd_srv_{n}"
    _sql(
        cluster,
        f"CREATE ROLE {owner} LOGIN PASSWORD '{OWNER_PASSWORD}'",
        f"CREATE DATABASE {database} OWNER {owner}",
        f"CREATE ROLE {desk} LOGIN PASSWORD '{DESK_PASSWORD}'",
    )
    base = cluster.url.set(database=database)
    yield Place(
        base.set(username=owner, password=OWNER_PASSWORD).render_as_string(False),
        base.set(username=desk, password=DESK_PASSWORD).render_as_string(False),
        desk,
        database,
    )
    _sql(
        cluster,
        f"DROP DATABASE IF EXISTS {database} WITH (FORCE)",
        f"DROP ROLE IF EXISTS {desk}",
        f"DROP ROLE IF EXISTS {owner}",
    )


def _init(capsys: pytest.CaptureFixture[str], url: str) -> tuple[int, str, str]:
    os.environ["CONTEST_DESK_NEW_PASSWORD"] = ADMIN_PASSWORD
    try:
        return run(capsys, "server", "init", url, "--admin", "admin", "--name", "管理员")
    finally:
        del os.environ["CONTEST_DESK_NEW_PASSWORD"]


@pytest.fixture
def ready(place: Place, capsys: pytest.CaptureFixture[str]) -> Place:
    """The place after server init and server grant."""
    assert _init(capsys, place.owner_url)[0] == 0
    assert run(capsys, "server", "grant", place.owner_url, "--role", place.desk)[0] == 0
    return place


def _marks(out: str) -> dict[str, str]:
    """The check's lines by their first words after the mark: mark per line."""
    return {line[2:]: line[0] for line in out.splitlines() if line[:1] in "✓✗!"}


# server init ---------------------------------------------------------------------------


def test_init_makes_the_tables_and_the_first_administrator(
    place: Place, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(ADMIN_PASSWORD + "\n"))
    status, out, err = run(
        capsys, "server", "init", place.owner_url, "--admin", "boss", "--password-stdin"
    )
    assert (status, err) == (0, "")
    assert "boss" in out and OWNER_PASSWORD not in out
    db = Database(place.owner_url)
    try:
        assert db.revision() == db.head()
        services = Services.build(db)
        actor = services.users.authenticate("boss", ADMIN_PASSWORD)
        assert [r.value for r in actor.roles] == ["admin"]
    finally:
        db.dispose()


def test_init_refuses_a_database_that_is_set_up(
    ready: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _init(capsys, ready.owner_url)
    assert status == 2 and out == ""
    assert "set up already" in err and OWNER_PASSWORD not in err
    db = Database(ready.owner_url)
    try:
        assert [u.username for u in Services.build(db).users.users()] == ["admin"]
    finally:
        db.dispose()


def test_init_refuses_a_database_holding_other_tables(
    place: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    _as_owner(place, "CREATE TABLE payroll (id integer)")
    status, _out, err = _init(capsys, place.owner_url)
    assert status == 2
    assert "1 other table(s)" in err
    db = Database(place.owner_url)
    assert db.revision() is None
    db.dispose()


def test_init_refuses_an_sqlite_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(capsys, "server", "init", "sqlite:////tmp/x.db", "--admin", "a")
    assert status == 2 and "PostgreSQL URL" in err


# server grant --------------------------------------------------------------------------


def test_grant_prints_the_sql_an_it_person_can_read(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(
        capsys, "server", "grant", "postgresql+psycopg://o@h/contests", "--role", "desks", "--print"
    )
    assert status == 0
    lines = out.splitlines()
    assert 'GRANT CONNECT ON DATABASE "contests" TO "desks";' in lines
    assert 'GRANT SELECT, INSERT ON TABLE "audit_log" TO "desks";' in lines
    assert 'GRANT SELECT, UPDATE ON TABLE "audit_head" TO "desks";' in lines
    assert 'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "scores" TO "desks";' in lines
    assert 'GRANT SELECT, INSERT, UPDATE ON TABLE "users" TO "desks";' in lines
    assert 'GRANT SELECT ON TABLE "alembic_version" TO "desks";' in lines


def test_grant_refuses_a_role_the_server_does_not_have(
    ready: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run(capsys, "server", "grant", ready.owner_url, "--role", "nobody_here")
    assert status == 2 and "no role nobody_here" in err


def test_the_desk_role_works_through_the_command_line(
    ready: Place, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("CONTEST_DESK_NEW_PASSWORD", "organizer-2026")
    desk = ("--db", ready.desk_url, "--user", "admin")
    assert run(capsys, *desk, "user", "add", "organizer", "--role", "organizer")[0] == 0
    status, out, _err = run(capsys, *desk, "audit", "verify")
    assert status == 0 and "intact: 2 rows" in out


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM audit_log",
        "UPDATE audit_log SET note = 'x'",
        "DELETE FROM audit_head",
        "TRUNCATE scores",
        "DELETE FROM users",
        "ALTER TABLE scores ADD COLUMN x integer",
        "DROP TABLE audit_anchors",
        "CREATE TABLE mine (x integer)",
    ],
)
def test_the_desk_role_cannot_rewrite_history_or_the_schema(ready: Place, statement: str) -> None:
    engine = create_engine(ready.desk_url)
    try:
        refused = pytest.raises(ProgrammingError, match=r"permission denied|must be owner")
        with refused, engine.begin() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


# server check --------------------------------------------------------------------------


def test_check_passes_for_a_desk_with_its_rights(
    ready: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = run(capsys, "server", "check", ready.desk_url)
    assert status == 0
    marks = _marks(out)
    assert marks == {
        f"The server {make_url(ready.desk_url).host}:{make_url(ready.desk_url).port} answers": "✓",
        f"The server accepts the log-in of {ready.desk}": "✓",
        f"The database {ready.database} exists": "✓",
        f"{ready.desk} is neither a superuser nor the tables' owner": "✓",
        f"{ready.desk} has a desk's rights, no more": "✓",
        f"The schema is this version's ({newest_revision(MIGRATIONS)})": "✓",
        "The audit trail is intact: 1 rows": "✓",
        next(k for k in marks if k.startswith("The connection is not encrypted")): "!",
    }
    assert DESK_PASSWORD not in out


def test_check_before_grant_names_the_missing_rights(
    place: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _init(capsys, place.owner_url)[0] == 0
    status, out, _err = run(capsys, "server", "check", place.desk_url)
    assert status == 1
    failed = [line for line in out.splitlines() if line.startswith("✗")]
    assert "lacks" in failed[0] and "SELECT alembic_version" in failed[0]
    assert f"server grant OWNER_URL --role {place.desk}" in failed[0]


def test_check_says_the_owner_is_no_role_for_a_desk(
    ready: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = run(capsys, "server", "check", ready.owner_url)
    assert status == 1
    assert any(k.startswith(f"{ready.desk.replace('desk', 'owner')} owns the tables") and v == "✗"
               for k, v in _marks(out).items())  # fmt: skip
    assert OWNER_PASSWORD not in out


def test_check_says_a_superuser_is_no_role_for_a_desk(
    ready: Place, cluster: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    superuser = cluster.url.set(database=ready.database).render_as_string(False)
    status, out, _err = run(capsys, "server", "check", superuser)
    assert status == 1
    assert f"✗ {cluster.url.username} is a superuser of the server" in out


def test_check_of_an_older_schema_asks_for_an_upgrade_which_renews_the_rights(
    place: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(place.owner_url)
    run_migrations(db, "0013_judge_tokens")  # an older version: before the scoring hub
    db.dispose()
    # A desk granted by an older version (the version table and the trail, for short).
    _as_owner(place, f"GRANT SELECT ON alembic_version, audit_log TO {place.desk}")
    _as_owner(place, f"GRANT INSERT ON audit_log TO {place.desk}")
    status, out, _err = run(capsys, "server", "check", place.desk_url)
    assert status == 1
    assert "✗ The schema is older (0013" in out and "server upgrade" in out
    # A desk opening it is told the same, and changes nothing.
    status, _out, err = run(capsys, "--db", place.desk_url, "contests")
    assert status == 2 and "IT upgrades it with contest-desk server upgrade" in err
    db = Database(place.owner_url)
    assert db.revision() == "0013_judge_tokens"
    db.dispose()

    status, out, _err = run(capsys, "server", "upgrade", place.owner_url)
    assert status == 0
    assert f"Desk rights renewed for: {place.desk}" in out
    _init(capsys, place.owner_url)
    status, out, _err = run(capsys, "server", "check", place.desk_url)
    assert status == 0, out


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            "UPDATE alembic_version SET version_num = '9999_future'",
            "✗ The schema (9999_future) was made by a newer Contest Desk",
        ),
        (
            "UPDATE audit_log SET note = 'edited' WHERE seq = 1",
            "✗ The audit trail is broken at row 1",
        ),
    ],
    ids=["newer-schema", "audit-row-changed"],
)
def test_check_finds_what_was_changed_behind_the_apps_back(
    ready: Place, change: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _as_owner(ready, change)
    status, out, _err = run(capsys, "server", "check", ready.desk_url)
    assert status == 1
    assert said in out


def test_check_of_a_missing_database(ready: Place, capsys: pytest.CaptureFixture[str]) -> None:
    url = make_url(ready.desk_url).set(database="no_such_db").render_as_string(False)
    status, out, _err = run(capsys, "server", "check", url)
    assert status == 1
    server_name = server_name_of_url(make_url(url))
    assert _marks(out)[f"The server accepts the log-in of {ready.desk}"] == "✓"
    assert _marks(out)[f"The server {server_name} has no database no_such_db"] == "✗"


def test_check_of_a_server_that_does_not_answer(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys, "server", "check", f"postgresql+psycopg://desk:{DESK_PASSWORD}@127.0.0.1:9/db"
    )
    assert (status, err) == (1, "")
    assert "✗ The server 127.0.0.1:9 does not answer" in out
    assert "firewall" in out and DESK_PASSWORD not in out


def test_check_speaks_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    from contest_desk.cli import main

    status = main(["server", "check", "postgresql+psycopg://desk@127.0.0.1:9/db"])
    out = capsys.readouterr().out
    assert status == 1
    assert "✗ 服务器 127.0.0.1:9 没有应答" in out


def test_check_in_json_for_scripts(ready: Place, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "server", "check", ready.desk_url, "--format", "json")
    said = json.loads(out)
    assert status == 0 and said["ok"] is True
    assert said["database"] == make_url(ready.desk_url).render_as_string(hide_password=True)
    verdicts = {c["check"]: c["verdict"] for c in said["checks"]}
    assert verdicts == {"reach": "ok", "login": "ok", "database": "ok", "role": "ok",
                        "rights": "ok", "schema": "ok", "audit": "ok", "tls": "warn"}  # fmt: skip
    assert DESK_PASSWORD not in out
