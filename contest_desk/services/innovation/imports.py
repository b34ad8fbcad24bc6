"""Importing an existing ledger from Excel (the layout ``export`` writes): all or nothing.

Every row is checked first — its studio, category and stage, its completers (employee
numbers in the roster), dates, amounts, and that the title is not in the ledger already —
and every problem is listed with its row and column. Imported achievements carry one move
to their stage, noted as imported from the file; imported benefits carry their basis but
no proof file (the proof stays with the paper ledger).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain import limits
from contest_desk.domain.innovation import BENEFIT_NAMES, CATEGORY_NAMES, STAGE_NAMES, Stage
from contest_desk.domain.limits import check_text
from contest_desk.domain.numbers import parse_decimal, parse_whole
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.innovation import BENEFITS, LEDGER, LedgerSheet
from contest_desk.errors import ImportRejected, Location, Progress, UserError, stepped
from contest_desk.i18n import _
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m

LABELS = dict(LEDGER + BENEFITS)


def _reverse(names: Mapping[Any, str]) -> dict[str, str]:
    """Code, English label or Chinese label → code."""
    out: dict[str, str] = {}
    for code, label in names.items():
        out[str(code)] = out[label] = out[_(label)] = str(code)
    return out


def _split(text: str) -> list[str]:
    for mark in ("、", "，", ";", "；", " "):
        text = text.replace(mark, ",")
    return [t.strip() for t in text.split(",") if t.strip()]


def _date(text: str) -> dt.date | None:
    text = text.strip()
    return dt.date.fromisoformat(text[:10]) if text else None


@dataclass
class Planned:
    title: str
    studio: int
    category: str
    stage: str
    completers: list[int]
    problem: str
    description: str
    started_on: dt.date | None
    finished_on: dt.date | None


@dataclass
class PlannedBenefit:
    title: str
    year: int
    quarter: int | None
    site: str
    kind: str
    amount: Decimal
    projected: bool
    basis: str


class Checker:
    """Reads rows into plans, collecting every problem with its row and column."""

    def __init__(self, file: str, s: Session) -> None:
        self.file, self.problems = file, list[UserError]()
        self.studios = {n: i for n, i in s.execute(select(m.Studio.name, m.Studio.id))}
        self.people = {n: i for n, i in s.execute(select(m.Person.employee_no, m.Person.id))}
        self.known = set(s.scalars(select(m.Achievement.title)))
        self.titles: dict[str, int] = {}
        self.categories = _reverse(CATEGORY_NAMES)
        self.stages = _reverse(STAGE_NAMES)
        self.kinds = _reverse(BENEFIT_NAMES)

    def problem(self, line: int, key: str, msgid: str, **params: object) -> None:
        where = Location(self.file, line, _(LABELS[key]))
        self.problems.append(UserError(msgid, where=where, **params))

    def texts(self, row: int, cells: dict[str, str], sizes: dict[str, int]) -> None:
        """Each text within its limit (domain/limits.py), the same as typed in the window."""
        for key, limit in sizes.items():
            try:
                check_text(cells.get(key, "").strip(), limit, _(LABELS[key]))
            except UserError as error:
                self.problem(row, key, error.msgid, **error.params)

    def whole(self, row: int, cells: dict[str, str], key: str, low: int, high: int) -> int | None:
        """A year or quarter cell as a number from ``low`` to ``high`` (None when empty)."""
        text = cells.get(key, "").strip()
        if not text:
            return None
        try:
            return parse_whole(text, _(LABELS[key]), low, high)
        except UserError as error:
            self.problem(row, key, error.msgid, **error.params)
            return None

    def achievement(self, row: int, cells: dict[str, str]) -> Planned | None:
        title = cells["title"].strip()
        self.texts(
            row, cells, {"title": limits.TITLE, "problem": limits.NOTE, "description": limits.NOTE}
        )
        if title in self.known:
            self.problem(row, "title", "{title} is in the ledger already", title=title)
        if title and title in self.titles:  # no title at all is said once, below
            self.problem(
                row, "title", "{title} is also on row {row}", title=title, row=self.titles[title]
            )
        self.titles[title] = row
        studio = self.studios.get(cells["studio"].strip())
        if studio is None:
            self.problem(
                row, "studio", "There is no studio named {name}", name=cells["studio"] or "—"
            )
        category = self.categories.get(cells["category"].strip())
        if category is None:
            self.problem(
                row,
                "category",
                "{category} is not a category of achievements",
                category=cells["category"] or "—",
            )
        stage = self.stages.get(cells["stage"].strip())
        if stage is None:
            self.problem(row, "stage", "{stage} is not a stage", stage=cells["stage"] or "—")
        numbers = _split(cells["completers"])
        if not numbers:
            self.problem(row, "completers", "An achievement needs at least one completer")
        for number in numbers:
            if number not in self.people:
                self.problem(
                    row, "completers", "There is no person with the employee number {no}", no=number
                )
        dates: dict[str, dt.date | None] = {}
        for key in ("started_on", "finished_on"):
            try:
                dates[key] = _date(cells.get(key, ""))
            except ValueError:
                self.problem(row, key, "{value} is not a date (YYYY-MM-DD)", value=cells[key])
        if not title or studio is None or category is None or stage is None:
            if not title:
                self.problem(row, "title", "An achievement needs a title")
            return None
        return Planned(
            title,
            studio,
            category,
            stage,
            [self.people.get(n, 0) for n in numbers],
            cells.get("problem", ""),
            cells.get("description", ""),
            dates.get("started_on"),
            dates.get("finished_on"),
        )

    def benefit(self, row: int, cells: dict[str, str]) -> PlannedBenefit | None:
        title = cells["title"].strip()
        if title not in self.titles:
            self.problem(
                row, "title", "{title} is not an achievement of this file", title=title or "—"
            )
        try:
            amount = parse_decimal(cells["amount"], _(LABELS["amount"]))
        except UserError as error:
            self.problem(row, "amount", error.msgid, **error.params)
            return None
        if amount < 0:
            self.problem(
                row,
                "amount",
                "A benefit is a positive amount of CNY; {amount} is not",
                amount=amount,
            )
        kind = self.kinds.get(cells.get("kind", "").strip() or "other")
        if kind is None:
            self.problem(row, "kind", "{kind} is not a kind of benefit", kind=cells["kind"])
        self.texts(row, cells, {"site": limits.TITLE, "basis": limits.NOTE})
        year = self.whole(row, cells, "year", 1900, 9999)
        if year is None and not cells["year"].strip():
            self.problem(row, "year", "{value} is not a year", value="—")
        quarter = self.whole(row, cells, "quarter", 1, 4)
        if kind is None or year is None or amount < 0:
            return None
        return PlannedBenefit(
            title,
            year,
            quarter,
            cells.get("site", "").strip() or "—",
            kind,
            amount,
            cells.get("projected", "").strip() in (_("yes"), "yes", "是", "1"),
            cells.get("basis", "").strip(),
        )


class InnovationImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.EDIT_INNOVATION)
    def import_ledger(self, sheet: LedgerSheet, progress: Progress | None = None) -> int:
        """The achievements (and their benefits) of a ledger file (``reports.innovation_excel``
        reads it); returns how many."""
        file, rows, benefit_rows = sheet.file, sheet.rows, sheet.benefits
        with self.ctx.db.transaction() as s:
            checker = Checker(file, s)
            planned = [checker.achievement(n, cells) for n, cells in rows]
            benefits = [checker.benefit(n, cells) for n, cells in benefit_rows]
            if checker.problems:
                raise ImportRejected(checker.problems)
            made = {p.title: self._achievement(s, file, p) for p in stepped(planned, progress) if p}
            for b in benefits:
                assert b is not None
                s.add(
                    m.BenefitRow(
                        achievement_id=made[b.title],
                        year=b.year,
                        quarter=b.quarter,
                        site=b.site,
                        kind=b.kind,
                        amount=b.amount,
                        projected=b.projected,
                        basis=b.basis or _("imported from {file}", file=file),
                        entered_by=self.ctx.actor.username,
                        entered_at=utc_now(),
                    )
                )
            self.ctx.audit(s, "ledger.import", "innovation", file=file, count=len(made))
            return len(made)

    def _achievement(self, s: Session, file: str, p: Planned) -> int:
        row = m.Achievement(
            studio_id=p.studio,
            title=p.title,
            category=p.category,
            problem=p.problem,
            description=p.description,
            started_on=p.started_on,
            finished_on=p.finished_on,
            stage=p.stage,
            created_at=utc_now(),
        )
        s.add(row)
        s.flush()
        s.add_all(
            m.AchievementCompleter(achievement_id=row.id, person_id=person, position=i)
            for i, person in enumerate(p.completers)
        )
        if p.stage != Stage.PROPOSAL.value:
            move = m.AchievementMove(
                achievement_id=row.id,
                from_stage=Stage.PROPOSAL.value,
                to_stage=p.stage,
                on=p.started_on or dt.date.today(),
                approver=self.ctx.actor.username,
                decision=_("imported"),
                note=_("imported from {file}", file=file),
                at=utc_now(),
            )
            s.add(move)
        return row.id
