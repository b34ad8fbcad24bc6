"""Sheets and rounds: a judge submits their sheet (signed with their password), the chief
judge re-opens a sheet or locks and unlocks a round, each with the reason on the record.

The checks ``writable_sheet`` and ``check_own_sheet`` are used wherever marks are written,
so the rules hold for the grid, the score import and a second window alike.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action, Actor
from contest_desk.domain.records.contests import JudgeInfo, RoundStatus, SheetStatus
from contest_desk.errors import NotFound, PermissionDenied, UserError
from contest_desk.services.contests.assignments import entries_of_judge
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.discrepancies import unresolved
from contest_desk.services.people.users import UserService
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.ledger import note_lock, note_sheet
from contest_desk.storage.mapping import criterion_columns, get_event, get_round
from contest_desk.storage.roster import judge_infos
from contest_desk.storage.save_rows import AnyEvent, AnyJudge, AnyRound
from contest_desk.storage.sheets import DRAFT, SUBMITTED, sheet_row, sheet_state
from contest_desk.storage.versions import hold_alone, hold_shared


def check_own_sheet(actor: Actor, judge: AnyJudge) -> None:
    """A judge (who is not also chief judge) opens and writes only their own sheet."""
    if actor.judge_only and judge.username != actor.username:
        raise PermissionDenied("{user} may only open their own score sheet", user=actor.username)


def check_round_open(event: m.Event, rnd: m.Round, s: Session | None = None) -> None:
    """Refuse a change to a locked round. With the transaction ``s`` that writes, the
    round is held shared until it ends: a lock of the round waits for the write, or the
    write for the lock (storage/versions.hold_shared), never a write after a lock."""
    if s is not None:
        hold_shared(s, rnd)
    refuse_locked(event, rnd)


def refuse_locked(event: AnyEvent, rnd: AnyRound) -> None:
    """``check_round_open``'s refusal, of a round read (and held) already."""
    if rnd.locked_at is not None:
        raise UserError(
            "{round} of {event} is locked; the chief judge must unlock it, with a reason",
            round=rnd.name,
            event=event.name,
        )


def writable_sheet(
    s: Session, actor: Actor, event: m.Event, rnd: m.Round, judge: m.Judge, reason: str
) -> None:
    """Refuse a write to a locked round, or to a submitted sheet unless the chief judge
    gives a reason (which goes on the record with the change)."""
    check_round_open(event, rnd, s)
    check_sheet_open(actor, rnd, judge, sheet_state(s, rnd.id, judge.id), reason)


def check_sheet_open(actor: Actor, rnd: AnyRound, judge: AnyJudge, state: str, reason: str) -> None:
    """``writable_sheet``'s refusals of a sheet in ``state``, read after the round was held
    (see check_round_open)."""
    if state != SUBMITTED:
        return
    if actor.judge_only:
        raise UserError(
            "{judge}'s sheet for {round} is submitted and can no longer be changed",
            judge=judge.name,
            round=rnd.name,
        )
    if not reason.strip():
        raise UserError(
            "{judge}'s sheet for {round} is submitted: changing it needs a reason",
            judge=judge.name,
            round=rnd.name,
        )


def _judge(s: Session, judge_id: int) -> m.Judge:
    judge = s.get(m.Judge, judge_id)
    if judge is None:
        raise NotFound("There is no judge {id}", id=judge_id)
    return judge


def _panel(s: Session, event: m.Event, rnd: m.Round) -> list[JudgeInfo]:
    ids = s.scalars(
        select(m.JudgeAssignment.judge_id).where(
            m.JudgeAssignment.event_id == event.id,
            (m.JudgeAssignment.round_id.is_(None)) | (m.JudgeAssignment.round_id == rnd.id),
        )
    ).all()
    # Trainees' sheets are welcome but never hold up the lock: their marks do not count.
    return [j for j in judge_infos(s, event.contest_id) if j.id in set(ids) and not j.trainee]


def _judgement_columns(event: m.Event) -> list[int]:
    return [c.id for c in criterion_columns(event) if not c.criterion.objective]


