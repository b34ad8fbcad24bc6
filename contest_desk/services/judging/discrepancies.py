"""Discrepancy flags of a round and the chief judge's answers to them.

A flag is computed from the marks as they stand, never stored; what is stored is the
chief judge's decision with the marks it was taken on. A confirmation holds while the
marks stay the same; re-marked cells are judged afresh. A round locks only when every
flag is resolved.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.discrepancy import Flag, find_flags
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.judging import FlagInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.services.contests.assignments import panel_ids
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.ledger import note_sheet
from contest_desk.storage.mapping import criterion_columns, get_event, get_round
from contest_desk.storage.sheets import DRAFT, SUBMITTED, sheet_row

CONFIRMED, REOPENED = "confirmed", "reopened"


def _cell_marks(
    s: Session, event: m.Event, rnd: m.Round
) -> tuple[dict[tuple[int, str], list[Decimal]], dict[tuple[int, str], list[int]], dict[str, int]]:
    """The counting judges' judgement marks per (entry, criterion code), in judge order."""
    columns = [c for c in criterion_columns(event) if not c.criterion.objective]
    code_of = {c.id: c.code for c in columns}
    counting = panel_ids(s, event, rnd)
    marks: dict[tuple[int, str], list[Decimal]] = defaultdict(list)
    judges: dict[tuple[int, str], list[int]] = defaultdict(list)
    rows = s.execute(
        select(m.Score.entry_id, m.Score.criterion_id, m.Score.judge_id, m.Score.value)
        .where(
            m.Score.round_id == rnd.id,
            m.Score.criterion_id.in_(code_of),
            m.Score.judge_id.in_(counting),
        )
        .order_by(m.Score.judge_id)
    )
    for entry_id, criterion_id, judge_id, value in rows:
        key = (entry_id, code_of[criterion_id])
        marks[key].append(value)
        judges[key].append(judge_id)
    return marks, judges, {code: cid for cid, code in code_of.items()}


def flags_of(s: Session, event: m.Event, rnd: m.Round) -> list[Flag]:
    marks, _judges, _ids = _cell_marks(s, event, rnd)
    criteria = [c.criterion for c in criterion_columns(event)]
    return find_flags(criteria, marks, event.discrepancy)


def flag_infos(s: Session, event: m.Event, rnd: m.Round) -> list[FlagInfo]:
    marks, judges, ids = _cell_marks(s, event, rnd)
    criteria = [c.criterion for c in criterion_columns(event)]
    confirmations: dict[tuple[int, int], tuple[list[str], str]] = {}
    for r in s.scalars(
        select(m.FlagResolution)
        .where(m.FlagResolution.round_id == rnd.id, m.FlagResolution.decision == CONFIRMED)
        .order_by(m.FlagResolution.id)
    ):
        confirmations[(r.entry_id, r.criterion_id)] = (list(r.marks), r.note)
    out = []
    for flag in find_flags(criteria, marks, event.discrepancy):
        confirmed = confirmations.get((flag.entry_id, ids[flag.code]))
        same = confirmed is not None and confirmed[0] == [str(v) for v in flag.marks]
        note = confirmed[1] if same and confirmed is not None else None
        out.append(FlagInfo(flag, tuple(judges[(flag.entry_id, flag.code)]), note))
    return out


def unresolved(s: Session, event: m.Event, rnd: m.Round) -> list[Flag]:
    return [f.flag for f in flag_infos(s, event, rnd) if f.confirmed is None]


class DiscrepancyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.SUPERVISE)
    def flags(self, event_id: int, round_number: int | None) -> list[FlagInfo]:
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            return flag_infos(s, event, get_round(s, event, round_number))

    @staticmethod
    def _flag(s: Session, event: m.Event, rnd: m.Round, entry_id: int, code: str) -> FlagInfo:
        for info in flag_infos(s, event, rnd):
            if (info.flag.entry_id, info.flag.code) == (entry_id, code):
                return info
        raise NotFound("There is no discrepancy on {code} for this entry", code=code)

    def _record(
        self, s: Session, rnd: m.Round, info: FlagInfo, decision: str, note: str, event: m.Event
    ) -> None:
        criterion_id = next(c.id for c in criterion_columns(event) if c.code == info.flag.code)
        s.add(
            m.FlagResolution(
                round_id=rnd.id,
                entry_id=info.flag.entry_id,
                criterion_id=criterion_id,
                decision=decision,
                marks=[str(v) for v in info.flag.marks],
                note=note.strip(),
                decided_by=self.ctx.actor.username,
                decided_at=utc_now(),
            )
        )

    @requires(Action.SUPERVISE)
    def confirm(
        self, event_id: int, round_number: int | None, entry_id: int, code: str, note: str
    ) -> None:
        """The marks stand as they are; the note says why (e.g. checked against the work)."""
        if not note.strip():
            raise UserError("Give a reason; it is kept on the record")
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            info = self._flag(s, event, rnd, entry_id, code)
            self._record(s, rnd, info, CONFIRMED, note, event)
            self.ctx.audit(
                s,
                "flag.confirm",
                f"entry:{entry_id}",
                note,
                round=rnd.number,
                criterion=code,
                marks=[str(v) for v in info.flag.marks],
            )

    @requires(Action.SUPERVISE)
    def send_back(
        self, event_id: int, round_number: int | None, entry_id: int, code: str, note: str
    ) -> list[int]:
        """Re-open the sheets of the judges who marked the cell, to mark it again.

        Returns the judges whose sheets were re-opened.
        """
        if not note.strip():
            raise UserError("Give a reason; it is kept on the record")
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            if rnd.locked_at is not None:
                raise UserError("{round} is locked", round=rnd.name)
            info = self._flag(s, event, rnd, entry_id, code)
            reopened = []
            for judge_id in info.judges:
                sheet = sheet_row(s, rnd.id, judge_id)
                if sheet.state == SUBMITTED:
                    sheet.state, sheet.submitted_at, sheet.submitted_by = DRAFT, None, None
                    note_sheet(s, rnd.id, judge_id, DRAFT)
                    reopened.append(judge_id)
            self._record(s, rnd, info, REOPENED, note, event)
            self.ctx.audit(
                s,
                "flag.send_back",
                f"entry:{entry_id}",
                note,
                round=rnd.number,
                criterion=code,
                judges=reopened,
            )
            return reopened
