"""Entering scores: one judge's sheet, one value at a time, each saved at once."""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from sqlalchemy import bindparam, delete, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import JudgeEvent, ScoreSheet
from contest_desk.errors import NotFound, PermissionDenied, UserError
from contest_desk.i18n import _
from contest_desk.services.contests.assignments import check_may_mark, entries_of_judge
from contest_desk.services.contests.draws import blind, drawn_order, judge_codes
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.sheets import (
    check_own_sheet,
    check_round_open,
    check_sheet_open,
    refuse_locked,
)
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.client_ops import (
    OpInFlight,
    claim,
    earlier_outcome,
    request_digest,
    settle,
)
from contest_desk.storage.mapping import (
    criterion_columns,
    event_and_round,
    event_info,
    get_event,
    get_round,
)
from contest_desk.storage.marks import mark_seen, store_mark
from contest_desk.storage.roster import entry_infos
from contest_desk.storage.save_facts import round_and_facts, save_facts
from contest_desk.storage.save_rows import AnyEvent, AnyRound, JudgeRow
from contest_desk.storage.sheets import sheet_state
from contest_desk.storage.versions import hold_shared

_SEAT = m.JudgeAssignment
J = TypeVar("J", m.Judge, JudgeRow)
# Made once with parameters (a save asks it): cheaper than building it each time.
_JUDGE_ON_PANEL = select(
    m.Judge,
    exists().where(
        _SEAT.judge_id == bindparam("judge"),
        _SEAT.event_id == bindparam("event"),
        (_SEAT.round_id.is_(None)) | (_SEAT.round_id == bindparam("round")),
    ),
).where(m.Judge.id == bindparam("judge"))


def check_on_panel(s: Session, event: m.Event, rnd: m.Round, judge_id: int) -> m.Judge:
    asked = {"judge": judge_id, "event": event.id, "round": rnd.id}
    row = s.execute(_JUDGE_ON_PANEL, asked).first()
    judge, assigned = (None, False) if row is None else row
    return seated_judge(event, judge_id, judge, assigned)


def seated_judge(event: AnyEvent, judge_id: int, judge: J | None, assigned: bool) -> J:
    """``check_on_panel``'s refusals, of a judge (None: none found) and their seat."""
    if judge is None:
        raise NotFound("There is no judge {id}", id=judge_id)
    if not assigned:
        raise UserError(
            "{judge} is not on the panel of {event}", judge=judge.name, event=event.name
        )
    return judge


def _stored_value(outcome: dict[str, str | None]) -> Decimal | None:
    value = outcome.get("value")
    return None if value is None else Decimal(value)


def _outcome(parsed: Decimal | None) -> dict[str, str | None]:
    return {"value": None if parsed is None else str(parsed)}


def _likely_outcome(value: Decimal | str | None) -> dict[str, str | None]:
    """The outcome of a save of ``value`` once stored (``_record`` reads and checks it
    again; a value it refuses is never stored, nor is its op)."""
    try:
        parsed = parse_decimal(value) if value is not None and str(value).strip() else None
    except UserError:
        return {}
    return _outcome(parsed)


class Unchecked:
    """``record_score`` without a check of what was stored before (the desk's own grid,
    which shows every save as it happens, and imports)."""


UNCHECKED = Unchecked()


