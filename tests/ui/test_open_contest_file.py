"""``contest-desk-gui FILE``: the contest file is offered for import after the log-in,
imported whole through the transfer service and shown; refused for who may not import;
a bad file gets the service's message and changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from contest_desk.app import DeskApp
from contest_desk.domain.permissions import Role
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.services.hub import Services
from contest_desk.ui import contest_file_open, feedback
from contest_desk.ui.contest_file_open import open_contest_file
from contest_desk.ui.contests.navigator import selected_id
from contest_desk.ui.main_window import MainWindow
from contest_desk.ui.translator import Translations
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services
small = shared.small


@pytest.fixture
def contest_file(services: Services, small: shared.SmallEvent, tmp_path: Path) -> Path:
    """The small event's contest, exported by the transfer service."""
    path = tmp_path / "技能比武.json"
    services.transfer.export_file(small.contest_id, path)
    return path


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Services]:
    """Another desk's database, empty but for its accounts (an organizer, a viewer, a
    chief judge), where the file is opened."""
    opened = Services.open(str(tmp_path / "other.db"))
    opened.users.create_first_admin("admin", "管理员", "admin-pass")
    admin = opened.as_user(opened.users.authenticate("admin", "admin-pass"))
    for name, role in (
        ("org", Role.ORGANIZER),
        ("viewer", Role.VIEWER),
        ("chief", Role.CHIEF_JUDGE),
    ):
        admin.users.add_user(name, name, f"{name}-pass-2026", [role])
    yield opened
    opened.ctx.db.dispose()


def acting(desk: Services, name: str) -> Services:
    return desk.as_user(desk.users.authenticate(name, f"{name}-pass-2026"))


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages shown to the person, instead of message boxes."""
    shown: list[str] = []
    monkeypatch.setattr(
        feedback, "show_user_error", lambda _parent, error: shown.append(error.message())
    )
    return shown


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions asked, each answered Import."""
    questions: list[str] = []

    def answer(_parent, _title, text, go, _keep, warning=False) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(contest_file_open, "ask_go", answer)
    return questions


def window_of(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window


def test_the_file_is_imported_and_shown(qtbot, desk, contest_file, asked, said) -> None:
    window = window_of(qtbot, acting(desk, "org"))
    made = open_contest_file(window, contest_file)
    assert made is not None and made.name == "2026年采油厂职工技能比武"
    # Asked first, with the contest's name and what the file holds (in Chinese).
    assert len(asked) == 1 and "2026年采油厂职工技能比武" in asked[0]
    assert "技能比武.json" in asked[0]
    assert "竞赛项目：1 个" in asked[0] and "职工：4 人" in asked[0] and "裁判：3 人" in asked[0]
    assert said == []
    # Stored whole, and shown: the Contests area on the new contest.
    stored = desk.contests.contests()
    assert [c.name for c in stored] == ["2026年采油厂职工技能比武"]
    assert [e.name for e in desk.contests.events(made.id)] == ["采油工技能比武"]
    assert window.current_area() == "contests" and window.state.contest_id == made.id
    navigator = window.areas["contests"].navigator
    assert navigator.contests.rowCount() == 1
    assert selected_id(navigator.contest_view) == made.id


def test_declining_imports_nothing(qtbot, desk, contest_file, monkeypatch, said) -> None:
    monkeypatch.setattr(contest_file_open, "ask_go", lambda *_args, **_kw: False)
    window = window_of(qtbot, acting(desk, "org"))
    assert open_contest_file(window, contest_file) is None
    assert desk.contests.contests() == [] and said == []


@pytest.mark.parametrize("who", ["viewer", "chief"])
def test_who_may_not_import_is_refused(qtbot, desk, contest_file, asked, said, who) -> None:
    window = window_of(qtbot, acting(desk, who))
    assert open_contest_file(window, contest_file) is None
    assert said == [f"用户 {who} 无权导出或导入竞赛"]
    assert asked == [] and desk.contests.contests() == []


def test_a_bad_file_gets_the_services_message(qtbot, desk, tmp_path, asked, said) -> None:
    window = window_of(qtbot, acting(desk, "org"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "contest-desk/contest", "version": 2', encoding="utf-8")
    assert open_contest_file(window, broken) is None
    not_a_contest = tmp_path / "other.json"
    not_a_contest.write_text(json.dumps({"format": "something/else"}), encoding="utf-8")
    assert open_contest_file(window, not_a_contest) is None
    assert len(said) == 2
    assert said[0].startswith("无法读取 broken.json")
    assert said[1].startswith("竞赛文件在 $ 处不符合格式") or said[1].startswith(
        "竞赛文件在 $.format 处不符合格式"
    )
    assert asked == [] and desk.contests.contests() == []


def test_a_file_with_a_wrong_row_imports_nothing(qtbot, desk, contest_file, asked, said) -> None:
    data = json.loads(contest_file.read_text(encoding="utf-8"))
    data["events"][0]["entries"].append({"person": "999", "code": None, "status": "active"})
    contest_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = window_of(qtbot, acting(desk, "org"))
    assert open_contest_file(window, contest_file) is None
    assert len(asked) == 1 and len(said) == 1  # asked, then the import refused it whole
    assert desk.contests.contests() == [] and desk.roster.persons() == []


def test_the_desk_offers_the_file_in_its_window(
    qtbot, qapp, desk, contest_file, asked, said, tmp_path
) -> None:
    translations = Translations(qapp)
    translations.apply("zh_CN")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    app = DeskApp(acting(desk, "org"), settings, translations)
    try:
        app.open_window()
        made = app.open_contest_file(contest_file)
        assert made is not None and app.window is not None
        assert app.window.state.contest_id == made.id
    finally:
        if app.window is not None:
            app.window.close()
        translations.close()
        set_language(DEFAULT_LANGUAGE)
