"""``contest-desk standings``, ``judges``, ``draw``, ``assign``, ``conflict …``,
``sheet …`` and ``import scores``: judging an event and what comes out of it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contest_desk.cli.core import (
    PASSWORD_ENV,
    Groups,
    Handler,
    add_format,
    add_import,
    command,
    err,
    imported,
    listed,
    out,
    password,
    said,
    table_out,
)
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _judge_id(services: Services, event_id: int, username: str) -> int:
    event = services.contests.event(event_id)
    for judge in services.roster.judges(event.contest_id):
        if judge.username == username:
            return judge.id
    raise UserError("The contest has no judge '{judge}'", judge=username)


def _person_id(services: Services, employee_no: str) -> int:
    for person in services.roster.persons(employee_no):
        if person.employee_no == employee_no:
            return person.id
    raise UserError("There is no person with the employee number {no}", no=employee_no)


def _entry_of(services: Services, event_id: int, key: str) -> int:
    for entry in services.roster.entries(event_id):
        if key in (entry.key, entry.code):
            return entry.id
    event = services.contests.event(event_id)
    raise UserError("{event} has no entry '{entry}'", event=event.name, entry=key)


def _import_scores(services: Services, args: argparse.Namespace) -> int:
    path = Path(args.file)
    return imported(args, path.name, services.score_import.import_csv(args.event, path))


def _standings(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.standings_excel import write_standings_excel
    from contest_desk.reports.standings_text import standings_csv, standings_json, standings_text

    table = services.standings.standings(args.event, args.round)
    formats = {"text": standings_text, "csv": standings_csv, "json": standings_json}
    return table_out(args, formats, table, write_standings_excel)


def _judges(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.consistency_report import judges_json, judges_text

    report = services.consistency.report(args.event, args.round)
    out(judges_json(report) if args.format == "json" else judges_text(report))
    return 0


def _draw(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``{"layer", "seed", "entries": [{"entry_id", "position", "codes",
    "workstation"}]}``."""
    stations = [s for s in (args.stations or "").split(",") if s.strip()]
    if args.recode:
        info = services.draws.recode(args.event, args.round, args.seed, args.prefix or "B")
    else:
        info = services.draws.run(args.event, args.round, args.seed, args.prefix, stations)
    lines = [_("Draw, layer {layer}, seed {seed}:", layer=info.layer, seed=info.seed)]
    for drawn in info.entries:
        station = drawn.workstation or ""
        lines.append(f"  {drawn.position:>3}  {' → '.join(drawn.codes):<14} {station}")
    entries = [
        {"entry_id": d.entry.id, "position": d.position, "codes": list(d.codes),
         "workstation": d.workstation}
        for d in info.entries
    ]  # fmt: skip
    return listed(args, lines, {"layer": info.layer, "seed": info.seed, "entries": entries})


def _assign(services: Services, args: argparse.Namespace) -> int:
    short = services.assignments.assign_entries(args.event, args.round)
    out(_("Judges assigned to every entry"))
    for entry_id, lacking in short.items():
        err(_("entry {id} lacks {n} judge(s)", id=entry_id, n=lacking))
    return 0


