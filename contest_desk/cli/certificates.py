"""``contest-desk certificates`` and ``contest-desk verify``: certificates from the
command line, through the services."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from contest_desk.cli.core import FOUND_WRONG, OK, Groups, add_format, command, out, said
from contest_desk.cli.types import days, public_key_text
from contest_desk.domain.plain_names import TEMPLATE_NAMES, template_name
from contest_desk.errors import UserError
from contest_desk.i18n import _

T = TypeVar("T")

if TYPE_CHECKING:
    from contest_desk.domain.certificates import Template
    from contest_desk.domain.signing import Verdict
    from contest_desk.services.hub import Services


def _certificates(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``{"serials": [...], "files": [...], "anchor"}``, the serials in rank order."""
    from contest_desk.reports.certificate_pdf import Printed, write_certificates

    if sum(x is not None for x in (args.event, args.labor, args.board)) != 1:
        raise UserError("Give exactly one of --event, --board and --labor")
    if args.board is not None:
        contest_id = services.board_views.view(args.board).info.contest_id
    elif args.event is not None:
        contest_id = services.contests.event(args.event).contest_id
    else:
        contest_id = args.labor
    template = _template(services, contest_id, args.template)
    if args.board is not None:
        issued = services.certificates.issue_board(args.board, args.template)
    elif args.event is not None:
        issued = _refused_says_flag(
            lambda: services.certificates.issue(
                args.event, args.round, args.template, provisional=args.provisional
            )
        )
    else:
        issued = services.certificates.issue_labor(args.labor, args.period, args.template)
    if not issued:
        raise UserError("No entry of this event has an award yet")
    items = [Printed(template, c.fields, c.qr, c.modules, c.image) for c in issued]
    target = Path(args.out)
    combined = target.suffix.lower() == ".pdf"
    sign = services.certificates.sealer(contest_id)
    anchor = _anchor(services)
    written = write_certificates(target, items, combined, sign, anchor=anchor)
    where = str(written[0]) if combined else str(target)
    text = "\n".join(
        [
            _("{n} certificate(s) written to {where}", n=len(items), where=where),
            _("Audit anchor: {anchor}", anchor=anchor or "—"),
        ]
    )
    serials = [c.serial for c in issued]
    return said(args, text, serials=serials, files=[str(p) for p in written], anchor=anchor)


def _template(services: Services, contest_id: int, wanted: str) -> Template:
    """The contest's template ``wanted``; an unknown one is refused, listing the choices
    as ``--template`` takes them with the names people know them by."""
    templates = services.certificates.templates(contest_id)
    if wanted not in templates:
        raise UserError(
            "There is no certificate template {name}; --template takes: {choices}",
            name=wanted,
            choices="；".join(_template_choice(t, template_name(t)) for t in templates),
        )
    return templates[wanted]


def _template_choice(template: str, shown: str) -> str:
    return template if shown == template else _("{id}: {name}", id=template, name=shown)


def _say(verdict: Verdict, serial: str, replaced_by: str | None = None) -> int:
    from contest_desk.domain.signing import VERDICT_NAMES, Verdict

    exit_status = {Verdict.GENUINE: OK, Verdict.SUPERSEDED: FOUND_WRONG, Verdict.CHANGED: 4,
                   Verdict.UNKNOWN: 5}  # fmt: skip
    text = _(VERDICT_NAMES[verdict], new=replaced_by or "")
    out(f"{serial or '—'}: {text}")
    return exit_status[verdict]


