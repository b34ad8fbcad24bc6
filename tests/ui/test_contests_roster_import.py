"""The roster import runs off the window's thread: its progress dialog follows the rows, and
Cancel, pressed half-way through the writing, leaves nothing behind."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from contest_desk.errors import Cancelled, Progress, step
from contest_desk.services.hub import Services
from contest_desk.services.people import roster_import
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.roster_tab import RosterTab
from tests.ui import cancelling
from tests.ui import test_contests_area as shared
from tests.ui import test_contests_roster as roster_tests

area = shared.area
services = shared.services
shown = shared.shown
roster = roster_tests.roster

HALF_WAY = 2  # of the four rows in roster_tests.ROWS


def test_cancel_half_way_through_the_import_writes_nothing(
    qtbot,
    area: ContestsArea,
    roster: RosterTab,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = roster_tests.fill_template(roster, tmp_path / "报名表.xlsx", roster_tests.ROWS)
    units_before = services.roster.units()
    told = cancelling.steps(monkeypatch)
    pressed = threading.Event()

    def slow_step(progress: Progress | None, done: int, total: int) -> None:
        if done == HALF_WAY:  # two rows are in the transaction when Cancel is pressed
            pressed.wait(20)
        step(progress, done, total)

    monkeypatch.setattr(roster_import, "step", slow_step)
    seen: dict[str, object] = {}
    cancelling.press_cancel_when_shown(seen, pressed)
    outcome = roster_tests.import_and_wait(qtbot, roster, path)

    assert isinstance(outcome, Cancelled)
    assert seen == {"label": "Importing 报名表.xlsx…"}
    assert told == [(0, 4), (1, 4), (2, 4)]
    assert services.roster.persons() == []
    assert services.roster.units() == units_before
    for event in services.contests.events(area.state.contest_id):
        assert services.roster.entries(event.id) == []
    assert not [r for r in services.audit.records() if r.action == "roster.import"]
    assert roster.persons.rowCount() == 0
    assert roster.message.text() == "Import cancelled: nothing was imported."
    assert roster.import_button.isEnabled()


def test_after_a_cancel_the_same_file_imports_whole(
    qtbot, roster: RosterTab, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = roster_tests.fill_template(roster, tmp_path / "报名表.xlsx", roster_tests.ROWS)

    def cancelled_at_once(progress: Progress | None, done: int, total: int) -> None:
        raise Cancelled  # as if the person had pressed Cancel before the first row

    monkeypatch.setattr(roster_import, "step", cancelled_at_once)
    assert isinstance(roster_tests.import_and_wait(qtbot, roster, path), Cancelled)
    monkeypatch.setattr(roster_import, "step", step)
    told = cancelling.steps(monkeypatch)
    summary = roster_tests.import_and_wait(qtbot, roster, path)
    assert told == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert summary.created["persons"] == 4
    assert [p.name for p in services.roster.persons()] == ["王建国", "李明", "张伟", "刘洋"]
    assert roster.persons.rowCount() == 4
