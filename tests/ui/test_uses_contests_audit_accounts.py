"""The Contests, Audit and Accounts areas work with only the services their ``USES`` names,
in the real window, logged in as each role (test_main_window.py checks ``USES`` against
what the areas' code calls)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from contest_desk.errors import UserError
from contest_desk.services.hub import Services, ServiceSubset
from contest_desk.ui.accounts.area import AccountsArea
from contest_desk.ui.audit.area import AuditArea
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.main_window import MainWindow
from tests.ui import test_contests_roster as roster_tests
from tests.ui import test_roles as roles
from tests.ui.test_scoring_models import SmallEvent

accounts = roles.accounts
language = roles.language
services = roles.services
shown = roles.shown
small = roles.small


def open_area(window: MainWindow, key: str) -> QWidget:
    window.show_area(key)
    area = window.areas[key]
    assert window.stack.currentWidget() is area
    assert isinstance(area.services, ServiceSubset)
    assert area.services.names == set(type(area).USES)  # type: ignore[attr-defined]
    return area


def use_contests(qtbot, area: ContestsArea, small: SmallEvent, tmp_path: Path) -> None:
    """Every tab reloads for the chosen event; the roster import runs."""
    area.state.choose_contest(small.contest_id)
    area.state.choose_event(small.event_id)
    for index in range(area.tabs.count()):
        area.tabs.setCurrentIndex(index)
    assert area.entries_tab.entries.rowCount() == 4
    assert area.judges_tab.panel.rowCount() == 3
    assert area.advance_tab.round_box.count() == 1
    path = roster_tests.fill_template(
        area.roster_tab,
        tmp_path / "报名表.xlsx",
        [["E900", "周强", "采油五区", "采油工", "", "采油工技能比武", None]],
    )
    assert roster_tests.import_and_wait(qtbot, area.roster_tab, path) is not None


def use_audit(qtbot, area: AuditArea, small: SmallEvent) -> None:
    area.state.choose_contest(small.contest_id)
    area.state.choose_event(small.event_id)
    assert area.entry_box.count() == 5  # (any) and the four entries
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(area.verify_button, Qt.MouseButton.LeftButton)
    assert area.result.text().startswith("审计链完整")


@pytest.mark.parametrize(
    ("username", "keys"),
    [
        ("judge1", []),
        ("org", ["contests"]),
        ("chief", ["contests", "audit"]),
        ("admin", ["contests", "audit", "accounts"]),
    ],
)
def test_each_role_opens_its_areas_with_only_their_services(
    qtbot,
    accounts: Services,
    small: SmallEvent,
    shown: list[UserError],
    tmp_path: Path,
    username: str,
    keys: list[str],
) -> None:
    window = roles.window_for(qtbot, accounts, username)
    assert [k for k in ("contests", "audit", "accounts") if k in window.areas] == keys
    for key in keys:
        area = open_area(window, key)
        if isinstance(area, ContestsArea):
            use_contests(qtbot, area, small, tmp_path)
        elif isinstance(area, AuditArea):
            use_audit(qtbot, area, small)
        else:
            assert isinstance(area, AccountsArea)
            assert "chief" in [u.username for u in area.users.records()]
    # A refusal is a message, never a missing service (an AttributeError fails the test).
    assert all(isinstance(e, UserError) for e in shown)
