"""A walk through the window for the tests that look at every area (the keys, the
clipping): the demo's window opened by one account with every role, the demo's contest
and first event chosen, and each area shown with each tab of each of its tab widgets."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QTabWidget, QWidget

from contest_desk.domain.permissions import Actor, Role
from contest_desk.i18n import set_language
from contest_desk.services.demo.build import CONTEST_NAME
from contest_desk.services.hub import Services
from contest_desk.ui.main_window import MainWindow


def settle(qtbot) -> None:
    """The runner's workers done and their answers in the widgets."""
    for _n in range(5):
        QThreadPool.globalInstance().waitForDone(2000)
        qtbot.wait(20)


def every_role_window(
    qtbot, demo: Services, width: int = 1280, height: int = 800, language: str = "zh_CN"
) -> MainWindow:
    """The window with every area in its side bar, shown, the demo's contest chosen."""
    set_language(language)
    every_role = Actor("organizer", frozenset({Role.ORGANIZER, Role.CHIEF_JUDGE, Role.ADMIN}))
    shown = MainWindow(demo.as_user(every_role))
    qtbot.addWidget(shown)
    shown.resize(width, height)
    shown.show()
    shown.activateWindow()
    qtbot.waitExposed(shown)
    contest = next(c for c in demo.contests.contests() if c.name == CONTEST_NAME)
    shown.state.choose_contest(contest.id)
    shown.state.choose_event(demo.contests.events(contest.id)[0].id)
    settle(qtbot)
    return shown


def states(area: QWidget) -> Iterator[str]:
    """The area shown as it is, then with each tab of each of its tab widgets chosen;
    yields where it is (the tab's text)."""
    yield ""
    for tabs in area.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                yield tabs.tabText(index)


def walk(qtbot, window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """(where, area) for every area and tab, each settled before it is yielded."""
    for key in window.areas:
        window.show_area(key)
        area = window.areas[key]
        for state in states(area):
            settle(qtbot)
            yield (f"{key}/{state}" if state else key), area