def _conflicts(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``[{"judge_id", "judge", "entry_id", "entry", "kind", "note", "override"}]``
    (``entry``: the entry's code, or its name before the draw; ``override``: the reason,
    or null)."""
    event = services.contests.event(args.event)
    names = {j.id: j.name for j in services.roster.judges(event.contest_id)}
    labels = {e.id: e.code or e.label for e in services.roster.entries(args.event)}
    kinds = {"unit": _("same unit"), "declared": _("declared")}
    conflicts = services.assignments.conflicts(args.event)
    lines = []
    for c in conflicts:
        state = _("overridden: {reason}", reason=c.override) if c.override else ""
        note = f"（{c.note}）" if c.note else ""
        lines.append(f"{names.get(c.judge_id, c.judge_id)}  {labels.get(c.entry_id, c.entry_id)}  "
                     f"{kinds[c.kind]}{note}  {state}".rstrip())  # fmt: skip
    data = [
        {"judge_id": c.judge_id, "judge": names.get(c.judge_id), "entry_id": c.entry_id,
         "entry": labels.get(c.entry_id), "kind": c.kind, "note": c.note, "override": c.override}
        for c in conflicts
    ]  # fmt: skip
    return listed(args, lines, data)


def _conflict_declare(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``{"judge_id", "person_id"}``, the pair that names the declared conflict."""
    judge = _judge_id(services, args.event, args.judge)
    person = _person_id(services, args.employee)
    services.assignments.declare_conflict(judge, person, args.note)
    return said(args, _("Conflict recorded"), judge_id=judge, person_id=person)


def _conflict_override(services: Services, args: argparse.Namespace) -> int:
    judge = _judge_id(services, args.event, args.judge)
    entry = _entry_of(services, args.event, args.entry)
    services.assignments.override_conflict(judge, entry, args.reason)
    return said(args, _("Conflict overridden"))


def _sheet_export(services: Services, args: argparse.Namespace) -> int:
    judge = _judge_id(services, args.event, args.judge)
    path = services.offline_sheets.export(args.event, args.round, judge, args.out)
    return said(args, _("Score sheet written to {path}", path=path))


def _sheet_fill(services: Services, args: argparse.Namespace) -> int:
    """On the laptop: values from a CSV (entry code, criterion, value) into the sheet file,
    signed with the key made from the judge's password (from the environment or asked)."""
    from contest_desk.services.judging.offline_sheets import fill_sheet_file, sheet_judge
    from contest_desk.services.judging.score_import import read_sheet_values

    values = read_sheet_values(Path(args.scores))
    fill_sheet_file(args.file, values, password(sheet_judge(args.file)))
    return said(args, _("{count} value(s) written into {path}", count=len(values), path=args.file))


def _sheet_print(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.paper_sheet import paper_sheet_from, write_paper_sheets

    paper = services.offline_sheets.paper(args.event, args.round)
    sheets = [
        paper_sheet_from(sheet, paper.contest, paper.event, paper.round_name, judge.name)
        for judge, sheet in paper.sheets
    ]
    if not sheets:
        raise UserError("No judge is on the panel of {event} yet", event=paper.event)
    path = write_paper_sheets(args.out, sheets)
    text = _("{count} paper score sheet(s) written to {path}", count=len(sheets), path=path)
    return said(args, text)


def _sheet_import(services: Services, args: argparse.Namespace) -> int:
    result = services.offline_sheets.import_file(args.file)
    text = _("Imported: {stored} new, {same} already stored", stored=result.stored,
             same=result.unchanged)  # fmt: skip
    return said(args, text, stored=result.stored, unchanged=result.unchanged)


def _on_event(
    group: Any, name: str, handler: Handler, text: str, reads: bool = False
) -> argparse.ArgumentParser:
    sub = command(group, name, handler, text, reads)
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    return sub


def add_commands(groups: Groups) -> None:
    text = _("import marks from CSV: entry, judge, criterion, value")
    sub = add_import(groups, "scores", _import_scores, text, "FILE.csv")
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    commands = groups.commands
    sub = _on_event(commands, "standings", _standings, _("print an event's standings"), True)
    sub.add_argument("--round", type=int, metavar="N")
    add_format(sub, csv=True)
    sub = _on_event(commands, "judges", _judges,
                    _("print the judges' consistency (bias, ICC, W)"), True)  # fmt: skip
    sub.add_argument("--round", type=int, metavar="N")
    add_format(sub)

    sub = _on_event(commands, "draw", _draw, _("draw the anonymous codes of a round"))
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--seed", help=_("the seed (a fresh one when left out)"))
    sub.add_argument("--prefix", default="", help=_("code prefix, e.g. A"))
    sub.add_argument("--stations", metavar="1号,2号,…", help=_("workstations, in turn"))
    sub.add_argument(
        "--recode", action="store_true", help=_("the second coding, by a second person")
    )
    add_format(sub)
    sub = _on_event(commands, "assign", _assign, _("give each entry its judges, balanced"))
    sub.add_argument("--round", type=int, metavar="N")

    conflicts = groups.group("conflict", _("conflicts of interest"), "list|declare|override")
    sub = _on_event(conflicts, "list", _conflicts, _("list an event's conflicts"), True)
    add_format(sub)
    sub = _on_event(conflicts, "declare", _conflict_declare,
                    _("declare a judge's conflict with a person"))  # fmt: skip
    sub.add_argument("--judge", required=True, metavar="USERNAME")
    sub.add_argument("--employee", required=True, metavar="NO")
    sub.add_argument("--note", required=True)
    add_format(sub)
    sub = _on_event(conflicts, "override", _conflict_override,
                    _("let a conflicted judge mark an entry"))  # fmt: skip
    sub.add_argument("--judge", required=True, metavar="USERNAME")
    sub.add_argument("--entry", required=True, metavar="KEY_OR_CODE")
    sub.add_argument("--reason", required=True)

    sheets = groups.group(
        "sheet", _("score-sheet files for offline laptops"), "export|fill|print|import"
    )
    sub = _on_event(sheets, "export", _sheet_export, _("write a judge's sheet to a signed file"))
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--judge", required=True, metavar="USERNAME")
    sub.add_argument("--out", required=True, metavar="FILE.json")
    text = _(
        "on the laptop: put marks into a sheet file, signed with the judge's password "
        "(from {env} or a prompt)",
        env=PASSWORD_ENV,
    )
    sub = command(sheets, "fill", _sheet_fill, text, True)
    sub.add_argument("file", metavar="FILE.json")
    sub.add_argument("--scores", required=True, metavar="FILE.csv")
    sub = _on_event(sheets, "print", _sheet_print, _("paper score sheets of a round, as PDF"))
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--out", required=True, metavar="FILE.pdf")
    sub = command(sheets, "import", _sheet_import, _("import a filled sheet file"))
    sub.add_argument("file", metavar="FILE.json")
    add_format(sub)
