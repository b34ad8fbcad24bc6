"""The ``contest-desk`` command: the window by default, subcommands for headless work.

Every subcommand goes through the services, prints what it did on stdout and
returns 0; a problem a person can fix prints a one-line reason on stderr and
returns 2 (an import prints every problem, one per line); a file or database
that cannot be opened returns 1.

``standings --format json`` prints this structure, kept stable for scripts::

    {"event": {"id": 3, "contest_id": 1, "name": "采油工技能比武", "mode": "individual",
               "parts": [{"name": "理论", "weight": "0.3"}, …],
               "rounds": [{"number": 1, "name": "决赛", "weight": "1"}, …]},
     "round": null,            # or the round number asked for with --round
     "final": false,           # true once every round it covers is locked
     "rows": [{"rank": 1, "entry": "吕新民", "code": null, "unit": "采油一区/采油一班",
               "key": "26010001",          # employee number, or team name
               "total": "92.98",           # decimals are strings, rounded as shown
               "parts": {"理论": "98.00", "实操": "90.83"}, "rounds": {"1": "92.98"},
               "award": "一等奖",          # or null
               "complete": true, "missing": 0}, …]}
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from contest_desk import __version__
from contest_desk.cli_backup import add_backup_commands
from contest_desk.cli_boards import add_board_commands
from contest_desk.cli_certificates import add_certificate_commands
from contest_desk.cli_innovation import add_innovation_commands
from contest_desk.cli_labor import add_labor_commands
from contest_desk.cli_types import checked_integers
from contest_desk.domain.advance import AdvanceMode, AdvanceRule
from contest_desk.domain.audit_chain import BREAK_REASONS
from contest_desk.domain.contest import STATUS_NAMES
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.permissions import LOCAL_READER, ROLE_NAMES, Role
from contest_desk.domain.records.contests import ImportSummary, StandingsTable
from contest_desk.errors import ImportRejected, UserError
from contest_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, language, set_language
from contest_desk.reports.consistency_report import judges_json, judges_text
from contest_desk.reports.paper_sheet import paper_sheet_from, write_paper_sheets
from contest_desk.reports.text_table import aligned, csv_text
from contest_desk.services.contests.rounds import describe as describe_rule
from contest_desk.services.demo.build import ACCOUNTS, build_demo, demo_password
from contest_desk.services.hub import Services
from contest_desk.services.judging.offline_sheets import fill_sheet_file, sheet_judge
from contest_desk.services.judging.score_import import read_sheet_values
from contest_desk.storage.db import default_database_path

Handler = Callable[[Services, argparse.Namespace], int]
PASSWORD_ENV = "CONTEST_DESK_PASSWORD"  # the --user's password, for scripts
NEW_PASSWORD_ENV = "CONTEST_DESK_NEW_PASSWORD"  # a password being set, for scripts


def _out(text: str = "") -> None:
    print(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


# Commands ----------------------------------------------------------------------------------


def _demo(services: Services, args: argparse.Namespace) -> int:
    build_demo(services)
    for contest in reversed(services.contests.contests()):
        _out(_("Demo contest written: {name} (contest {id})", name=contest.name, id=contest.id))
        for event in services.contests.events(contest.id):
            _out(_("  event {id}: {name}", id=event.id, name=event.name))
    _out(_("Accounts (user name / password / role):"))
    for username, name, roles in ACCOUNTS:
        role_names = "、".join(_(ROLE_NAMES[r]) for r in roles)
        _out(f"  {username:<10} {demo_password(username):<16} {role_names}（{name}）")
    return 0


def _new_password(username: str) -> str:
    """The new password of ``username``: CONTEST_DESK_NEW_PASSWORD, or typed twice."""
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    first = getpass.getpass(_("New password for {user}: ", user=username))
    if getpass.getpass(_("The same again: ")) != first:
        raise UserError("The two passwords differ")
    return first


def _user_add(services: Services, args: argparse.Namespace) -> int:
    password = _new_password(args.username)
    if services.users.has_users():
        info = services.users.add_user(
            args.username, args.name or args.username, password, args.role, args.expires
        )
    else:  # the first account of a new database: its administrator, as the set-up dialog
        if args.role != [Role.ADMIN.value]:
            raise UserError("The first account must be an administrator: --role admin")
        info = services.users.create_first_admin(args.username, args.name or "", password)
    _out(_("User {user} added", user=info.username))
    return 0


def _user_passwd(services: Services, args: argparse.Namespace) -> int:
    services.users.set_password(args.username, _new_password(args.username))
    _out(_("Password of {user} changed", user=args.username))
    return 0


def _user_disable(services: Services, args: argparse.Namespace) -> int:
    services.users.set_active(args.username, False, args.reason)
    _out(_("User {user} disabled", user=args.username))
    return 0


def _user_enable(services: Services, args: argparse.Namespace) -> int:
    services.users.set_active(args.username, True, args.reason)
    _out(_("User {user} enabled", user=args.username))
    return 0


def _user_list(services: Services, args: argparse.Namespace) -> int:
    for user in services.users.users():
        roles = "、".join(_(ROLE_NAMES[r]) for r in user.roles)
        state = _("active") if user.active else _("disabled")
        _out(f"{user.username:<12} {user.name:<8} {roles}  [{state}]")
    return 0


def _audit_verify(services: Services, args: argparse.Namespace) -> int:
    check = services.audit.verify(args.anchor)
    for problem in check.anchors:
        _err(problem)
    if check.broken is not None:
        reason = _(BREAK_REASONS[check.broken.reason])
        _err(
            _(
                "The audit trail is broken at row {seq}: {reason}",
                seq=check.broken.seq,
                reason=reason,
            )
        )
        return 3
    if check.anchors:
        return 3
    if check.differences:
        _err(
            _(
                "The database holds values the audit trail does not record "
                "(changed behind the app's back):"
            )
        )
        for d in check.differences:
            _err(_("{what}: stored {stored}, the trail says {recorded}", **d.__dict__))
        return 3
    _out(
        _(
            "The audit trail is intact: {rows} rows; {compared} marks, sheets and locks "
            "are as it records",
            rows=check.rows,
            compared=check.compared,
        )
    )
    return 0


def _audit_anchor(services: Services, args: argparse.Namespace) -> int:
    anchor = services.audit.anchor()
    _out(_("Audit anchor: {anchor}", anchor=anchor.printed if anchor else "—"))
    return 0


def _contests(services: Services, args: argparse.Namespace) -> int:
    """The ids other commands ask for: every contest with its events."""
    contests = services.contests.contests()
    if not contests:
        _out(_("No contests yet."))
    for contest in contests:
        _out(f"{contest.id:>4}  {contest.name}  [{_(STATUS_NAMES[contest.status])}]")
        for event in services.contests.events(contest.id):
            entries = len(services.roster.entries(event.id))
            _out("      " + _("event {id}: {name} ({entries} entries)", id=event.id,
                               name=event.name, entries=entries))  # fmt: skip
    return 0


def _summary(source: str, summary: ImportSummary) -> None:
    counts = []
    for kind in dict.fromkeys([*summary.created, *summary.updated]):
        created = summary.created.get(kind, 0)
        if kind in summary.updated:
            updated = summary.updated[kind]
            text = _(
                "{what}: {created} new, {updated} updated",
                what=_(kind),
                created=created,
                updated=updated,
            )
        else:
            text = _("{what}: {created} new", what=_(kind), created=created)
        counts.append(text)
    _out(_("Imported {file}: {counts}", file=source, counts=_("; ").join(counts)))


def _import_roster(services: Services, args: argparse.Namespace) -> int:
    # Imported here: the Excel reader pulls in openpyxl, which other commands do not need.
    from contest_desk.reports.roster_excel import read_roster

    path = Path(args.file)
    summary = services.roster_import.import_rows(args.contest, read_roster(path), path.name)
    _summary(path.name, summary)
    return 0


def _import_scores(services: Services, args: argparse.Namespace) -> int:
    path = Path(args.file)
    _summary(path.name, services.score_import.import_csv(args.event, path))
    return 0


def _import_contest(services: Services, args: argparse.Namespace) -> int:
    contest = services.transfer.import_file(args.file)
    _out(_("Imported the contest {name} as contest {id}", name=contest.name, id=contest.id))
    return 0


def _export_contest(services: Services, args: argparse.Namespace) -> int:
    path = services.transfer.export_file(args.contest_id, args.out)
    _out(_("Contest {id} written to {file}", id=args.contest_id, file=path))
    return 0


def _standings(services: Services, args: argparse.Namespace) -> int:
    table = services.standings.standings(args.event, args.round)
    formats = {"table": standings_text, "csv": standings_csv, "json": standings_json}
    sys.stdout.write(formats[args.format](table))
    return 0


def _judges(services: Services, args: argparse.Namespace) -> int:
    report = services.consistency.report(args.event, args.round)
    sys.stdout.write(judges_json(report) if args.format == "json" else judges_text(report))
    return 0


def _judge_id(services: Services, event_id: int, username: str) -> int:
    event = services.contests.event(event_id)
    for judge in services.roster.judges(event.contest_id):
        if judge.username == username:
            return judge.id
    raise UserError("The contest has no judge '{judge}'", judge=username)


def _draw(services: Services, args: argparse.Namespace) -> int:
    stations = [s for s in (args.stations or "").split(",") if s.strip()]
    if args.recode:
        info = services.draws.recode(args.event, args.round, args.seed, args.prefix or "B")
    else:
        info = services.draws.run(args.event, args.round, args.seed, args.prefix, stations)
    _out(_("Draw, layer {layer}, seed {seed}:", layer=info.layer, seed=info.seed))
    for drawn in info.entries:
        station = drawn.workstation or ""
        _out(f"  {drawn.position:>3}  {' → '.join(drawn.codes):<14} {station}")
    return 0


def _assign(services: Services, args: argparse.Namespace) -> int:
    short = services.assignments.assign_entries(args.event, args.round)
    _out(_("Judges assigned to every entry"))
    for entry_id, lacking in short.items():
        _err(_("entry {id} lacks {n} judge(s)", id=entry_id, n=lacking))
    return 0


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


def _conflicts(services: Services, args: argparse.Namespace) -> int:
    event = services.contests.event(args.event)
    names = {j.id: j.name for j in services.roster.judges(event.contest_id)}
    labels = {e.id: e.code or e.label for e in services.roster.entries(args.event)}
    kinds = {"unit": _("same unit"), "declared": _("declared")}
    for c in services.assignments.conflicts(args.event):
        state = _("overridden: {reason}", reason=c.override) if c.override else ""
        note = f"（{c.note}）" if c.note else ""
        _out(f"{names.get(c.judge_id, c.judge_id)}  {labels.get(c.entry_id, c.entry_id)}  "
             f"{kinds[c.kind]}{note}  {state}".rstrip())  # fmt: skip
    return 0


def _conflict_declare(services: Services, args: argparse.Namespace) -> int:
    judge = _judge_id(services, args.event, args.judge)
    services.assignments.declare_conflict(judge, _person_id(services, args.employee), args.note)
    _out(_("Conflict recorded"))
    return 0


def _conflict_override(services: Services, args: argparse.Namespace) -> int:
    judge = _judge_id(services, args.event, args.judge)
    entry = _entry_of(services, args.event, args.entry)
    services.assignments.override_conflict(judge, entry, args.reason)
    _out(_("Conflict overridden"))
    return 0


def _round_rule(services: Services, args: argparse.Namespace) -> int:
    options = (
        (AdvanceMode.TOP, args.top),
        (AdvanceMode.SHARE, args.share),
        (AdvanceMode.MIN_SCORE, args.min),
    )
    given = [(mode, value) for mode, value in options if value is not None]
    if len(given) != 1:
        raise UserError("Give exactly one of --top, --share and --min")
    mode, value = given[0]
    rule = AdvanceRule(mode, parse_decimal(value, mode.value), not args.strict_ties)
    services.rounds.set_advance_rule(args.event, args.round, rule)
    _out(_("Advance rule of round {n}: {rule}", n=args.round, rule=describe_rule(rule)))
    return 0


def _round_close(services: Services, args: argparse.Namespace) -> int:
    result = services.rounds.close(args.event, args.round)
    _out(
        _(
            "Round {n} closed by {rule}: {up} advance, {out} eliminated",
            n=args.round,
            rule=result.rule,
            up=len(result.advancing),
            out=len(result.eliminated),
        )
    )
    return 0


def _sheet_export(services: Services, args: argparse.Namespace) -> int:
    judge = _judge_id(services, args.event, args.judge)
    path = services.offline_sheets.export(args.event, args.round, judge, args.out)
    _out(_("Score sheet written to {path}", path=path))
    return 0


def _sheet_fill(services: Services, args: argparse.Namespace) -> int:
    """On the laptop: values from a CSV (entry code, criterion, value) into the sheet file,
    signed with the key made from the judge's password (from the environment or asked)."""
    values = read_sheet_values(Path(args.scores))
    fill_sheet_file(args.file, values, _password(sheet_judge(args.file)))
    _out(_("{count} value(s) written into {path}", count=len(values), path=args.file))
    return 0


