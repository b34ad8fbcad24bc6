"""Setting up a database on a PostgreSQL server for many desks, and checking one:
``contest-desk server init|upgrade|grant|check`` (README, "A database server for many
desks"). IT runs init, upgrade and grant with the owner's URL; check takes a desk's.

Nothing here acts for a user of the app: the first administrator is made by the same
service call as the window's set-up dialog, once the schema is there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from contest_desk.domain.records.contests import UserInfo
from contest_desk.domain.records.server import CheckLine, Verdict
from contest_desk.errors import UserError
from contest_desk.i18n import N_
from contest_desk.services.context import ServiceContext
from contest_desk.services.people.users import UserService
from contest_desk.storage import reach
from contest_desk.storage import server as srv
from contest_desk.storage.audit_check import chain_check
from contest_desk.storage.db import MIGRATIONS, Database
from contest_desk.storage.revisions import VERSION_TABLE, newest_revision

MANY = 5  # missing rights named one by one; beyond that, counted
UNREADABLE = "?"  # the version table is there, but the role may not read it


def shown_url(url: str) -> str:
    """``url`` fit to print: the password, if it holds one, replaced by ***."""
    return _parsed(url).render_as_string(hide_password=True)


def _parsed(url: str) -> URL:
    try:
        return srv.server_url(url)
    except ValueError:
        raise UserError(
            "The server commands take a PostgreSQL URL (postgresql+psycopg://USER@HOST/DB);"
            " an SQLite file is set up by opening it"
        ) from None
    except Exception:  # SQLAlchemy's ArgumentError: not a URL at all
        raise UserError("{url} is not a database URL", url=url) from None


def _said(parsed: URL) -> dict[str, Any]:
    where = srv.address(parsed)
    host, port = where if where else ("localhost", parsed.port or 5432)
    return {"host": host, "port": port, "user": parsed.username or "", "database": parsed.database}


# Why a connection failed, in words -------------------------------------------------------

NO_SCHEMA = N_("The database has no Contest Desk tables yet: IT runs contest-desk server init")
UNREACHABLE = N_(
    "The server {host}:{port} does not answer ({reason}): is PostgreSQL running there, "
    "listening on the LAN (listen_addresses) and is port {port} open in its firewall?"
)


# Clues (in the driver's words, lower case) that the server was never reached.
_UNREACHED = ("timeout", "connection refused", "resolve host", "translate host", "ssl negotiation")
AS_SAID = "{text}"  # a sentence already said in the user's language (storage/reach.py)


def _refused(parsed: URL, error: DBAPIError) -> list[CheckLine]:
    """What a refused connection means, in storage/reach.py's words, and which check it
    fails: the server's address, the log-in, or (the log-in accepted) the database."""
    plain = reach.explain(error, parsed)
    why = srv.refusal(error)
    said = {"text": str(plain) if plain is not None else why.text}
    words = why.text.lower()
    if why.sqlstate == "3D000" or ('database "' in words and "does not exist" in words):
        # The server checks the database after the log-in: the log-in itself was accepted.
        login = N_("The server accepts the log-in of {user}")
        return [
            CheckLine("login", Verdict.OK, login, _said(parsed)),
            CheckLine("database", Verdict.FAIL, AS_SAID, said),
        ]
    check = "reach" if any(clue in words for clue in _UNREACHED) else "login"
    return [CheckLine(check, Verdict.FAIL, AS_SAID, said)]


def _reach(parsed: URL) -> CheckLine | None:
    """The TCP check (None for a local socket): a firewall that drops packets shows as a
    timeout here, before libpq's own wait."""
    where = srv.address(parsed)
    if where is None:
        return None
    said = _said(parsed)
    reason = srv.tcp_reachable(*where)
    if reason is not None:
        return CheckLine("reach", Verdict.FAIL, UNREACHABLE, {**said, "reason": reason})
    return CheckLine("reach", Verdict.OK, N_("The server {host}:{port} answers"), said)


def _raise_first_failure(lines: list[CheckLine]) -> None:
    for line in lines:
        if line.verdict is Verdict.FAIL:
            raise UserError(line.msgid, **line.params)


@contextmanager
def _owner(url: str) -> Iterator[tuple[URL, Connection]]:
    """The owner's connection for init, upgrade and grant; a failure said as a UserError."""
    parsed = _parsed(url)
    reached = _reach(parsed)
    if reached is not None:
        _raise_first_failure([reached])
    with _opened(parsed) as conn:
        yield parsed, conn


