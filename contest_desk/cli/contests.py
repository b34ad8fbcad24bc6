"""``contest-desk contests``, ``import contest``, ``export contest`` and ``round …``:
contests, their files and their rounds."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from contest_desk.cli.core import Groups, add_format, add_import, command, listed, said
from contest_desk.domain.contest import STATUS_NAMES
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services


def _contests(services: Services, args: argparse.Namespace) -> int:
    """The ids other commands ask for: every contest with its events.

    JSON: ``[{"id", "name", "kind", "status", "events": [{"id", "name", "entries"}]}]``.
    """
    contests = services.contests.contests()
    counts = services.roster.entry_counts() if contests else {}
    lines, data = [], []
    for contest in contests:
        lines.append(f"{contest.id:>4}  {contest.name}  [{_(STATUS_NAMES[contest.status])}]")
        events = []
        for event in services.contests.events(contest.id):
            entries = counts.get(event.id, 0)
            lines.append("      " + _("event {id}: {name} ({entries} entries)", id=event.id,
                                      name=event.name, entries=entries))  # fmt: skip
            events.append({"id": event.id, "name": event.name, "entries": entries})
        data.append(
            {
                "id": contest.id,
                "name": contest.name,
                "kind": contest.kind.value,
                "status": contest.status.value,
                "events": events,
            }
        )
    return listed(args, lines or [_("No contests yet.")], data)


def _copy_contest(services: Services, args: argparse.Namespace) -> int:
    """以此为模板新建竞赛; JSON: ``{"id", "name", "source"}``."""
    from contest_desk.domain.dates import parse_date

    start = parse_date(args.start or "", "--start")
    end = parse_date(args.end or "", "--end")
    contest = services.contests.copy_contest(args.source, args.name, start, end)
    text = _(
        "Contest {source} copied as contest {id}, {name}: its events, rubrics, rounds, "
        "judges and panels; no entries or scores",
        source=args.source,
        id=contest.id,
        name=contest.name,
    )
    return said(args, text, id=contest.id, name=contest.name, source=args.source)


def _import_contest(services: Services, args: argparse.Namespace) -> int:
    contest = services.transfer.import_file(args.file)
    text = _("Imported the contest {name} as contest {id}", name=contest.name, id=contest.id)
    return said(args, text, id=contest.id)


def _export_contest(services: Services, args: argparse.Namespace) -> int:
    path = services.transfer.export_file(args.contest_id, args.out)
    return said(args, _("Contest {id} written to {file}", id=args.contest_id, file=path))


def _round_rule(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.domain.advance import AdvanceMode, AdvanceRule
    from contest_desk.domain.numbers import parse_decimal
    from contest_desk.services.contests.rounds import describe

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
    return said(args, _("Advance rule of round {n}: {rule}", n=args.round, rule=describe(rule)))


def _round_close(services: Services, args: argparse.Namespace) -> int:
    result = services.rounds.close(args.event, args.round)
    text = _(
        "Round {n} closed by {rule}: {up} advance, {out} eliminated",
        n=args.round,
        rule=result.rule,
        up=len(result.advancing),
        out=len(result.eliminated),
    )
    return said(args, text)


def add_commands(groups: Groups) -> None:
    sub = command(
        groups.commands, "contests", _contests, _("list contests and their events with their ids"),
        True,
    )  # fmt: skip
    add_format(sub)
    copies = sub.add_subparsers(dest="what", metavar="copy")
    copy = command(
        copies, "copy", _copy_contest, _("a new contest set up like SOURCE (以此为模板新建竞赛)")
    )
    copy.add_argument("source", type=int, metavar="SOURCE")
    copy.add_argument("--name", required=True, help=_("the new contest's name"))
    for option in ("--start", "--end"):
        copy.add_argument(option, metavar="DATE", help=_("e.g. 2027-05-11; empty: not set"))
    add_format(copy)
    text = _("import a contest file as a new contest")
    add_import(groups, "contest", _import_contest, text, "FILE.json")
    exports = groups.group("export", _("export a contest file"), "contest")
    sub = command(exports, "contest", _export_contest, _("write a whole contest to a JSON file"))
    sub.add_argument("contest_id", type=int, metavar="ID")
    sub.add_argument("--out", required=True, metavar="FILE.json")

    rounds = groups.group("round", _("rounds with elimination"), "rule|close")
    sub = command(rounds, "rule", _round_rule, _("set who advances from a round"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, required=True, metavar="N")
    sub.add_argument("--top", metavar="N")
    sub.add_argument("--share", metavar="PERCENT")
    sub.add_argument("--min", metavar="SCORE")
    sub.add_argument(
        "--strict-ties", action="store_true", help=_("ties at the cut do not all advance")
    )
    sub = command(rounds, "close", _round_close, _("close a locked round by its rule"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, required=True, metavar="N")
