"""roster_import.py: the import reports each row it writes, and a Cancel (a progress answer
of False) half-way through rolls the whole transaction back."""

from __future__ import annotations

import pytest

from contest_desk.domain.records.roster import RosterRow
from contest_desk.errors import Cancelled
from contest_desk.services.hub import Services
from tests.services.people.test_roster_import import SOLO, TEAM, Contest, contest

__all__ = ["contest"]  # the fixture, shared with test_roster_import.py

ROWS = [
    RosterRow(2, "1001", "王建国", unit="采油一区/作业一班", event=SOLO),
    RosterRow(3, "1002", "李明", unit="采油一区/作业二班", event=SOLO),
    RosterRow(4, "2001", "张伟", unit="采油二区/集输班", event=TEAM, team="集输一队"),
    RosterRow(5, "2002", "刘洋", unit="采油二区/集输班", event=TEAM, team="集输一队"),
]


def test_every_row_written_is_reported(contest: Contest, services: Services) -> None:
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        told.append((done, total))
        return True

    summary = services.roster_import.import_rows(contest.id, ROWS, "名单.xlsx", progress=progress)
    assert summary.created["persons"] == 4
    assert told == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


@pytest.mark.parametrize("stop_at", [0, 2, 4])
def test_a_cancel_at_any_row_leaves_nothing(
    contest: Contest, services: Services, stop_at: int
) -> None:
    before = contest.snapshot()
    trail = len(services.audit.records())

    def progress(done: int, total: int) -> bool:
        return done < stop_at

    with pytest.raises(Cancelled):
        services.roster_import.import_rows(contest.id, ROWS, "名单.xlsx", progress=progress)
    assert contest.snapshot() == before
    assert len(services.audit.records()) == trail