class SheetService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.SCORE)
    def submit(self, event_id: int, round_number: int | None, judge_id: int, password: str) -> None:
        """The judge signs their sheet off with their own password; it is read-only after."""
        UserService(self.ctx).check_own_password(password)
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            judge = _judge(s, judge_id)
            check_own_sheet(self.ctx.actor, judge)
            # After the marks being saved (they hold the round shared): the sign-off counts
            # and signs what they saved, and a mark coming after it finds the sheet signed.
            hold_alone(s, rnd)
            check_round_open(event, rnd)
            sheet = sheet_row(s, rnd.id, judge.id)
            if sheet.state == SUBMITTED:
                raise UserError(
                    "{judge}'s sheet for {round} is already submitted",
                    judge=judge.name,
                    round=rnd.name,
                )
            filled, expected = self._progress(s, event, rnd, judge.id)
            if filled < expected:
                raise UserError(
                    "{judge}'s sheet still has {count} empty cell(s)",
                    judge=judge.name,
                    count=expected - filled,
                )
            sheet.state, sheet.submitted_at = SUBMITTED, utc_now()
            sheet.submitted_by = self.ctx.actor.username
            note_sheet(s, rnd.id, judge.id, SUBMITTED)
            self.ctx.audit(
                s,
                "sheet.submit",
                f"event:{event.id}",
                round=rnd.number,
                judge=judge.id,
                old=DRAFT,
                new=SUBMITTED,
            )

    @requires(Action.SUPERVISE)
    def reopen(self, event_id: int, round_number: int | None, judge_id: int, reason: str) -> None:
        """Give a submitted sheet back to its judge (e.g. to re-mark a flagged entry)."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            judge = _judge(s, judge_id)
            check_round_open(event, rnd, s)
            _need_reason(reason)
            sheet = sheet_row(s, rnd.id, judge.id)
            if sheet.state != SUBMITTED:
                raise UserError(
                    "{judge}'s sheet for {round} is not submitted", judge=judge.name, round=rnd.name
                )
            sheet.state, sheet.submitted_at, sheet.submitted_by = DRAFT, None, None
            note_sheet(s, rnd.id, judge.id, DRAFT)
            self.ctx.audit(
                s,
                "sheet.reopen",
                f"event:{event.id}",
                reason,
                round=rnd.number,
                judge=judge.id,
                old=SUBMITTED,
                new=DRAFT,
            )

    @requires(Action.SUPERVISE)
    def lock_round(self, event_id: int, round_number: int | None) -> None:
        """Final: every panel judge's sheet must be submitted first."""
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            hold_alone(s, rnd)  # after the marks being saved: the checks below see them
            check_round_open(event, rnd)
            waiting = [
                j.name for j in _panel(s, event, rnd) if sheet_state(s, rnd.id, j.id) != SUBMITTED
            ]
            if waiting:
                raise UserError(
                    "Not every sheet is submitted yet: {judges}", judges="、".join(waiting)
                )
            open_flags = unresolved(s, event, rnd)
            if open_flags:
                raise UserError(
                    "{count} discrepancy flag(s) are not resolved yet, the first: {code}",
                    count=len(open_flags),
                    code=open_flags[0].code,
                )
            rnd.locked_at, rnd.locked_by = utc_now(), self.ctx.actor.username
            note_lock(s, rnd.id, True)
            self.ctx.audit(
                s, "round.lock", f"event:{event.id}", round=rnd.number, old=False, new=True
            )

    @requires(Action.SUPERVISE)
    def unlock_round(self, event_id: int, round_number: int | None, reason: str) -> None:
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            _need_reason(reason)
            hold_alone(s, rnd)
            if rnd.locked_at is None:
                raise UserError(
                    "{round} of {event} is not locked", round=rnd.name, event=event.name
                )
            rnd.locked_at, rnd.locked_by = None, None
            note_lock(s, rnd.id, False)
            self.ctx.audit(
                s,
                "round.unlock",
                f"event:{event.id}",
                reason,
                round=rnd.number,
                old=True,
                new=False,
            )

    @requires(Action.SUPERVISE)
    def round_status(self, event_id: int, round_number: int | None) -> RoundStatus:
        """The chief judge's progress board: each panel judge's sheet and the lock."""
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            sheets = []
            for judge in _panel(s, event, rnd):
                row = s.scalar(
                    select(m.Sheet).where(m.Sheet.round_id == rnd.id, m.Sheet.judge_id == judge.id)
                )
                filled, expected = self._progress(s, event, rnd, judge.id)
                sheets.append(
                    SheetStatus(
                        judge,
                        row.state if row else DRAFT,
                        filled,
                        expected,
                        row.submitted_at if row else None,
                        row.last_mark_at if row else None,
                        (row.last_device or "") if row else "",
                    )
                )
            return RoundStatus(event.id, rnd.number, tuple(sheets), rnd.locked_at, rnd.locked_by)

    @staticmethod
    def _progress(s: Session, event: m.Event, rnd: m.Round, judge_id: int) -> tuple[int, int]:
        """The judge's own marks keyed, and how many their sheet has cells for."""
        columns = _judgement_columns(event)
        judge = s.get(m.Judge, judge_id)
        assert judge is not None
        entries = len(entries_of_judge(s, event, rnd, judge))
        filled = s.scalar(
            select(func.count())
            .select_from(m.Score)
            .where(
                m.Score.round_id == rnd.id,
                m.Score.judge_id == judge_id,
                m.Score.criterion_id.in_(columns),
            )
        )
        return filled or 0, (entries or 0) * len(columns)


def _need_reason(reason: str) -> None:
    if not reason.strip():
        raise UserError("Give a reason; it is kept on the record")
