"""The user guide: F1 opens the page of the area shown, the search finds and highlights
pages, every page exists in both languages with its images, and About names the version
and the licences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from contest_desk import __version__
from contest_desk.domain.permissions import Role
from contest_desk.i18n import set_language
from contest_desk.services.hub import Services
from contest_desk.ui.help.pages import HELP_DIR, HELP_LANGUAGES, PAGE_KEYS, load_page
from contest_desk.ui.help.window import AboutDialog, HelpWindow
from contest_desk.ui.main_window import MainWindow
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small

# Bringing the help window to the front says this on the offscreen platform; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


@pytest.fixture
def organizer(services: Services, small: SmallEvent) -> Services:
    """One account with every role that opens an area: the window shows all twelve."""
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    admin = services.as_user(services.users.authenticate("admin", "admin-pass"))
    roles = [Role.ADMIN, Role.ORGANIZER, Role.CHIEF_JUDGE, Role.JUDGE]
    admin.users.add_user("all", "全体", "all-pass-2026", roles)
    return services.as_user(services.users.authenticate("all", "all-pass-2026"))


def test_f1_in_each_area_opens_its_page(qtbot, organizer: Services) -> None:
    window = MainWindow(organizer)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert len(window.areas) == 12
    for key in window.areas:
        window.show_area(key)
        # The help window took the focus at the last F1: the key goes to the main window.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.sidebar, Qt.Key.Key_F1)
        helper = window.help_window
        assert helper is not None and helper.isVisible(), key
        assert helper.current_key == key
        title = load_page(key, "zh_CN").title
        assert helper.contents.currentItem().text() == title
        assert title in helper.browser.toPlainText()
    window.close()
    assert not helper.isVisible() and window.help_window is None


def test_the_help_menu_holds_the_guide_and_about(qtbot, organizer: Services) -> None:
    window = MainWindow(organizer)
    qtbot.addWidget(window)
    # Other items (the keys, the log folder) may join them in the same menu.
    texts = [action.text() for action in window.help_menu.actions()]
    assert {"使用手册", "关于"} <= set(texts)
    assert window.help_menu.title() == "帮助(&H)"
    assert window.guide_action.shortcut().toString() == "F1"


def test_search_finds_a_page_by_a_chinese_word_and_highlights_it(qtbot) -> None:
    helper = HelpWindow()
    qtbot.addWidget(helper)
    helper.search.setText("一票否决")
    assert helper.shown_pages() == ["labor"]
    assert helper.current_key == "labor"
    assert helper.highlighted() and set(helper.highlighted()) == {"一票否决"}
    helper.search.setText("擂主")
    assert helper.shown_pages() == ["boards"]
    helper.search.setText("没有这个词的页面")
    assert helper.shown_pages() == []
    assert "没有包含这些词的页面" in helper.browser.toPlainText()
    helper.search.clear()
    assert helper.shown_pages() == list(PAGE_KEYS)


def test_opening_a_page_hidden_by_a_search_clears_the_search(qtbot) -> None:
    helper = HelpWindow()
    qtbot.addWidget(helper)
    helper.search.setText("擂主")
    helper.open_page("accounts")
    assert helper.search.text() == ""
    assert helper.current_key == "accounts"


def test_about_shows_the_version_and_the_licences(qtbot) -> None:
    about = AboutDialog()
    qtbot.addWidget(about)
    text = about.text.toPlainText()
    assert f"版本 {__version__}" in text
    assert "WenQuanYi Micro Hei" in text
    assert "Apache-2.0 or GPL-3+ with Font exception" in text
    assert re.search(r"PySide6 .*LGPL", text)
    assert re.search(r"SQLAlchemy [\d.]+: MIT", text)


@pytest.mark.parametrize("lang", HELP_LANGUAGES)
def test_every_page_exists_with_its_images(lang: str) -> None:
    folder = HELP_DIR / lang
    assert sorted(path.stem for path in folder.glob("*.md")) == sorted(PAGE_KEYS)
    for key in PAGE_KEYS:
        page = load_page(key, lang)
        assert page.title and page.title != key
        images = IMAGE.findall(page.text)
        assert images, f"{lang}/{key}.md has no picture"
        for link in images:
            assert not Path(link).is_absolute()
            assert (page.path.parent / link).resolve().is_file(), f"{lang}/{key}.md: {link}"


def test_each_area_page_shows_its_own_screenshot() -> None:
    for lang in HELP_LANGUAGES:
        for key in PAGE_KEYS[1:]:
            assert f"area_{key}.png" in load_page(key, lang).text, (lang, key)


def test_the_window_loads_each_pages_pictures(qtbot) -> None:
    helper = HelpWindow()
    qtbot.addWidget(helper)
    image = QTextDocument.ResourceType.ImageResource.value
    for key in PAGE_KEYS:
        helper.open_page(key)
        for link in IMAGE.findall(load_page(key, "zh_CN").text):
            data = helper.browser.loadResource(image, QUrl(link))
            assert data is not None and len(data) > 1000, (key, link)


def test_the_guide_speaks_the_windows_language(qtbot) -> None:
    set_language("en")
    try:
        helper = HelpWindow()
        qtbot.addWidget(helper)
        helper.open_page("labor")
        assert "Labor competitions" in helper.browser.toPlainText()
        helper.search.setText("veto")
        assert helper.shown_pages() == ["labor"]
    finally:
        set_language("zh_CN")
