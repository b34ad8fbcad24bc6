"""The innovation ledger's rules: an achievement's lifecycle, benefit totals, the funnel.

An achievement (创新成果) moves proposal (立项) → R&D (研发) → application (应用) → rollout
(推广) → closed, or is rejected or suspended beside that line. Each move is recorded with its
date, approver, decision and note; a move back needs a reason and sends the achievement to
re-review at the earlier stage. Which action approves which move is said here, so the
permission table can hold it like any other right.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from contest_desk.errors import UserError
from contest_desk.i18n import N_, _


class Stage(StrEnum):
    PROPOSAL = "proposal"  # 立项
    RND = "rnd"  # 研发
    APPLICATION = "application"  # 应用
    ROLLOUT = "rollout"  # 推广
    CLOSED = "closed"  # 结题
    REJECTED = "rejected"  # 未通过
    SUSPENDED = "suspended"  # 暂停


LINE = (Stage.PROPOSAL, Stage.RND, Stage.APPLICATION, Stage.ROLLOUT, Stage.CLOSED)
STAGE_NAMES = {
    Stage.PROPOSAL: N_("Proposal"),
    Stage.RND: N_("R&D"),
    Stage.APPLICATION: N_("Application"),
    Stage.ROLLOUT: N_("Rollout"),
    Stage.CLOSED: N_("Closed"),
    Stage.REJECTED: N_("Not approved"),
    Stage.SUSPENDED: N_("Suspended"),
}


class MoveKind(StrEnum):
    FORWARD = "forward"  # the next stage on the line (or straight to closed from application)
    BACK = "back"  # an earlier stage, for re-review: needs a reason
    REJECT = "reject"
    SUSPEND = "suspend"
    RESUME = "resume"  # back to the stage it was suspended in


class Approval(StrEnum):
    """Who may approve a move: the project (立项 and its course) or the result."""

    PROJECT = "project"  # proposal → R&D, reject, suspend, resume, back
    RESULT = "result"  # R&D → application, → rollout, → closed


@dataclass(frozen=True)
class Move:
    """One recorded move of an achievement's lifecycle."""

    from_stage: Stage
    to_stage: Stage
    on: dt.date
    approver: str
    decision: str  # 同意 / 不同意 … as the approver wrote it
    note: str


def move_kind(current: Stage, target: Stage, suspended_from: Stage | None = None) -> MoveKind:
    """The kind of a move from ``current`` to ``target``; refused with the reason if none."""
    if current is Stage.SUSPENDED:
        if target is suspended_from:
            return MoveKind.RESUME
        raise UserError(
            "A suspended achievement resumes where it was ({stage}) before it moves on",
            stage=_(STAGE_NAMES[suspended_from or Stage.PROPOSAL]),
        )
    if current in (Stage.CLOSED, Stage.REJECTED):
        if current is Stage.REJECTED and target is Stage.PROPOSAL:
            return MoveKind.BACK  # proposed again, with a reason
        raise UserError(
            "{stage} is final: the achievement moves no more", stage=_(STAGE_NAMES[current])
        )
    if target is Stage.REJECTED:
        if current in (Stage.ROLLOUT,):
            raise UserError("An achievement in rollout is not rejected; suspend or close it")
        return MoveKind.REJECT
    if target is Stage.SUSPENDED:
        return MoveKind.SUSPEND
    here, there = LINE.index(current), LINE.index(target)
    if there == here + 1 or (current is Stage.APPLICATION and target is Stage.CLOSED):
        return MoveKind.FORWARD
    if there < here:
        return MoveKind.BACK
    raise UserError(
        "From {current} an achievement moves on to {next}, not to {target}",
        current=_(STAGE_NAMES[current]),
        next=_(STAGE_NAMES[LINE[here + 1]]),
        target=_(STAGE_NAMES[target]),
    )


def next_stages(current: Stage, suspended_from: Stage | None = None) -> list[Stage]:
    """The stages an achievement at ``current`` may move to, in the stages' order (none
    from a final stage)."""
    out = []
    for stage in Stage:
        try:
            move_kind(current, stage, suspended_from)
        except UserError:
            continue
        out.append(stage)
    return out


def approval_for(current: Stage, target: Stage) -> Approval:
    """Which right approves the move: results for application, rollout and closing."""
    if current not in LINE or target not in LINE:
        return Approval.PROJECT  # rejecting, suspending, resuming, proposing again
    if target in (Stage.APPLICATION, Stage.ROLLOUT, Stage.CLOSED) and (
        LINE.index(target) > LINE.index(current)
    ):
        return Approval.RESULT
    return Approval.PROJECT