def _sheet_print(services: Services, args: argparse.Namespace) -> int:
    paper = services.offline_sheets.paper(args.event, args.round)
    sheets = [
        paper_sheet_from(sheet, paper.contest, paper.event, paper.round_name, judge.name)
        for judge, sheet in paper.sheets
    ]
    if not sheets:
        raise UserError("No judge is on the panel of {event} yet", event=paper.event)
    path = write_paper_sheets(args.out, sheets)
    _out(_("{count} paper score sheet(s) written to {path}", count=len(sheets), path=path))
    return 0


def _sheet_import(services: Services, args: argparse.Namespace) -> int:
    result = services.offline_sheets.import_file(args.file)
    _out(
        _(
            "Imported: {stored} new, {same} already stored",
            stored=result.stored,
            same=result.unchanged,
        )
    )
    return 0


# Standings output --------------------------------------------------------------------------


def _round_columns(table: StandingsTable) -> list[int]:
    """Per-round totals are worth a column only for the whole event over several rounds."""
    rounds = [r.number for r in table.event.rounds]
    return rounds if table.round_number is None and len(rounds) > 1 else []


def _rows(table: StandingsTable) -> tuple[list[str], list[list[str]]]:
    parts = [p.name for p in table.event.parts]
    rounds = _round_columns(table)
    header = [_("Rank"), _("Code"), _("Name"), _("Unit"), *parts]
    header += [_("Round {number}", number=n) for n in rounds]
    header += [_("Total"), _("Award")]
    body = [
        [str(r.rank), r.entry.code or "", r.entry.label, r.entry.unit]
        + [str(r.part_totals.get(p, "")) for p in parts]
        + [str(r.round_totals.get(n, "")) for n in rounds]
        + [str(r.total), r.award or ""]
        for r in table.rows
    ]
    return header, body


