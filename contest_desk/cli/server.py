"""``contest-desk server init|upgrade|grant|check URL``: a database on a PostgreSQL server
for many desks, set up by IT with the owner's URL and checked with a desk's (README, "A
database server for many desks"). These commands work on the URL they are given, never
on ``--db``, and print no password (a URL may hold one)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from contest_desk.cli.core import (
    CANNOT_OPEN,
    OK,
    Groups,
    add_format,
    as_json,
    command,
    new_password,
    out,
    said,
    wants_json,
)
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.domain.records.server import CheckLine

MARKS = {"ok": "✓", "warn": "!", "fail": "✗"}


def _admin_password(args: argparse.Namespace, username: str) -> str:
    """The administrator's password: one line of stdin with --password-stdin (scripts),
    else CONTEST_DESK_NEW_PASSWORD, else typed twice."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return new_password(username)


def _asked(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise UserError("Name the first administrator with --admin NAME")
    return input(prompt).strip()


def _init(_services: object, args: argparse.Namespace) -> int:
    """JSON: ``{"database": URL without password, "admin": NAME, "id": N}``."""
    from contest_desk.services import server_setup

    # Refused before anything is asked: a database set up already stays as it is.
    server_setup.refuse_unless_new(args.url)
    username = args.admin or _asked(_("User name of the first administrator: "))
    info = server_setup.init_server(
        args.url, username, args.name or "", _admin_password(args, username)
    )
    shown = server_setup.shown_url(args.url)
    text = _(
        "{database} is set up: the tables are made and {user} is its administrator. Next: "
        "contest-desk server grant URL --role DESK_ROLE, then server check with a desk's URL",
        database=shown,
        user=info.username,
    )
    return said(args, text, database=shown, admin=info.username, id=info.id)


def _upgrade(_services: object, args: argparse.Namespace) -> int:
    from contest_desk.services import server_setup

    before, after, roles = server_setup.upgrade_server(args.url)
    if before == after:
        text = _("The schema is up to date ({revision})", revision=after)
    else:
        text = _("The schema was upgraded from {before} to {after}", before=before, after=after)
    if roles:
        text += "\n" + _("Desk rights renewed for: {roles}", roles=", ".join(roles))
    return said(args, text, before=before, after=after, roles=roles)


def _grant(_services: object, args: argparse.Namespace) -> int:
    from contest_desk.services import server_setup

    if args.print:
        out("\n".join(f"{s};" for s in server_setup.grant_statements(args.url, args.role)))
        return OK
    tables = server_setup.grant_desk(args.url, args.role)
    text = _(
        "{role} may now read and write the rows of {tables} tables as a desk does, and no more",
        role=args.role,
        tables=tables,
    )
    return said(args, text, role=args.role, tables=tables)


def _line(line: CheckLine) -> str:
    return f"{MARKS[line.verdict.value]} {_(line.msgid, **line.params)}"


def _check(_services: object, args: argparse.Namespace) -> int:
    """JSON: ``{"database": URL without password, "ok": bool, "checks": [{"check",
    "verdict": "ok"|"warn"|"fail", "message"}]}``. Exit status 1 when a check failed."""
    from contest_desk.domain.records.server import Verdict
    from contest_desk.services import server_setup

    shown = server_setup.shown_url(args.url)
    lines = server_setup.check_server(args.url)
    failed = any(line.verdict is Verdict.FAIL for line in lines)
    if wants_json(args):
        checks = [
            {"check": x.check, "verdict": x.verdict.value, "message": _(x.msgid, **x.params)}
            for x in lines
        ]
        out(as_json({"database": shown, "ok": not failed, "checks": checks}))
    else:
        out(_("Checking {database}", database=shown))
        out("\n".join(_line(line) for line in lines))
        if failed:
            out(_("A desk cannot work with this database until the lines marked ✗ are put right"))
        else:
            out(_("A desk can work with this database"))
    return CANNOT_OPEN if failed else OK


def _command(
    group: Any, name: str, handler: Callable[[object, argparse.Namespace], int], text: str, url: str
) -> argparse.ArgumentParser:
    """A server command: it takes the database's URL and opens no other database."""
    sub = command(group, name, handler, text)
    sub.set_defaults(own_database=True)
    sub.add_argument("url", metavar="URL", help=url)
    add_format(sub)
    return sub


def add_commands(groups: Groups) -> None:
    server = groups.group(
        "server",
        _("set up and check a database on a PostgreSQL server for many desks"),
        "init|upgrade|grant|check",
    )
    owner = _("the URL of the role that owns the database (IT's), e.g. {example}",
              example="postgresql+psycopg://contest_owner@db-server/contests")  # fmt: skip
    desk = _("a desk's URL, e.g. {example}",
             example="postgresql+psycopg://desk1@db-server/contests?sslmode=require")  # fmt: skip

    sub = _command(server, "init", _init, _("make the tables and the first administrator"), owner)
    sub.add_argument("--admin", metavar="NAME", help=_("the first administrator's user name"))
    sub.add_argument("--name", metavar="姓名", help=_("the administrator's full name"))
    sub.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the administrator's password from the first line of stdin"),
    )
    _command(server, "upgrade", _upgrade, _("bring the tables to this version"), owner)
    text = _("give a desks' role exactly the rights it needs")
    sub = _command(server, "grant", _grant, text, owner)
    sub.add_argument("--role", required=True, metavar="NAME", help=_("the desks' role"))
    sub.add_argument("--print", action="store_true", help=_("print the SQL instead of running it"))
    text = _("say what keeps a desk from working with a server")
    _command(server, "check", _check, text, desk)
