"""The database schema as SQLAlchemy 2 typed models. Nothing outside storage/ sees them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from contest_desk.storage.types import Milli


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        Decimal: Milli,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


def edit_version() -> Mapped[int]:
    """A row's edit version: SQLAlchemy raises it with every UPDATE of the row (and checks
    it in the UPDATE's WHERE), so a save from a form read at an older version is caught
    (storage/versions.py); starts at 1, as the rows that 0015 found. A model names it in a
    plain ``__mapper_args__`` (mypy refuses a ClassVar over DeclarativeBase's own, so ruff's
    mutable-class-attribute rule is silenced on those lines)."""
    return mapped_column(default=1, server_default="1")


class Unit(Base):
    """单位 / 班组: a tree (plant → area → team)."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    parent: Mapped[Unit | None] = relationship(remote_side=[id])


class Person(Base):
    """职工."""

    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    employee_no: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    job_type: Mapped[str] = mapped_column(String(60), default="")
    skill_level: Mapped[str] = mapped_column(String(30), default="")
    unit: Mapped[Unit | None] = relationship()
    version: Mapped[int] = edit_version()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (see edit_version)


class Contest(Base):
    """竞赛."""

    __tablename__ = "contests"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    organizer: Mapped[str] = mapped_column(String(200), default="")
    award_rule: Mapped[dict[str, Any] | None]  # a labor competition's, per period and overall
    version: Mapped[int] = edit_version()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (see edit_version)
    events: Mapped[list[Event]] = relationship(back_populates="contest", order_by="Event.id")


