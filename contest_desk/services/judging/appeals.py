"""Appeals (申诉): recorded with their time and reason, decided by arbitration on the record.

A decision that changes a score does not change it here: the chief judge unlocks the
round with the appeal as the reason and changes the mark with a reason, like any change
to a locked result, so the audit trail shows every step.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.judging import AppealInfo
from contest_desk.errors import NotFound, UserError
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import get_event, get_round

OUTCOMES = ("upheld", "rejected")


def _info(appeal: m.Appeal, number: int | None) -> AppealInfo:
    return AppealInfo(
        appeal.id,
        appeal.entry_id,
        number,
        appeal.filed_at,
        appeal.filed_by,
        appeal.reason,
        appeal.outcome,
        appeal.decision,
        appeal.decided_at,
        appeal.decided_by,
    )


class AppealService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.clock = utc_now

    @requires(Action.SUPERVISE)
    def file(
        self, entry_id: int, round_number: int | None, filed_by: str, reason: str
    ) -> AppealInfo:
        """Record an appeal as it was handed in: who, when, and on what grounds."""
        if not filed_by.strip() or not reason.strip():
            raise UserError("An appeal needs who filed it and its reason")
        with self.ctx.db.transaction() as s:
            entry = s.get(m.Entry, entry_id)
            if entry is None:
                raise NotFound("There is no entry {id}", id=entry_id)
            event = get_event(s, entry.event_id)
            rnd = get_round(s, event, round_number) if round_number is not None else None
            appeal = m.Appeal(
                entry_id=entry_id,
                round_id=rnd.id if rnd else None,
                filed_at=self.clock(),
                filed_by=filed_by.strip(),
                reason=reason.strip(),
                decision="",
            )
            s.add(appeal)
            s.flush()
            self.ctx.audit(
                s, "appeal.file", f"entry:{entry_id}", reason, appeal=appeal.id, by=filed_by
            )
            return _info(appeal, round_number)

    @requires(Action.SUPERVISE)
    def decide(self, appeal_id: int, outcome: str, decision: str) -> AppealInfo:
        """The arbitration's ruling, final once recorded."""
        if outcome not in OUTCOMES:
            raise UserError("An appeal is upheld or rejected, not {outcome}", outcome=outcome)
        if not decision.strip():
            raise UserError("Write down the decision; it is kept on the record")
        with self.ctx.db.transaction() as s:
            appeal = s.get(m.Appeal, appeal_id)
            if appeal is None:
                raise NotFound("There is no appeal {id}", id=appeal_id)
            if appeal.outcome is not None:
                raise UserError("Appeal {id} has already been decided", id=appeal_id)
            appeal.outcome, appeal.decision = outcome, decision.strip()
            appeal.decided_at, appeal.decided_by = self.clock(), self.ctx.actor.username
            self.ctx.audit(
                s,
                "appeal.decide",
                f"entry:{appeal.entry_id}",
                decision,
                appeal=appeal.id,
                old=None,
                new=outcome,
            )
            return _info(appeal, self._number(s, appeal))

    @requires(Action.VIEW_RESULTS)
    def appeals(self, event_id: int) -> list[AppealInfo]:
        with self.ctx.db.reading() as s:
            get_event(s, event_id)
            rows = s.scalars(
                select(m.Appeal)
                .join(m.Entry, m.Entry.id == m.Appeal.entry_id)
                .where(m.Entry.event_id == event_id)
                .order_by(m.Appeal.filed_at, m.Appeal.id)
            )
            return [_info(a, self._number(s, a)) for a in rows]

    @staticmethod
    def _number(s: Session, appeal: m.Appeal) -> int | None:
        if appeal.round_id is None:
            return None
        rnd = s.get(m.Round, appeal.round_id)
        return rnd.number if rnd else None
