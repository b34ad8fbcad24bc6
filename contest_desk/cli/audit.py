"""``contest-desk audit verify|anchor``: the audit trail's hash chain, its anchors and the
values it records."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from contest_desk.cli.core import FOUND_WRONG, Groups, command, err, said
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


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
    audit = groups.group("audit", _("the audit trail"), "verify|anchor")
    sub = command(audit, "verify", _verify, _("check the audit trail's hash chain"), True)
    sub.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="ROW:HASH",
        help=_("an anchor printed on a notice or certificate batch; may be given again"),
    )
    command(audit, "anchor", _anchor, _("anchor the trail's head now and print it"), True)
