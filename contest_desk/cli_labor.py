"""``contest-desk labor …``: labor competitions from the command line, through the services."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.reports.labor_excel import read_labor_sheet, write_labor_template
from contest_desk.reports.labor_report import labor_csv, labor_json, labor_text
from contest_desk.services.hub import Services

Handler = Callable[[Services, argparse.Namespace], int]
Command = Callable[..., argparse.ArgumentParser]


def _out(text: str) -> None:
    print(text, end="" if text.endswith("\n") else "\n")


def _standings(services: Services, args: argparse.Namespace) -> int:
    if args.period is not None and args.cumulative:
        raise UserError("Give --period P or --cumulative, not both")
    table = services.labor_standings.standings(args.contest, args.period)
    _out({"table": labor_text, "csv": labor_csv, "json": labor_json}[args.format](table))
    return 0


def _import(services: Services, args: argparse.Namespace) -> int:
    sheet = read_labor_sheet(args.file)
    changed = services.labor_import.import_values(args.contest, args.period, sheet)
    _out(_("{n} value(s) imported into {period}", n=changed, period=args.period))
    return 0


def _template(services: Services, args: argparse.Namespace) -> int:
    grid = services.labor_values.grid(args.contest, args.period)
    name = services.contests.contest(args.contest).name
    path = write_labor_template(args.out, name, grid)
    _out(_("Template written: {file}", file=str(path)))
    return 0


def _periods(services: Services, args: argparse.Namespace) -> int:
    for p in services.labor.periods(args.contest):
        state = _("closed") if p.closed else _("open")
        _out(f"{p.name}  {p.starts_on} – {p.ends_on}  {state}")
    return 0


def _close(services: Services, args: argparse.Namespace) -> int:
    period = services.labor.close_period(args.contest, args.period)
    _out(_("{name} is closed: its values are final", name=period.name))
    return 0


def add_labor_commands(commands: Any, command: Command) -> None:
    labor = commands.add_parser("labor", help=_("labor competitions by indicators"))
    what = labor.add_subparsers(
        dest="what", metavar="standings|import|template|periods|close", required=True
    )

    def on_contest(name: str, handler: Handler, text: str, reads: bool = False) -> Any:
        sub = command(what, name, handler, text, reads)
        sub.add_argument("--contest", type=int, required=True, metavar="ID")
        return sub

    sub = on_contest("standings", _standings, _("a period's or the cumulative standings"), True)
    sub.add_argument("--period", metavar="P", help=_("a period's name, e.g. 6月"))
    sub.add_argument("--cumulative", action="store_true", help=_("over every period (default)"))
    sub.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sub = on_contest("import", _import, _("import a period's values from the Excel template"))
    sub.add_argument("file", metavar="FILE.xlsx")
    sub.add_argument("--period", required=True, metavar="P")
    sub = on_contest("template", _template, _("write a period's Excel template"), True)
    sub.add_argument("--period", required=True, metavar="P")
    sub.add_argument("--out", required=True, metavar="FILE.xlsx")
    on_contest("periods", _periods, _("list the periods"), True)
    sub = on_contest("close", _close, _("close a period: its values become final"))
    sub.add_argument("--period", required=True, metavar="P")
