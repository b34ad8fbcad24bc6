"""Setting a labor competition up: its indicators, periods, award rule and vetoes.

A labor competition is a contest of kind labor; its teams are the contest's teams. The
indicators are replaced as a whole list (like a rubric) until values are keyed against
them; periods are closed when their values are final, after which nothing in them changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contest_desk.domain.awards import AwardRule
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.labor import Direction, Indicator, IndicatorRule
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.labor import LaborTeam, PeriodInfo, PeriodKind, VetoInfo
from contest_desk.domain.settings_codec import award_rule_from_dict, award_rule_to_dict
from contest_desk.errors import NotFound, UserError
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.roster import unit_paths
from contest_desk.storage.versions import UNREAD, Unread, locked, refuse_changed, refuse_if_other

DECIMALS = (
    "points",
    "baseline",
    "target",
    "weight",
    "bonus_per_unit",
    "bonus_cap",
    "penalty_per_event",
)


def labor_contest(s: Session, contest_id: int) -> m.Contest:
    contest = s.get(m.Contest, contest_id)
    if contest is None:
        raise NotFound("There is no contest {id}", id=contest_id)
    if contest.kind != ContestKind.LABOR.value:
        raise UserError("{name} is not a labor competition", name=contest.name)
    return contest


def indicator_of(row: m.LaborIndicator) -> Indicator:
    return Indicator(
        row.code,
        row.name,
        row.unit,
        Direction(row.direction),
        IndicatorRule(row.rule),
        row.points,
        row.baseline,
        row.target,
        row.weight,
        row.bonus_per_unit,
        row.bonus_cap,
        row.penalty_per_event,
    )


def indicator_rows(s: Session, contest_id: int) -> list[m.LaborIndicator]:
    query = select(m.LaborIndicator).where(m.LaborIndicator.contest_id == contest_id)
    return list(s.scalars(query.order_by(m.LaborIndicator.position)))


def period_info(row: m.LaborPeriod) -> PeriodInfo:
    return PeriodInfo(
        row.id,
        row.name,
        PeriodKind(row.kind),
        row.starts_on,
        row.ends_on,
        row.closed_at is not None,
    )


def period_rows(s: Session, contest_id: int) -> list[m.LaborPeriod]:
    query = select(m.LaborPeriod).where(m.LaborPeriod.contest_id == contest_id)
    return list(s.scalars(query.order_by(m.LaborPeriod.position)))


def get_period(s: Session, contest_id: int, period: int | str) -> m.LaborPeriod:
    """A period by id or by name; NotFound names what was asked for."""
    for row in period_rows(s, contest_id):
        if period in (row.id, row.name) or str(period) == row.name:
            return row
    raise NotFound("The labor competition has no period {period}", period=period)


def labor_teams(s: Session, contest_id: int) -> list[LaborTeam]:
    rows = s.scalars(select(m.Team).where(m.Team.contest_id == contest_id).order_by(m.Team.id))
    paths = unit_paths(s)
    return [LaborTeam(t.id, t.name, paths[t.unit_id] if t.unit_id else "") for t in rows]


class LaborService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # Indicators ----------------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def indicators(self, contest_id: int) -> list[Indicator]:
        with self.ctx.db.reading() as s:
            labor_contest(s, contest_id)
            return [indicator_of(r) for r in indicator_rows(s, contest_id)]

    @requires(Action.EDIT_SETUP)
    def set_indicators(
        self,
        contest_id: int,
        indicators: Sequence[Indicator],
        read: Sequence[Indicator] | None = None,
    ) -> None:
        """The competition's indicators, in order. One that has values keyed against it
        may be changed (its values are rescored) but not removed. ``read``: the indicators
        as the form read them; when another desk saved others since, the save is refused
        (StaleEdit) naming each indicator that differs, and nothing is written."""
        codes = [i.code.strip() for i in indicators]
        for indicator in indicators:
            indicator.check()
        if len(set(codes)) != len(codes):
            raise UserError("Two indicators have the same code")
        with self.ctx.db.transaction() as s:
            locked(s, m.Contest, contest_id)  # two desks' saves of the list take turns
            labor_contest(s, contest_id)
            existing = {r.code: r for r in indicator_rows(s, contest_id)}
            stored = [indicator_of(r) for r in existing.values()]
            if read is not None and list(read) != stored:
                before = {i.code: i for i in read}
                said = [i.name for i in stored if before.get(i.code) != i]
                said += [i.name for i in read if i.code not in existing]
                refuse_changed(s, _("These indicators"), [f"contest:{contest_id}"], current=stored,
                               actions=["labor.indicators"], said=said)  # fmt: skip
            for code, row in existing.items():
                if code in codes:
                    continue
                keyed = s.scalar(select(func.count()).where(m.LaborValue.indicator_id == row.id))
                if keyed:
                    raise UserError(
                        "{name} already has values keyed and cannot be removed", name=row.name
                    )
                s.delete(row)
            for position, i in enumerate(indicators):
                row = existing.get(i.code.strip()) or m.LaborIndicator(contest_id=contest_id)
                row.position, row.code, row.name, row.unit = (
                    position,
                    i.code.strip(),
                    i.name,
                    i.unit,
                )
                row.direction, row.rule = i.direction.value, i.rule.value
                for name in DECIMALS:
                    setattr(row, name, getattr(i, name))
                s.add(row)
            self.ctx.audit(
                s,
                "labor.indicators",
                f"contest:{contest_id}",
                old=sorted(existing),
                new=codes,
            )

    # Periods -------------------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def periods(self, contest_id: int) -> list[PeriodInfo]:
        with self.ctx.db.reading() as s:
            labor_contest(s, contest_id)
            return [period_info(r) for r in period_rows(s, contest_id)]

    @requires(Action.EDIT_SETUP)
    def add_period(
        self, contest_id: int, name: str, kind: PeriodKind, starts_on: dt.date, ends_on: dt.date
    ) -> PeriodInfo:
        name = name.strip()
        if not name:
            raise UserError("A period needs a name")
        if ends_on < starts_on:
            raise UserError("{name}: the period ends before it starts", name=name)
        with self.ctx.db.transaction() as s:
            labor_contest(s, contest_id)
            rows = period_rows(s, contest_id)
            for other in rows:
                if other.name == name:
                    raise UserError("There is already a period named {name}", name=name)
                if other.starts_on <= ends_on and starts_on <= other.ends_on:
                    raise UserError(
                        "{name} overlaps {other} ({start} – {end})",
                        name=name,
                        other=other.name,
                        start=other.starts_on.isoformat(),
                        end=other.ends_on.isoformat(),
                    )
            row = m.LaborPeriod(
                contest_id=contest_id,
                position=len(rows),
                name=name,
                kind=kind.value,
                starts_on=starts_on,
                ends_on=ends_on,
            )
            s.add(row)
            s.flush()
            # Periods are kept in date order, whatever order they were added in.
            for position, other in enumerate(sorted([*rows, row], key=lambda r: r.starts_on)):
                other.position = position
            self.ctx.audit(s, "labor.period", f"contest:{contest_id}", name=name, kind=kind.value)
            return period_info(row)

    @requires(Action.EDIT_SETUP)
    def close_period(self, contest_id: int, period: int | str) -> PeriodInfo:
        """Its values are final: nothing in it can change afterwards."""
        with self.ctx.db.transaction() as s:
            labor_contest(s, contest_id)
            row = get_period(s, contest_id, period)
            if row.closed_at is not None:
                raise UserError("{name} is closed: its values can no longer change", name=row.name)
            row.closed_at, row.closed_by = utc_now(), self.ctx.actor.username
            self.ctx.audit(s, "labor.close", f"contest:{contest_id}", period=row.name)
            return period_info(row)

    # Teams and awards ----------------------------------------------------------

    @requires(Action.VIEW_SETUP)
    def teams(self, contest_id: int) -> list[LaborTeam]:
        with self.ctx.db.reading() as s:
            labor_contest(s, contest_id)
            return labor_teams(s, contest_id)

    @requires(Action.VIEW_SETUP)
    def award_rule(self, contest_id: int) -> AwardRule | None:
        with self.ctx.db.reading() as s:
            return award_rule_from_dict(labor_contest(s, contest_id).award_rule)

    @requires(Action.EDIT_SETUP)
    def set_award_rule(
        self, contest_id: int, rule: AwardRule | None, read: AwardRule | Unread | None = UNREAD
    ) -> None:
        """``read``: the rule as the form showed it (None: none); when another desk saved
        another since, the save is refused (StaleEdit) and nothing is written."""
        if rule is not None:
            rule.check()
        with self.ctx.db.transaction() as s:
            locked(s, m.Contest, contest_id)
            contest = labor_contest(s, contest_id)
            stored = award_rule_from_dict(contest.award_rule)
            refuse_if_other(s, _("This award rule"), read, stored, [f"contest:{contest_id}"],
                            ["labor.award_rule"])  # fmt: skip
            old, contest.award_rule = contest.award_rule, award_rule_to_dict(rule)
            self.ctx.audit(
                s, "labor.award_rule", f"contest:{contest_id}", old=old, new=contest.award_rule
            )

    # Vetoes (一票否决) ---------------------------------------------------------

    @requires(Action.VIEW_RESULTS)
    def vetoes(self, contest_id: int) -> list[VetoInfo]:
        with self.ctx.db.reading() as s:
            labor_contest(s, contest_id)
            teams = {t.id: t for t in labor_teams(s, contest_id)}
            periods = {r.id: period_info(r) for r in period_rows(s, contest_id)}
            rows = s.scalars(
                select(m.LaborVeto)
                .where(m.LaborVeto.contest_id == contest_id)
                .order_by(m.LaborVeto.id)
            )
            return [
                VetoInfo(
                    v.id,
                    teams[v.team_id],
                    periods.get(v.period_id) if v.period_id is not None else None,
                    v.reason,
                    v.decided_by,
                    v.lifted_reason,
                )
                for v in rows
            ]

    @requires(Action.EDIT_SETUP)
    def veto(self, contest_id: int, team_id: int, period: int | str | None, reason: str) -> int:
        """Take a team out of a period's awards (or, with no period, all of them)."""
        if not reason.strip():
            raise UserError("A veto needs its reason: it is shown with the results")
        with self.ctx.db.transaction() as s:
            labor_contest(s, contest_id)
            team = s.get(m.Team, team_id)
            if team is None or team.contest_id != contest_id:
                raise NotFound("There is no team {id} in this competition", id=team_id)
            row = None if period is None else get_period(s, contest_id, period)
            if row is not None and row.closed_at is not None:
                raise UserError("{name} is closed: its values can no longer change", name=row.name)
            veto = m.LaborVeto(
                contest_id=contest_id,
                team_id=team_id,
                period_id=None if row is None else row.id,
                reason=reason.strip(),
                decided_by=self.ctx.actor.username,
                decided_at=utc_now(),
            )
            s.add(veto)
            s.flush()
            self.ctx.audit(
                s, "labor.veto", f"team:{team_id}", reason.strip(),
                period=None if row is None else row.name,
            )  # fmt: skip
            return veto.id

    @requires(Action.EDIT_SETUP)
    def lift_veto(self, veto_id: int, reason: str) -> None:
        """A veto decided in error is lifted, with a reason; the record stays."""
        if not reason.strip():
            raise UserError("Lifting a veto needs a reason")
        with self.ctx.db.transaction() as s:
            veto = s.get(m.LaborVeto, veto_id)
            if veto is None:
                raise NotFound("There is no veto {id}", id=veto_id)
            if veto.lifted_reason is not None:
                raise UserError("This veto has been lifted already")
            veto.lifted_by, veto.lifted_reason = self.ctx.actor.username, reason.strip()
            self.ctx.audit(
                s, "labor.veto_lifted", f"team:{veto.team_id}", reason.strip(), veto=veto_id
            )
