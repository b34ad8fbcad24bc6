"""The plain rows a mark's save checks: what the checks read of the event, the round, the
judge and the criterion, read as columns rather than as ORM objects (storage/save_facts.py).

Loading the four ORM objects of a save (every column of each, JSON and Decimal columns
converted, the objects tracked by the session) cost more than the query itself: a third
of a save's time (py-spy, issue 16). The checks take either kind: ``AnyEvent`` etc.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from contest_desk.storage import models as m


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    contest_id: int
    name: str


@dataclass(frozen=True, slots=True)
class RoundRow:
    id: int
    number: int
    name: str
    locked_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class JudgeRow:
    id: int
    contest_id: int
    username: str
    name: str
    unit_id: int | None
    trainee: bool


@dataclass(frozen=True, slots=True)
class CriterionRow:
    id: int
    code: str
    name: str
    kind: str | None
    max_points: Decimal
    step: Decimal
    weight: Decimal
    rule: dict[str, Any] | None


AnyEvent = m.Event | EventRow
AnyRound = m.Round | RoundRow
AnyJudge = m.Judge | JudgeRow
AnyCriterion = m.Criterion | CriterionRow

# The columns of each, in the order of its fields: select(*EVENT_COLUMNS, ...).
EVENT_COLUMNS = (m.Event.id, m.Event.contest_id, m.Event.name)
ROUND_COLUMNS = (m.Round.id, m.Round.number, m.Round.name, m.Round.locked_at)
JUDGE_COLUMNS = (m.Judge.id, m.Judge.contest_id, m.Judge.username, m.Judge.name,
                 m.Judge.unit_id, m.Judge.trainee)  # fmt: skip
CRITERION_COLUMNS = (m.Criterion.id, m.Criterion.code, m.Criterion.name, m.Criterion.kind,
                     m.Criterion.max_points, m.Criterion.step, m.Criterion.weight,
                     m.Criterion.rule)  # fmt: skip
