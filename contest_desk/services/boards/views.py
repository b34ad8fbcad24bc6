"""What a board shows: the board now, open challenges, bouts by period, title holders,
eliminated entries and every entry's place and rating per period — all from one replay."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from contest_desk.domain.bulk import no_cycle_collection
from contest_desk.domain.ladder import (
    BoardRules,
    Close,
    Correction,
    Ladder,
    RatingKind,
    RuleChange,
    period_start,
    replay,
)
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.boards import (
    BoardInfo,
    BoardRow,
    BoardView,
    BoutRow,
    ChallengeRow,
    ReignRow,
    RuleChangeRow,
    rule_text,
)
from contest_desk.domain.records.contests import EntryInfo
from contest_desk.errors import Progress, step
from contest_desk.i18n import _
from contest_desk.services.boards.log import LoadedBoard, load
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.db import Database
from contest_desk.storage.mapping import board_info
from contest_desk.storage.roster import entry_infos


def period_label(info: BoardInfo, rules: BoardRules, period: int) -> str:
    start = period_start(rules.period, info.starts_on, period)
    if start is None:
        return _("Period {n}", n=period)
    return _("Period {n} (from {date})", n=period, date=start.isoformat())


def _rows(board: Ladder, entries: dict[int, EntryInfo]) -> list[BoardRow]:
    rated = board.rules.rating is not RatingKind.NONE
    glicko = board.rules.rating is RatingKind.GLICKO2
    out = []
    order = board.places + [e for e in board.standings if e not in board.places]
    for entry_id in order:
        s = board.standings[entry_id]
        if entry_id in board.places:
            place: int | None = board.place_of(entry_id)
            status, why = ("holder" if place == 1 else "active"), ""
        elif s.eliminated is not None:
            period, rule = s.eliminated
            place, status = None, "eliminated"
            why = _(
                "period {period}: {rule}",
                period=period,
                rule=rule_text(rule, board.period_rules[period - 1]),
            )
        else:
            place, status, why = None, "removed", s.removed or ""
        out.append(
            BoardRow(
                place,
                entries[entry_id],
                s.rating.rating if rated else None,
                s.rating.deviation if glicko else None,
                s.rating.volatility if glicko else None,
                s.defences,
                s.streak,
                status,
                why,
            )
        )
    return out


def _rule_changes(loaded: LoadedBoard) -> list[RuleChangeRow]:
    out, period = [], 1
    for logged in loaded.log:
        if isinstance(logged.event, Close):
            period += 1
        elif isinstance(logged.event, RuleChange):
            out.append(
                RuleChangeRow(
                    logged.seq, period + 1, logged.event.rules, loaded.rows[logged.seq].note
                )
            )
    return out


def _bouts(board: Ladder, loaded: LoadedBoard, entries: dict[int, EntryInfo]) -> list[BoutRow]:
    corrections = {
        e.event.bout: e.event.reason for e in loaded.log if isinstance(e.event, Correction)
    }
    out = []
    for b in board.bouts:
        row = loaded.rows[b.seq]
        totals = row.data.get("totals")
        out.append(
            BoutRow(
                b.number,
                b.period,
                entries[b.challenger],
                entries[b.defender],
                b.challenger_won,
                b.draw,
                b.forfeit,
                b.title,
                None if totals is None else (Decimal(totals[0]), Decimal(totals[1])),
                row.note,
                corrections.get(b.seq, ""),
            )
        )
    return out


def _board_view(
    db: Database, board_id: int, today: dt.date, progress: Progress | None
) -> BoardView:
    with db.reading() as s:
        loaded = load(s, board_id)
        entries = {e.id: e for e in entry_infos(s, loaded.row.event_id)}
    step(progress, 1, 3)  # read; replaying is the other long part (a read: Cancel is clean)
    board = replay(loaded.log, loaded.rules)
    step(progress, 2, 3)
    info = board_info(loaded.row)
    rounds = {
        r.data.get("challenge"): r.data.get("round")
        for r in loaded.rows.values()
        if r.kind == "accept"
    }
    challenges = tuple(
        ChallengeRow(
            c.number,
            entries[c.challenger],
            board.place_of(c.challenger),
            entries[c.defender],
            board.place_of(c.defender),
            c.deadline,
            c.accepted,
            not c.accepted and today > c.deadline,
            rounds.get(c.seq),
        )
        for c in board.open.values()
    )
    reigns = tuple(
        ReignRow(entries[r.holder], r.first, r.last, r.periods, r.defences) for r in board.reigns()
    )
    return BoardView(
        info,
        board.rules,
        board.next_rules,
        board.period,
        period_label(info, board.rules, board.period),
        tuple(_rows(board, entries)),
        challenges,
        tuple(_bouts(board, loaded, entries)),
        reigns,
        tuple(board.history),
        entries,
        tuple(_rule_changes(loaded)),
        tuple(board.rating_history),
    )


def board_view(
    db: Database, board_id: int, today: dt.date, progress: Progress | None = None
) -> BoardView:
    """A board as it stands on ``today``, replayed from its log (no permission asked:
    callers check theirs; the hall's screen shows title holders to all)."""
    with no_cycle_collection():
        return _board_view(db, board_id, today, progress)


class BoardViewService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_RESULTS)
    def boards(self, contest_id: int | None = None) -> list[BoardInfo]:
        with self.ctx.db.reading() as s:
            query = select(m.Ladder).order_by(m.Ladder.id)
            if contest_id is not None:
                query = query.where(m.Ladder.contest_id == contest_id)
            return [board_info(row) for row in s.scalars(query)]

    @requires(Action.VIEW_RESULTS)
    def view(
        self, board_id: int, today: dt.date | None = None, progress: Progress | None = None
    ) -> BoardView:
        return board_view(self.ctx.db, board_id, today or dt.date.today(), progress)

    @requires(Action.VIEW_RESULTS)
    def targets(self, board_id: int, challenger: int) -> list[tuple[BoardRow, str]]:
        """Every entry above ``challenger``, with why it may not be challenged ('' if it may)."""
        with self.ctx.db.reading() as s:
            loaded = load(s, board_id)
            entries = {e.id: e for e in entry_infos(s, loaded.row.event_id)}
        board = replay(loaded.log, loaded.rules)
        rows = [r for r in _rows(board, entries) if r.place is not None]
        out = []
        for row in rows:
            if row.entry.id == challenger:
                break
            refused = board.may_challenge(challenger, row.entry.id)
            out.append((row, "" if refused is None else str(refused)))
        return out