class ScoringService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.SCORE)
    def sheet(self, event_id: int, round_number: int | None, judge_id: int) -> ScoreSheet:
        """Everything a judge's scoring grid shows: their marks and the shared objective values."""
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            judge = check_on_panel(s, event, rnd, judge_id)
            check_own_sheet(self.ctx.actor, judge)
            columns = criterion_columns(event)
            objective = {c.id for c in columns if c.criterion.objective}
            code_of = {c.id: c.code for c in columns}
            rows = s.execute(
                select(
                    m.Score.entry_id, m.Score.criterion_id, m.Score.judge_id, m.Score.value
                ).where(m.Score.round_id == rnd.id)
            )
            values = {
                (entry_id, code_of[crit]): value
                for entry_id, crit, judge, value in rows
                if crit in code_of and (judge == judge_id or crit in objective)
            }
            mine = entries_of_judge(s, event, rnd, judge)
            order = drawn_order(s, rnd.id)  # a drawn round is marked in order of appearance
            entries = tuple(
                sorted(
                    (e for e in entry_infos(s, event_id) if e.id in mine),
                    key=lambda e: order.get(e.id, 0),
                )
            )
            if self.ctx.actor.judge_only and rnd.locked_at is None:
                # Judges mark blind: codes only, names once the round is locked.
                entries = blind(entries, judge_codes(s, rnd.id))
            timed = select(m.Timing.entry_id, m.Timing.seconds).where(m.Timing.round_id == rnd.id)
            times = {entry_id: seconds for entry_id, seconds in s.execute(timed)}
            return ScoreSheet(
                event_id,
                rnd.number,
                judge_id,
                entries,
                tuple(columns),
                values,
                times,
                sheet_state(s, rnd.id, judge_id),
                rnd.locked_at is not None,
            )

    @requires(Action.SCORE)
    def record_score(
        self,
        event_id: int,
        round_number: int | None,
        judge_id: int,
        entry_id: int,
        code: str,
        value: Decimal | str | None,
        reason: str = "",
        expected: Decimal | Unchecked | None = UNCHECKED,
        op: str | None = None,
    ) -> Decimal | None:
        """Save one value (None or "" clears it) and return what is now stored.

        Refuses a value outside [0, max] or off the step, naming the reason; a locked
        round; another judge's sheet; a submitted sheet unless the chief judge gives a
        ``reason``. With ``expected`` (the value the person saw in the cell, None for an
        empty one) it refuses to overwrite a value changed meanwhile, on another device,
        and names what is stored now: nothing is overwritten unseen.

        ``op``: the id a page gave this save (a random UUID made when the mark was typed).
        Stored with the save in its transaction: the same op sent again (its answer was
        lost) returns the first outcome and changes nothing; the same id with other
        content is refused.
        """
        request = None
        if op is not None:  # checked first: a wrong id is refused before anything is read
            asked = [event_id, round_number, judge_id, entry_id, code, value, reason]
            shown = "unchecked" if isinstance(expected, Unchecked) else expected
            request = request_digest(op, {"score": asked, "expected": shown})
        try:
            with self.ctx.db.transaction() as s:
                noted = None
                if op is not None and request is not None:
                    # Noted first: an op applied before (sent again after a lost answer),
                    # or being applied by another request, fails here and is answered
                    # below. Noted with the outcome its value will have, so that a save
                    # that stores it needs no second write of the row.
                    noted = claim(s, self.ctx.actor.username, op, request, utc_now(),
                                  _likely_outcome(value))  # fmt: skip
                parsed = self._record(s, event_id, round_number, judge_id, entry_id, code,
                                      value, reason, expected)  # fmt: skip
                if op is not None and noted is not None:
                    settle(s, self.ctx.actor.username, op, noted, _outcome(parsed))
                return parsed
        except OpInFlight:
            pass
        assert op is not None and request is not None
        with self.ctx.db.reading() as s:  # the same op, applied before or meanwhile
            done = earlier_outcome(s, self.ctx.actor.username, op, request)
        if done is None:
            raise UserError("The save was interrupted; nothing was saved: send it again")
        return _stored_value(done)

    def _record(
        self,
        s: Session,
        event_id: int,
        round_number: int | None,
        judge_id: int,
        entry_id: int,
        code: str,
        value: Decimal | str | None,
        reason: str,
        expected: Decimal | Unchecked | None,
    ) -> Decimal | None:
        # The checks' facts in two queries (storage/save_facts.py), checked in the order
        # and with the refusals of the checks each asking its own (issue 16).
        found = round_and_facts(s, event_id, round_number, judge_id, entry_id, code)
        event: AnyEvent
        rnd: AnyRound
        if found is None:  # refused below (no event, round, judge), or the first round
            event, rnd = event_and_round(s, event_id, round_number)
            hold_shared(s, rnd)
            facts = save_facts(s, event, rnd.id, judge_id, entry_id, code)
        else:
            event, rnd, facts = found
        judge = seated_judge(event, judge_id, facts.judge, facts.seated)
        check_own_sheet(self.ctx.actor, judge)
        refuse_locked(event, rnd)  # held shared above
        check_sheet_open(self.ctx.actor, rnd, judge, facts.state, reason)
        if not facts.entry:
            raise NotFound("There is no entry {id} in {event}", id=entry_id, event=event.name)
        check_may_mark(s, event, rnd, judge, entry_id, facts.assigned_or_open, facts.people)
        column = facts.column
        if column is None:
            raise NotFound("{event} has no criterion {code}", event=event.name, code=code)
        parsed = None
        if value is not None and str(value).strip():
            parsed = column.criterion.read(value, column.code)  # a time as 分:秒 too
        try:
            old = store_mark(s, rnd.id, entry_id, column, judge_id, parsed, facts.cell)
            s.flush()
        except IntegrityError:
            # Two first values for one cell at once (PostgreSQL): the row lock in
            # store_mark has nothing to lock yet, the unique constraint catches it.
            raise UserError(
                "{code} of {entry} was saved meanwhile by another device; read the sheet again",
                code=code,
                entry=facts.entry_code or _("this entry"),
            ) from None
        if not isinstance(expected, Unchecked) and old != expected:
            raise UserError(
                "{code} of {entry} was changed meanwhile (on another device?): it is "
                "now {now}; {value} was not saved",
                code=code,
                entry=facts.entry_code or _("this entry"),
                now="—" if old is None else old,
                value="—" if parsed is None else parsed,
            )
        self.ctx.audit(
            s,
            "score.record",
            f"entry:{entry_id}",
            reason,
            event=event.id,
            round=rnd.number,
            criterion=code,
            judge=judge_id,
            old=None if old is None else str(old),
            new=None if parsed is None else str(parsed),
        )
        # The chief judge's live desk: when this sheet last had a mark, from where.
        mark_seen(s, rnd.id, judge_id, utc_now(), self.ctx.device or None)
        return parsed

    @requires(Action.SCORE)
    def record_time(
        self, event_id: int, round_number: int | None, entry_id: int, seconds: Decimal | None
    ) -> None:
        """Record (or clear) an entry's completion time, used as a tie-break."""
        if seconds is not None and seconds < 0:
            raise UserError("A completion time cannot be negative")
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            check_round_open(event, rnd, s)
            if self.ctx.actor.judge_only:
                self._check_judge_of(s, event, rnd)
            s.execute(
                delete(m.Timing).where(m.Timing.round_id == rnd.id, m.Timing.entry_id == entry_id)
            )
            if seconds is not None:
                s.add(m.Timing(round_id=rnd.id, entry_id=entry_id, seconds=seconds))
            self.ctx.audit(
                s, "time.record", f"entry:{entry_id}", round=rnd.number, seconds=str(seconds)
            )

    def _check_judge_of(self, s: Session, event: m.Event, rnd: m.Round) -> None:
        """A judge records times only in events whose panel they sit on."""
        mine = s.scalars(
            select(m.Judge.id).where(
                m.Judge.contest_id == event.contest_id, m.Judge.username == self.ctx.actor.username
            )
        ).all()
        for judge_id in mine:
            try:
                check_on_panel(s, event, rnd, judge_id)
                return
            except UserError:
                continue
        raise PermissionDenied(
            "{user} is not a judge of {event}", user=self.ctx.actor.username, event=event.name
        )

    @requires(Action.SCORE)
    def my_events(self) -> list[JudgeEvent]:
        """The events the acting user may score, with the judge they score as.

        A judge sees the events whose panel they sit on, as themselves; a chief judge
        every event with a panel, as any of its judges (``judge_id`` None).
        """
        with self.ctx.db.reading() as s:
            query = (
                select(m.Event, m.Judge.id, m.Judge.name)
                .join(m.JudgeAssignment, m.JudgeAssignment.event_id == m.Event.id)
                .join(m.Judge, m.Judge.id == m.JudgeAssignment.judge_id)
                .order_by(m.Event.contest_id.desc(), m.Event.id)
            )
            if self.ctx.actor.judge_only:
                query = query.where(m.Judge.username == self.ctx.actor.username)
            out: dict[int, JudgeEvent] = {}
            judge_only = self.ctx.actor.judge_only
            for event, judge_id, judge_name in s.execute(query):
                if event.id not in out:
                    contest = s.get(m.Contest, event.contest_id)
                    name = contest.name if contest else ""
                    out[event.id] = JudgeEvent(
                        name,
                        event_info(event),
                        judge_id if judge_only else None,
                        judge_name if judge_only else "",
                    )
            return list(out.values())
