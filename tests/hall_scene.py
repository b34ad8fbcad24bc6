"""A contest for the hall's screen tests: one drawn round, every sheet marked and
submitted, ready for the chief judge to lock; the service, web and window tests share it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from contest_desk.domain import sheet_signing
from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.services.people import passwords
from tests.builders import SmallEvent, build_small_event

NAMES = {"王建国", "李明", "张伟", "刘洋"}  # the small event's persons
ANONYMOUS = Actor("hall", frozenset())  # the projector: nobody logged in


@dataclass
class HallScene:
    small: SmallEvent
    contest_id: int
    organizer: Services
    chief: Services
    judges: list[Services]
    hall: Services  # acting for nobody

    @property
    def event_id(self) -> int:
        return self.small.event.id

    def mark(self, judge: int, entry: int, value: str) -> None:
        """Judge ``judge`` keys both judgement marks of entry ``entry`` (indexes)."""
        small = self.small
        for code in ("P1", "P2"):
            self.judges[judge].scoring.record_score(
                small.event.id, 1, small.judges[judge].id, small.entries[entry].id, code, value
            )

    def lock(self) -> None:
        self.chief.sheets.lock_round(self.event_id, 1)


def _acting(services: Services, small: SmallEvent) -> HallScene:
    judges = [services.as_user(Actor(j.username, frozenset({Role.JUDGE}))) for j in small.judges]
    return HallScene(
        small,
        small.event.contest_id,
        services.as_user(Actor("org", frozenset({Role.ORGANIZER}))),
        services.as_user(Actor("chief", frozenset({Role.CHIEF_JUDGE}))),
        judges,
        services.as_user(ANONYMOUS),
    )


def build_hall_scene(services: Services, submitted: bool = True) -> HallScene:
    """The small event drawn (codes A01…), judges' sheets full with distinct totals per
    entry and, when ``submitted``, signed off: the round is one lock away from final."""
    small = build_small_event(services)
    services.draws.run(small.event.id, 1, seed="hall-2026", prefix="A")
    services.users.add_user("org", "组织者", "org-pass", [Role.ORGANIZER])
    services.users.add_user("chief", "裁判长", "chief-pass", [Role.CHIEF_JUDGE])
    for judge in small.judges:
        services.users.add_user(judge.username, judge.name, f"{judge.username}-pass", [Role.JUDGE])
    scene = _acting(services, small)
    for n, judge in enumerate(small.judges):
        for e in range(len(small.entries)):
            scene.mark(n, e, str(5 + e))
        if submitted:
            scene.judges[n].sheets.submit(small.event.id, 1, judge.id, f"j{n + 1}-pass")
    return scene


def open_hall_scene(path: str) -> HallScene:
    """The scene in a copy of the template's database (see ``hall_template``)."""
    services = Services.open(path)
    (contest,) = services.contests.contests()
    (event,) = services.contests.events(contest.id)
    judges = services.roster.judges(contest.id)
    return _acting(services, SmallEvent(event, judges, services.roster.entries(event.id)))


@pytest.fixture(scope="session")
def hall_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scene built once for the run on SQLite; the web and window tests open copies
    (building it takes a second or two, most of a test's time)."""
    path = tmp_path_factory.mktemp("hall-template") / "hall.db"
    with pytest.MonkeyPatch.context() as patch:
        cheapen_passwords(patch)
        services = Services.open(str(path))
        build_hall_scene(services)
        services.ctx.db.dispose()  # the last connection closed: the WAL is in the file
    return path


def copy_of_hall(template: Path, folder: Path) -> str:
    target = folder / "hall.db"
    shutil.copyfile(template, target)
    return str(target)


def cheapen_passwords(patch: pytest.MonkeyPatch) -> None:
    """The judges' passwords hashed at a tenth of a millisecond, not a tenth of a second:
    these tests are about the hall, not passwords (the cost is kept in each hash)."""
    patch.setattr(passwords, "N", 2**8)
    patch.setattr(sheet_signing, "N", 2**8)


@pytest.fixture
def cheap_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    cheapen_passwords(monkeypatch)
