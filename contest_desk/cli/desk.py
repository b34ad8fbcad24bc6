"""The database a command works on, and the services acting for whoever runs it.

The services hub builds a service when a command first asks for it (and imports its
module then): listing the contests does not pay for the Excel readers, the certificate
code or the board engine.
"""

from __future__ import annotations

import argparse

from contest_desk.cli.core import password
from contest_desk.domain.permissions import LOCAL_READER
from contest_desk.errors import UserError
from contest_desk.services.hub import Services


def open_services(db: str | None) -> Services:
    """Open (and upgrade) the database at ``db`` (the default file when None), acting as
    the system until ``acting`` says who runs the command."""
    return Services.open(db)


def acting(services: Services, args: argparse.Namespace) -> Services:
    """The services acting for whoever runs the command, after the same checks as the window.

    A read-only report on a local file needs no log-in; anything that changes data does,
    except the first steps of a database without accounts (the demo, the first user).
    """
    if args.user:
        return services.as_user(services.users.authenticate(args.user, password(args.user)))
    # ``unnamed``: "any" for the demo, which refuses any database with contests or
    # accounts; "new" for adding the first account of a database that has none.
    unnamed = getattr(args, "unnamed", None)
    if unnamed == "any" or (unnamed == "new" and not services.users.has_users()):
        return services
    if not args.reads:
        raise UserError("This command changes data: say who you are with --user NAME")
    if services.ctx.db.sqlite_path is None:
        raise UserError("A database on a server needs --user NAME, even to read")
    return services.as_user(LOCAL_READER)
