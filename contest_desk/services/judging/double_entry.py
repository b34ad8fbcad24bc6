"""Double entry of paper score sheets: keyed twice by two people, compared, then confirmed.

The first pass is keyed into the judge's sheet; the second, blind to the first, is kept
beside it. Running totals per entry of each pass are there to check against the paper.
Nobody confirms a sheet they keyed; a confirmed sheet is submitted on the judge's behalf
(the judge signed the paper).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import CriterionColumn
from contest_desk.domain.records.judging import Cell, PassComparison
from contest_desk.errors import NotFound, UserError
from contest_desk.services.contests.assignments import check_may_mark
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.judging.scoring import check_on_panel
from contest_desk.services.judging.sheets import check_round_open
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.keyed import keep_keyed
from contest_desk.storage.ledger import note_sheet
from contest_desk.storage.mapping import criterion_columns, get_event, get_round
from contest_desk.storage.marks import store_mark
from contest_desk.storage.sheets import SUBMITTED, sheet_row

DOUBLE = "double"


def _totals(values: dict[Cell, Decimal]) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for (entry_id, _code), value in values.items():
        totals[entry_id] += value
    return dict(totals)


class DoubleEntryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _open(
        self, s: Session, event_id: int, round_number: int | None, judge_id: int
    ) -> tuple[m.Event, m.Round, m.Judge, m.Sheet]:
        event = get_event(s, event_id)
        rnd = get_round(s, event, round_number)
        judge = check_on_panel(s, event, rnd, judge_id)
        check_round_open(event, rnd, s)
        sheet = sheet_row(s, rnd.id, judge.id)
        if sheet.state == SUBMITTED:
            raise UserError(
                "{judge}'s sheet for {round} is already submitted", judge=judge.name, round=rnd.name
            )
        return event, rnd, judge, sheet

    @staticmethod
    def _column(event: m.Event, code: str) -> CriterionColumn:
        column = next((c for c in criterion_columns(event) if c.code == code), None)
        if column is None:
            raise NotFound("{event} has no criterion {code}", event=event.name, code=code)
        return column

    @requires(Action.IMPORT_SCORES)
    def key_first(
        self,
        event_id: int,
        round_number: int | None,
        judge_id: int,
        entry_id: int,
        code: str,
        text: str,
    ) -> Decimal:
        with self.ctx.db.transaction() as s:
            event, rnd, judge, sheet = self._open(s, event_id, round_number, judge_id)
            if sheet.keyed_by not in (None, self.ctx.actor.username):
                raise UserError("{user} keys the first pass of this sheet", user=sheet.keyed_by)
            check_may_mark(s, event, rnd, judge, entry_id)
            column = self._column(event, code)
            value = column.criterion.read(text, code)  # a measured time as 分:秒 too
            old = store_mark(s, rnd.id, entry_id, column, judge.id, value)
            sheet.keyed_by = self.ctx.actor.username
            self.ctx.audit(
                s,
                "double.first",
                f"entry:{entry_id}",
                event=event.id,
                round=rnd.number,
                criterion=code,
                judge=judge.id,
                old=None if old is None else str(old),
                new=str(value),
            )
            return value

    @requires(Action.IMPORT_SCORES)
    def key_second(
        self,
        event_id: int,
        round_number: int | None,
        judge_id: int,
        entry_id: int,
        code: str,
        text: str,
    ) -> Decimal:
        with self.ctx.db.transaction() as s:
            event, rnd, judge, sheet = self._open(s, event_id, round_number, judge_id)
            if sheet.keyed_by == self.ctx.actor.username:
                raise UserError("The second pass must be keyed by someone other than the first")
            column = self._column(event, code)
            value = column.criterion.read(text, code)  # a measured time as 分:秒 too
            cell = (entry_id, column.id, judge.id)
            keep_keyed(s, DOUBLE, sheet.id, cell, value, self.ctx.actor.username)
            self.ctx.audit(
                s,
                "double.second",
                f"entry:{entry_id}",
                event=event.id,
                round=rnd.number,
                criterion=code,
                judge=judge.id,
                new=str(value),
            )
            return value

    @requires(Action.IMPORT_SCORES)
    def compare(self, event_id: int, round_number: int | None, judge_id: int) -> PassComparison:
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            return self._compare(s, event, rnd, judge_id)

    @staticmethod
    def _compare(s: Session, event: m.Event, rnd: m.Round, judge_id: int) -> PassComparison:
        code_of = {c.id: c.code for c in criterion_columns(event) if not c.criterion.objective}
        first = {
            (e, code_of[c]): v
            for e, c, v in s.execute(
                select(m.Score.entry_id, m.Score.criterion_id, m.Score.value).where(
                    m.Score.round_id == rnd.id, m.Score.judge_id == judge_id
                )
            )
            if c in code_of
        }
        sheet = s.scalar(
            select(m.Sheet).where(m.Sheet.round_id == rnd.id, m.Sheet.judge_id == judge_id)
        )
        second: dict[Cell, Decimal] = {}
        if sheet is not None:
            for k in s.scalars(
                select(m.KeyedValue).where(
                    m.KeyedValue.purpose == DOUBLE, m.KeyedValue.ref_id == sheet.id
                )
            ):
                if k.criterion_id in code_of:
                    second[(k.entry_id, code_of[k.criterion_id])] = k.value
        both = first.keys() & second.keys()
        return PassComparison(
            first,
            second,
            tuple(sorted(c for c in both if first[c] != second[c])),
            tuple(sorted(first.keys() ^ second.keys())),
            _totals(first),
            _totals(second),
            sheet.keyed_by if sheet else None,
            sheet.confirmed_by if sheet else None,
        )

    @requires(Action.IMPORT_SCORES)
    def confirm(self, event_id: int, round_number: int | None, judge_id: int) -> None:
        """Both passes agree: the sheet is submitted for the judge who signed the paper."""
        with self.ctx.db.transaction() as s:
            event, rnd, judge, sheet = self._open(s, event_id, round_number, judge_id)
            if sheet.keyed_by == self.ctx.actor.username:
                raise UserError("Whoever keyed a sheet cannot confirm it")
            result = self._compare(s, event, rnd, judge.id)
            if not result.agreed:
                raise UserError(
                    "The two passes differ in {count} cell(s); settle them against the paper",
                    count=len(result.mismatches) + len(result.missing),
                )
            sheet.confirmed_by = self.ctx.actor.username
            sheet.state, sheet.submitted_at = SUBMITTED, utc_now()
            sheet.submitted_by = self.ctx.actor.username
            note_sheet(s, rnd.id, judge.id, SUBMITTED)
            self.ctx.audit(
                s,
                "double.confirm",
                f"event:{event.id}",
                round=rnd.number,
                judge=judge.id,
                old="draft",
                new=SUBMITTED,
            )
