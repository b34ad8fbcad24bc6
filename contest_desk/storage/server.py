"""A database on a PostgreSQL server: the desks' rights, computed from the models, and
what the server says about a role (its rights, the schema's state), for
``contest-desk server init|grant|check``.

Two roles (README, "A database server for many desks"): an owner that runs the
migrations and owns every table (IT, ``server init``), and the desks' role, which reads
and writes rows and nothing more. The desks' rights are worked out here from the
models, so a table a later migration adds is covered by the next ``server grant``:
- every table: SELECT, INSERT, UPDATE;
- DELETE only on the tables the services delete rows from (``DELETED_FROM``; a test
  walks the services' delete statements and fails when one deletes elsewhere);
- the audit trail is append-only: its rows and anchors are only added, and the head
  row (the chain's last link) only moved on, so no desk can rewrite or drop history;
- USAGE of the sequences behind the tables' ids; the version table read-only.
A foreign key's ON DELETE action runs with the rights of the table's owner, not the
desk's, so cascades need no DELETE of their own.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, func, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from contest_desk.storage import models as m
from contest_desk.storage import reach
from contest_desk.storage.revisions import VERSION_TABLE

# How long to wait for the server before saying it does not answer: IT is waiting.
CONNECT_SECONDS = reach.TEST_TIMEOUT

ROWS = ("SELECT", "INSERT", "UPDATE")
# The tables whose rows the services remove (see the module's docstring).
DELETED_FROM = frozenset(
    {
        "scores",  # marks cleared, stale scores replaced by an import
        "timings",  # a timing cleared
        "entry_assignments",  # assignments redone
        "entries",  # an entry withdrawn before it has scores
        "judge_assignments",  # a judge taken off an event
        "criteria",  # a rubric replaced (criteria gone from it)
        "parts",  # an event's parts changed
        "rounds",  # an event's rounds cut back
        "labor_indicators",  # an indicator without values removed
        "persons",  # a person added by mistake, whom no row names
        "certificate_templates",  # a contest's own template no certificate came from
    }
)
# Tables with narrower rights than ROWS.
NARROWER: Mapping[str, tuple[str, ...]] = {
    "audit_log": ("SELECT", "INSERT"),
    "audit_anchors": ("SELECT", "INSERT"),
    "audit_head": ("SELECT", "UPDATE"),  # made by the migration, moved on by each change
}
TABLE_RIGHTS = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def table_rights() -> dict[str, tuple[str, ...]]:
    """Every table of the schema and the rights a desk has on it, version table included."""
    rights: dict[str, tuple[str, ...]] = {VERSION_TABLE: ("SELECT",)}
    for table in m.Base.metadata.sorted_tables:
        own = NARROWER.get(table.name, ROWS)
        rights[table.name] = (*own, "DELETE") if table.name in DELETED_FROM else own
    return rights


def sequences() -> dict[str, str]:
    """The sequences a desk takes new ids from, by the table they serve: those of the
    tables it inserts into, by PostgreSQL's name for a serial column's sequence."""
    rights = table_rights()
    found = {}
    for table in m.Base.metadata.sorted_tables:
        column = table.autoincrement_column
        if column is not None and "INSERT" in rights[table.name]:
            found[table.name] = f"{table.name}_{column.name}_seq"
    return found


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def grant_statements(database: str, role: str) -> list[str]:
    """The SQL that gives ``role`` exactly a desk's rights on ``database`` (run by its
    owner): everything on the schema's tables revoked first, then granted again."""
    r, tables = _ident(role), table_rights()
    statements = [
        f"GRANT CONNECT ON DATABASE {_ident(database)} TO {r}",
        f"GRANT USAGE ON SCHEMA public TO {r}",
    ]
    for table, rights in tables.items():
        statements.append(f"REVOKE ALL ON TABLE {_ident(table)} FROM {r}")
        statements.append(f"GRANT {', '.join(rights)} ON TABLE {_ident(table)} TO {r}")
    for sequence in sequences().values():
        statements.append(f"GRANT USAGE ON SEQUENCE {_ident(sequence)} TO {r}")
    return statements


# Reaching the server -------------------------------------------------------------------


