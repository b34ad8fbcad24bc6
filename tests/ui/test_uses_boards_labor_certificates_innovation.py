"""The Challenge boards, Labor, Certificates and Innovation areas work with only the
services their ``USES`` names: in the real window, logged in as each role, each area is
opened and used (a missing service would be an AttributeError, a call on the window's
thread a failure of the guard)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from contest_desk.domain.contest import ContestKind
from contest_desk.domain.ladder import BoardRules
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import round_notice
from contest_desk.ui.boards.area import BoardsArea
from contest_desk.ui.certificates.area import CertificatesArea
from contest_desk.ui.innovation.area import InnovationArea
from contest_desk.ui.labor.area import LaborArea
from tests.ui import test_roles as roles
from tests.ui import test_uses_contests_audit_accounts as other_areas
from tests.ui.test_scoring_models import SmallEvent

accounts = roles.accounts
language = roles.language
services = roles.services
shown = roles.shown
small = roles.small
open_area = other_areas.open_area
MINE = ("boards", "labor", "certificates", "innovation")


@pytest.fixture
def filled(accounts: Services, small: SmallEvent) -> Services:
    """A board with the event's entries, a labor competition, a studio."""
    board = accounts.boards.create_board(small.event_id, "采油工擂台", BoardRules(), scored=False)
    accounts.boards.join(board.id, [e.id for e in small.entries])
    accounts.contests.create_contest("原油上产劳动竞赛", ContestKind.LABOR)
    accounts.innovation.add_studio("王建国创新工作室", "采油一区", "plant")
    return accounts


def use(area: QWidget, small: SmallEvent, tmp_path: Path) -> None:
    """What each area reads when opened and when its common buttons are used."""
    if isinstance(area, BoardsArea):
        assert area.view is not None and area.rows.rowCount() == len(small.entries)
        area.board_view.selectRow(2)  # whom the third may challenge
        assert area.targets.rowCount() == 2
        assert area.notice() is not None
    elif isinstance(area, LaborArea):
        assert area.contest_box.currentText() == "原油上产劳动竞赛"
    elif isinstance(area, CertificatesArea):
        area.state.choose_contest(small.contest_id)
        area.state.choose_event(small.event_id)
        assert area.template_box.count() >= 2  # the built-in templates
        area.write_notice(tmp_path / "公示.xlsx")
    else:
        assert isinstance(area, InnovationArea)
        assert area.studios.rowCount() == 1
        for index in range(area.tabs.count()):
            area.tabs.setCurrentIndex(index)
        area.ledger_tab.refresh()


@pytest.mark.parametrize(
    ("username", "keys"),
    [
        ("judge1", []),
        ("org", list(MINE)),
        ("chief", list(MINE)),
        ("viewer", list(MINE)),
        ("reviewer", list(MINE)),
    ],
)
def test_each_role_opens_these_areas_with_only_their_services(
    qtbot,
    filled: Services,
    small: SmallEvent,
    shown: list[UserError],
    tmp_path: Path,
    username: str,
    keys: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The round is open: the organizer prints its notice marked 暂定; others are refused.
    monkeypatch.setattr(round_notice, "ask_provisional", lambda *_a: True)
    window = roles.window_for(qtbot, filled, username)
    assert [k for k in MINE if k in window.areas] == keys
    for key in keys:
        use(open_area(window, key), small, tmp_path)
    # A refusal is a message, never a missing service (an AttributeError fails the test).
    assert all(isinstance(e, UserError) for e in shown)
