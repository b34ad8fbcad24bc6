"""What the innovation ledger's services hand out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from contest_desk.domain.file_hash import file_state
from contest_desk.domain.innovation import Benefit, FunnelRow, Move, Stage
from contest_desk.i18n import N_


@dataclass(frozen=True)
class StudioInfo:
    id: int
    name: str
    unit: str
    leader: str
    level: str  # plant / oilfield / group
    founded_on: dt.date | None
    specialties: str
    status: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    name: str
    size: int
    sha256: str
    added_at: dt.datetime
    added_by: str
    stored: Path  # where the store keeps the file

    @cached_property
    def state(self) -> str:
        """ok / missing / changed. Checked (hashed) when first asked for, not when listed:
        a ledger of many achievements would otherwise read every file on each refresh."""
        return file_state(self.stored, self.sha256)


@dataclass(frozen=True)
class BenefitInfo:
    id: int
    benefit: Benefit
    basis: str
    proof: AttachmentInfo | None


@dataclass(frozen=True)
class PatentInfo:
    number: str
    kind: str
    filed_on: dt.date | None
    granted_on: dt.date | None


@dataclass(frozen=True)
class AwardInfo:
    name: str
    level: str
    grade: str
    year: int


@dataclass(frozen=True)
class RolloutInfo:
    unit: str
    started_on: dt.date
    scale: str


@dataclass(frozen=True)
class RecommendationInfo:
    id: int
    level: str  # oilfield / group / national
    submitted_on: dt.date
    outcome: str  # pending / selected / awarded / not_selected
    note: str


@dataclass(frozen=True)
class AchievementInfo:
    id: int
    studio_id: int
    studio: str
    title: str
    category: str
    problem: str
    description: str
    started_on: dt.date | None
    finished_on: dt.date | None
    stage: Stage
    under_review: bool
    completers: tuple[str, ...]  # in order of contribution
    year: int  # the year it was proposed
    suspended_from: Stage | None = None  # where a suspended one resumes
    moves: tuple[Move, ...] = ()
    benefits: tuple[BenefitInfo, ...] = ()
    patents: tuple[PatentInfo, ...] = ()
    awards: tuple[AwardInfo, ...] = ()
    rollouts: tuple[RolloutInfo, ...] = ()
    recommendations: tuple[RecommendationInfo, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    # The row's edit version as read (storage/versions.py); not part of equality.
    version: int = field(default=0, compare=False)

    @property
    def actual_benefit(self) -> Decimal:
        return sum((b.benefit.amount for b in self.benefits if not b.benefit.projected), Decimal(0))


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    held_on: dt.date
    host: str
    place: str
    topic: str
    notes: str
    attendees: tuple[str, ...]
    achievements: tuple[str, ...]
    attachments: tuple[AttachmentInfo, ...] = ()


@dataclass(frozen=True)
class LedgerFilter:
    """Search and filters; every part optional."""

    text: str = ""
    studio_id: int | None = None
    stage: Stage | None = None
    year: int | None = None
    category: str = ""
    completer: str = ""
    min_benefit: Decimal | None = None
    max_benefit: Decimal | None = None
    pending_at: str = ""  # a recommendation level with an outcome still pending


# The ledger's Excel layout (成果台账): key and header of each column, sheet by sheet.
LEDGER = (
    ("title", N_("Title")),
    ("studio", N_("Studio")),
    ("category", N_("Category")),
    ("stage", N_("Stage")),
    ("completers", N_("Completers' employee numbers")),
    ("completer_names", N_("Completers")),
    ("problem", N_("Problem solved")),
    ("description", N_("Description")),
    ("started_on", N_("Proposed on")),
    ("finished_on", N_("Finished on")),
    ("actual", N_("Actual benefit (CNY)")),
    ("projected", N_("Projected benefit (CNY)")),
    ("patents", N_("Patents")),
    ("awards", N_("Honours")),
    ("rollouts", N_("Rollout sites")),
    ("recommendations", N_("Recommendations")),
)
BENEFITS = (
    ("title", N_("Title")),
    ("year", N_("Year")),
    ("quarter", N_("Quarter")),
    ("site", N_("Site")),
    ("kind", N_("Kind")),
    ("amount", N_("Amount (CNY)")),
    ("projected", N_("Projected")),
    ("basis", N_("Basis of calculation")),
)
# Columns the import needs; the others are written for people to read.
REQUIRED = ("title", "studio", "category", "stage", "completers")


@dataclass(frozen=True)
class LedgerSheet:
    """A ledger file as read: each sheet's rows as column key → cell text, by row number."""

    file: str
    rows: list[tuple[int, dict[str, str]]]
    benefits: list[tuple[int, dict[str, str]]]


@dataclass(frozen=True)
class Dashboard:
    funnel: tuple[FunnelRow, ...]
    by_studio: dict[str, tuple[Decimal, Decimal]]  # studio → (actual, projected) CNY
    by_year: dict[int, tuple[Decimal, Decimal]]
    by_site: dict[str, tuple[Decimal, Decimal]]
    rollouts: int  # rollout sites recorded
    achievements: int
