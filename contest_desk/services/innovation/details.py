"""An achievement's record beyond its stage: benefits with their proof, patents, awards,
rollout sites and recommendations upward; and the achievement read whole."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain.innovation import Benefit, BenefitKind, Stage
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.innovation import (
    AchievementInfo,
    AwardInfo,
    BenefitInfo,
    PatentInfo,
    RecommendationInfo,
    RolloutInfo,
)
from contest_desk.errors import NotFound, UserError
from contest_desk.services.context import ServiceContext, utc_now
from contest_desk.services.innovation.achievements import get_achievement, moves_of
from contest_desk.services.innovation.attachments import add_attachment, attachment_info, files_root
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m

RECOMMEND_LEVELS = ("oilfield", "group", "national")  # 油田公司 / 集团公司 / 全国"五小"
OUTCOMES = ("pending", "selected", "awarded", "not_selected")
PATENT_KINDS = ("invention", "utility_model", "design", "software")


Detail = TypeVar(
    "Detail", m.BenefitRow, m.Patent, m.AchievementAward, m.RolloutSite, m.Recommendation
)


def _rows(s: Session, model: type[Detail], achievement_id: int) -> list[Detail]:
    query = select(model).where(model.achievement_id == achievement_id).order_by(model.id)
    return list(s.scalars(query))


def achievement_info(s: Session, row: m.Achievement, root: Path) -> AchievementInfo:
    studio = s.get(m.Studio, row.studio_id)
    assert studio is not None
    completers = tuple(
        s.scalars(
            select(m.Person.name)
            .join(m.AchievementCompleter, m.AchievementCompleter.person_id == m.Person.id)
            .where(m.AchievementCompleter.achievement_id == row.id)
            .order_by(m.AchievementCompleter.position)
        )
    )
    base = AchievementInfo(
        row.id,
        row.studio_id,
        studio.name,
        row.title,
        row.category,
        row.problem,
        row.description,
        row.started_on,
        row.finished_on,
        Stage(row.stage),
        row.under_review,
        completers,
        (row.started_on or row.created_at.date()).year,
        Stage(row.suspended_from) if row.suspended_from else None,
        version=row.version,
    )
    benefits = tuple(
        BenefitInfo(
            b.id,
            Benefit(b.year, b.quarter, b.site, BenefitKind(b.kind), b.amount, b.projected),
            b.basis,
            None
            if b.proof_id is None
            else attachment_info(root, s.get_one(m.Attachment, b.proof_id)),
        )
        for b in _rows(s, m.BenefitRow, row.id)
    )
    attachments = s.scalars(
        select(m.Attachment)
        .where(m.Attachment.owner_kind == "achievement", m.Attachment.owner_id == row.id)
        .order_by(m.Attachment.id)
    )
    return replace(
        base,
        moves=tuple(moves_of(s, row.id)),
        benefits=benefits,
        patents=tuple(
            PatentInfo(p.number, p.kind, p.filed_on, p.granted_on)
            for p in _rows(s, m.Patent, row.id)
        ),
        awards=tuple(
            AwardInfo(a.name, a.level, a.grade, a.year)
            for a in _rows(s, m.AchievementAward, row.id)
        ),
        rollouts=tuple(
            RolloutInfo(r.unit, r.started_on, r.scale) for r in _rows(s, m.RolloutSite, row.id)
        ),
        recommendations=tuple(
            RecommendationInfo(r.id, r.level, r.submitted_on, r.outcome, r.note)
            for r in _rows(s, m.Recommendation, row.id)
        ),
        attachments=tuple(attachment_info(root, a) for a in attachments),
    )


class InnovationDetailService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.VIEW_RESULTS)
    def achievement(self, achievement_id: int) -> AchievementInfo:
        with self.ctx.db.reading() as s:
            row = get_achievement(s, achievement_id)
            return achievement_info(s, row, files_root(self.ctx.db))

    @requires(Action.VIEW_RESULTS)
    def completer_numbers(self) -> dict[int, list[str]]:
        """Each achievement's completers' employee numbers, in order of contribution."""
        with self.ctx.db.reading() as s:
            rows = s.execute(
                select(m.AchievementCompleter.achievement_id, m.Person.employee_no)
                .join(m.Person, m.Person.id == m.AchievementCompleter.person_id)
                .order_by(m.AchievementCompleter.achievement_id, m.AchievementCompleter.position)
            )
            out: dict[int, list[str]] = {}
            for achievement_id, number in rows:
                out.setdefault(achievement_id, []).append(number)
            return out

    @requires(Action.EDIT_INNOVATION)
    def add_benefit(
        self,
        achievement_id: int,
        year: int,
        site: str,
        kind: BenefitKind,
        amount: str | Decimal,
        basis: str,
        proof: str | Path | None = None,
        quarter: int | None = None,
        projected: bool = False,
    ) -> int:
        """A benefit in CNY; an actual one (not a projection) needs its basis and its proof."""
        value = parse_decimal(amount, "amount")
        benefit = Benefit(year, quarter, site.strip(), kind, value, projected)
        benefit.check()
        if not site.strip():
            raise UserError("Say where the benefit was made: the studio's unit or a rollout site")
        if not basis.strip():
            raise UserError("A benefit needs the basis of its calculation")
        if not projected and proof is None:
            raise UserError("An actual benefit needs its proof file")
        if proof is not None and not Path(proof).is_file():
            raise UserError("The proof file {file} cannot be found", file=str(proof))
        with self.ctx.db.transaction() as s:
            get_achievement(s, achievement_id)
            proof_row = (
                add_attachment(self.ctx, s, "achievement", achievement_id, Path(proof), basis)
                if proof is not None
                else None
            )
            row = m.BenefitRow(
                achievement_id=achievement_id,
                year=year,
                quarter=quarter,
                site=benefit.site,
                kind=kind.value,
                amount=value,
                basis=basis.strip(),
                proof_id=proof_row.id if proof_row else None,
                projected=projected,
                entered_by=self.ctx.actor.username,
                entered_at=utc_now(),
            )
            s.add(row)
            s.flush()
            self.ctx.audit(
                s, "benefit.add", f"achievement:{achievement_id}", basis.strip(),
                year=year, site=benefit.site, kind=kind.value, amount=str(value),
                projected=projected,
            )  # fmt: skip
            return row.id

    @requires(Action.EDIT_INNOVATION)
    def add_patent(
        self,
        achievement_id: int,
        number: str,
        kind: str,
        filed_on: dt.date | None = None,
        granted_on: dt.date | None = None,
    ) -> None:
        if not number.strip():
            raise UserError("A patent needs its number")
        if kind not in PATENT_KINDS:
            raise UserError("{kind} is not a kind of patent", kind=kind)
        if filed_on and granted_on and granted_on < filed_on:
            raise UserError("A patent is granted after it is filed")
        row = m.Patent(number=number.strip(), kind=kind, filed_on=filed_on, granted_on=granted_on)
        self._add_detail(achievement_id, row, "patent.add", number=row.number)

    @requires(Action.EDIT_INNOVATION)
    def add_award(self, achievement_id: int, name: str, level: str, grade: str, year: int) -> None:
        if not name.strip() or not grade.strip():
            raise UserError("An award needs its name and grade")
        row = m.AchievementAward(
            name=name.strip(), level=level.strip(), grade=grade.strip(), year=year
        )
        self._add_detail(achievement_id, row, "award.add", name=row.name)

    @requires(Action.EDIT_INNOVATION)
    def add_rollout(
        self, achievement_id: int, unit: str, started_on: dt.date, scale: str = ""
    ) -> None:
        if not unit.strip():
            raise UserError("A rollout site needs its unit")
        row = m.RolloutSite(unit=unit.strip(), started_on=started_on, scale=scale.strip())
        self._add_detail(achievement_id, row, "rollout.add", unit=row.unit)

    def _add_detail(
        self,
        achievement_id: int,
        row: m.Patent | m.AchievementAward | m.RolloutSite,
        action: str,
        **detail: str,
    ) -> None:
        """Attach a patent, award or rollout site to an achievement, with its audit link."""
        with self.ctx.db.transaction() as s:
            get_achievement(s, achievement_id)
            row.achievement_id = achievement_id
            s.add(row)
            self.ctx.audit(s, action, f"achievement:{achievement_id}", **detail)

    @requires(Action.EDIT_INNOVATION)
    def recommend(
        self, achievement_id: int, level: str, submitted_on: dt.date, note: str = ""
    ) -> int:
        """Put an achievement forward to a level (pending until its outcome is known)."""
        if level not in RECOMMEND_LEVELS:
            raise UserError("{level} is not a level to recommend to", level=level)
        with self.ctx.db.transaction() as s:
            get_achievement(s, achievement_id)
            earlier = [r for r in _rows(s, m.Recommendation, achievement_id) if r.level == level]
            if earlier:
                raise UserError("It has been recommended to that level already")
            row = m.Recommendation(
                achievement_id=achievement_id,
                level=level,
                submitted_on=submitted_on,
                outcome="pending",
                note=note.strip(),
            )
            s.add(row)
            s.flush()
            self.ctx.audit(s, "recommend", f"achievement:{achievement_id}", level=level)
            return row.id

    @requires(Action.EDIT_INNOVATION)
    def record_outcome(
        self, recommendation_id: int, outcome: str, decided_on: dt.date, note: str = ""
    ) -> None:
        if outcome not in OUTCOMES or outcome == "pending":
            raise UserError("{outcome} is not an outcome", outcome=outcome)
        with self.ctx.db.transaction() as s:
            row = s.get(m.Recommendation, recommendation_id)
            if row is None:
                raise NotFound("There is no recommendation {id}", id=recommendation_id)
            old, row.outcome, row.decided_on = row.outcome, outcome, decided_on
            if note.strip():
                row.note = note.strip()
            self.ctx.audit(
                s, "recommend.outcome", f"achievement:{row.achievement_id}",
                level=row.level, old=old, new=outcome,
            )  # fmt: skip
