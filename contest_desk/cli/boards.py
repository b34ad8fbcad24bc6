"""``contest-desk board …``: challenge boards from the command line, through the services."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contest_desk.cli.core import (
    Groups,
    Handler,
    add_format,
    add_out,
    command,
    listed,
    said,
    table_out,
)
from contest_desk.domain import limits
from contest_desk.domain.ladder import BoardRules, PeriodKind, RatingKind, RatingUpdate, WinRule
from contest_desk.domain.numbers import parse_decimal, parse_whole
from contest_desk.errors import UserError
from contest_desk.i18n import _

if TYPE_CHECKING:
    from contest_desk.services.hub import Services

# option → (BoardRules field, how to read it)
# Counts and days through parse_whole, ratings through the ratings' limits: the same as a
# board imported from paper (int() would take "99999999999999999999" and crash on "²").
RULE_OPTIONS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "reach": ("reach", lambda v: parse_whole(v, "reach")),
    "max_open": ("max_open", lambda v: parse_whole(v, "max-open")),
    "accept_days": ("accept_days", lambda v: parse_whole(v, "accept-days", 0, limits.DAYS_MAX)),
    "declines": ("declines", lambda v: parse_whole(v, "declines")),
    "win": ("win_rule", WinRule),
    "rating": ("rating", RatingKind),
    "rating_update": ("rating_update", RatingUpdate),
    "elo_k": ("elo_k", lambda v: parse_decimal(v, "elo-k")),
    "tau": ("tau", lambda v: parse_decimal(v, "tau")),
    "period": ("period", PeriodKind),
    "eliminate_bottom": ("eliminate_bottom", lambda v: parse_whole(v, "eliminate-bottom")),
    "eliminate_below": ("eliminate_below", lambda v: _rating(v, "eliminate-below")),
    "eliminate_losses": ("eliminate_losses", lambda v: parse_whole(v, "eliminate-losses")),
    "eliminate_idle": ("eliminate_idle", lambda v: parse_whole(v, "eliminate-idle")),
}


def _rating(text: str, field: str) -> Decimal:
    return parse_decimal(text, field, limits.RATING_PLACES, limits.RATING_DIGITS)


def _rules(base: BoardRules, args: argparse.Namespace) -> BoardRules:
    changes = {
        field: read(getattr(args, option))
        for option, (field, read) in RULE_OPTIONS.items()
        if getattr(args, option) is not None
    }
    if args.only_holder is not None:
        changes["only_holder"] = args.only_holder
    if args.ties_to_challenger:
        changes["defender_wins_ties"] = False
    if args.draws is not None:
        changes["draws"] = args.draws
    rules = replace(base, **changes)
    if rules.rating is RatingKind.GLICKO2 and args.rating_update == RatingUpdate.BOUT:
        raise UserError("Glicko-2 rates once per period: --rating-update bout is for Elo only")
    return rules


def _entries(services: Services, board_id: int, *keys: str) -> list[int]:
    """The entries the keys name (entry key, code or name), from one read of the board."""
    entries = services.board_views.view(board_id).entries.values()
    out = []
    for key in keys:
        found = next((e.id for e in entries if key in (e.key, e.code, e.label)), None)
        if found is None:
            raise UserError("The board has no entry '{entry}'", entry=key)
        out.append(found)
    return out


def _winner(text: str | None) -> bool:
    return text == "challenger"


def _outcome(args: argparse.Namespace) -> tuple[bool, bool]:
    """(challenger won, draw) from --winner or --draw, one of them."""
    if (args.winner is None) == (not args.draw):
        raise UserError("Give either --winner challenger|defender or --draw")
    return _winner(args.winner), args.draw


def _create(services: Services, args: argparse.Namespace) -> int:
    board = services.boards.create_board(
        args.event,
        args.name,
        _rules(BoardRules(), args),
        skill=args.skill,
        scored=not args.recorded,
        starts_on=args.start,
    )
    return said(args, _("Board {id} created: {name}", id=board.id, name=board.name), id=board.id)


def _set_rules(services: Services, args: argparse.Namespace) -> int:
    view = services.board_views.view(args.board)
    shown = view.next_rules or view.rules  # the options change these; refused if moved meanwhile
    services.boards.set_rules(args.board, _rules(shown, args), args.note, read=shown)
    return said(args, _("The new rules apply from period {n}", n=view.period + 1))


def _list(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``[{"id", "contest_id", "event_id", "name", "skill", "scored", "starts_on"}]``."""
    boards = services.board_views.boards(args.contest)
    data = [
        {"id": b.id, "contest_id": b.contest_id, "event_id": b.event_id, "name": b.name,
         "skill": b.skill, "scored": b.scored, "starts_on": b.starts_on.isoformat()}
        for b in boards
    ]  # fmt: skip
    return listed(args, [f"{b.id}  {b.name}  {b.skill}" for b in boards], data)


