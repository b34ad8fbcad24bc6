"""The hall's screen (成绩大屏): what the organizer lets the hall see, and the view itself.

The screen runs on a projector with nobody logged in, so ``view`` and ``changes`` are open
to all and show only what the organizer chose: the chosen rounds (names only after the lock;
before it codes, and only if provisional results may be shown, marked as such) and boards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.hall import (
    HallChoice,
    HallMode,
    HallOption,
    HallPanel,
    HallRow,
    HallView,
)
from contest_desk.errors import NotFound, UserError
from contest_desk.services.boards.views import board_view
from contest_desk.services.contests.draws import judge_codes
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.standings import standings_table
from contest_desk.services.permissions import open_to_all, requires
from contest_desk.storage import models as m
from contest_desk.storage.changes import audit_seq


def _contest(s: Session, contest_id: int | None) -> m.Contest:
    """The contest asked for, or the newest when none is."""
    if contest_id is None:
        newest = s.scalar(select(m.Contest).order_by(m.Contest.id.desc()).limit(1))
        if newest is None:
            raise NotFound("There is no contest yet")
        return newest
    contest = s.get(m.Contest, contest_id)
    if contest is None:
        raise NotFound("There is no contest {id}", id=contest_id)
    return contest


def _events(s: Session, contest_id: int) -> list[m.Event]:
    return list(
        s.scalars(select(m.Event).where(m.Event.contest_id == contest_id).order_by(m.Event.id))
    )


def _board_ids(s: Session, contest_id: int) -> list[int]:
    query = select(m.Ladder.id).where(m.Ladder.contest_id == contest_id).order_by(m.Ladder.id)
    return list(s.scalars(query))


def _default(s: Session, contest_id: int) -> HallChoice:
    """Every round of the contest and every board, provisional results marked."""
    rounds = tuple((e.id, r.number) for e in _events(s, contest_id) for r in e.rounds)
    return HallChoice(HallMode.PROVISIONAL, rounds, tuple(_board_ids(s, contest_id)))


def _choice(s: Session, contest_id: int) -> HallChoice:
    row = s.get(m.HallSettings, contest_id)
    if row is None:
        return _default(s, contest_id)
    rounds = tuple((i["event"], i["round"]) for i in row.items if "round" in i)
    boards = tuple(i["board"] for i in row.items if "board" in i)
    return HallChoice(HallMode(row.mode), rounds, boards)


def _items(choice: HallChoice) -> list[dict[str, Any]]:
    rounds = [{"event": e, "round": r} for e, r in dict.fromkeys(choice.rounds)]
    return rounds + [{"board": b} for b in dict.fromkeys(choice.boards)]


def _check(s: Session, contest_id: int, choice: HallChoice) -> None:
    """Every chosen round and board exists and belongs to this contest."""
    rounds = {(e.id, r.number) for e in _events(s, contest_id) for r in e.rounds}
    for event_id, number in choice.rounds:
        if (event_id, number) not in rounds:
            raise UserError(
                "Event {event} has no round {number} in this contest: the hall cannot show it",
                event=event_id,
                number=number,
            )
    boards = set(_board_ids(s, contest_id))
    for board_id in choice.boards:
        if board_id not in boards:
            raise UserError(
                "The contest has no board {board}: the hall cannot show it", board=board_id
            )


def _title(event: m.Event, rnd: m.Round) -> str:
    return f"{event.name} · {rnd.name}"


def _round_panel(s: Session, mode: HallMode, event: m.Event, rnd: m.Round) -> HallPanel:
    final = rnd.locked_at is not None
    title = _title(event, rnd)
    if not final and mode is HallMode.FINAL_ONLY:
        return HallPanel(title, event.id, rnd.number, None, False, False, True, ())
    try:  # the hall never sees names before the lock, whoever started the screen
        table = standings_table(s, event.id, rnd.number, see_names=False)
    except UserError as error:  # e.g. a trimmed mean with too few judges: say so on the panel
        return HallPanel(title, event.id, rnd.number, None, final, not final, False, (), str(error))
    codes = judge_codes(s, rnd.id)
    rows = tuple(
        HallRow(r.rank, codes.get(r.entry_id) or r.entry.code or "", r.entry.label, r.total)
        for r in table.rows
    )
    return HallPanel(title, event.id, rnd.number, None, final, not final, False, rows)


def _shown(rating: Decimal | None) -> Decimal | None:
    """A rating to a tenth, as the board's report prints it."""
    return None if rating is None else rating.quantize(Decimal("0.1"), ROUND_HALF_UP)