@contextmanager
def _opened(parsed: URL) -> Iterator[Connection]:
    try:
        with srv.connected(parsed) as conn:
            yield conn
    except DBAPIError as error:
        if error.statement is not None:
            raise  # a statement failed, not the connection
        _raise_first_failure(_refused(parsed, error))
        raise


# server check ----------------------------------------------------------------------------


def check_server(url: str) -> list[CheckLine]:
    """Every check of a desk's URL, in order; later checks are left out once one fails
    that they depend on (no log-in: nothing inside the database can be seen)."""
    parsed = _parsed(url)
    reached = _reach(parsed)
    lines = [reached] if reached is not None else []
    if reached is not None and reached.verdict is Verdict.FAIL:
        return lines
    said = _said(parsed)
    try:
        with srv.connected(parsed) as conn:
            lines.append(
                CheckLine("login", Verdict.OK, N_("The server accepts the log-in of {user}"), said)
            )
            lines.append(
                CheckLine("database", Verdict.OK, N_("The database {database} exists"), said)
            )
            lines.extend(_inside(conn, said))
    except DBAPIError as error:
        if error.statement is not None:
            raise  # a statement failed, not the connection: a bug, not a set-up problem
        lines.extend(_refused(parsed, error))
    return lines


def _inside(conn: Connection, said: dict[str, Any]) -> list[CheckLine]:
    facts = srv.role_facts(conn)
    lines = [_role_line(facts, said)]
    schema = _schema_line(conn)
    # The owner and a superuser may do anything: their rights need no list.
    rights = _rights_line(conn, said, beyond=not (facts.superuser or facts.owns_tables))
    lines += [rights, schema]
    if schema.verdict is Verdict.OK and rights.verdict is not Verdict.FAIL:
        lines.append(_audit_line(conn))
    if facts.tls:
        lines.append(CheckLine("tls", Verdict.OK, N_("The connection is encrypted (TLS)")))
    else:
        msgid = N_(
            "The connection is not encrypted: passwords and scores cross the network as"
            " they are; the set-up guide says how to turn TLS on (sslmode=require)"
        )
        lines.append(CheckLine("tls", Verdict.WARN, msgid))
    return lines


def _role_line(facts: srv.RoleFacts, said: dict[str, Any]) -> CheckLine:
    if facts.superuser:
        msgid = N_(
            "{user} is a superuser of the server: a desk should log in with a role of its"
            " own that has only a desk's rights (server grant)"
        )
        return CheckLine("role", Verdict.FAIL, msgid, said)
    if facts.owns_tables:
        msgid = N_(
            "{user} owns the tables (it may change or drop them and the audit trail): a"
            " desk should log in with a role that has only a desk's rights (server grant)"
        )
        return CheckLine("role", Verdict.FAIL, msgid, said)
    if facts.may_create:
        msgid = N_("{user} may create tables in the database, which a desk does not need")
        return CheckLine("role", Verdict.WARN, msgid, said)
    msgid = N_("{user} is neither a superuser nor the tables' owner")
    return CheckLine("role", Verdict.OK, msgid, said)


def _rights_line(conn: Connection, said: dict[str, Any], beyond: bool) -> CheckLine:
    missing = srv.missing_rights(conn)
    if missing:
        named = ", ".join(f"{right} {name}" for name, right in missing[:MANY])
        if len(missing) > MANY:
            named += " …"
        msgid = N_(
            "{user} lacks {count} right(s) a desk needs ({named}): IT runs contest-desk"
            " server grant OWNER_URL --role {user}"
        )
        return CheckLine(
            "rights", Verdict.FAIL, msgid, {**said, "count": len(missing), "named": named}
        )
    extra = srv.extra_rights(conn) if beyond else []
    if extra:
        named = ", ".join(f"{right} {name}" for name, right in extra)
        msgid = N_(
            "{user} may {named} on the audit trail, which lets a desk rewrite history: IT"
            " runs contest-desk server grant OWNER_URL --role {user}"
        )
        return CheckLine("rights", Verdict.FAIL, msgid, {**said, "named": named})
    return CheckLine("rights", Verdict.OK, N_("{user} has a desk's rights, no more"), said)


