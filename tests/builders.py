"""Small contests built through the services, shared by service and UI tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.permissions import Role
from contest_desk.domain.records.contests import EntryInfo, EventInfo, EventSettings, JudgeInfo
from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
)
from contest_desk.services.hub import Services

D = Decimal


def fill_rows(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """Fill a template workbook's first sheet from row 2, the way an organizer would."""
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c, value=value)
    workbook.save(path)
    return path


@dataclass
class SmallEvent:
    event: EventInfo
    judges: list[JudgeInfo]
    entries: list[EntryInfo]


PRACTICAL = Rubric(
    (
        Criterion(
            "P",
            "实操",
            kind=None,
            children=(
                Criterion("P1", "操作规范", max_points=D(10)),
                Criterion("P2", "工具使用", max_points=D(20)),
            ),
        ),
        Criterion(
            "M1",
            "尺寸偏差",
            CriterionKind.MEASUREMENT,
            D(10),
            D("0.5"),
            rule=MeasurementRule(MeasurementMode.LINEAR, D(0), D("0.1"), D(2), D("0.1")),
        ),
        Criterion("S1", "安全扣分", CriterionKind.DEDUCTION, D(5), D(1)),
    )
)
THEORY = Rubric(
    (Criterion("T1", "理论", CriterionKind.MEASUREMENT, D(100), D("0.5"), rule=MeasurementRule()),)
)


def build_small_event(services: Services) -> SmallEvent:
    """采油工: theory 30 % / practical 70 %, three judges (mean), four persons entered."""
    contest = services.contests.create_contest("2026年技能比武")
    event = services.contests.create_event(contest.id, "采油工")
    event = services.contests.update_event(
        event.id,
        event.name,
        EventSettings(AggregationRule(Aggregation.MEAN), judges_per_entry=3, places=2),
    )
    theory, practical = event.parts
    services.contests.save_rubric(theory.id, THEORY)
    services.contests.save_rubric(practical.id, PRACTICAL)
    judges = [services.roster.add_judge(contest.id, f"j{i}", f"裁判{i}") for i in range(1, 4)]
    for judge in judges:
        services.roster.assign_judge(judge.id, event.id)
    persons = [
        services.roster.add_person(f"10{i}", name, "采油一区/作业一班", "采油工", "高级工")
        for i, name in enumerate(["王建国", "李明", "张伟", "刘洋"], start=1)
    ]
    entries = [services.roster.add_entry(event.id, person_id=p.id) for p in persons]
    return SmallEvent(services.contests.event(event.id), judges, entries)


def add_user(services: Services, username: str, name: str, *roles: Role) -> None:
    """A user whose password is ``<username>-pass`` (see ``acting``)."""
    services.users.add_user(username, name, password_of(username), list(roles))


def password_of(username: str) -> str:
    return f"{username}-pass"


def acting(services: Services, username: str) -> Services:
    """``services`` acting as ``username``, logged in with the password add_user gave."""
    return services.as_user(services.users.authenticate(username, password_of(username)))


@contextmanager
def two_desks(database_url: str) -> Iterator[tuple[Services, Services]]:
    """Two Services on one database, each with an engine (connections) of its own: the
    first to build what a test needs, both to act as two desks at once."""
    first = Services.open(database_url)
    second = Services.open(database_url)
    try:
        yield first, second
    finally:
        second.ctx.db.dispose()
        first.ctx.db.dispose()


def copy_of_demo(template: Path, folder: Path) -> str:
    """A demo database of its own in ``folder`` (attached files are shared by the run)."""
    target = folder / "demo.db"
    shutil.copyfile(template, target)
    return str(target)
