"""The judges' consistency report of a round: bias, flagged marks, ICC and Kendall's W.

Trainee judges are listed with their bias (that is what their marks are kept for), but
the panel's agreement (ICC, W) is that of the judges whose marks count.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from contest_desk.domain.consistency import icc, judge_bias, kendall_w
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.judging import TOTAL, Agreement, ConsistencyReport, JudgeLine
from contest_desk.services.context import ServiceContext
from contest_desk.services.judging.discrepancies import flags_of
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.mapping import criterion_columns, get_event, get_round
from contest_desk.storage.roster import judge_infos


class ConsistencyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_RESULTS)
    def report(self, event_id: int, round_number: int | None = None) -> ConsistencyReport:
        with self.ctx.db.reading() as s:
            event = get_event(s, event_id)
            rnd = get_round(s, event, round_number)
            columns = [c for c in criterion_columns(event) if not c.criterion.objective]
            code_of = {c.id: c.code for c in columns}
            judges = {j.id: j for j in judge_infos(s, event.contest_id)}
            marks: dict[tuple[int, str, int], Decimal] = {}
            rows = s.execute(
                select(m.Score.entry_id, m.Score.criterion_id, m.Score.judge_id, m.Score.value)
                .where(m.Score.round_id == rnd.id, m.Score.criterion_id.in_(code_of))
                .order_by(m.Score.judge_id)
            )
            for entry_id, criterion_id, judge_id, value in rows:
                marks[(entry_id, code_of[criterion_id], judge_id)] = value
            flagged = {(f.entry_id, f.code) for f in flags_of(s, event, rnd)}
            event_name, number = event.name, rnd.number
        lines = tuple(
            JudgeLine(judges[b.judge], b) for b in judge_bias(marks, flagged) if b.judge in judges
        )
        counting = {j for j, info in judges.items() if not info.trainee}
        agreements = [
            _agreement(c.code, c.criterion.name, _matrix(marks, c.code, counting)) for c in columns
        ]
        agreements.append(
            _agreement(TOTAL, "", _totals(marks, [c.code for c in columns], counting))
        )
        return ConsistencyReport(event_id, event_name, number, lines, tuple(agreements))


def _matrix(
    marks: dict[tuple[int, str, int], Decimal], code: str, judges: set[int]
) -> dict[int, dict[int, Decimal]]:
    matrix: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for (entry, c, judge), value in marks.items():
        if c == code and judge in judges:
            matrix[entry][judge] = value
    return matrix


def _totals(
    marks: dict[tuple[int, str, int], Decimal], codes: list[str], judges: set[int]
) -> dict[int, dict[int, Decimal]]:
    """Each judge's sum over the judgement criteria, for the entries they marked in full."""
    per: dict[tuple[int, int], dict[str, Decimal]] = defaultdict(dict)
    for (entry, code, judge), value in marks.items():
        if judge in judges:
            per[(entry, judge)][code] = value
    matrix: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for (entry, judge), values in per.items():
        if len(values) == len(codes):
            matrix[entry][judge] = sum(values.values(), Decimal(0))
    return matrix


def _agreement(code: str, name: str, matrix: dict[int, dict[int, Decimal]]) -> Agreement:
    return Agreement(code, name, icc(matrix), kendall_w(matrix))