class HallService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        # A board stands as of the desk's own calendar day (as the boards' area shows it).
        self.today: Callable[[], dt.date] = dt.date.today

    @requires(Action.VIEW_SETUP)
    def settings(self, contest_id: int) -> HallChoice:
        """The organizer's choice; until one is made, every round and board, provisional."""
        with self.ctx.db.reading() as s:
            return _choice(s, _contest(s, contest_id).id)

    @requires(Action.VIEW_SETUP)
    def options(self, contest_id: int) -> tuple[HallOption, ...]:
        """Every round and board of the contest the hall could show, in the default order."""
        with self.ctx.db.reading() as s:
            contest = _contest(s, contest_id)
            rounds = [
                HallOption(_title(e, r), e.id, r.number, None, r.locked_at is not None)
                for e in _events(s, contest.id)
                for r in e.rounds
            ]
            query = select(m.Ladder).where(m.Ladder.contest_id == contest.id).order_by(m.Ladder.id)
            boards = [HallOption(b.name, b.event_id, None, b.id) for b in s.scalars(query)]
        return (*rounds, *boards)

    @requires(Action.EDIT_SETUP)
    def choose(self, contest_id: int, choice: HallChoice) -> HallChoice:
        """Keep what the hall may see; a round or board of another contest is refused."""
        if choice.mode not in set(HallMode):
            raise UserError("Unknown choice for the hall: {mode}", mode=choice.mode)
        mode = HallMode(choice.mode)
        with self.ctx.db.transaction() as s:
            contest = _contest(s, contest_id)
            _check(s, contest.id, choice)
            items = _items(choice)
            row = s.get(m.HallSettings, contest.id)
            if row is None:
                row = m.HallSettings(contest_id=contest.id)
                s.add(row)
            row.mode, row.items = mode.value, items
            row.changed_at, row.changed_by = utc_now(), self.ctx.actor.username
            self.ctx.audit(s, "hall.choose", f"contest:{contest.id}", mode=mode.value, items=items)
            return _choice(s, contest.id)

    @open_to_all
    def view(self, contest_id: int | None = None) -> HallView:
        """What the hall sees of a contest (the newest when none is named)."""
        with self.ctx.db.reading() as s:
            version = audit_seq(s)  # read first: a change made meanwhile moves it past this
            contest = _contest(s, contest_id)
            choice = _choice(s, contest.id)
            events = {e.id: e for e in _events(s, contest.id)}
            rounds = {(e.id, r.number): (e, r) for e in events.values() for r in e.rounds}
            panels = [  # a round removed since it was chosen is skipped
                _round_panel(s, choice.mode, *rounds[key]) for key in choice.rounds if key in rounds
            ]
            boards = [b for b in choice.boards if b in set(_board_ids(s, contest.id))]
            chosen_id, title = contest.id, contest.name
        panels.extend(self._board_panel(b) for b in boards)
        return HallView(chosen_id, title, choice.mode, tuple(panels), version)

    def _board_panel(self, board_id: int) -> HallPanel:
        board = board_view(self.ctx.db, board_id, self.today())
        rows = tuple(
            HallRow(r.place, r.entry.code or "", r.entry.label, _shown(r.rating))
            for r in board.rows
            if r.place is not None
        )
        info = board.info
        return HallPanel(info.name, info.event_id, None, info.id, True, False, False, rows)

    @open_to_all
    def changes(self) -> int:
        """A number that moves on every change to the database, from any desk or device."""
        with self.ctx.db.reading() as s:
            return audit_seq(s)