def _numeric(header: list[str]) -> set[int]:
    """Rank and totals: right-aligned in the table, left unquoted in CSV."""
    return {0, *range(4, len(header) - 1)}


def standings_text(table: StandingsTable) -> str:
    """Aligned columns; an incomplete entry (marks missing) is marked with ``*``."""
    header, body = _rows(table)
    marks = [""] + ["" if r.complete else "*" for r in table.rows]
    numeric = _numeric(header)
    out = [_("{event}: standings", event=table.event.name)]
    out += aligned([header, *body], numeric, marks)
    if any(marks):
        out.append(_("* marks are missing; the entry is not ranked for awards yet"))
    return "\n".join(out) + "\n"


def standings_csv(table: StandingsTable) -> str:
    header, body = _rows(table)
    return csv_text(
        [*header, _("Complete")],
        (
            [*row, _("yes") if r.complete else _("no")]
            for row, r in zip(body, table.rows, strict=True)
        ),
        _numeric(header),
    )


def standings_json(table: StandingsTable) -> str:
    """The structure documented at the top of this module."""
    event = table.event
    data: dict[str, Any] = {
        "event": {
            "id": event.id,
            "contest_id": event.contest_id,
            "name": event.name,
            "mode": event.mode.value,
            "parts": [{"name": p.name, "weight": str(p.weight)} for p in event.parts],
            "rounds": [
                {"number": r.number, "name": r.name, "weight": str(r.weight)} for r in event.rounds
            ],
        },
        "round": table.round_number,
        "final": table.final,
        "rows": [
            {
                "rank": r.rank,
                "entry": r.entry.label,
                "code": r.entry.code,
                "unit": r.entry.unit,
                "key": r.entry.key,
                "total": str(r.total),
                "parts": {name: str(v) for name, v in r.part_totals.items()},
                "rounds": {str(n): str(v) for n, v in r.round_totals.items()},
                "award": r.award,
                "complete": r.complete,
                "missing": r.missing,
            }
            for r in table.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Parsing and running -----------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contest-desk",
        description=_("Contest Desk: opens the window, or runs one command without it."),
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=_("database file or SQLAlchemy URL (default: {path})", path=default_database_path()),
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of messages"))
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=_("act as this user (password from {env} or a prompt)", env=PASSWORD_ENV),
    )
    parser.add_argument("--version", action="version", version=f"contest-desk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        group: Any, name: str, handler: Handler, text: str, reads: bool = False
    ) -> argparse.ArgumentParser:
        """``reads``: a read-only report, which a local file lets anyone run without a log-in."""
        sub: argparse.ArgumentParser = group.add_parser(name, help=text, description=text)
        sub.set_defaults(run=handler, reads=reads)
        return sub

    command(commands, "demo", _demo, _("write the demo contest into an empty database"))
    command(
        commands, "contests", _contests, _("list contests and their events with their ids"), True
    )
    imports = commands.add_parser("import", help=_("import a roster, scores or a contest file"))
    what = imports.add_subparsers(dest="what", metavar="roster|scores|contest", required=True)
    sub = command(what, "roster", _import_roster, _("import persons and entries from Excel"))
    sub.add_argument("file", metavar="FILE.xlsx")
    sub.add_argument("--contest", type=int, required=True, metavar="ID")
    sub = command(
        what, "scores", _import_scores, _("import marks from CSV: entry, judge, criterion, value")
    )
    sub.add_argument("file", metavar="FILE.csv")
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub = command(what, "contest", _import_contest, _("import a contest file as a new contest"))
    sub.add_argument("file", metavar="FILE.json")
    exports = commands.add_parser("export", help=_("export a contest file"))
    what = exports.add_subparsers(dest="what", metavar="contest", required=True)
    sub = command(what, "contest", _export_contest, _("write a whole contest to a JSON file"))
    sub.add_argument("contest_id", type=int, metavar="ID")
    sub.add_argument("--out", required=True, metavar="FILE.json")
    sub = command(commands, "standings", _standings, _("print an event's standings"), True)
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--format", choices=("table", "csv", "json"), default="table")

    sub = command(
        commands, "judges", _judges, _("print the judges' consistency (bias, ICC, W)"), True
    )
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--format", choices=("table", "json"), default="table")

    sub = command(commands, "draw", _draw, _("draw the anonymous codes of a round"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--seed", help=_("the seed (a fresh one when left out)"))
    sub.add_argument("--prefix", default="", help=_("code prefix, e.g. A"))
    sub.add_argument("--stations", metavar="1号,2号,…", help=_("workstations, in turn"))
    sub.add_argument(
        "--recode", action="store_true", help=_("the second coding, by a second person")
    )
    sub = command(commands, "assign", _assign, _("give each entry its judges, balanced"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")

    conflicts = commands.add_parser("conflict", help=_("conflicts of interest"))
    what = conflicts.add_subparsers(dest="what", metavar="list|declare|override", required=True)
    sub = command(what, "list", _conflicts, _("list an event's conflicts"), True)
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub = command(what, "declare", _conflict_declare, _("declare a judge's conflict with a person"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--judge", required=True, metavar="USERNAME")
    sub.add_argument("--employee", required=True, metavar="NO")
    sub.add_argument("--note", required=True)
    sub = command(what, "override", _conflict_override, _("let a conflicted judge mark an entry"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--judge", required=True, metavar="USERNAME")
    sub.add_argument("--entry", required=True, metavar="KEY_OR_CODE")
    sub.add_argument("--reason", required=True)

    rounds = commands.add_parser("round", help=_("rounds with elimination"))
    what = rounds.add_subparsers(dest="what", metavar="rule|close", required=True)
    sub = command(what, "rule", _round_rule, _("set who advances from a round"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, required=True, metavar="N")
    sub.add_argument("--top", metavar="N")
    sub.add_argument("--share", metavar="PERCENT")
    sub.add_argument("--min", metavar="SCORE")
    sub.add_argument(
        "--strict-ties", action="store_true", help=_("ties at the cut do not all advance")
    )
    sub = command(what, "close", _round_close, _("close a locked round by its rule"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, required=True, metavar="N")

    add_board_commands(commands, command)
    add_labor_commands(commands, command)
    add_innovation_commands(commands, command)
    add_certificate_commands(commands, command)
    add_backup_commands(commands, command)

    sheets = commands.add_parser("sheet", help=_("score-sheet files for offline laptops"))
    what = sheets.add_subparsers(dest="what", metavar="export|fill|print|import", required=True)
    sub = command(what, "export", _sheet_export, _("write a judge's sheet to a signed file"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--judge", required=True, metavar="USERNAME")
    sub.add_argument("--out", required=True, metavar="FILE.json")
    sub = command(
        what,
        "fill",
        _sheet_fill,
        _(
            "on the laptop: put marks into a sheet file, signed with the judge's password "
            "(from {env} or a prompt)",
            env=PASSWORD_ENV,
        ),
        True,
    )
    sub.add_argument("file", metavar="FILE.json")
    sub.add_argument("--scores", required=True, metavar="FILE.csv")
    sub = command(what, "print", _sheet_print, _("paper score sheets of a round, as PDF"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--out", required=True, metavar="FILE.pdf")
    sub = command(what, "import", _sheet_import, _("import a filled sheet file"))
    sub.add_argument("file", metavar="FILE.json")

    users = commands.add_parser("user", help=_("add, change or disable user accounts"))
    what = users.add_subparsers(
        dest="what", metavar="add|passwd|disable|enable|list", required=True
    )
    sub = command(what, "add", _user_add, _("add an account (the first one: the administrator)"))
    sub.add_argument("username", metavar="USERNAME")
    sub.add_argument("--name", default="", help=_("the person's name"))
    sub.add_argument(
        "--role", action="append", required=True, choices=[r.value for r in Role],
        help=_("a role; repeat for several"),
    )  # fmt: skip
    sub.add_argument("--expires", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    sub = command(what, "passwd", _user_passwd, _("set a user's password"))
    sub.add_argument("username", metavar="USERNAME")
    for name, handler, text in (
        ("disable", _user_disable, _("disable an account (it is kept, with its history)")),
        ("enable", _user_enable, _("enable a disabled account")),
    ):
        sub = command(what, name, handler, text)
        sub.add_argument("username", metavar="USERNAME")
        sub.add_argument("--reason", default="")
    command(what, "list", _user_list, _("list the accounts"))
    audit = commands.add_parser("audit", help=_("the audit trail"))
    what = audit.add_subparsers(dest="what", metavar="verify|anchor", required=True)
    sub = command(what, "verify", _audit_verify, _("check the audit trail's hash chain"), True)
    sub.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="ROW:HASH",
        help=_("an anchor printed on a notice or certificate batch; may be given again"),
    )
    command(what, "anchor", _audit_anchor, _("anchor the trail's head now and print it"), True)
    return checked_integers(parser)


def _password(username: str) -> str:
    """The password of ``username``: CONTEST_DESK_PASSWORD, or typed at a prompt."""
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = getpass.getpass(_("Password for {user}: ", user=username))
    return password


def _acting(services: Services, args: argparse.Namespace) -> Services:
    """The services acting for whoever runs the command, after the same checks as the window.

    A read-only report on a local file needs no log-in; anything that changes data does,
    except the first steps of a database without accounts (the demo, the first user).
    """
    # The demo refuses any database that has contests or accounts, so it may run unnamed.
    first_steps = args.run is _demo or (args.run is _user_add and not services.users.has_users())
    if args.user:
        return services.as_user(services.users.authenticate(args.user, _password(args.user)))
    if first_steps:
        return services
    if not args.reads:
        raise UserError("This command changes data: say who you are with --user NAME")
    if services.ctx.db.sqlite_path is None:
        raise UserError("A database on a server needs --user NAME, even to read")
    return services.as_user(LOCAL_READER)


def _run(args: argparse.Namespace) -> int:
    db = args.db or str(default_database_path())
    if args.command is None:
        # Imported here so that every other command works without Qt.
        from contest_desk.app import run_gui

        return run_gui(db, args.lang)
    try:
        services = Services.open(db)
        try:
            handler: Handler = args.run
            return handler(_acting(services, args), args)
        finally:
            services.ctx.db.dispose()
    except ImportRejected as rejected:
        _err(_("{count} problem(s), nothing imported:", count=len(rejected.problems)))
        for problem in rejected.problems:
            _err(problem.message())
        return 2
    except UserError as error:
        _err(_("Error: {reason}", reason=error.message()))
        return 2
    except (OSError, SQLAlchemyError) as error:
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        _err(_("Error: {reason}", reason=first_line))
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of leaving the process."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language is needed before the parser is built, since its help is translated.
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(argv)
    previous = language()
    set_language(known.lang or DEFAULT_LANGUAGE)
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as stop:  # --help, --version and usage errors
            return stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 2
        return _run(args)
    finally:
        set_language(previous)