def _show(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.board_report import board_csv, board_json, board_text

    view = services.board_views.view(args.board)
    return table_out(args, {"text": board_text, "csv": board_csv, "json": board_json}, view)


def _history(services: Services, args: argparse.Namespace) -> int:
    from contest_desk.reports.board_report import history_csv, history_json

    view = services.board_views.view(args.board)
    return table_out(args, {"csv": history_csv, "json": history_json}, view)


def _join(services: Services, args: argparse.Namespace) -> int:
    entries = _entries(services, args.board, *args.entries)
    services.boards.join(args.board, entries)
    return said(args, _("{n} joined the board", n=len(entries)), entry_ids=entries)


def _qualify(services: Services, args: argparse.Namespace) -> int:
    joined = services.boards.qualify(args.board, args.event, args.round, args.top)
    return said(args, _("{n} joined the board", n=len(joined)), entry_ids=joined)


def _targets(services: Services, args: argparse.Namespace) -> int:
    """JSON: ``[{"place", "entry_id", "entry", "allowed", "why"}]`` (``why``: the reason
    it may not be challenged, or null)."""
    [challenger] = _entries(services, args.board, args.challenger)
    targets = services.board_views.targets(args.board, challenger)
    lines = [f"{row.place}  {row.entry.label}  {why or _('may be challenged')}"
             for row, why in targets]  # fmt: skip
    data = [
        {"place": row.place, "entry_id": row.entry.id, "entry": row.entry.label,
         "allowed": not why, "why": why or None}
        for row, why in targets
    ]  # fmt: skip
    return listed(args, lines, data)


def _challenge(services: Services, args: argparse.Namespace) -> int:
    challenger, defender = _entries(services, args.board, args.challenger, args.defender)
    seq = services.boards.challenge(args.board, challenger, defender)
    return said(args, _("Challenge {seq} issued", seq=seq), id=seq)


def _accept(services: Services, args: argparse.Namespace) -> int:
    number = services.boards.accept(args.board, args.challenge)
    if number is None:
        return said(args, _("Challenge {seq} accepted", seq=args.challenge))
    return said(args, _("Challenge {seq} accepted: its bout is round {n}", seq=args.challenge,
                        n=number))  # fmt: skip


def _decline(services: Services, args: argparse.Namespace) -> int:
    services.boards.decline(args.board, args.challenge, args.note)
    return said(args, _("Challenge {seq} declined", seq=args.challenge))


def _result(services: Services, args: argparse.Namespace) -> int:
    if args.from_scores:
        number = services.boards.result_from_scores(args.board, args.challenge)
    elif args.winner is None and not args.draw:
        raise UserError("Give --winner challenger|defender with --note, or --from-scores")
    else:
        won, draw = _outcome(args)
        number = services.boards.record_result(
            args.board, args.challenge, won, args.note or "", draw=draw
        )
    return said(args, _("Bout {seq} recorded", seq=number), id=number)


def _correct(services: Services, args: argparse.Namespace) -> int:
    won, draw = _outcome(args)
    services.boards.correct(args.board, args.bout, won, args.reason, draw=draw)
    return said(args, _("Bout {seq} corrected; the board is recomputed from it on", seq=args.bout))


def _remove(services: Services, args: argparse.Namespace) -> int:
    [entry] = _entries(services, args.board, args.entry)
    services.boards.remove(args.board, entry, args.reason)
    return said(args, _("Taken off the board; the history stays"))


def _close_period(services: Services, args: argparse.Namespace) -> int:
    period = services.boards.close_period(args.board)
    return said(args, _("Period {n} closed", n=period))


def _import(services: Services, args: argparse.Namespace) -> int:
    n = services.board_import.import_paper(args.board, Path(args.file))
    return said(args, _("{n} joined the board", n=n))


def _rule_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--reach", type=int, metavar="K", help=_("challenge up to K places above"))
    sub.add_argument(
        "--only-holder", action=argparse.BooleanOptionalAction, default=None,
        help=_("only the title holder may be challenged"),
    )  # fmt: skip
    sub.add_argument("--max-open", type=int, metavar="N", help=_("open challenges per entry"))
    sub.add_argument(
        "--accept-days", type=int, metavar="D", help=_("days a defender has to accept")
    )
    sub.add_argument(
        "--declines", metavar="N", help=_("challenges a defender may decline a period")
    )
    sub.add_argument("--win", choices=[w.value for w in WinRule])
    sub.add_argument("--rating", choices=[r.value for r in RatingKind])
    sub.add_argument(
        "--rating-update", choices=[u.value for u in RatingUpdate],
        help=_("Elo: rate after each bout, or once per period (Glicko-2: per period)"),
    )  # fmt: skip
    sub.add_argument(
        "--draws", action=argparse.BooleanOptionalAction, default=None,
        help=_("a bout may end in a draw (平局)"),
    )  # fmt: skip
    sub.add_argument("--elo-k", metavar="K")
    sub.add_argument("--tau", metavar="TAU", help=_("Glicko-2's system constant"))
    sub.add_argument("--period", choices=[p.value for p in PeriodKind])
    sub.add_argument("--eliminate-bottom", type=int, metavar="K")
    sub.add_argument("--eliminate-below", metavar="RATING")
    sub.add_argument("--eliminate-losses", type=int, metavar="L")
    sub.add_argument("--eliminate-idle", type=int, metavar="P")
    sub.add_argument(
        "--ties-to-challenger", action="store_true", help=_("a tied bout goes to the challenger")
    )


def add_commands(groups: Groups) -> None:
    challenge_no = _("the challenge's number on the board, as 'board show' lists it")
    what = groups.group("board", _("challenge boards (打擂)"), "show|challenge|result|…")

    def on_board(
        name: str, handler: Handler, text: str, reads: bool = False
    ) -> argparse.ArgumentParser:
        sub = command(what, name, handler, text, reads)
        sub.add_argument("--board", type=int, required=True, metavar="ID")
        return sub

    sub = command(what, "list", _list, _("list the boards"), True)
    sub.add_argument("--contest", type=int, metavar="ID")
    add_format(sub)
    sub = command(what, "create", _create, _("set up a board on an event"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--name", required=True)
    sub.add_argument("--skill", default="")
    sub.add_argument(
        "--recorded", action="store_true", help=_("bouts are recorded as a win or a loss")
    )
    sub.add_argument("--start", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    _rule_options(sub)
    add_format(sub)
    sub = on_board("rules", _set_rules, _("change the rules from the next period on"))
    sub.add_argument("--note", default="")
    _rule_options(sub)
    sub = on_board("show", _show, _("print the board now"), True)
    add_format(sub, csv=True)
    sub = on_board("history", _history, _("every entry's place and rating per period"), True)
    sub.add_argument("--format", choices=("csv", "json"), default="csv")
    add_out(sub)
    sub = on_board("join", _join, _("entries join at the bottom"))
    sub.add_argument("entries", nargs="+", metavar="KEY")
    add_format(sub)
    sub = on_board("qualify", _qualify, _("the top of a round's standings join at the bottom"))
    sub.add_argument("--event", type=int, required=True, metavar="ID")
    sub.add_argument("--round", type=int, metavar="N")
    sub.add_argument("--top", type=int, required=True, metavar="N")
    add_format(sub)
    sub = on_board("targets", _targets, _("whom an entry may challenge, and why not"), True)
    sub.add_argument("--challenger", required=True, metavar="KEY")
    add_format(sub)
    sub = on_board("challenge", _challenge, _("issue a challenge"))
    sub.add_argument("--challenger", required=True, metavar="KEY")
    sub.add_argument("--defender", required=True, metavar="KEY")
    add_format(sub)
    sub = on_board("accept", _accept, _("the defender accepts a challenge"))
    sub.add_argument("--challenge", type=int, required=True, metavar="N", help=challenge_no)
    sub = on_board("decline", _decline, _("the defender declines a challenge"))
    sub.add_argument("--challenge", type=int, required=True, metavar="N", help=challenge_no)
    sub.add_argument("--note", default="")
    sub = on_board("result", _result, _("record a bout's result"))
    sub.add_argument("--challenge", type=int, required=True, metavar="N", help=challenge_no)
    sub.add_argument("--winner", choices=("challenger", "defender"))
    sub.add_argument("--draw", action="store_true", help=_("the bout was a draw (平局)"))
    sub.add_argument("--note")
    sub.add_argument(
        "--from-scores", action="store_true", help=_("take it from the bout's locked round")
    )
    add_format(sub)
    sub = on_board("correct", _correct, _("correct a logged result, with a reason"))
    sub.add_argument(
        "--bout", type=int, required=True, metavar="N", help=_("the bout's number on the board")
    )
    sub.add_argument("--winner", choices=("challenger", "defender"))
    sub.add_argument("--draw", action="store_true", help=_("the bout was a draw (平局)"))
    sub.add_argument("--reason", required=True)
    sub = on_board("remove", _remove, _("take an entry off the board, with a reason"))
    sub.add_argument("--entry", required=True, metavar="KEY")
    sub.add_argument("--reason", required=True)
    on_board("close-period", _close_period, _("close the period: settle, eliminate, go on"))
    sub = command(what, "import", _import, _("start a board from its paper record (CSV)"))
    sub.add_argument("file", metavar="FILE.csv")
    sub.add_argument("--board", type=int, required=True, metavar="ID")