class Event(Base):
    """竞赛项目, with how it scores, breaks ties and awards."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("contest_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    name: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(20), default="individual")
    aggregation: Mapped[str] = mapped_column(String(20), default="trimmed_mean")
    trim: Mapped[int] = mapped_column(default=1)
    judges_per_entry: Mapped[int] = mapped_column(default=5)
    places: Mapped[int] = mapped_column(default=2)
    tie_breaks: Mapped[list[Any]] = mapped_column(default=list)
    award_rule: Mapped[dict[str, Any] | None]
    discrepancy: Mapped[Decimal] = mapped_column(default=Decimal("0.2"))
    version: Mapped[int] = edit_version()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (see edit_version)
    contest: Mapped[Contest] = relationship(back_populates="events")
    parts: Mapped[list[Part]] = relationship(order_by="Part.position")
    rounds: Mapped[list[Round]] = relationship(order_by="Round.number")


class Part(Base):
    """A weighted part of an event (theory 30 %, practical 70 %) holding one rubric."""

    __tablename__ = "parts"
    __table_args__ = (UniqueConstraint("event_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    name: Mapped[str] = mapped_column(String(100))
    weight: Mapped[Decimal] = mapped_column(default=Decimal(1))
    position: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = edit_version()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (see edit_version)
    criteria: Mapped[list[Criterion]] = relationship(
        order_by="Criterion.position", cascade="all, delete-orphan"
    )


class Criterion(Base):
    """A node of a part's rubric tree; leaves carry a kind and max points."""

    __tablename__ = "criteria"
    # parent_id: whether a criterion is a group, asked by every save (storage/save_facts).
    __table_args__ = (UniqueConstraint("part_id", "code"), Index("ix_criteria_parent", "parent_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("criteria.id"))
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(20))
    max_points: Mapped[Decimal]
    step: Mapped[Decimal]
    weight: Mapped[Decimal] = mapped_column(default=Decimal(1))
    rule: Mapped[dict[str, Any] | None]


class Round(Base):
    """轮次."""

    __tablename__ = "rounds"
    __table_args__ = (UniqueConstraint("event_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    weight: Mapped[Decimal] = mapped_column(default=Decimal(1))
    # Set by the chief judge when every sheet is in; the round's standings are then final.
    locked_at: Mapped[dt.datetime | None]
    locked_by: Mapped[str | None] = mapped_column(String(60))
    advance: Mapped[dict[str, Any] | None]  # who goes on to the next round (晋级规则)
    closed_at: Mapped[dt.datetime | None]  # the advance rule was applied


class Team(Base):
    """参赛队."""

    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("contest_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    name: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    members: Mapped[list[TeamMember]] = relationship(order_by="TeamMember.position")


class TeamMember(Base):
    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    position: Mapped[int] = mapped_column(default=0)
    person: Mapped[Person] = relationship()


class Entry(Base):
    """参赛单元: one person or one team in one event."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id"),
        UniqueConstraint("event_id", "team_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    code: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="active")
    # 淘汰: the round whose close eliminated the entry, and the rule that did it.
    eliminated_round: Mapped[int | None]
    eliminated_rule: Mapped[str | None] = mapped_column(String(100))
    person: Mapped[Person | None] = relationship()
    team: Mapped[Team | None] = relationship()


class Judge(Base):
    """裁判 of a contest; ``username`` is how score files and log-ins name them."""

    __tablename__ = "judges"
    __table_args__ = (UniqueConstraint("contest_id", "username"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    username: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(60))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    # A trainee (shadow) judge's marks are kept and compared, never counted in results.
    trainee: Mapped[bool] = mapped_column(default=False)


class JudgeAssignment(Base):
    """A judge on an event's panel (for every round, or one round when ``round_id`` is set)."""

    __tablename__ = "judge_assignments"
    __table_args__ = (UniqueConstraint("judge_id", "event_id", "round_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id"))


class Conflict(Base):
    """A declared conflict of interest (回避) between a judge and a person, with its note."""

    __tablename__ = "conflicts"
    __table_args__ = (UniqueConstraint("judge_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class ConflictOverride(Base):
    """An organizer's decision to let a conflicted judge mark an entry, and why."""

    __tablename__ = "conflict_overrides"
    __table_args__ = (UniqueConstraint("judge_id", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(60))


class EntryAssignment(Base):
    """A judge assigned to mark one entry in one round; without any, the whole panel does."""

    __tablename__ = "entry_assignments"
    __table_args__ = (UniqueConstraint("round_id", "judge_id", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))


class Draw(Base):
    """抽签: one layer of anonymous codes for a round, reproducible from its seed."""

    __tablename__ = "draws"
    __table_args__ = (UniqueConstraint("round_id", "layer"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    layer: Mapped[int] = mapped_column(default=1)  # 2: the second coding (二次加密)
    seed: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(10), default="")
    drawn_by: Mapped[str] = mapped_column(String(60))
    drawn_at: Mapped[dt.datetime]
    codes: Mapped[list[DrawCode]] = relationship(order_by="DrawCode.position")


class DrawCode(Base):
    """One entry's code in one layer, with its drawn position and workstation."""

    __tablename__ = "draw_codes"
    __table_args__ = (
        UniqueConstraint("draw_id", "entry_id"),
        UniqueConstraint("draw_id", "code"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    draw_id: Mapped[int] = mapped_column(ForeignKey("draws.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))
    code: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    workstation: Mapped[str | None] = mapped_column(String(40))


class FlagResolution(Base):
    """The chief judge's answer to a discrepancy flag: confirmed with a note, or re-opened."""

    __tablename__ = "flag_resolutions"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id"))
    decision: Mapped[str] = mapped_column(String(20))
    marks: Mapped[list[Any]] = mapped_column(default=list)  # the marks it was decided on
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(60))
    decided_at: Mapped[dt.datetime]


class Appeal(Base):
    """申诉 against an entry's result, and the arbitration's decision."""

    __tablename__ = "appeals"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id"))
    filed_at: Mapped[dt.datetime]
    filed_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(20))  # upheld / rejected
    decision: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[dt.datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(60))


class Recheck(Base):
    """复核: a sample of a round's cells keyed again and compared with the stored marks."""

    __tablename__ = "rechecks"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    seed: Mapped[str] = mapped_column(String(100))
    entries: Mapped[list[Any]] = mapped_column(default=list)  # the sampled entry ids
    drawn_by: Mapped[str] = mapped_column(String(60))
    drawn_at: Mapped[dt.datetime]


class KeyedValue(Base):
    """A value keyed a second time: for a re-check, or for double entry of paper sheets."""

    __tablename__ = "keyed_values"
    __table_args__ = (
        UniqueConstraint("purpose", "ref_id", "entry_id", "criterion_id", "judge_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20))  # "recheck" or "double"
    ref_id: Mapped[int]  # the re-check, or the round for double entry
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    value: Mapped[Decimal]
    keyed_by: Mapped[str] = mapped_column(String(60))


class SheetKey(Base):
    """A judge's sheet exported for a laptop without the network.

    ``key`` is the public Ed25519 key (base64url) that signed the blank sheet; its private
    half was forgotten after signing. Rows from before 0010 hold the HMAC key of the
    retired format, whose files are refused.
    """

    __tablename__ = "sheet_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    key: Mapped[str] = mapped_column(String(64))
    file_id: Mapped[str] = mapped_column(String(40), unique=True)
    exported_at: Mapped[dt.datetime]
    imported_at: Mapped[dt.datetime | None]


class Score(Base):
    """One judge's mark (or one objective value) for one criterion of one entry in one round."""

    __tablename__ = "scores"
    __table_args__ = (
        UniqueConstraint("round_id", "entry_id", "criterion_id", "judge_id"),
        # Covers the standings GROUP BY without touching the table rows.
        Index("ix_scores_standings", "round_id", "entry_id", "criterion_id", "value"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criteria.id"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    value: Mapped[Decimal]
    updated_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())


class Timing(Base):
    """An entry's completion time in a round, the usual last tie-break."""

    __tablename__ = "timings"
    __table_args__ = (UniqueConstraint("round_id", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"))
    seconds: Mapped[Decimal]


class Sheet(Base):
    """One judge's score sheet for one round: draft while they key it, then submitted."""

    __tablename__ = "sheets"
    __table_args__ = (UniqueConstraint("round_id", "judge_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"))
    state: Mapped[str] = mapped_column(String(20), default="draft")
    submitted_at: Mapped[dt.datetime | None]
    submitted_by: Mapped[str | None] = mapped_column(String(60))
    # Double entry: who keyed the paper sheet first, and who confirmed the second keying.
    keyed_by: Mapped[str | None] = mapped_column(String(60))
    confirmed_by: Mapped[str | None] = mapped_column(String(60))
    # The chief judge's live desk: when the judge's last mark came, and from which device.
    last_mark_at: Mapped[dt.datetime | None]
    last_device: Mapped[str | None] = mapped_column(String(60))


class User(Base):
    """An account: log-in name, scrypt hash of the password, roles, and its lock-out state."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(default=True)
    expires_on: Mapped[dt.date | None]
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    # The public record of the key the user signs offline sheets with (made from the
    # password, see domain/sheet_signing.py); None until the password is next known.
    signing_key: Mapped[str | None] = mapped_column(String(200))


class JudgeToken(Base):
    """A judge's log-in for the contest day, printed as a QR code on the judge's card.

    Only the SHA-256 of the token is kept: whoever reads the database cannot log in with
    it. A token is for one judge, on one day, until the organizer revokes it."""

    __tablename__ = "judge_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    valid_on: Mapped[dt.date]
    made_at: Mapped[dt.datetime]
    made_by: Mapped[str] = mapped_column(String(60))
    revoked_at: Mapped[dt.datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(60))


class HubSession(Base):
    """A phone's or tablet's log-in to the scoring hub. Only the SHA-256 of the session's
    cookie is kept; a session ends when it expires or its user logs out."""

    __tablename__ = "hub_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    username: Mapped[str] = mapped_column(String(60))
    roles: Mapped[list[Any]]
    device: Mapped[str] = mapped_column(String(60))  # the device's LAN address
    csrf: Mapped[str] = mapped_column(String(64))  # the forms' token against cross-site posts
    made_at: Mapped[dt.datetime]
    seen_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]


class ClientOp(Base):
    """An operation a page sent (a mark), under the id the page gave it, stored in the same
    transaction as its effect: a page that sends it again after a lost answer is told the
    outcome instead of applying it twice."""

    __tablename__ = "client_ops"
    __table_args__ = (UniqueConstraint("username", "op_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60))
    op_id: Mapped[str] = mapped_column(String(64))
    request: Mapped[str] = mapped_column(String(64))  # SHA-256 of what was asked
    outcome: Mapped[dict[str, Any]]
    made_at: Mapped[dt.datetime]


class HallSettings(Base):
    """What the hall's screen may show for a contest: which rounds and boards, and whether
    provisional results (marked as such) or only final ones."""

    __tablename__ = "hall_settings"
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"), primary_key=True)
    mode: Mapped[str] = mapped_column(String(20))
    items: Mapped[list[Any]]
    changed_at: Mapped[dt.datetime]
    changed_by: Mapped[str] = mapped_column(String(60))


class AuditRecord(Base):
    """Who changed what and when; written by services in the same transaction.

    Rows form a hash chain in ``seq`` order: each row's hash covers its fields and the
    hash of the row before, so an edit or a deletion behind the app's back shows.
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="")  # the reason given, where one is
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's last link, one row: writers lock it, so appends happen one at a time."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """The chain's head as it stood when a result notice or certificate batch was printed,
    signed with a desk's own key (kept outside the database): a later rewrite of the
    rows before it no longer matches what the paper and the desk's journal say."""

    __tablename__ = "audit_anchors"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime]
    public_key: Mapped[str] = mapped_column(Text)  # PEM of the desk key that signed it
    signature: Mapped[str] = mapped_column(String(120))


class Ladder(Base):
    """A challenge board (擂台): a contest's standing ladder in one skill.

    Its entries are entries of ``event`` (whose rubric and judges score its bouts).
    ``rules`` are those it started with; later rule changes are in its log.
    """

    __tablename__ = "boards"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    name: Mapped[str] = mapped_column(String(200))
    skill: Mapped[str] = mapped_column(String(200), default="")
    scored: Mapped[bool] = mapped_column(default=True)  # bouts scored on the rubric
    rules: Mapped[dict[str, Any]] = mapped_column(default=dict)
    starts_on: Mapped[dt.date]
    created_at: Mapped[dt.datetime]


class BoardLogRow(Base):
    """One event of a board's append-only log: never updated, never deleted."""

    __tablename__ = "board_log"
    __table_args__ = (UniqueConstraint("board_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id"))
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text, default="")


class LaborIndicator(Base):
    """An assessment indicator (考核指标) of a labor competition (a contest of kind labor)."""

    __tablename__ = "labor_indicators"
    __table_args__ = (UniqueConstraint("contest_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(30), default="")
    direction: Mapped[str] = mapped_column(String(10))
    rule: Mapped[str] = mapped_column(String(20))
    points: Mapped[Decimal]
    baseline: Mapped[Decimal]
    target: Mapped[Decimal]
    weight: Mapped[Decimal]
    bonus_per_unit: Mapped[Decimal]
    bonus_cap: Mapped[Decimal]
    penalty_per_event: Mapped[Decimal]


class LaborPeriod(Base):
    """A period (阶段) of a labor competition: a month, a quarter or a named phase."""

    __tablename__ = "labor_periods"
    __table_args__ = (UniqueConstraint("contest_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(60))


class LaborValue(Base):
    """A team's value of one indicator in one period; corrections are audited."""

    __tablename__ = "labor_values"
    __table_args__ = (UniqueConstraint("period_id", "team_id", "indicator_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("labor_periods.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("labor_indicators.id"))
    value: Mapped[Decimal]
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[dt.datetime]


class LaborVeto(Base):
    """A single-item veto (一票否决): out of a period's awards, or (no period) all of them.

    Lifting one keeps the row, with who lifted it and why.
    """

    __tablename__ = "labor_vetoes"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    period_id: Mapped[int | None] = mapped_column(ForeignKey("labor_periods.id"))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(60))
    decided_at: Mapped[dt.datetime]
    lifted_by: Mapped[str | None] = mapped_column(String(60))
    lifted_reason: Mapped[str | None] = mapped_column(Text)


class Studio(Base):
    """A worker innovation studio (职工创新工作室)."""

    __tablename__ = "studios"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    level: Mapped[str] = mapped_column(String(20))  # plant / oilfield / group
    founded_on: Mapped[dt.date | None]
    specialties: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active")


class StudioMember(Base):
    __tablename__ = "studio_members"
    __table_args__ = (UniqueConstraint("studio_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    studio_id: Mapped[int] = mapped_column(ForeignKey("studios.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    position: Mapped[int] = mapped_column(default=0)


class Achievement(Base):
    """An innovation achievement (创新成果) and where it is in its lifecycle."""

    __tablename__ = "achievements"
    id: Mapped[int] = mapped_column(primary_key=True)
    studio_id: Mapped[int] = mapped_column(ForeignKey("studios.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))
    problem: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[dt.date | None]
    finished_on: Mapped[dt.date | None]
    stage: Mapped[str] = mapped_column(String(20), default="proposal")
    suspended_from: Mapped[str | None] = mapped_column(String(20))
    under_review: Mapped[bool] = mapped_column(default=False)  # sent back for re-review
    version: Mapped[int] = edit_version()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (see edit_version)
    created_at: Mapped[dt.datetime]


class AchievementCompleter(Base):
    """A completer (完成人), in order of contribution."""

    __tablename__ = "achievement_completers"
    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    position: Mapped[int] = mapped_column(default=0)


class AchievementMove(Base):
    """One move of the lifecycle: never changed, never deleted."""

    __tablename__ = "achievement_moves"
    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"), index=True)
    from_stage: Mapped[str] = mapped_column(String(20))
    to_stage: Mapped[str] = mapped_column(String(20))
    on: Mapped[dt.date]
    approver: Mapped[str] = mapped_column(String(60))
    decision: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime]


class Attachment(Base):
    """A file kept in the data directory under its SHA-256, listed against its owner."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(20))  # achievement / meeting
    owner_id: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[str] = mapped_column(String(60))
    added_at: Mapped[dt.datetime]


class BenefitRow(Base):
    """A benefit (创效) of an achievement in one year or quarter at one site."""

    __tablename__ = "benefits"
    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"), index=True)
    year: Mapped[int]
    quarter: Mapped[int | None]
    site: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal]
    basis: Mapped[str] = mapped_column(Text, default="")
    proof_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))
    projected: Mapped[bool] = mapped_column(default=False)
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[dt.datetime]


class Patent(Base):
    __tablename__ = "patents"
    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"), index=True)
    number: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(30))  # invention / utility model / design / software
    filed_on: Mapped[dt.date | None]
    granted_on: Mapped[dt.date | None]


class AchievementAward(Base):
    __tablename__ = "achievement_awards"
    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(30))
    grade: Mapped[str] = mapped_column(String(30))
    year: Mapped[int]


class RolloutSite(Base):
    __tablename__ = "rollout_sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"), index=True)
    unit: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[dt.date]
    scale: Mapped[str] = mapped_column(String(200), default="")


class Recommendation(Base):
    """An achievement put forward to the next level (推荐), with the outcome there."""

    __tablename__ = "recommendations"
    id: Mapped[int] = mapped_column(primary_key=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"), index=True)
    level: Mapped[str] = mapped_column(String(20))  # oilfield / group / national
    submitted_on: Mapped[dt.date]
    outcome: Mapped[str] = mapped_column(String(20), default="pending")
    note: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[dt.date | None]


class Meeting(Base):
    """An on-site experience exchange meeting (现场经验交流会)."""

    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[dt.date]
    host_studio_id: Mapped[int] = mapped_column(ForeignKey("studios.id"))
    place: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendees"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))


class MeetingAchievement(Base):
    __tablename__ = "meeting_achievements"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    achievement_id: Mapped[int] = mapped_column(ForeignKey("achievements.id"))


class CertificateKey(Base):
    """A contest's Ed25519 key pair: the private half never leaves the database."""

    __tablename__ = "certificate_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"), unique=True)
    private_key: Mapped[str] = mapped_column(Text)
    public_key: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]


class Certificate(Base):
    """An issued certificate: its serial, the fields it states, the signed QR text.

    A re-issued one is kept, marked superseded by the serial that replaced it.
    """

    __tablename__ = "certificates"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"), index=True)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    # What the award is for (an event's entry, a labor period's team, a board's holder):
    # issuing again finds the current certificate for the same source.
    source: Mapped[str] = mapped_column(String(200), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    round_number: Mapped[int | None]
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"))
    recipient: Mapped[str] = mapped_column(String(100))
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    qr: Mapped[str] = mapped_column(Text)
    qr_modules: Mapped[str] = mapped_column(Text)  # the QR matrix, rows of 0 and 1
    qr_image: Mapped[str] = mapped_column(Text)  # the same as inline-image data, for printing
    template: Mapped[str] = mapped_column(String(60))
    issued_at: Mapped[dt.datetime]
    issued_by: Mapped[str] = mapped_column(String(60))
    superseded_by: Mapped[str | None] = mapped_column(String(40))
    superseded_at: Mapped[dt.datetime | None]
    reason: Mapped[str] = mapped_column(Text, default="")  # why it was re-issued


class CertificateTemplate(Base):
    """An organizer's copy of a template, saved with the contest."""

    __tablename__ = "certificate_templates"
    __table_args__ = (UniqueConstraint("contest_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contests.id"))
    name: Mapped[str] = mapped_column(String(60))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = edit_version()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (see edit_version)
