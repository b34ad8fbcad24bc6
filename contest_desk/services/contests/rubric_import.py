"""Rubrics in and out of an event as a table (the Excel file of reports/rubric_excel.py):
reading an event's rubrics for export, and importing a table into an event's parts, all
parts or none, every problem named with its row and column."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.permissions import Action
from contest_desk.domain.rubric import Rubric
from contest_desk.domain.rubric_table import PartImport, RubricRow, read_table
from contest_desk.errors import ImportRejected, Location, NotFound, UserError
from contest_desk.services.contests.rubric_store import replace_rubric, rubric_changes
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import get_event, rubric_of

EventRubrics = tuple[str, list[tuple[str, Rubric]]]  # event name, (part name, rubric) each


def _event_rubrics(event: m.Event) -> EventRubrics:
    return event.name, [(p.name, rubric_of(p.criteria)) for p in event.parts]


class RubricFileService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_SETUP)
    def event_rubrics(self, event_id: int) -> EventRubrics:
        """The event's name and each part's rubric, in part order: what an export writes."""
        with self.ctx.db.reading() as s:
            return _event_rubrics(get_event(s, event_id))

    @requires(Action.VIEW_SETUP)
    def contest_rubrics(self, contest_id: int) -> list[EventRubrics]:
        """Every event of a contest with its rubrics: one sheet each."""
        with self.ctx.db.reading() as s:
            contest = s.get(m.Contest, contest_id)
            if contest is None:
                raise NotFound("There is no contest {id}", id=contest_id)
            return [_event_rubrics(e) for e in contest.events]

    @requires(Action.EDIT_SETUP)
    def preview(self, event_id: int, rows: Sequence[RubricRow], source: str) -> list[PartImport]:
        """What importing ``rows`` would change, part by part; ImportRejected with every
        problem when it would be refused. Nothing is written."""
        with self.ctx.db.reading() as s:
            return [plan for plan, _part in self._plan(s, event_id, rows, source)]

    @requires(Action.EDIT_SETUP)
    def import_rows(
        self, event_id: int, rows: Sequence[RubricRow], source: str
    ) -> list[PartImport]:
        """Replace the rubric of each part the rows name (other parts stay as they are),
        all in one transaction; ImportRejected with every problem, and nothing changed,
        when any row is wrong or a change would leave stored scores wrong."""
        with self.ctx.db.transaction() as s:
            plans = self._plan(s, event_id, rows, source)
            for plan, part in plans:
                if rubric_of(part.criteria) == plan.rubric:
                    continue  # the same rubric: nothing to write or audit
                replace_rubric(s, self.ctx, part, plan.rubric, source, check_codes=False)
            return [plan for plan, _part in plans]

    def _plan(
        self, s: Session, event_id: int, rows: Sequence[RubricRow], source: str
    ) -> list[tuple[PartImport, m.Part]]:
        event = get_event(s, event_id)

        def where(row: int, column: str | None) -> Location:
            return Location(source, row or None, column)

        table = read_table(rows, where, [p.name for p in event.parts])
        by_name = {p.name: p for p in event.parts}
        problems: list[UserError] = []
        others = [p.id for p in event.parts if p.name not in table.parts]
        codes = set(table.code_rows)
        if others and codes:
            taken = s.execute(
                select(m.Criterion.code, m.Part.name)
                .join(m.Part, m.Part.id == m.Criterion.part_id)
                .where(m.Part.id.in_(others), m.Criterion.code.in_(codes))
            )
            for code, part_name in taken:
                problems.append(
                    UserError(
                        "The code {code} is already used in the part {part}",
                        where=where(table.code_rows[code], None),
                        code=code,
                        part=part_name,
                    )
                )
        plans = []
        for name, rubric in table.parts.items():
            part = by_name[name]
            changes = rubric_changes(s, part, rubric)
            for refused in changes.refused:
                row = table.code_rows.get(refused.code, table.part_rows[name])
                assert refused.refusal is not None
                problems.append(
                    UserError(
                        refused.refusal.msgid, where=where(row, None), **refused.refusal.params
                    )
                )
            plans.append((PartImport(name, rubric, changes), part))
        if problems:
            raise ImportRejected(problems)
        return plans
