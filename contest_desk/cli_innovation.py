"""``contest-desk innovation …``: the innovation ledger in and out of Excel, and the
yearly compilation PDF, through the services."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from contest_desk.domain.records.innovation import LedgerFilter
from contest_desk.i18n import _
from contest_desk.reports.compilation import write_compilation
from contest_desk.reports.innovation_excel import read_ledger, write_ledger
from contest_desk.services.hub import Services

Command = Callable[..., argparse.ArgumentParser]


def _out(text: str) -> None:
    print(text)


def _export(services: Services, args: argparse.Namespace) -> int:
    ledger = services.ledger.achievements()
    path = write_ledger(args.file, ledger, services.innovation_details.completer_numbers())
    _out(_("{n} achievement(s) written to {file}", n=len(ledger), file=str(path)))
    return 0


def _import(services: Services, args: argparse.Namespace) -> int:
    n = services.innovation_import.import_ledger(read_ledger(args.file))
    _out(_("{n} achievement(s) imported", n=n))
    return 0


def _report(services: Services, args: argparse.Namespace) -> int:
    chosen = services.ledger.achievements(LedgerFilter(year=args.year))
    chosen.sort(key=lambda a: (a.studio, a.title))
    path = write_compilation(args.out, args.year, chosen, args.organizer)
    _out(_("Compilation of {n} achievement(s) written to {file}", n=len(chosen), file=str(path)))
    return 0


def add_innovation_commands(commands: Any, command: Command) -> None:
    group = commands.add_parser("innovation", help=_("the innovation ledger"))
    what = group.add_subparsers(dest="what", metavar="import|export|report", required=True)
    sub = command(what, "export", _export, _("write the ledger to Excel (every field)"), True)
    sub.add_argument("file", metavar="FILE.xlsx")
    sub = command(what, "import", _import, _("import an existing ledger from Excel"))
    sub.add_argument("file", metavar="FILE.xlsx")
    sub = command(what, "report", _report, _("the yearly compilation (成果汇编) as PDF"), True)
    sub.add_argument("--year", type=int, required=True, metavar="Y")
    sub.add_argument("--out", required=True, metavar="FILE.pdf")
    sub.add_argument("--organizer", default="", help=_("printed on the cover"))
