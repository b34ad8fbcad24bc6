"""The database a command works on, and the services acting for whoever runs it.

The services hub builds all thirty-odd services and so imports every one of them (the
Excel readers, the certificate code, the board engine…): half a second before anything
runs. A command gets a stand-in that builds a service when the command first asks for
it: the few that listings need on their own, anything else through the whole hub.
"""

from __future__ import annotations

import argparse
import importlib
from typing import TYPE_CHECKING, Any, cast

from contest_desk.cli.core import password
from contest_desk.domain.permissions import LOCAL_READER, Actor
from contest_desk.errors import UserError

if TYPE_CHECKING:
    from contest_desk.services.context import ServiceContext
    from contest_desk.services.hub import Services

# service name on the hub → (module, class): the services cheap enough to build alone.
ALONE = {
    "contests": ("contest_desk.services.contests.setup", "ContestService"),
    "roster": ("contest_desk.services.people.roster", "RosterService"),
    "users": ("contest_desk.services.people.users", "UserService"),
}


class LazyServices:
    """Answers as the hub does (``services.contests``, ``ctx``, ``as_user``), building
    each service on first use."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._hub: Services | None = None

    def __getattr__(self, name: str) -> Any:  # only for what is not built yet
        if name.startswith("_"):
            raise AttributeError(name)
        if name in ALONE:
            module, cls = ALONE[name]
            service = getattr(importlib.import_module(module), cls)(self.ctx)
        else:
            service = getattr(self.hub(), name)
        setattr(self, name, service)
        return service

    def hub(self) -> Services:
        """Every service, for the commands that use many."""
        if self._hub is None:
            from contest_desk.services.hub import Services

            self._hub = Services.build(self.ctx.db, self.ctx.actor)
        return self._hub

    def as_user(self, actor: Actor) -> Services:
        from contest_desk.services.context import ServiceContext

        return _services(ServiceContext(self.ctx.db, actor))


def _services(ctx: ServiceContext) -> Services:
    # Typed as the hub: it answers every name the hub has (see __getattr__).
    return cast("Services", LazyServices(ctx))


def open_services(db: str | None) -> Services:
    """Open (and upgrade) the database at ``db`` (the default file when None), acting as
    the system until ``acting`` says who runs the command."""
    # The one import of storage in the command line: opening the file or URL (and upgrading
    # it) is what the hub's Services.open does, without building every service.
    from contest_desk.services.context import ServiceContext
    from contest_desk.storage.db import open_database

    return _services(ServiceContext(open_database(db)))


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
