"""The ledger read as a whole: search and filters, and the dashboard's figures."""

from __future__ import annotations

from sqlalchemy import select

from contest_desk.domain.innovation import (
    Benefit,
    BenefitKind,
    Stage,
    funnel,
    totals,
)
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.innovation import AchievementInfo, Dashboard, LedgerFilter
from contest_desk.services.context import ServiceContext
from contest_desk.services.innovation.achievements import moves_of
from contest_desk.services.innovation.attachments import files_root
from contest_desk.services.innovation.details import achievement_info
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m


def matches(a: AchievementInfo, f: LedgerFilter) -> bool:
    text = f.text.strip()
    if text and text not in a.title and text not in a.problem and text not in a.description:
        return False
    if f.studio_id is not None and a.studio_id != f.studio_id:
        return False
    if f.stage is not None and a.stage is not f.stage:
        return False
    if f.year is not None and a.year != f.year:
        return False
    if f.category and a.category != f.category:
        return False
    if f.completer.strip() and f.completer.strip() not in a.completers:
        return False
    benefit = a.actual_benefit
    if f.min_benefit is not None and benefit < f.min_benefit:
        return False
    if f.max_benefit is not None and benefit > f.max_benefit:
        return False
    return not f.pending_at or any(
        r.level == f.pending_at and r.outcome == "pending" for r in a.recommendations
    )


class LedgerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_RESULTS)
    def achievements(self, where: LedgerFilter | None = None) -> list[AchievementInfo]:
        """The ledger, newest first, narrowed by the filter's parts."""
        where = where or LedgerFilter()
        root = files_root(self.ctx.db)
        with self.ctx.db.reading() as s:
            rows = s.scalars(select(m.Achievement).order_by(m.Achievement.id.desc()))
            infos = [achievement_info(s, r, root) for r in rows]
        return [a for a in infos if matches(a, where)]

    @requires(Action.VIEW_RESULTS)
    def dashboard(self) -> Dashboard:
        with self.ctx.db.reading() as s:
            rows = list(s.scalars(select(m.Achievement)))
            ledger = [(Stage(r.stage), moves_of(s, r.id)) for r in rows]
            studios = {st.id: st.name for st in s.scalars(select(m.Studio))}
            owner = {r.id: studios[r.studio_id] for r in rows}
            benefits = [
                (
                    owner[b.achievement_id],
                    Benefit(b.year, b.quarter, b.site, BenefitKind(b.kind), b.amount, b.projected),
                )
                for b in s.scalars(select(m.BenefitRow))
            ]
            rollouts = len(list(s.scalars(select(m.RolloutSite.id))))
        by_studio = {str(k): v for k, v in totals(benefits, "owner").items()}
        by_year = {int(str(k)): v for k, v in totals(benefits, "year").items()}
        by_site = {str(k): v for k, v in totals(benefits, "site").items()}
        return Dashboard(tuple(funnel(ledger)), by_studio, by_year, by_site, rollouts, len(rows))
