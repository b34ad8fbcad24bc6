"""A labor competition's results: per period, and cumulative over its periods."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from contest_desk.domain.labor import (
    Veto,
    competition_vetoes,
    cumulative,
    period_vetoes,
    ranked,
    team_result,
)
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.labor import LaborRow, LaborTable
from contest_desk.domain.settings_codec import award_rule_from_dict
from contest_desk.services.context import ServiceContext
from contest_desk.services.labor.competitions import (
    get_period,
    indicator_of,
    indicator_rows,
    labor_contest,
    labor_teams,
    period_info,
    period_rows,
)
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m


class LaborStandingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_RESULTS)
    def standings(self, contest_id: int, period: int | str | None = None) -> LaborTable:
        """One period's scores, ranks and awards; cumulative ones when no period is given."""
        with self.ctx.db.reading() as s:
            contest = labor_contest(s, contest_id)
            rule = award_rule_from_dict(contest.award_rule)
            rows = indicator_rows(s, contest_id)
            indicators = [indicator_of(r) for r in rows]
            code_of = {r.id: r.code for r in rows}
            teams = {t.id: t for t in labor_teams(s, contest_id)}
            periods = (
                period_rows(s, contest_id)
                if period is None
                else [get_period(s, contest_id, period)]
            )
            values: dict[int, dict[int, dict[str, Decimal]]] = {p.id: {} for p in periods}
            query = select(
                m.LaborValue.period_id,
                m.LaborValue.team_id,
                m.LaborValue.indicator_id,
                m.LaborValue.value,
            ).where(m.LaborValue.period_id.in_(values))
            for period_id, team_id, indicator_id, value in s.execute(query):
                values[period_id].setdefault(team_id, {})[code_of[indicator_id]] = value
            vetoes = [
                Veto(v.team_id, v.period_id, v.reason)
                for v in s.scalars(
                    select(m.LaborVeto).where(
                        m.LaborVeto.contest_id == contest_id, m.LaborVeto.lifted_reason.is_(None)
                    )
                )
            ]
            infos = tuple(period_info(p) for p in periods)
        per_period = [
            [team_result(t, indicators, values[p.id].get(t, {})) for t in teams] for p in periods
        ]
        if period is not None:
            results = ranked(per_period[0], period_vetoes(vetoes, periods[0].id), rule)
            by_period: dict[int, tuple[Decimal, ...]] = {}
        else:
            results = ranked(cumulative(per_period), competition_vetoes(vetoes), rule)
            totals = [{r.team: r.total for r in rs} for rs in per_period]
            by_period = {t: tuple(period[t] for period in totals) for t in teams}
        table_rows = tuple(
            LaborRow(
                r.rank,
                teams[r.team],
                r.total,
                r.scores,
                r.missing,
                r.award,
                r.veto,
                by_period.get(r.team, ()),
            )
            for r in results
        )
        return LaborTable(
            contest_id,
            contest.name,
            infos[0] if period is not None else None,
            infos,
            tuple(indicators),
            table_rows,
        )
