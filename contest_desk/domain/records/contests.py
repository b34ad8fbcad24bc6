"""Plain records that services hand to the UI, the command line and reports.

No SQLAlchemy object ever leaves storage/; these dataclasses do instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal

from contest_desk.domain.advance import AdvanceRule
from contest_desk.domain.aggregation import AggregationRule
from contest_desk.domain.awards import AwardRule
from contest_desk.domain.contest import ContestKind, ContestStatus, EventMode
from contest_desk.domain.discrepancy import DEFAULT_THRESHOLD
from contest_desk.domain.permissions import Role
from contest_desk.domain.ranking import TieBreak
from contest_desk.domain.rubric import Criterion
from contest_desk.domain.standings import Standing


@dataclass(frozen=True)
class ContestInfo:
    id: int
    name: str
    kind: ContestKind
    status: ContestStatus
    start_date: dt.date | None
    end_date: dt.date | None
    organizer: str
    # The row's edit version as read (storage/versions.py): a save hands the record back,
    # and is refused when someone else has saved the row since. Not part of equality:
    # two reads of the same values are the same record.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class PartInfo:
    id: int
    name: str
    weight: Decimal


@dataclass(frozen=True)
class RoundInfo:
    id: int
    number: int
    name: str
    weight: Decimal


@dataclass(frozen=True)
class EventSettings:
    """How an event scores, breaks ties and awards; every field is editable."""

    aggregation: AggregationRule = field(default_factory=AggregationRule)
    judges_per_entry: int = 5
    places: int = 2
    tie_breaks: tuple[TieBreak, ...] = ()
    award_rule: AwardRule | None = None
    # A judgement mark spread above this share of the criterion's max flags the cell.
    discrepancy_threshold: Decimal = DEFAULT_THRESHOLD


@dataclass(frozen=True)
class EventInfo:
    id: int
    contest_id: int
    name: str
    mode: EventMode
    settings: EventSettings
    parts: tuple[PartInfo, ...]
    rounds: tuple[RoundInfo, ...]
    # The row's edit version as read (storage/versions.py): a save hands the record back,
    # and is refused when someone else has saved the row since. Not part of equality:
    # two reads of the same values are the same record.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    parent_id: int | None
    path: str  # "采油一区/作业一班"


@dataclass(frozen=True)
class PersonInfo:
    id: int
    employee_no: str
    name: str
    unit_id: int | None
    unit: str
    job_type: str
    skill_level: str
    # The row's edit version as read (storage/versions.py): a save hands the record back,
    # and is refused when someone else has saved the row since. Not part of equality:
    # two reads of the same values are the same record.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class TeamInfo:
    id: int
    name: str
    unit: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class EntryInfo:
    """An entry as lists show it: ``label`` is the person's or team's name."""

    id: int
    label: str
    unit: str
    key: str  # employee number or team name: how files refer to the entry
    code: str | None
    person_id: int | None
    team_id: int | None


@dataclass(frozen=True)
class JudgeInfo:
    id: int
    username: str
    name: str
    unit: str
    events: tuple[int, ...] = ()
    trainee: bool = False  # shadow judge: marks kept and compared, never counted


@dataclass(frozen=True)
class CriterionColumn:
    """A leaf criterion as a column of the scoring grid."""

    id: int
    code: str
    name: str
    part: str
    criterion: Criterion


@dataclass(frozen=True)
class ScoreSheet:
    """What one judge scores in one round: entries down, criteria across."""

    event_id: int
    round_number: int
    judge_id: int
    entries: tuple[EntryInfo, ...]
    columns: tuple[CriterionColumn, ...]
    values: dict[tuple[int, str], Decimal]  # (entry id, criterion code) → stored value
    times: dict[int, Decimal] = field(default_factory=dict)  # entry id → completion seconds
    state: str = "draft"  # "draft" or "submitted"
    locked: bool = False  # the round is locked: nothing on the sheet can change

    @property
    def read_only(self) -> bool:
        return self.locked or self.state == "submitted"


@dataclass(frozen=True)
class JudgeEvent:
    """An event someone may score: as ``judge_id``, or as any panel judge when None."""

    contest_name: str
    event: EventInfo
    judge_id: int | None
    judge_name: str = ""


@dataclass(frozen=True)
class SheetStatus:
    """One judge's sheet as the chief judge sees it on the progress board."""

    judge: JudgeInfo
    state: str
    filled: int  # the judge's own marks keyed
    expected: int  # entries × judgement criteria
    submitted_at: dt.datetime | None
    last_mark_at: dt.datetime | None  # the judge's last saved mark (UTC), for the live desk
    device: str  # the address it came from ("" when keyed on a desk without one)


@dataclass(frozen=True)
class RoundStatus:
    event_id: int
    round_number: int
    sheets: tuple[SheetStatus, ...]
    locked_at: dt.datetime | None
    locked_by: str | None

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


@dataclass(frozen=True)
class StandingRow(Standing):
    """A standings line with the entry as lists show it (``entry.id`` is ``entry_id``)."""

    entry: EntryInfo

    @classmethod
    def of(cls, standing: Standing, entry: EntryInfo) -> StandingRow:
        return cls(**{f.name: getattr(standing, f.name) for f in fields(Standing)}, entry=entry)


@dataclass(frozen=True)
class StandingsTable:
    event: EventInfo
    round_number: int | None  # None: the event over all rounds
    rows: tuple[StandingRow, ...]
    final: bool = False  # every round it covers is locked: nothing in it can change


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote; an import either writes all of this or nothing."""

    created: dict[str, int]
    updated: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    name: str
    roles: tuple[Role, ...]
    active: bool
    expires_on: dt.date | None


@dataclass(frozen=True)
class ConflictInfo:
    judge_id: int
    entry_id: int
    kind: str  # "unit" or "declared"
    note: str  # the declared conflict's note
    override: str | None  # the organizer's reason, when overridden


@dataclass(frozen=True)
class DrawnEntry:
    entry: EntryInfo
    codes: tuple[str, ...]  # layer 1, then layer 2 when re-coded
    position: int
    workstation: str | None


@dataclass(frozen=True)
class DrawInfo:
    layer: int
    seed: str
    drawn_by: str
    entries: tuple[DrawnEntry, ...]


@dataclass(frozen=True)
class RoundClose:
    advancing: tuple[int, ...]
    eliminated: tuple[int, ...]
    rule: str


@dataclass(frozen=True)
class RoundAdvance:
    rule: AdvanceRule | None
    locked: bool
    closed: bool  # the rule has been applied