def check_move(
    current: Stage, target: Stage, note: str, suspended_from: Stage | None = None
) -> MoveKind:
    """The move's kind, after the rule that a move back (and a rejection) says why."""
    kind = move_kind(current, target, suspended_from)
    if kind in (MoveKind.BACK, MoveKind.REJECT, MoveKind.SUSPEND) and not note.strip():
        raise UserError(
            "Moving to {stage} needs a reason, kept with the move", stage=_(STAGE_NAMES[target])
        )
    return kind


def ever_reached(moves: Iterable[Move]) -> set[Stage]:
    """Every stage of the line the achievement has ever been in (proposal always)."""
    reached = {Stage.PROPOSAL}
    for move in moves:
        if move.to_stage in LINE:
            reached.add(move.to_stage)
    return reached


@dataclass(frozen=True)
class FunnelRow:
    stage: Stage
    now: int  # achievements in this stage now
    ever: int  # achievements that have reached this stage at some time


def funnel(achievements: Sequence[tuple[Stage, Sequence[Move]]]) -> list[FunnelRow]:
    """Both counts per stage of the line, and 'now' for rejected and suspended."""
    rows = []
    for stage in (*LINE, Stage.REJECTED, Stage.SUSPENDED):
        now = sum(1 for current, _moves in achievements if current is stage)
        ever = (
            sum(1 for _c, moves in achievements if stage in ever_reached(moves))
            if stage in LINE
            else sum(1 for _c, moves in achievements if any(m.to_stage is stage for m in moves))
        )
        rows.append(FunnelRow(stage, now, ever))
    return rows


class BenefitKind(StrEnum):
    NEW_PROFIT = "new_profit"  # 新增利润
    COST_SAVED = "cost_saved"  # 节约成本
    ENERGY_SAVED = "energy_saved"  # 节能降耗
    OTHER = "other"


BENEFIT_NAMES = {
    BenefitKind.NEW_PROFIT: N_("New profit"),
    BenefitKind.COST_SAVED: N_("Cost saved"),
    BenefitKind.ENERGY_SAVED: N_("Energy saved"),
    BenefitKind.OTHER: N_("Other benefit"),
}


@dataclass(frozen=True)
class Benefit:
    year: int
    quarter: int | None  # None: the whole year
    site: str  # the studio's own unit or a rollout site
    kind: BenefitKind
    amount: Decimal  # CNY
    projected: bool  # a projection, not yet an actual result

    def check(self) -> None:
        if self.amount < 0:
            raise UserError(
                "A benefit is a positive amount of CNY; {amount} is not", amount=self.amount
            )
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise UserError("A quarter is 1 to 4, not {quarter}", quarter=self.quarter)


def totals(
    benefits: Iterable[tuple[str, Benefit]], key: str
) -> dict[object, tuple[Decimal, Decimal]]:
    """Actual and projected totals, keyed by "year", "site", "kind" or "owner" (the first
    element of each pair, e.g. the studio)."""
    out: dict[object, tuple[Decimal, Decimal]] = {}
    for owner, b in benefits:
        group: object = {"year": b.year, "site": b.site, "kind": b.kind, "owner": owner}[key]
        actual, projected = out.get(group, (Decimal(0), Decimal(0)))
        if b.projected:
            projected += b.amount
        else:
            actual += b.amount
        out[group] = (actual, projected)
    return out


def similar_titles(title: str, existing: Iterable[str], limit: int = 5) -> list[str]:
    """Existing titles close to ``title``, most alike first (so an idea is not proposed
    twice). Compared character by character, which suits Chinese titles."""
    wanted = title.strip()
    if len(wanted) < 2:
        return []
    scored = []
    for other in existing:
        ratio = difflib.SequenceMatcher(None, wanted, other).ratio()
        if ratio >= 0.5 or (len(wanted) >= 4 and wanted in other):
            scored.append((ratio, other))
    return [t for _r, t in sorted(scored, key=lambda x: -x[0])[:limit]]


CATEGORY_NAMES = {
    "technique": N_("Technical improvement"),
    "tool": N_("Tool improvement"),
    "process": N_("Process improvement"),
    "software": N_("Software"),
    "management": N_("Management innovation"),
    "other": N_("Other"),
}
LEVEL_NAMES = {
    "plant": N_("Plant level"),
    "oilfield": N_("Oilfield level"),
    "group": N_("Group level"),
}
RECOMMEND_NAMES = {
    "oilfield": N_("Oilfield company"),
    "group": N_("Group company"),
    "national": N_("National 五小 results"),
}
OUTCOME_NAMES = {
    "pending": N_("Pending"),
    "selected": N_("Selected"),
    "awarded": N_("Awarded"),
    "not_selected": N_("Not selected"),
}
PATENT_NAMES = {
    "invention": N_("Invention patent"),
    "utility_model": N_("Utility model"),
    "design": N_("Design patent"),
    "software": N_("Software copyright"),
}
