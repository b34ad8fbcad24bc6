"""The window's launch reads and imports only what its first screen shows (issue 16): the
roster when the Persons tab is first shown, an area's module when the area is first
opened, by the side bar or by its key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from contest_desk.domain.records.contests import PersonInfo
from contest_desk.services.hub import Services
from contest_desk.services.people.roster import RosterService
from contest_desk.ui.main_window import MainWindow
from tests.ui import test_main_window as shared

language = shared.language
services = shared.services
small = shared.small
organizer = shared.organizer


@pytest.fixture
def window(qtbot, organizer: Services) -> MainWindow:
    shown = MainWindow(organizer)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def roster_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The searches the roster service answered, in order."""
    reads: list[str] = []
    persons = RosterService.persons

    def counted(self: RosterService, search: str = "") -> list[PersonInfo]:
        reads.append(search)
        return persons(self, search)

    monkeypatch.setattr(RosterService, "persons", counted)
    return reads


def test_the_roster_is_read_when_its_tab_is_first_shown(
    qtbot, roster_reads: list[str], window: MainWindow
) -> None:
    contests = window.areas["contests"]
    roster = contests.roster_tab  # type: ignore[attr-defined]
    assert contests.tabs.currentWidget() is not roster  # type: ignore[attr-defined]
    assert roster_reads == []
    assert roster.persons.rowCount() == 0
    contests.tabs.setCurrentWidget(roster)  # type: ignore[attr-defined]
    assert roster_reads == [""]
    assert roster.persons.rowCount() == 4
    assert roster.count_label.text() == "共 4 人"


def test_the_roster_hidden_reloads_when_shown_again_and_shown_at_once(
    qtbot, roster_reads: list[str], window: MainWindow, services: Services
) -> None:
    contests = window.areas["contests"]
    roster, tabs = contests.roster_tab, contests.tabs  # type: ignore[attr-defined]
    tabs.setCurrentWidget(roster)
    tabs.setCurrentWidget(contests.contest_panel)  # type: ignore[attr-defined]
    services.roster.add_person("E000", "艾青", "采油1区/采油一班", "采油工")
    window.state.setup_changed.emit()  # this desk's own news, the tab hidden
    assert roster_reads == [""]
    tabs.setCurrentWidget(roster)
    assert roster_reads == ["", ""]
    assert roster.persons.rowCount() == 5
    window.state.setup_changed.emit()  # shown: read at once
    assert roster_reads == ["", "", ""]


def test_the_persons_tab_alone_reads_the_roster_when_shown(
    qtbot, roster_reads: list[str], organizer: Services
) -> None:
    """Without the area (the benchmark builds it so): its own showing reads it."""
    from contest_desk.ui.contests.roster_tab import RosterTab
    from contest_desk.ui.state import AppState

    tab = RosterTab(organizer, AppState())
    qtbot.addWidget(tab)
    assert roster_reads == []
    tab.show()
    assert roster_reads == [""] and tab.persons.rowCount() == 4


AREA_MODULES = (
    "import json, sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from contest_desk.services.hub import Services\n"
    "from contest_desk.ui.main_window import MainWindow\n"
    "app = QApplication([])\n"
    "services = Services.open(sys.argv[1])\n"
    "admin = services.users.authenticate('admin', 'admin-pass')\n"
    "window = MainWindow(services.as_user(admin))\n"
    "def loaded():\n"
    "    areas = {m for m in sys.modules if m.startswith('contest_desk.ui.')\n"
    "             and m.endswith('.area')}\n"
    "    return sorted(areas | ({'matplotlib', 'jsonschema'} & set(sys.modules)))\n"
    "print(json.dumps(loaded()))\n"
    "window.show_area('boards')\n"
    "print(json.dumps(loaded()))\n"
    "window.close()\n"
    "services.ctx.db.dispose()\n"
)


def test_an_area_module_is_imported_when_the_area_is_first_shown(tmp_path: Path) -> None:
    """In a fresh interpreter: the window imports the first area's module only (and not
    jsonschema, which only a contest file's reading needs); the boards area's (with
    matplotlib, for its chart) when the boards are opened."""
    path = tmp_path / "desk.db"
    made = Services.open(str(path))
    made.users.create_first_admin("admin", "管理员", "admin-pass")
    made.ctx.db.dispose()
    ran = subprocess.run(
        [sys.executable, "-c", AREA_MODULES, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    at_start, after = (json.loads(line) for line in ran.stdout.splitlines()[-2:])
    assert at_start == ["contest_desk.ui.contests.area"]
    assert "contest_desk.ui.boards.area" in after and "matplotlib" in after


def test_a_key_for_an_area_not_built_opens_it_and_acts_there(qtbot, window: MainWindow) -> None:
    assert "accounts" not in window.areas.built
    # Ctrl+PgUp from the first area: the last one of the side bar (past Ctrl+9's reach).
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    accounts = window.areas["accounts"]
    assert list(window.areas)[-1] == "accounts"
    assert window.stack.currentWidget() is accounts
    assert window.current_area() == "accounts"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # its Ctrl+N
    qtbot.waitUntil(lambda: accounts.username_edit.hasFocus())  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.areas[list(window.areas)[2]]
