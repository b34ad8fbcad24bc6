"""The result notice (成绩公示) from the Standings area as from the Certificates area
(ui/round_notice.py): offered beside the standings, asked about before it is printed
from a round not locked yet (No prints and records nothing; Yes prints it marked 暂定 and
records the override), and saved under the name typed with its extension added."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from contest_desk.services.hub import Services
from contest_desk.ui import notice_printing, round_notice
from contest_desk.ui.certificates.area import CertificatesArea
from contest_desk.ui.standings.area import StandingsArea
from contest_desk.ui.state import AppState
from tests.ui import test_certificates_area as certificates
from tests.ui import test_scoring_models as shared
from tests.ui.test_roles import accounts
from tests.ui.test_scoring_models import SmallEvent
from tests.ui.test_scoring_runner import boxes

language = shared.language
services = shared.services
small = shared.small
accounts = accounts
boxes = boxes
demo = certificates.demo


@pytest.fixture
def organizer(accounts: Services) -> Services:
    return accounts.as_user(accounts.users.authenticate("org", "org-pass"))


@pytest.fixture
def standings(qtbot, organizer: Services, small: SmallEvent) -> StandingsArea:
    state = AppState()
    state.choose_contest(small.contest_id)
    state.choose_event(small.event_id)
    area = StandingsArea(organizer.only(*StandingsArea.USES), state)  # only what it declares
    qtbot.addWidget(area)
    area.show()
    return area


def overrides(services: Services) -> list[str]:
    return [r.actor for r in services.audit.records() if r.action == "notice.provisional"]


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(round_notice, "ask_provisional", lambda _p, text: asked.append(text) or yes)
    return asked


def test_the_standings_offer_the_notice_and_ask_before_a_provisional_one(
    qtbot, standings: StandingsArea, accounts: Services, monkeypatch, boxes
) -> None:
    assert standings.notice_button.text() == "成绩公示…"
    menu = standings.notice_button.menu()
    assert [a.text() for a in menu.actions()] == ["保存为 PDF 或 Excel…", "打印…"]
    previews: list[notice_printing.Notice] = []
    monkeypatch.setattr(notice_printing, "preview_notice", lambda _p, n: previews.append(n))

    asked = answer(monkeypatch, yes=False)
    menu.actions()[1].trigger()
    assert len(asked) == 1 and "暂定" in asked[0] and "未锁定" in asked[0]
    assert previews == [] and overrides(accounts) == [] and boxes == []

    answer(monkeypatch, yes=True)
    menu.actions()[1].trigger()
    (notice,) = previews
    assert notice.provisional and notice.state.startswith("成绩状态：暂定")
    assert [row[1] for row in notice.rows] == [str(n) for n in range(1, len(notice.rows) + 1)]
    assert overrides(accounts) == ["org"]


def test_a_name_typed_without_pdf_is_saved_as_pdf(
    qtbot, standings: StandingsArea, monkeypatch, tmp_path: Path, boxes
) -> None:
    folder = tmp_path / "公示"
    folder.mkdir()
    typed = folder / "采油工成绩公示"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(typed), "PDF (*.pdf)")
    )
    answer(monkeypatch, yes=True)
    standings.notice_button.menu().actions()[0].trigger()
    saved = folder / "采油工成绩公示.pdf"
    assert sorted(folder.iterdir()) == [saved] and boxes == []
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "成绩公示" in text and "暂定" in text


def test_no_to_provisional_certificates_issues_nothing(
    qtbot, demo: Services, monkeypatch, tmp_path: Path
) -> None:
    state = AppState()
    state.choose_contest(1)
    state.choose_event(1)
    area = CertificatesArea(demo, state)
    qtbot.addWidget(area)
    area.show()
    asked = answer(monkeypatch, yes=False)
    assert area.write(tmp_path / "证书.pdf", combined=True) == []
    assert len(asked) == 1 and list(tmp_path.iterdir()) == []
    assert demo.certificates.certificates(1) == [] and area.issued.rowCount() == 0

    answer(monkeypatch, yes=True)
    assert len(area.write(tmp_path / "证书.pdf", combined=True)) == 1
    column = area.issued.columnCount() - 1  # 成绩状态: they can be found as 暂定
    assert area.issued.headerData(column, Qt.Orientation.Horizontal) == "成绩状态"
    states = {area.issued.index(r, column).data() for r in range(area.issued.rowCount())}
    assert states == {"暂定"}
    monkeypatch.setattr(certificates.area_module, "show_verdict", lambda *_a: None)
    serial = area.issued.index(0, 0).data()
    assert area.verify(serial).endswith("暂定")  # a check says so too
