"""``contest-desk audit list|verify|anchor``: the audit trail said for people, its hash chain,
its anchors and the values it records."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from contest_desk.cli.core import FOUND_WRONG, Groups, add_format, command, err, listed, said
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _list(services: Services, args: argparse.Namespace) -> int:
    """The newest rows as the audit view shows them: actions and targets in words, users by
    name, local times (the heading says which); JSON keeps the stored codes beside them."""
    from contest_desk.domain.audit_words import (
        action_text,
        actor_text,
        local_time,
        target_text,
        time_heading,
        value_text,
    )

    targets = tuple(args.target)
    rows = services.audit.records(targets, limit=args.last)  # not the whole trail
    names = services.audit.names(rows)
    data, lines = [], []
    for row in rows:
        said_row = {
            "seq": row.seq,
            "time": local_time(row.at).isoformat(sep=" ", timespec="seconds"),
            "user": actor_text(row.actor, names),
            "action": action_text(row.action),
            "target": target_text(row.target, names),
        }
        old, new = value_text(row.action, row.old), value_text(row.action, row.new)
        change = f"{old} → {new}" if old or new else ""
        lines.append("  ".join(str(v) for v in (*said_row.values(), change, row.note) if v != ""))
        stored = {"at_utc": row.at.isoformat(sep=" "), "actor": row.actor, "code": row.action}
        data.append({**said_row, **stored, "target_code": row.target, "detail": row.detail,
                     "note": row.note})  # fmt: skip
    heading = "  ".join((_("Row"), time_heading(), _("User"), _("Action"), _("Subject")))
    return listed(args, [heading, *lines] if lines else [], data)


def _verify(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.domain.audit_chain import BREAK_REASONS

    check = services.audit.verify(args.anchor)
    for problem in check.anchors:
        err(problem)
    if check.broken is not None:
        reason = _(BREAK_REASONS[check.broken.reason])
        err(_("The audit trail is broken at row {seq}: {reason}", seq=check.broken.seq,
              reason=reason))  # fmt: skip
        return FOUND_WRONG
    if check.anchors:
        return FOUND_WRONG
    if check.differences:
        err(
            _(
                "The database holds values the audit trail does not record "
                "(changed behind the app's back):"
            )
        )
        for d in check.differences:
            err(_("{what}: stored {stored}, the trail says {recorded}", **d.__dict__))
        return FOUND_WRONG
    text = _(
        "The audit trail is intact: {rows} rows; {compared} marks, sheets and locks "
        "are as it records",
        rows=check.rows,
        compared=check.compared,
    )
    return said(args, text)


def _anchor(services: Services, args: argparse.Namespace) -> int:
    anchor = services.audit.anchor()
    return said(args, _("Audit anchor: {anchor}", anchor=anchor.printed if anchor else "—"))


def add_commands(groups: Groups) -> None:
    audit = groups.group("audit", _("the audit trail"), "list|verify|anchor")
    shown = command(audit, "list", _list, _("the newest rows of the audit trail, in words"))
    shown.add_argument(
        "--last", type=int, default=50, metavar="N", help=_("how many rows (default 50)")
    )
    shown.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="KIND:ID",
        help=_("only rows about this, e.g. judge:10 or entry:17; may be given again"),
    )
    add_format(shown)
    sub = command(audit, "verify", _verify, _("check the audit trail's hash chain"), True)
    sub.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="ROW:HASH",
        help=_("an anchor printed on a notice or certificate batch; may be given again"),
    )
    command(audit, "anchor", _anchor, _("anchor the trail's head now and print it"), True)
