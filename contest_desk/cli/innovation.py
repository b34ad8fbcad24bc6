"""``contest-desk innovation …``: the innovation ledger in and out of Excel, and the
yearly compilation PDF, through the services."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from contest_desk.cli.core import Groups, add_format, command, said
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _export(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.innovation_excel import write_ledger

    ledger = services.ledger.achievements()
    path = write_ledger(args.file, ledger, services.innovation_details.completer_numbers())
    return said(args, _("{n} achievement(s) written to {file}", n=len(ledger), file=str(path)))


def _import(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.innovation_excel import read_ledger

    n = services.innovation_import.import_ledger(read_ledger(args.file))
    return said(args, _("{n} achievement(s) imported", n=n), achievements=n)


def _report(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.domain.records.innovation import LedgerFilter
    from contest_desk.reports.compilation import write_compilation

    chosen = services.ledger.achievements(LedgerFilter(year=args.year))
    chosen.sort(key=lambda a: (a.studio, a.title))
    path = write_compilation(args.out, args.year, chosen, args.organizer)
    text = _("Compilation of {n} achievement(s) written to {file}", n=len(chosen), file=str(path))
    return said(args, text)


def add_commands(groups: Groups) -> None:
    what = groups.group("innovation", _("the innovation ledger"), "import|export|report")
    sub = command(what, "export", _export, _("write the ledger to Excel (every field)"), True)
    sub.add_argument("file", metavar="FILE.xlsx")
    sub = command(what, "import", _import, _("import an existing ledger from Excel"))
    sub.add_argument("file", metavar="FILE.xlsx")
    add_format(sub)
    sub = command(what, "report", _report, _("the yearly compilation (成果汇编) as PDF"), True)
    sub.add_argument("--year", type=int, required=True, metavar="Y")
    sub.add_argument("--out", required=True, metavar="FILE.pdf")
    sub.add_argument("--organizer", default="", help=_("printed on the cover"))
