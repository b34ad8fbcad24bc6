"""Teams' values per period: keyed in a grid or imported, corrected with a reason.

A value of a closed period never changes. Changing a keyed value is a correction: it
needs a reason and is audited with the old and the new value, like a score.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.labor import IndicatorRule
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.labor import ValueGrid
from contest_desk.errors import NotFound, UserError
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.labor.competitions import (
    get_period,
    indicator_of,
    indicator_rows,
    labor_contest,
    labor_teams,
    period_info,
)
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.ledger import labor_value_content, note_row


def check_value(row: m.LaborIndicator, value: Decimal) -> None:
    """A count of events is a whole number, never below zero."""
    if row.rule == IndicatorRule.PENALTY.value and (
        value < 0 or value != value.to_integral_value()
    ):
        raise UserError("{name}: a count of events is a whole number, 0 or more", name=row.name)


def stored_values(s: Session, period_id: int) -> dict[int, dict[int, m.LaborValue]]:
    """team id → indicator id → stored row, for one period."""
    out: dict[int, dict[int, m.LaborValue]] = {}
    for row in s.scalars(select(m.LaborValue).where(m.LaborValue.period_id == period_id)):
        out.setdefault(row.team_id, {})[row.indicator_id] = row
    return out


def write_value(
    ctx: ServiceContext,
    s: Session,
    period: m.LaborPeriod,
    team_id: int,
    indicator: m.LaborIndicator,
    value: Decimal,
    reason: str,
    existing: m.LaborValue | None,
) -> bool:
    """Store one value (a correction needs ``reason``); False when it was already so."""
    if existing is not None and existing.value == value:
        return False
    if existing is not None and not reason.strip():
        raise UserError(
            "{name} already has {old}: changing it needs a reason",
            name=indicator.name,
            old=existing.value,
        )
    old = None if existing is None else existing.value
    row = existing or m.LaborValue(period_id=period.id, team_id=team_id, indicator_id=indicator.id)
    row.value, row.entered_by, row.entered_at = value, ctx.actor.username, utc_now()
    s.add(row)
    key = [period.id, team_id, indicator.id]
    note_row(s, "labor_values", key, labor_value_content(value))
    ctx.audit(
        s, "labor.value", f"team:{team_id}", reason.strip(), period=period.name,
        indicator=indicator.code, old=None if old is None else str(old), new=str(value),
    )  # fmt: skip
    return True


def open_period(s: Session, contest_id: int, period: int | str) -> m.LaborPeriod:
    row = get_period(s, contest_id, period)
    if row.closed_at is not None:
        raise UserError("{name} is closed: its values can no longer change", name=row.name)
    return row


class LaborValueService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_SETUP)
    def grid(self, contest_id: int, period: int | str) -> ValueGrid:
        with self.ctx.db.reading() as s:
            labor_contest(s, contest_id)
            row = get_period(s, contest_id, period)
            indicators = indicator_rows(s, contest_id)
            code_of = {i.id: i.code for i in indicators}
            values = {
                team: {code_of[i]: v.value for i, v in by_indicator.items()}
                for team, by_indicator in stored_values(s, row.id).items()
            }
            return ValueGrid(
                period_info(row),
                tuple(indicator_of(i) for i in indicators),
                tuple(labor_teams(s, contest_id)),
                values,
            )

    @requires(Action.KEY_VALUES)
    def set_value(
        self,
        contest_id: int,
        period: int | str,
        team_id: int,
        code: str,
        text: str | Decimal,
        reason: str = "",
    ) -> bool:
        """Key one team's value of one indicator; True when it changed anything."""
        with self.ctx.db.transaction() as s:
            labor_contest(s, contest_id)
            row = open_period(s, contest_id, period)
            indicator = next((i for i in indicator_rows(s, contest_id) if i.code == code), None)
            if indicator is None:
                raise NotFound("The labor competition has no indicator {code}", code=code)
            team = s.get(m.Team, team_id)
            if team is None or team.contest_id != contest_id:
                raise NotFound("There is no team {id} in this competition", id=team_id)
            value = parse_decimal(text, indicator.name)
            check_value(indicator, value)
            existing = stored_values(s, row.id).get(team_id, {}).get(indicator.id)
            return write_value(self.ctx, s, row, team_id, indicator, value, reason, existing)