def server_url(url: str) -> URL:
    """``url`` as SQLAlchemy reads it; only PostgreSQL is a server here."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(parsed.get_backend_name())
    return parsed


def address(url: URL) -> tuple[str, int] | None:
    """The host and port a URL reaches by TCP; None for a local socket."""
    host = url.host or ""
    if not host or host.startswith("/"):
        return None
    return host, url.port or 5432


def tcp_reachable(host: str, port: int, seconds: float = CONNECT_SECONDS) -> str | None:
    """None when something accepts a TCP connection at host:port, else the reason."""
    try:
        with socket.create_connection((host, port), timeout=seconds):
            return None
    except TimeoutError:
        return "timeout"
    except OSError as error:
        return type(error).__name__ if not error.strerror else error.strerror


def engine_for(url: URL) -> Engine:
    """An engine for one look at the server: no pool, a short connect timeout."""
    return create_engine(
        url, poolclass=NullPool, hide_parameters=True, **reach.connect_args(url, CONNECT_SECONDS)
    )


@dataclass(frozen=True)
class Refusal:
    """Why the server refused a connection: PostgreSQL's SQLSTATE and its first line."""

    sqlstate: str
    text: str


def refusal(error: DBAPIError) -> Refusal:
    original = error.orig
    state = getattr(original, "sqlstate", None) or ""
    first = (str(original).strip().splitlines() or [""])[0]
    return Refusal(state, first)


@contextmanager
def connected(url: URL) -> Iterator[Connection]:
    """One connection to the server, in a transaction rolled back at the end."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


# What the server says ------------------------------------------------------------------


@dataclass(frozen=True)
class RoleFacts:
    """The connected role, as the server sees it."""

    name: str
    superuser: bool
    owns_tables: bool  # it (or a role it belongs to) owns tables of the schema
    may_create: bool  # it may create tables in the schema
    tls: bool


def role_facts(conn: Connection) -> RoleFacts:
    row = conn.execute(
        text(
            "SELECT current_user, r.rolsuper,"
            " EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public'"
            "   AND pg_has_role(current_user, t.tableowner, 'USAGE')),"
            " has_schema_privilege('public', 'CREATE'),"
            " COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)"
            " FROM pg_roles r WHERE r.rolname = current_user"
        )
    ).one()
    return RoleFacts(*row)


def existing_tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names(schema="public"))


def missing_rights(conn: Connection) -> list[tuple[str, str]]:
    """(table or sequence, right) pairs a desk needs and the connected role lacks; tables
    an older schema does not have yet are left to the schema's check."""
    present = existing_tables(conn)
    wanted = [(t, r) for t, rights in table_rights().items() if t in present for r in rights]
    missing = _lacking(conn, "has_table_privilege", wanted)
    used = [(s, "USAGE") for t, s in sequences().items() if t in present]
    return missing + _lacking(conn, "has_sequence_privilege", used)


def extra_rights(conn: Connection) -> list[tuple[str, str]]:
    """Rights on the audit trail beyond a desk's: with them a desk could rewrite history."""
    present = existing_tables(conn)
    beyond = [
        (table, right)
        for table, allowed in NARROWER.items()
        if table in present
        for right in TABLE_RIGHTS
        if right not in allowed
    ]
    lacking = set(_lacking(conn, "has_table_privilege", beyond))
    return [pair for pair in beyond if pair not in lacking]


def _lacking(
    conn: Connection, function: str, pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The pairs whose right the connected role does not have, asked in one query."""
    if not pairs:
        return []
    query = text(
        "SELECT name, right_ FROM unnest(CAST(:names AS text[]), CAST(:rights AS text[]))"
        f" WITH ORDINALITY AS v(name, right_, n) WHERE NOT {function}(name, right_) ORDER BY n"
    )
    names, rights = [p[0] for p in pairs], [p[1] for p in pairs]
    return [(n, r) for n, r in conn.execute(query, {"names": names, "rights": rights})]


def has_accounts(conn: Connection) -> bool:
    return bool(conn.scalar(select(func.count()).select_from(m.User)))


def role_exists(conn: Connection, role: str) -> bool:
    found = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    return found is not None


def grant(conn: Connection, database: str, role: str) -> None:
    """Give ``role`` a desk's rights (``grant_statements``) on the connection's database."""
    for statement in grant_statements(database, role):
        conn.exec_driver_sql(statement)


def may_read(conn: Connection, table: str) -> bool:
    return not _lacking(conn, "has_table_privilege", [(table, "SELECT")])


def desk_roles(conn: Connection) -> list[str]:
    """The roles given a desk's rights before: those granted rows of the audit trail by
    its owner (the owner and superusers need no grant)."""
    query = text(
        "SELECT DISTINCT r.rolname FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a"
        " JOIN pg_roles r ON r.oid = a.grantee"
        " WHERE c.oid = CAST('audit_log' AS regclass) AND a.grantee <> c.relowner"
        " AND a.privilege_type = 'INSERT' ORDER BY r.rolname"
    )
    return list(conn.scalars(query))


def known_revisions(migrations: Path) -> set[str]:
    """Every revision of this version's migrations: a database at any other one was
    made by a newer Contest Desk."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
