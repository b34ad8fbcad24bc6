"""The desk's hall window: codes before the lock and names after, refreshed by itself (no
click) when the database moves; Esc closes it; the organizer's choice saved from its dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from contest_desk.domain.records.hall import HallChoice, HallMode
from contest_desk.ui.hall import window as hall_window
from contest_desk.ui.hall.choice_dialog import HallChoiceDialog
from contest_desk.ui.hall.window import HallWindow, open_hall_window
from contest_desk.ui.hub.area import HubArea
from contest_desk.ui.state import AppState
from tests.hall_scene import NAMES, HallScene, copy_of_hall, hall_template, open_hall_scene
from tests.ui import test_scoring_models as shared

language = shared.language
hall_template = hall_template  # the fixture: the scene built once for the run


@pytest.fixture
def scene(hall_template: Path, tmp_path: Path) -> Iterator[HallScene]:
    scene = open_hall_scene(copy_of_hall(hall_template, tmp_path))
    yield scene
    QThreadPool.globalInstance().waitForDone()  # no reading left running on the pool
    scene.hall.ctx.db.dispose()


@pytest.fixture
def window(qtbot, scene: HallScene) -> Iterator[HallWindow]:
    shown = HallWindow(scene.organizer.only(*HallWindow.USES), scene.contest_id)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def texts(window: HallWindow, name: str) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel, name)]


def test_codes_before_the_lock_then_names_without_a_click(
    qtbot, scene: HallScene, window: HallWindow
) -> None:
    qtbot.waitUntil(lambda: len(texts(window, "name")) == 4, timeout=5000)
    codes = texts(window, "name")
    assert all(code.startswith("A") for code in codes)
    assert not set(codes) & NAMES
    assert texts(window, "provisional") == ["暂定成绩"]
    assert texts(window, "hall-title") == ["2026年技能比武"]

    scene.lock()  # on the chief's desk: this window is told nothing
    qtbot.waitUntil(lambda: set(texts(window, "name")) == NAMES, timeout=5000)
    assert texts(window, "provisional") == []
    assert texts(window, "final-mark") == ["最终成绩"]
    assert texts(window, "total")[0] == "11.20"


def test_final_only_shows_not_final_yet(qtbot, scene: HallScene, window: HallWindow) -> None:
    qtbot.waitUntil(lambda: len(texts(window, "name")) == 4, timeout=5000)
    chosen = HallChoice(HallMode.FINAL_ONLY, ((scene.event_id, 1),))
    scene.organizer.hall.choose(scene.contest_id, chosen)
    qtbot.waitUntil(lambda: texts(window, "withheld") == ["成绩尚未最终确定"], timeout=5000)
    assert texts(window, "name") == [] and texts(window, "total") == []


def test_esc_closes_the_window(qtbot, window: HallWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert not window.watch.timer.isActive()  # asks nothing once closed


def test_it_opens_full_screen_on_the_chosen_screen(
    qtbot, scene: HallScene, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = QWidget()
    qtbot.addWidget(desk)
    state = AppState()
    state.contest_id = scene.contest_id
    screen = QGuiApplication.screens()[0]
    asked: list[list[str]] = []

    def pick(_parent, _title, _label, names: list[str]) -> int:
        asked.append(names)
        return 1

    monkeypatch.setattr(hall_window, "ask_choice", pick)
    monkeypatch.setattr(QGuiApplication, "screens", lambda: [screen, screen])
    opened = open_hall_window(desk, scene.organizer.only(*HallWindow.USES), state)
    assert opened is not None
    assert len(asked[0]) == 2
    assert opened.isFullScreen() and opened.screen() is screen
    qtbot.waitUntil(lambda: len(texts(opened, "name")) == 4, timeout=5000)
    opened.close()


def test_the_organizer_chooses_what_the_hall_sees(qtbot, scene: HallScene) -> None:
    organizer = scene.organizer.only(*HallChoiceDialog.USES)
    options = scene.organizer.hall.options(scene.contest_id)
    dialog = HallChoiceDialog(
        organizer, scene.contest_id, options, scene.organizer.hall.settings(scene.contest_id)
    )
    qtbot.addWidget(dialog)
    assert dialog.items.item(0).checkState() == Qt.CheckState.Checked
    assert dialog.provisional.isChecked()
    dialog.final_only.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert scene.organizer.hall.settings(scene.contest_id) == HallChoice(
        HallMode.FINAL_ONLY, ((scene.event_id, 1),), ()
    )


def test_panels_taller_than_the_screen_scroll_by_themselves(qtbot, window: HallWindow) -> None:
    window.resize(480, 200)
    window.scroller.pause_ms = 0  # no pause at the top
    bar = window.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=5000)


def test_the_scoring_hub_panel_opens_the_hall_window(qtbot, scene: HallScene) -> None:
    state = AppState()
    state.contest_id = scene.contest_id
    area = HubArea(scene.organizer.only(*HubArea.USES), state)
    qtbot.addWidget(area)
    area.show()
    assert area.hall_button.isVisible()
    qtbot.mouseClick(area.hall_button, Qt.MouseButton.LeftButton)
    (opened,) = area.findChildren(HallWindow)
    assert opened.isFullScreen()
    qtbot.waitUntil(lambda: len(texts(opened, "name")) == 4, timeout=5000)
    opened.close()
