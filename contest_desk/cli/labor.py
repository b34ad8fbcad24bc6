"""``contest-desk labor …``: labor competitions from the command line, through the services."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from contest_desk.cli.core import (
    Groups,
    Handler,
    add_format,
    command,
    listed,
    said,
    table_out,
)
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _standings(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.labor_report import labor_csv, labor_json, labor_text

    if args.period is not None and args.cumulative:
        raise UserError("Give --period P or --cumulative, not both")
    table = services.labor_standings.standings(args.contest, args.period)
    return table_out(args, {"text": labor_text, "csv": labor_csv, "json": labor_json}, table)


def _import(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.labor_excel import read_labor_sheet

    sheet = read_labor_sheet(args.file)
    changed = services.labor_import.import_values(args.contest, args.period, sheet)
    text = _("{n} value(s) imported into {period}", n=changed, period=args.period)
    return said(args, text, values=changed)


def _template(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.labor_excel import write_labor_template

    grid = services.labor_values.grid(args.contest, args.period)
    name = services.contests.contest(args.contest).name
    path = write_labor_template(args.out, name, grid)
    return said(args, _("Template written: {file}", file=str(path)))


def _periods(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``[{"id", "name", "kind", "starts_on", "ends_on", "closed"}]``."""
    periods = services.labor.periods(args.contest)
    lines = []
    for p in periods:
        state = _("closed") if p.closed else _("open")
        lines.append(f"{p.name}  {p.starts_on} – {p.ends_on}  {state}")
    data = [
        {"id": p.id, "name": p.name, "kind": p.kind.value, "starts_on": p.starts_on.isoformat(),
         "ends_on": p.ends_on.isoformat(), "closed": p.closed}
        for p in periods
    ]  # fmt: skip
    return listed(args, lines, data)


def _close(services: Services, args: argparse.Namespace) -> int:
    period = services.labor.close_period(args.contest, args.period)
    return said(args, _("{name} is closed: its values are final", name=period.name))


def add_commands(groups: Groups) -> None:
    what = groups.group(
        "labor", _("labor competitions by indicators"), "standings|import|template|periods|close"
    )

    def on_contest(name: str, handler: Handler, text: str, reads: bool = False) -> Any:
        sub = command(what, name, handler, text, reads)
        sub.add_argument("--contest", type=int, required=True, metavar="ID")
        return sub

    sub = on_contest("standings", _standings, _("a period's or the cumulative standings"), True)
    sub.add_argument("--period", metavar="P", help=_("a period's name, e.g. 6月"))
    sub.add_argument("--cumulative", action="store_true", help=_("over every period (default)"))
    add_format(sub, csv=True)
    sub = on_contest("import", _import, _("import a period's values from the Excel template"))
    sub.add_argument("file", metavar="FILE.xlsx")
    sub.add_argument("--period", required=True, metavar="P")
    add_format(sub)
    sub = on_contest("template", _template, _("write a period's Excel template"), True)
    sub.add_argument("--period", required=True, metavar="P")
    sub.add_argument("--out", required=True, metavar="FILE.xlsx")
    add_format(on_contest("periods", _periods, _("list the periods"), True))
    sub = on_contest("close", _close, _("close a period: its values become final"))
    sub.add_argument("--period", required=True, metavar="P")
