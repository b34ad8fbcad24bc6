"""The 现场评分 panel: the hub started and stopped from the window (its address and QR code
shown, a page answered, the port freed), judges' cards printed right after their tokens
are issued (the token only on the card), a lost card revoked; tokens shown to organizers
only."""

from __future__ import annotations

import logging
import socket
import urllib.request
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from contest_desk.errors import UserError
from contest_desk.reports.judge_cards import JudgeCard
from contest_desk.services.hub import Services
from contest_desk.ui.hub import cards as cards_module
from contest_desk.ui.hub import tokens as tokens_module
from contest_desk.ui.hub.area import HubArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_roles import accounts
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small
accounts = accounts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        # As the hub binds: a closed connection's TIME_WAIT does not hold the port, a
        # listening socket does.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0", port))
        except OSError:
            return False
        return True


def panel_for(qtbot, accounts: Services, username: str) -> HubArea:
    acting = accounts.as_user(accounts.users.authenticate(username, f"{username}-pass"))
    area = HubArea(acting.only(*HubArea.USES), AppState())
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    return area


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[JudgeCard]:
    """The cards as written (the test needs a token; the desk keeps none), into tmp_path."""
    made: list[JudgeCard] = []
    write = cards_module.write_judge_cards

    def keep(path: Path, cards: list[JudgeCard]) -> Path:
        made.extend(cards)
        return write(path, cards)

    monkeypatch.setattr(cards_module, "write_judge_cards", keep)
    monkeypatch.setattr(tokens_module, "ask_cards_path", lambda *a: str(tmp_path / "cards.pdf"))
    return made


def test_start_print_cards_revoke_and_stop(
    qtbot, accounts: Services, small: SmallEvent, printed, tmp_path, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    area = panel_for(qtbot, accounts, "org")
    assert area.token_side.isVisible()
    box = area.tokens
    assert [box.judges.index(r, 0).data() for r in range(3)] == ["张振华", "李国强", "王秀兰"]
    qtbot.mouseClick(box.all_button, Qt.MouseButton.LeftButton)
    assert "启动" in box.note.text() and printed == []  # no address yet: no card

    port = free_port()
    area.port_spin.setValue(port)
    qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    try:
        assert area.server is not None and area.server.running
        assert f":{port}/" in area.address_label.text()
        assert not area.qr_label.pixmap().isNull()
        assert str(port) in area.firewall_label.text()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10) as answer:
            assert answer.status == 200

        qtbot.mouseClick(box.all_button, Qt.MouseButton.LeftButton)
    finally:
        qtbot.mouseClick(area.stop_button, Qt.MouseButton.LeftButton)
    assert area.server is None and port_is_free(port)
    assert area.address_label.text() == ""

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "cards.pdf").pages)
    for name in ("张振华", "李国强", "王秀兰"):
        assert name in text
    assert [card.name for card in printed] == ["张振华", "李国强", "王秀兰"]
    assert all(card.login_url.startswith(area_base(card)) for card in printed)
    assert "已写入 3 张" in box.note.text()
    assert box.judges.index(0, 2).data().startswith("已发放")
    token = printed[0].login_url.split("#", 1)[1]
    assert token not in text
    assert all(token not in record.getMessage() for record in caplog.records)
    assert accounts.judge_tokens.authenticate(token).username == "judge1"

    box.view.selectRow(0)
    qtbot.mouseClick(box.revoke_button, Qt.MouseButton.LeftButton)
    with pytest.raises(UserError):
        accounts.judge_tokens.authenticate(token)
    assert box.judges.index(0, 2).data().startswith("已作废")
    other = printed[1].login_url.split("#", 1)[1]
    assert accounts.judge_tokens.authenticate(other).username == "judge2"


def area_base(card: JudgeCard) -> str:
    return card.address.rstrip("/") + "/t#"


def test_reissuing_replaces_a_judge_s_earlier_card(
    qtbot, accounts: Services, small: SmallEvent, printed
) -> None:
    area = panel_for(qtbot, accounts, "org")
    area.addresses = ["http://192.168.1.20:8765/"]  # as if running: only the cards are tried
    box = area.tokens
    box.view.selectRow(1)
    qtbot.mouseClick(box.chosen_button, Qt.MouseButton.LeftButton)
    box.view.selectRow(1)
    qtbot.mouseClick(box.chosen_button, Qt.MouseButton.LeftButton)
    first, second = (card.login_url.split("#", 1)[1] for card in printed)
    assert printed[0].address == "http://192.168.1.20:8765/"
    with pytest.raises(UserError):
        accounts.judge_tokens.authenticate(first)
    assert accounts.judge_tokens.authenticate(second).username == "judge2"


def test_a_taken_port_is_refused_by_name(qtbot, accounts: Services, small, monkeypatch) -> None:
    from contest_desk.ui import feedback

    shown: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: shown.append(e.message()))
    area = panel_for(qtbot, accounts, "org")
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        area.port_spin.setValue(port)
        qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    assert area.server is None and area.start_button.isEnabled()
    assert shown and str(port) in shown[0]


def test_the_chief_judge_starts_the_hub_but_sees_no_tokens(qtbot, accounts, small) -> None:
    area = panel_for(qtbot, accounts, "chief")
    assert not area.token_side.isVisible() and area.start_button.isEnabled()


def test_the_hall_screen_opens_from_the_panel(qtbot, accounts: Services, small) -> None:
    from contest_desk.ui.hall.window import HallWindow

    area = panel_for(qtbot, accounts, "org")
    qtbot.mouseClick(area.hall_button, Qt.MouseButton.LeftButton)
    (hall,) = area.findChildren(HallWindow)
    assert hall.isVisible() and hall.contest_id == small.contest_id
    hall.close()
