"""``contest-desk serve``: the scoring hub on the LAN, in this process (which, on an SQLite
file, holds the database's lock: no other process writes beside it)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from contest_desk.cli.core import OK, Groups, command, out
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services

DEFAULT_PORT = 8765  # the hub's own default (web/server.py), said here without importing it


def _serve(services: Services, args: argparse.Namespace) -> int:
    # Imported here: the web stack loads only for this command.
    from contest_desk.services.hub import Services as Hub
    from contest_desk.web.server import HubServer

    # The whole hub (the command line's stand-in builds services lazily); requests act
    # for each session's judge, never for whoever started the hub.
    hub = Hub.build(services.ctx.db, services.ctx.actor)
    server = HubServer(hub, args.host, args.port)
    server.start()
    out(_("The scoring hub is running. Judges open one of these addresses:"))
    for address in server.addresses():
        out(f"  {address}")
    out(_("Press Ctrl+C to stop it."))
    sys.stdout.flush()
    server.serve_forever()
    out(_("The scoring hub has stopped."))
    return OK


def add_commands(groups: Groups) -> None:
    sub = command(
        groups.commands,
        "serve",
        _serve,
        _("run the scoring hub for judges' phones and the hall's screen on the LAN"),
        reads=True,  # every change is made by a judge who logs in on the hub's pages
    )
    host_help = _("address to listen on (default: every network of this PC)")
    sub.add_argument("--host", default="0.0.0.0", metavar="ADDR", help=host_help)
    port_help = _("port to listen on (default: {port})", port=DEFAULT_PORT)
    sub.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N", help=port_help)
