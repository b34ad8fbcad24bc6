"""Importing a period's values from the Excel template: all or nothing.

Every problem is reported with the file, row and column: a team or an indicator the
competition does not have, a unit other than the indicator's, a cell that is not a number,
a file for another period. A closed period takes nothing.
"""

from __future__ import annotations

from decimal import Decimal

from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.labor import HEADER_ROW, LaborSheet, column_letter
from contest_desk.errors import ImportRejected, Location, Progress, UserError, stepped
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext
from contest_desk.services.labor.competitions import (
    get_period,
    indicator_rows,
    labor_contest,
    labor_teams,
    period_rows,
)
from contest_desk.services.labor.values import (
    check_value,
    open_period,
    stored_values,
    write_value,
)
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m


class LaborImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.KEY_VALUES)
    def import_values(
        self,
        contest_id: int,
        period: int | str,
        sheet: LaborSheet,
        progress: Progress | None = None,
    ) -> int:
        """The values of one period from a filled-in template (``reports.labor_excel``
        reads it); returns how many changed."""
        file = sheet.file
        with self.ctx.db.transaction() as s:
            labor_contest(s, contest_id)
            row = get_period(s, contest_id, period)
            problems: list[UserError] = []
            if sheet.period != row.name:
                known = {p.name for p in period_rows(s, contest_id)}
                msgid = (
                    "The file is for {found}, not for {period}"
                    if sheet.period in known
                    else "The file's period {found} is not a period of this competition"
                )
                problems.append(
                    UserError(
                        msgid,
                        where=Location(file, 2, "B"),
                        found=sheet.period or "—",
                        period=row.name,
                    )
                )
            open_period(s, contest_id, row.id)
            indicators = {i.code: i for i in indicator_rows(s, contest_id)}
            teams = {t.name: t.id for t in labor_teams(s, contest_id)}
            columns: dict[int, m.LaborIndicator] = {}
            for col, (code, _name, unit) in sheet.columns.items():
                where = Location(file, HEADER_ROW, column_letter(col))
                indicator = indicators.get(code)
                if indicator is None:
                    problems.append(
                        UserError("The competition has no indicator {code}", where=where, code=code)
                    )
                elif unit != indicator.unit:
                    problems.append(
                        UserError(
                            "{name} is counted in {unit}, not in {found}",
                            where=where,
                            name=indicator.name,
                            unit=indicator.unit,
                            found=unit or "—",
                        )
                    )
                else:
                    columns[col] = indicator
            planned: list[tuple[int, m.LaborIndicator, Decimal]] = []
            seen: dict[str, int] = {}
            for number, team, cells in sheet.rows:
                team_id = teams.get(team)
                if team_id is None:
                    problems.append(
                        UserError(
                            "{team} is not a team of this competition",
                            where=Location(file, number, "A"),
                            team=team or "—",
                        )
                    )
                    continue
                if team in seen:
                    problems.append(
                        UserError(
                            "{team} is also on row {row}",
                            where=Location(file, number, "A"),
                            team=team,
                            row=seen[team],
                        )
                    )
                seen[team] = number
                for col, text in cells.items():
                    indicator = columns.get(col)
                    if not text or indicator is None:
                        continue
                    try:
                        value = parse_decimal(text, indicator.name)
                        check_value(indicator, value)
                    except UserError as error:
                        where = Location(file, number, column_letter(col))
                        problems.append(UserError(error.msgid, where=where, **error.params))
                        continue
                    planned.append((team_id, indicator, value))
            if problems:
                raise ImportRejected(problems)
            stored = stored_values(s, row.id)
            reason = _("imported from {file}", file=file)
            return sum(
                write_value(
                    self.ctx,
                    s,
                    row,
                    team_id,
                    indicator,
                    value,
                    reason,
                    stored.get(team_id, {}).get(indicator.id),
                )
                for team_id, indicator, value in stepped(planned, progress)  # Cancel: rollback
            )
