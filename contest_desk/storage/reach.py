"""Whether a database can be reached, and if not, why, in the words a clerk can act on.

A server that does not answer must fail in seconds, not after the system's TCP timeout
(two minutes on Windows): every connection to a PostgreSQL server gets a connect timeout
unless its URL names one. The driver's messages ("connection failed: connection to
server at … failed: FATAL: …") are turned into one plain sentence each: unreachable,
refused, unknown host, wrong password, no such user or database, no TLS.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from contest_desk.i18n import N_, _
from contest_desk.storage.revisions import VERSION_TABLE, current_revision, newest_revision

# Seconds a connection to a server may take before it is given up. libpq's own minimum
# is 2 s; a server on the plant's LAN answers in milliseconds.
CONNECT_TIMEOUT = 10
# The connection dialog's "test connection": someone is waiting for the answer.
TEST_TIMEOUT = 5

# Drivers built on libpq, which take ``connect_timeout`` (seconds) among their options.
_LIBPQ_DRIVERS = ("psycopg", "psycopg2")


class CannotConnect(ConnectionError):
    """The database server cannot be reached, or refused this connection. Its text is the
    plain sentence (already translated); an OSError, so that the command line says it in
    one line and exits with the status of a database that cannot be opened."""


def connect_args(url: str | URL, timeout: int | None = None) -> dict[str, Any]:
    """Options for ``create_engine``: a connect timeout for a libpq server whose URL names
    none (a URL's own ``connect_timeout`` wins)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.get_driver_name() not in _LIBPQ_DRIVERS:
        return {}
    if "connect_timeout" in parsed.query:
        return {}
    return {"connect_args": {"connect_timeout": timeout or CONNECT_TIMEOUT}}


def server_name(url: URL) -> str:
    """host:port as people write it (the port only when it is not PostgreSQL's 5432)."""
    host = url.host or "localhost"
    return f"{host}:{url.port}" if url.port and url.port != 5432 else host


def _driver_text(error: BaseException) -> str:
    """The driver's own message: SQLAlchemy wraps it in ``orig``."""
    orig = getattr(error, "orig", None)
    return str(orig if orig is not None else error)


_NO_HOST = N_("Cannot find the server {host}: check its name, or use its IP address")
# (what the driver says, in lower case) → the sentence; the first that matches is said.
_SAID = (
    ("timeout expired", N_(
        "Cannot connect to the server {server} (timed out): is the address right, is the "
        "server on, and does its firewall let the port through?")),
    ("connection refused", N_(
        "Cannot connect to the server {server} (refused): nothing listens on that port; is "
        "the database server running, and is the port right?")),
    ("failed to resolve host", _NO_HOST),
    ("could not translate host name", _NO_HOST),
    ("password authentication failed", N_("The server {server} refused the password of {user}")),
    ("no password supplied", N_("The server {server} asks for the password of {user}")),
    ("no pg_hba.conf entry", N_(
        "The server {server} does not let this computer in: IT adds it to the server's "
        "pg_hba.conf")),
    ("permission denied for database", N_(
        "The user {user} may not connect to the database {database}")),
    ("server does not support ssl", N_("The server {server} offers no encrypted connection (TLS)")),
    # Last: pg_hba.conf's refusal names the role and the database too.
    ('role "', N_("The server {server} has no user {user}")),
    ('database "', N_("The server {server} has no database {database}")),
)  # fmt: skip


def explain(error: BaseException, url: str | URL) -> CannotConnect | None:
    """The plain sentence for a failed connection to the server at ``url``; None for an
    error that is not about connecting (a bug, a full disk…), which stays what it is."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return None
    text = _driver_text(error)
    lowered = text.lower()
    if not (
        lowered.startswith(("connection failed", "failed to resolve host"))
        or "timeout expired" in lowered
        or "could not translate host name" in lowered
    ):
        return None
    fields = {
        "server": server_name(parsed),
        "host": parsed.host or "localhost",
        "user": parsed.username or "",
        "database": parsed.database or "",
    }
    for clue, msgid in _SAID:
        if clue in lowered:
            return CannotConnect(_(msgid, **fields))
    # Anything else: the server's own words, after libpq's "connection to server at … failed:".
    first = (text.strip().splitlines() or [""])[0]
    reason = first.rsplit(" failed: ", 1)[-1].strip() or type(error).__name__
    return CannotConnect(_("Cannot connect to the server {server}: {reason}", reason=reason,
                           server=fields["server"]))  # fmt: skip


@contextmanager
def plainly(url: str | URL) -> Iterator[None]:
    """Inside the block, a failed connection to the server at ``url`` is a CannotConnect."""
    try:
        yield
    except Exception as error:
        plain = explain(error, url)
        if plain is None:
            raise
        raise plain from error


@dataclass(frozen=True)
class Reached:
    """What a test of a connection found: whether opening it will work, and in words."""

    ok: bool
    message: str


def check(path_or_url: str, migrations: Path) -> Reached:
    """Try a database without opening it for work (no lock, no upgrade): a server with a
    short timeout, a file read-only. Says whether its schema is this program's, older
    (upgraded when opened), empty (made when opened) or newer (refused)."""
    if "://" not in path_or_url:
        return _check_file(Path(path_or_url).expanduser(), migrations)
    url = make_url(path_or_url)
    if url.get_backend_name() == "sqlite":
        return _check_file(Path(url.database or ""), migrations)
    engine = create_engine(url, poolclass=NullPool, **connect_args(url, TEST_TIMEOUT))
    try:
        with plainly(url):
            revision, tables = _schema(engine)
    except CannotConnect as error:
        return Reached(False, str(error))
    finally:
        engine.dispose()
    return _verdict(revision, tables, migrations)


def _schema(engine: Any) -> tuple[str | None, list[str]]:
    revision = current_revision(engine)
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
    return revision, tables


def _check_file(path: Path, migrations: Path) -> Reached:
    if not path.name or path.is_dir():
        return Reached(False, _("Choose a file, not a folder"))
    if not path.exists():
        folder = next((p for p in path.parents if p.exists()), None)
        if folder is None or not folder.is_dir():
            return Reached(False, _("The folder {folder} does not exist", folder=path.parent))
        return Reached(True, _("The file does not exist yet: an empty database is made there"))
    # Read-only and without the desk's lock: another window may have the file open.
    where = path.resolve().as_uri()  # percent-escaped, file:///C:/… on Windows
    url = URL.create("sqlite", database=where, query={"mode": "ro", "uri": "true"})
    engine = create_engine(url, poolclass=NullPool)
    try:
        revision, tables = _schema(engine)
    except Exception as error:
        reason = _driver_text(error).strip().splitlines()[-1]
        if not isinstance(getattr(error, "orig", error), sqlite3.DatabaseError):
            raise
        return Reached(False, _("The file is not a Contest Desk database ({reason})",
                                reason=reason))  # fmt: skip
    finally:
        engine.dispose()
    return _verdict(revision, tables, migrations)


def _verdict(revision: str | None, tables: list[str], migrations: Path) -> Reached:
    if revision is None:
        if tables and VERSION_TABLE not in tables:
            return Reached(False, _("The database holds another program's tables: choose an "
                                    "empty database or one of Contest Desk"))  # fmt: skip
        return Reached(True, _("Connected: the database is empty; Contest Desk makes its "
                               "tables when it opens it"))  # fmt: skip
    if revision == newest_revision(migrations):
        return Reached(True, _("Connected: the database is up to date"))
    if _known(revision, migrations):
        return Reached(True, _("Connected: the database is of an older version; it is "
                               "upgraded when opened"))  # fmt: skip
    return Reached(False, _("The database was made by a newer Contest Desk: update this "
                            "program first"))  # fmt: skip


def _known(revision: str, migrations: Path) -> bool:
    """Whether ``revision`` is one of this program's migrations (an older schema)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(migrations))
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except CommandError:
        return False
