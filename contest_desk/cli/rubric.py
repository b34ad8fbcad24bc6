"""``contest-desk rubric export|import``: an event's rubric (评分细则) as an Excel file,
one sheet per event, and such a file imported into an event, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from contest_desk.cli.core import Groups, add_format, command, err, said
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _export(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.domain.rubric_table import count_criteria
    from contest_desk.reports.rubric_excel import write_rubric_workbook

    if (args.event is None) == (args.contest is None):
        raise UserError("Give exactly one of --event and --contest")
    if args.event is not None:
        events = [services.rubric_files.event_rubrics(args.event)]
    else:
        events = services.rubric_files.contest_rubrics(args.contest)
    path = write_rubric_workbook(args.out, events)
    criteria = sum(count_criteria(rubric) for _e, parts in events for _p, rubric in parts)
    text = _(
        "Rubric of {events} event(s), {criteria} criteria, written to {file}",
        events=len(events),
        criteria=criteria,
        file=path,
    )
    return said(args, text, file=str(path), events=len(events), criteria=criteria)


def _import(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.domain.rubric_table import count_criteria
    from contest_desk.reports.rubric_excel import pick_sheet, read_rubric_workbook

    path = Path(args.file)
    event = services.contests.event(args.event)
    sheet = pick_sheet(read_rubric_workbook(path), event.name, args.sheet)
    source = _("{file}, sheet {sheet}", file=path.name, sheet=sheet.title)
    files = services.rubric_files
    # As the window asks, the command line wants --yes before changing how scores count.
    preview = files.preview(args.event, sheet.rows, source)
    touching = [c for plan in preview for c in plan.changes.touching_scores]
    for change in touching:
        err(_("Scores affected: {change}", change=change.describe()))
    if touching and not args.yes:
        raise UserError(
            "{count} change(s) touch criteria that already have scores; nothing imported. "
            "Run again with --yes to import them",
            count=len(touching),
        )
    plans = files.import_rows(args.event, sheet.rows, source)
    parts = _("; ").join(
        _("{part}: {count} criteria", part=p.part, count=count_criteria(p.rubric)) for p in plans
    )
    text = _("Imported {file} into {event}: {parts}", file=source, event=event.name, parts=parts)
    data = [
        {
            "part": p.part,
            "criteria": count_criteria(p.rubric),
            "changes": len(p.changes.changes),
            "touching_scores": len(p.changes.touching_scores),
        }
        for p in plans
    ]
    return said(args, text, file=path.name, sheet=sheet.title, event=args.event, parts=data)


def add_commands(groups: Groups) -> None:
    rubric = groups.group("rubric", _("rubrics (评分细则) in Excel"), "export|import")
    text = _("write rubrics to an Excel file, one sheet per event")
    sub = command(rubric, "export", _export, text, True)
    sub.add_argument("--event", type=int, metavar="ID")
    sub.add_argument("--contest", type=int, metavar="ID", help=_("every event of the contest"))
    sub.add_argument("--out", required=True, metavar="FILE.xlsx")
    add_format(sub)
    text = _("import an Excel rubric into an event's parts, all or nothing")
    sub = command(rubric, "import", _import, text)
    sub.add_argument("file", metavar="FILE.xlsx")
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--sheet", metavar="NAME", help=_("the sheet to read, when there are several"))
    sub.add_argument(
        "--yes", action="store_true", help=_("import changes that touch stored scores too")
    )
    add_format(sub)
