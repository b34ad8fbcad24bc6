"""``contest-desk user …`` and ``import roster``: accounts, and persons with their entries."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from contest_desk.cli.core import (
    Groups,
    add_format,
    add_import,
    command,
    imported,
    listed,
    new_password,
    said,
)
from contest_desk.domain.permissions import ROLE_NAMES, Role
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _user_add(services: Services, args: argparse.Namespace) -> int:
    password = new_password(args.username)
    if services.users.has_users():
        info = services.users.add_user(
            args.username, args.name or args.username, password, args.role, args.expires
        )
    else:  # the first account of a new database: its administrator, as the set-up dialog
        if args.role != [Role.ADMIN.value]:
            raise UserError("The first account must be an administrator: --role admin")
        info = services.users.create_first_admin(args.username, args.name or "", password)
    return said(args, _("User {user} added", user=info.username), id=info.id)


def _user_passwd(services: Services, args: argparse.Namespace) -> int:
    services.users.set_password(args.username, new_password(args.username))
    return said(args, _("Password of {user} changed", user=args.username))


def _user_disable(services: Services, args: argparse.Namespace) -> int:
    services.users.set_active(args.username, False, args.reason)
    return said(args, _("User {user} disabled", user=args.username))


def _user_enable(services: Services, args: argparse.Namespace) -> int:
    services.users.set_active(args.username, True, args.reason)
    return said(args, _("User {user} enabled", user=args.username))


def _user_list(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``[{"id", "username", "name", "roles": [role], "active", "expires_on"}]``."""
    users = services.users.users()
    lines = []
    for user in users:
        roles = "、".join(_(ROLE_NAMES[r]) for r in user.roles)
        state = _("active") if user.active else _("disabled")
        lines.append(f"{user.username:<12} {user.name:<8} {roles}  [{state}]")
    data = [
        {
            "id": u.id,
            "username": u.username,
            "name": u.name,
            "roles": [r.value for r in u.roles],
            "active": u.active,
            "expires_on": u.expires_on.isoformat() if u.expires_on else None,
        }
        for u in users
    ]
    return listed(args, lines, data)


def _import_roster(services: Services, args: argparse.Namespace) -> int:
    # Imported here: the Excel reader pulls in openpyxl, which other commands do not need.
    from contest_desk.reports.roster_excel import read_roster

    path = Path(args.file)
    summary = services.roster_import.import_rows(args.contest, read_roster(path), path.name)
    return imported(args, path.name, summary)


def add_commands(groups: Groups) -> None:
    text = _("import persons and entries from Excel, or from CSV (UTF-8 or GBK)")
    sub = add_import(groups, "roster", _import_roster, text, "FILE.xlsx|FILE.csv")
    sub.add_argument("--contest", type=int, required=True, metavar="ID")

    users = groups.group(
        "user", _("add, change or disable user accounts"), "add|passwd|disable|enable|list"
    )
    sub = command(users, "add", _user_add, _("add an account (the first one: the administrator)"))
    sub.set_defaults(unnamed="new")  # the first account, of a database that has none
    sub.add_argument("username", metavar="USERNAME")
    sub.add_argument("--name", default="", help=_("the person's name"))
    sub.add_argument(
        "--role", action="append", required=True, choices=[r.value for r in Role],
        help=_("a role; repeat for several"),
    )  # fmt: skip
    sub.add_argument("--expires", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    add_format(sub)
    sub = command(users, "passwd", _user_passwd, _("set a user's password"))
    sub.add_argument("username", metavar="USERNAME")
    for name, handler, text in (
        ("disable", _user_disable, _("disable an account (it is kept, with its history)")),
        ("enable", _user_enable, _("enable a disabled account")),
    ):
        sub = command(users, name, handler, text)
        sub.add_argument("username", metavar="USERNAME")
        sub.add_argument("--reason", default="")
    sub = command(users, "list", _user_list, _("list the accounts"))
    add_format(sub)