def _schema_line(conn: Connection) -> CheckLine:
    head = newest_revision(MIGRATIONS)
    current = _revision(conn)
    params = {"revision": current or "", "head": head}
    if current == UNREADABLE:
        msgid = N_("The schema's version cannot be read without a desk's rights")
        return CheckLine("schema", Verdict.FAIL, msgid, params)
    if current is None:
        return CheckLine("schema", Verdict.FAIL, NO_SCHEMA, params)
    if current == head:
        if srv.may_read(conn, "users") and not srv.has_accounts(conn):
            msgid = N_("The database has no administrator yet: IT runs contest-desk server init")
            return CheckLine("schema", Verdict.FAIL, msgid, params)
        return CheckLine("schema", Verdict.OK, N_("The schema is this version's ({head})"), params)
    if current in srv.known_revisions(MIGRATIONS):
        msgid = N_(
            "The schema is older ({revision}) than this version's ({head}): IT runs"
            " contest-desk server upgrade"
        )
    else:
        msgid = N_(
            "The schema ({revision}) was made by a newer Contest Desk: update Contest Desk"
            " on this PC"
        )
    return CheckLine("schema", Verdict.FAIL, msgid, params)


def _revision(conn: Connection) -> str | None:
    if VERSION_TABLE not in srv.existing_tables(conn):
        return None
    if not srv.may_read(conn, VERSION_TABLE):
        return UNREADABLE
    rows = conn.scalars(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    return rows[0] if len(rows) == 1 else None


def _audit_line(conn: Connection) -> CheckLine:
    from contest_desk.domain.audit_chain import BREAK_REASONS

    with Session(bind=conn) as session:
        rows, broken = chain_check(session)
    if broken is not None:
        msgid = N_("The audit trail is broken at row {seq}: {reason}")
        reason = BREAK_REASONS[broken.reason]
        return CheckLine("audit", Verdict.FAIL, msgid, {"seq": broken.seq, "reason": reason})
    return CheckLine(
        "audit", Verdict.OK, N_("The audit trail is intact: {rows} rows"), {"rows": rows}
    )


# server init, upgrade, grant -------------------------------------------------------------


def refuse_unless_new(url: str) -> None:
    """Refuse a database that is set up already (it has accounts) or holds other tables;
    run before the administrator's password is asked for."""
    with _owner(url) as (parsed, conn):
        tables = srv.existing_tables(conn)
        said = _said(parsed)
        if VERSION_TABLE not in tables:
            if tables:
                raise UserError(
                    "The database {database} holds {count} other table(s) and no Contest Desk"
                    " schema: give server init a new, empty database",
                    database=said["database"],
                    count=len(tables),
                )
        elif "users" in tables and srv.has_accounts(conn):
            raise UserError(
                "The database {database} is set up already (it has accounts); nothing was"
                " changed. An older schema is brought up to date with server upgrade",
                database=said["database"],
            )


def init_server(url: str, username: str, name: str, password: str) -> UserInfo:
    """Create the schema on an empty database and its first administrator."""
    refuse_unless_new(url)
    db = Database(url)
    try:
        db.upgrade()
        return UserService(ServiceContext(db)).create_first_admin(username, name, password)
    finally:
        db.dispose()


def upgrade_server(url: str) -> tuple[str, str | None, list[str]]:
    """Bring the schema up to date (the owner's URL) and renew the desks' rights for the
    tables a migration added. The revision before and after, and the desks' roles."""
    with _owner(url) as (parsed, conn):
        before = _revision(conn)
    if before is None:
        raise UserError(NO_SCHEMA)
    db = Database(url)
    try:
        db.upgrade()
        after = db.revision()
    finally:
        db.dispose()
    with _opened(parsed) as conn:
        roles = srv.desk_roles(conn)
        for role in roles:
            srv.grant(conn, str(parsed.database), role)
        conn.commit()
    return before, after, roles


def grant_statements(url: str, role: str) -> list[str]:
    """The SQL that ``grant_desk`` runs, for IT to read or run by hand."""
    return srv.grant_statements(str(_parsed(url).database), role)


def grant_desk(url: str, role: str) -> int:
    """Give ``role`` exactly a desk's rights on the database (the owner's URL); the number
    of tables it now reaches."""
    with _owner(url) as (parsed, conn):
        if not srv.role_exists(conn, role):
            raise UserError(
                "The server has no role {role}: create it first (the set-up guide says how)",
                role=role,
            )
        if VERSION_TABLE not in srv.existing_tables(conn):
            raise UserError(NO_SCHEMA)
        try:
            srv.grant(conn, str(parsed.database), role)
        except DBAPIError as error:
            raise UserError(
                "The server refused to grant the rights: {reason} (run server grant with the"
                " URL of the tables' owner)",
                reason=srv.refusal(error).text,
            ) from None
        conn.commit()
    return len(srv.table_rights())
