"""``contest-desk demo``: the demo contests and accounts, written into an empty database."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from contest_desk.cli.core import Groups, add_format, command, said
from contest_desk.domain.permissions import ROLE_NAMES
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _demo(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``{"contests": [{"id", "name", "events": [{"id", "name"}]}], "accounts":
    [{"username", "password", "roles": [role]}]}``."""
    from contest_desk.services.demo.build import ACCOUNTS, build_demo, demo_password

    build_demo(services)
    lines, contests = [], []
    for contest in reversed(services.contests.contests()):
        lines.append(_("Demo contest written: {name} (contest {id})", name=contest.name,
                       id=contest.id))  # fmt: skip
        events = services.contests.events(contest.id)
        lines += [_("  event {id}: {name}", id=e.id, name=e.name) for e in events]
        contests.append({"id": contest.id, "name": contest.name,
                         "events": [{"id": e.id, "name": e.name} for e in events]})  # fmt: skip
    lines.append(_("Accounts (user name / password / role):"))
    for username, name, roles in ACCOUNTS:
        role_names = "、".join(_(ROLE_NAMES[r]) for r in roles)
        lines.append(f"  {username:<10} {demo_password(username):<16} {role_names}（{name}）")
    accounts = [
        {"username": u, "password": demo_password(u), "roles": [r.value for r in roles]}
        for u, _name, roles in ACCOUNTS
    ]
    return said(args, "\n".join(lines), contests=contests, accounts=accounts)


def add_commands(groups: Groups) -> None:
    sub = command(
        groups.commands, "demo", _demo, _("write the demo contest into an empty database")
    )
    sub.set_defaults(unnamed="any")  # the demo refuses a database with contests or accounts
    add_format(sub)
