"""Challenge boards (擂台): set-up, challenges, bouts, corrections, period closes, imports.

Every change is one row appended to the board's log (services/board_log.py); places,
ratings and eliminations are recomputed from the log (domain/ladder.py), so a corrected
result updates everything after it. A new row is checked against the board as the log
leaves it and refused, with the rule that forbids it, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain import limits
from contest_desk.domain.board_codec import rules_to_dict
from contest_desk.domain.ladder import (
    Accept,
    BoardRules,
    Bout,
    Challenge,
    Close,
    Correction,
    Decline,
    Join,
    Removal,
    RuleChange,
    challenger_wins,
    replay,
)
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.boards import BoardInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import _
from contest_desk.services.boards.log import (
    LoadedBoard,
    append,
    bout_at,
    challenge_at,
    count_of,
    load,
    refused_or_board,
)
from contest_desk.services.contests.assignments import excluded_judges, panel_ids
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.standings import StandingsService
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.entries import entry_in
from contest_desk.storage.mapping import board_info, get_event
from contest_desk.storage.versions import refuse_changed


def _need_note(note: str, refusal: UserError) -> str:
    if not note.strip():
        raise refusal
    return note.strip()


def _entry_of(s: Session, board: m.Ladder, entry_id: int) -> m.Entry:
    entry = s.get(m.Entry, entry_id)
    if entry is None or entry.event_id != board.event_id:
        raise NotFound("There is no entry {id} in this board's event", id=entry_id)
    return entry


class BoardService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # Set-up --------------------------------------------------------------------

    @requires(Action.EDIT_SETUP)
    def create_board(
        self,
        event_id: int,
        name: str,
        rules: BoardRules,
        skill: str = "",
        scored: bool = True,
        starts_on: dt.date | None = None,
    ) -> BoardInfo:
        """A board in an event's contest; its entries are the event's, its bouts are scored
        on the event's rubric by its judges (or recorded as a win or a loss)."""
        rules_check(rules)
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            row = m.Ladder(
                contest_id=event.contest_id,
                event_id=event.id,
                name=_need_note(name, UserError("A board needs a name")),
                skill=skill.strip(),
                scored=scored,
                rules=rules_to_dict(rules),
                starts_on=starts_on or dt.date.today(),
                created_at=utc_now(),
            )
            s.add(row)
            s.flush()
            self.ctx.audit(
                s, "board.create", f"board:{row.id}", event=event.id, rules=row.rules, scored=scored
            )
            return board_info(row)

    @requires(Action.EDIT_SETUP)
    def set_rules(
        self, board_id: int, rules: BoardRules, note: str = "", read: BoardRules | None = None
    ) -> None:
        """New rules from the next period on; the old ones stay in the log. ``read``: the
        rules the form showed (the next period's, else the current); when another desk
        changed them since, the save is refused (StaleEdit) and nothing is written."""
        rules_check(rules)
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            if read is not None:
                board = replay(loaded.log, loaded.rules)
                shown = board.next_rules or board.rules
                if shown != read:
                    refuse_changed(s, _("These board rules"), [f"board:{board_id}"],
                                   current=shown, actions=["board.rules"])  # fmt: skip
            append(self.ctx, s, loaded, RuleChange(rules), note)

    # Who is on the board -------------------------------------------------------

    @requires(Action.EDIT_ROSTER)
    def join(self, board_id: int, entry_ids: Sequence[int]) -> None:
        """Entries of the board's event join at the bottom, in the order given."""
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            self._join(s, loaded, entry_ids)

    def _join(self, s: Session, loaded: LoadedBoard, entry_ids: Sequence[int]) -> None:
        known = {e.event.entry for e in loaded.log if isinstance(e.event, Join)}
        for entry_id in entry_ids:
            _entry_of(s, loaded.row, entry_id)
            if entry_id in known:
                raise UserError("Entry {id} is on this board already", id=entry_id)
            known.add(entry_id)
            append(self.ctx, s, loaded, Join(entry_id))

    @requires(Action.EDIT_ROSTER)
    def qualify(
        self, board_id: int, event_id: int, round_number: int | None, top: int
    ) -> list[int]:
        """The top ``top`` of a round's standings (or an event's) join at the bottom, in
        rank order; people and teams are entered in the board's event where they are not."""
        if top < 1:
            raise UserError("Give how many qualify: 1 or more")
        table = StandingsService(self.ctx).standings(event_id, round_number)
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            on_board = {e.event.entry for e in loaded.log if isinstance(e.event, Join)}
            target = get_event(s, loaded.row.event_id)
            joining: list[int] = []
            for row in table.rows:
                if len(joining) == top:
                    break
                entry = entry_in(s, target, row.entry.person_id, row.entry.team_id)
                if entry.id not in on_board:
                    joining.append(entry.id)
            self._join(s, loaded, joining)
            return joining

    @requires(Action.EDIT_ROSTER)
    def remove(self, board_id: int, entry_id: int, reason: str) -> None:
        """Off the board (transferred, retired…); its history stays."""
        reason = _need_note(reason, UserError("Give the reason for taking the entry off the board"))
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            event = Removal(entry_id, reason)
            refused_or_board(loaded, event)
            append(self.ctx, s, loaded, event, reason)

    # Challenges ----------------------------------------------------------------

    @requires(Action.RUN_BOARD)
    def challenge(
        self, board_id: int, challenger: int, defender: int, today: dt.date | None = None
    ) -> int:
        """Issue a challenge; the defender has the board's ``accept_days`` to accept.
        Returns its number on the board (1, 2, 3…), which the other calls take."""
        today = today or dt.date.today()
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            board = refused_or_board(loaded, Challenge(challenger, defender, today))
            deadline = today + dt.timedelta(days=board.rules.accept_days)
            number = count_of(loaded, Challenge) + 1
            event = Challenge(challenger, defender, deadline)
            append(self.ctx, s, loaded, event, number=number)
            return number

    @requires(Action.RUN_BOARD)
    def accept(self, board_id: int, challenge: int) -> int | None:
        """The defender accepts challenge number ``challenge``. A scored board gets a round
        for the bout, its two entries assigned to the event's judges; returns that round's
        number."""
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            seq, issued = challenge_at(loaded, challenge)
            board = refused_or_board(loaded, Accept(seq))
            number = None
            if loaded.row.scored:
                number = self._bout_round(s, loaded.row, challenge, board.period, issued)
            append(self.ctx, s, loaded, Accept(seq), round=number)
            return number

    def _bout_round(
        self, s: Session, board: m.Ladder, challenge_no: int, period: int, challenge: Challenge
    ) -> int:
        event = get_event(s, board.event_id)
        number = max((r.number for r in event.rounds), default=0) + 1
        # No names in the round's title: the judges mark blind.
        title = _("Board period {period}, challenge {seq}")
        rnd = m.Round(
            event_id=event.id,
            number=number,
            name=title.format(period=period, seq=challenge_no),
            weight=Decimal(1),
        )
        s.add(rnd)
        s.flush()
        panel = panel_ids(s, event, rnd)
        if not panel:
            raise UserError("No judge is on the panel of {event} yet", event=event.name)
        excluded = excluded_judges(s, event)
        for entry_id in (challenge.challenger, challenge.defender):
            judges = [j for j in panel if j not in excluded.get(entry_id, frozenset())]
            s.add_all(
                m.EntryAssignment(round_id=rnd.id, judge_id=j, entry_id=entry_id) for j in judges
            )
        s.expire(event)
        return number

    @requires(Action.RUN_BOARD)
    def decline(self, board_id: int, challenge: int, note: str = "") -> None:
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            seq, _issued = challenge_at(loaded, challenge)
            refused_or_board(loaded, Decline(seq))
            append(self.ctx, s, loaded, Decline(seq), note)

    def _settle(self, s: Session, loaded: LoadedBoard, today: dt.date) -> list[int]:
        """Challenges left unanswered past their deadline become the challenger's wins."""
        settled = []
        for c in list(replay(loaded.log, loaded.rules).open.values()):
            if not c.accepted and today > c.deadline:
                bout = Bout(c.challenger, c.defender, True, challenge=c.seq, forfeit=True)
                refused_or_board(loaded, bout, today)
                self._bout(s, loaded, bout, "", deadline=c.deadline.isoformat())
                settled.append(c.seq)
        return settled

    # Results -------------------------------------------------------------------

    @requires(Action.SUPERVISE)
    def record_result(
        self, board_id: int, challenge: int, challenger_won: bool, note: str, draw: bool = False
    ) -> int:
        """The chief judge records a bout's result as a win, a loss or (where the board's
        rules allow it) a draw, with a note. Returns the bout's number on the board."""
        note = _need_note(
            note, UserError("A recorded result needs a note: how the bout was decided")
        )
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            seq, c = challenge_at(loaded, challenge)
            won = challenger_won and not draw
            bout = Bout(c.challenger, c.defender, won, challenge=seq, draw=draw)
            refused_or_board(loaded, bout)
            return self._bout(s, loaded, bout, note)

    def _bout(self, s: Session, loaded: LoadedBoard, bout: Bout, note: str, **extra: Any) -> int:
        number = count_of(loaded, Bout) + 1
        append(self.ctx, s, loaded, bout, note, number=number, **extra)
        return number

    @requires(Action.SUPERVISE)
    def result_from_scores(self, board_id: int, challenge: int) -> int:
        """The bout's result from its round's totals: the higher wins; equal totals are a
        draw where the board allows draws, else go by its tie rule."""
        with self.ctx.db.reading() as s:
            loaded = load(s, board_id)
            seq, c = challenge_at(loaded, challenge)
            number = next(
                (
                    r.data.get("round")
                    for r in loaded.rows.values()
                    if r.kind == "accept" and r.data.get("challenge") == seq
                ),
                None,
            )
            if number is None:
                raise UserError(
                    "Challenge {seq} has no scored bout: accept it first", seq=challenge
                )
            locked = s.scalar(
                select(m.Round.locked_at).where(
                    m.Round.event_id == loaded.row.event_id, m.Round.number == number
                )
            )
        if locked is None:
            raise UserError(
                "The bout's round {n} must be signed off and locked before its result counts",
                n=number,
            )
        table = StandingsService(self.ctx).standings(loaded.row.event_id, number)
        rows = {r.entry.id: r for r in table.rows}
        totals = []
        for entry_id in (c.challenger, c.defender):
            row = rows.get(entry_id)
            if row is None or not row.complete:
                label = row.entry.label if row is not None else str(entry_id)
                raise UserError("The bout is missing scores for {entry}", entry=label)
            totals.append(row.total)
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            board = refused_or_board(loaded, Bout(c.challenger, c.defender, True, challenge=seq))
            draw = board.rules.draws and totals[0] == totals[1]
            won = challenger_wins(totals[0], totals[1], board.rules.defender_wins_ties)
            bout = Bout(c.challenger, c.defender, won and not draw, challenge=seq, draw=draw)
            return self._bout(s, loaded, bout, "", round=number, totals=[str(t) for t in totals])

    @requires(Action.SUPERVISE)
    def correct(
        self, board_id: int, bout: int, challenger_won: bool, reason: str, draw: bool = False
    ) -> None:
        """Correct the result of bout number ``bout`` (to a draw only where the rules of its
        period allow draws); everything after it is recomputed."""
        reason = _need_note(reason, UserError("A correction needs a reason"))
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            seq = bout_at(loaded, bout)
            event = Correction(seq, challenger_won and not draw, reason, draw)
            refused_or_board(loaded, event)
            append(self.ctx, s, loaded, event, reason, number=bout)

    @requires(Action.SUPERVISE)
    def close_period(self, board_id: int, today: dt.date | None = None) -> int:
        """Close the current period: expired challenges settle, eliminations apply, and the
        next period begins under any new rules. Returns the number of the closed period."""
        today = today or dt.date.today()
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            self._settle(s, loaded, today)
            board = refused_or_board(loaded, Close())
            append(self.ctx, s, loaded, Close(), "", on=today.isoformat())
            return board.period


def rules_check(rules: BoardRules) -> None:
    """Rules a board can run by: counts are whole, not negative and within the shared limits
    (domain/limits.py: days within DAYS_MAX, or a deadline overflows the calendar), and
    K, tau and a rating floor are ratings' numbers."""
    for name in ("reach", "max_open", "accept_days", "declines"):
        high = limits.DAYS_MAX if name == "accept_days" else limits.WHOLE_MAX
        if not (0 if name == "declines" else 1) <= getattr(rules, name) <= high:
            raise UserError("The board rule {rule} is out of range", rule=name)
    for name in ("eliminate_bottom", "eliminate_losses", "eliminate_idle"):
        if not 0 <= getattr(rules, name) <= limits.WHOLE_MAX:
            raise UserError("The board rule {rule} is out of range", rule=name)
    for name in ("elo_k", "tau", "eliminate_below"):
        value = getattr(rules, name)
        if value is None:
            continue
        try:
            parse_decimal(value, name, limits.RATING_PLACES, limits.RATING_DIGITS)
        except UserError:
            raise UserError("The board rule {rule} is out of range", rule=name) from None
    if rules.elo_k <= 0 or rules.tau <= 0:
        raise UserError("The board rule {rule} is out of range", rule="elo_k/tau")