def _verify(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.domain.signing import Verdict, read_qr, verify_offline
    from contest_desk.reports.certificate_pdf import read_certificate_pdf

    target = args.serial_or_pdf
    pages = read_certificate_pdf(target) if target.lower().endswith(".pdf") else [None]
    worst = 0
    for page in pages:
        qr, visible, seal = (page.qr, page.visible, page.seal) if page else (target, None, None)
        if page is not None and not qr:
            worst = max(worst, _say(Verdict.UNKNOWN, ""))
            continue
        if args.public_key:
            public = args.public_key  # the key file's text (cli/types.py public_key_text)
            reading = read_qr(qr, None)
            serial = reading.fields["serial"] if reading else ""
            worst = max(worst, _say(verify_offline(qr, visible, public, seal), serial))
            continue
        result = services.certificates.verify(qr, visible, seal)
        worst = max(worst, _say(result.verdict, result.serial, result.replaced_by))
    return worst


def _public_key(services: Services, args: argparse.Namespace) -> int:
    key = services.certificates.public_key(args.contest)
    if key is None:
        raise UserError("The contest has issued no certificate yet, so it has no key")
    Path(args.out).write_text(key, encoding="ascii")
    return said(args, _("Public key written to {file}", file=args.out))


def _notice(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.result_notice import (
        board_notice,
        labor_notice,
        standings_notice,
        write_notice_excel,
        write_notice_pdf,
    )

    published = args.date or dt.date.today()
    given = [x for x in (args.event, args.board, args.labor) if x is not None]
    if len(given) != 1:
        raise UserError("Give exactly one of --event, --board and --labor")
    if args.event is not None:
        source = _refused_says_flag(
            lambda: services.certificates.notice_source(args.event, args.round, args.provisional)
        )
        notice = standings_notice(
            source.table, source.contest, source.organizer, published, args.days, source.state
        )
    elif args.board is not None:
        view = services.board_views.view(args.board)
        organizer = services.contests.contest(view.info.contest_id).organizer
        notice = board_notice(view, organizer, published, args.days)
    else:
        labor = services.labor_standings.standings(args.labor, args.period)
        organizer = services.contests.contest(args.labor).organizer
        notice = labor_notice(labor, organizer, published, args.days)
    anchor = _anchor(services)
    notice = replace(notice, anchor=anchor)
    target = Path(args.out)
    if target.suffix.lower() == ".xlsx":
        write_notice_excel(target, [notice])
    else:
        write_notice_pdf(target, notice)
    out(_("Result notice written to {file}", file=str(target)))
    out(_("Audit anchor: {anchor}", anchor=anchor or "—"))
    return OK


def _refused_says_flag(work: Callable[[], T]) -> T:
    """Standings not final are refused: the command line's override is --provisional."""
    from contest_desk.services.certificates.results import ProvisionalResults

    try:
        return work()
    except ProvisionalResults as refused:
        raise UserError(
            "{refusal} (command line: --provisional)", refusal=refused.message()
        ) from None


def _anchor(services: Services) -> str:
    """The audit trail's head, anchored now, as printed on paper ("" while it is empty)."""
    anchor = services.audit.anchor()
    return anchor.printed if anchor else ""


def add_commands(groups: Groups) -> None:
    commands = groups.commands
    sub = command(
        commands, "certificates", _certificates, _("issue and print an event's certificates")
    )
    sub.add_argument("--event", type=int, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument(
        "--labor", type=int, metavar="CONTEST_ID", help=_("a labor competition's teams")
    )
    sub.add_argument("--period", metavar="P", help=_("a labor period (default: cumulative)"))
    sub.add_argument("--board", type=int, metavar="ID", help=_("a board's title holder"))
    sub.add_argument("--out", required=True, metavar="DIR_OR_FILE.pdf")
    sub.add_argument(
        "--provisional",
        action="store_true",
        help=_("from a round not locked yet, marked 暂定 (the organizer's override, recorded)"),
    )
    sub.add_argument(
        "--template",
        default="landscape",
        metavar="NAME",
        help=_(
            "the certificate template: {choices}, or a contest's own by the name it was saved"
            " under (default: landscape)",
            choices="；".join(_template_choice(t, template_name(t)) for t in TEMPLATE_NAMES),
        ),
    )
    add_format(sub)
    sub = command(
        commands, "verify", _verify, _("check a certificate: a serial, or a certificate PDF"), True
    )
    sub.add_argument("serial_or_pdf", metavar="SERIAL_OR_PDF")
    sub.add_argument(
        "--public-key",
        type=public_key_text,
        metavar="FILE.pem",
        help=_("check offline, with the contest's public key alone"),
    )
    sub = command(
        commands, "notice", _notice, _("a result notice (成绩公示) as PDF or Excel"), True
    )
    sub.add_argument("--event", type=int, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--board", type=int, metavar="ID")
    sub.add_argument("--labor", type=int, metavar="CONTEST_ID")
    sub.add_argument("--period", metavar="P", help=_("a labor period (default: cumulative)"))
    sub.add_argument("--days", type=days, default=7, help=_("days it is posted for"))
    sub.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    sub.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx")
    sub.add_argument(
        "--provisional",
        action="store_true",
        help=_("from a round not locked yet, marked 暂定 (the organizer's override, recorded)"),
    )
    sub = command(
        commands,
        "public-key",
        _public_key,
        _("write a contest's public key for offline checks"),
        True,
    )
    sub.add_argument("--contest", type=int, required=True, metavar="ID")
    sub.add_argument("--out", required=True, metavar="FILE.pem")
