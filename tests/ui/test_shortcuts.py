"""The window's standard keys (issue 15): Ctrl+N, Ctrl+S, Ctrl+P, Ctrl+F, F5, Ctrl+1 … act
on the area shown, a key with no use there says so, and Help lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from contest_desk.i18n import set_language
from contest_desk.services.demo.build import demo_password
from contest_desk.services.hub import Services
from contest_desk.ui import shortcuts
from contest_desk.ui.main_window import MainWindow
from tests.builders import copy_of_demo


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("keys")))


@pytest.fixture
def window(qtbot, demo: Services) -> MainWindow:
    set_language("zh_CN")
    actor = demo.users.authenticate("organizer", demo_password("organizer"))
    shown = MainWindow(demo.as_user(actor))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_ctrl_digits_go_to_the_areas_and_keys_act_on_the_area_shown(qtbot, window) -> None:
    keys = list(window.areas)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.areas[keys[1]]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    contests = window.areas["contests"]
    assert window.stack.currentWidget() is contests
    pressed: list[str] = []
    contests.navigator.new_contest_button.clicked.connect(lambda: pressed.append("new"))
    contests.contest_panel.save_button.clicked.connect(lambda: pressed.append("save"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert pressed == ["new"]
    # Save presses the contest's save button only when it can be pressed.
    contests.contest_panel.save_button.setEnabled(False)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert pressed == ["new"]
    assert "保存" in window.statusBar().currentMessage()  # "nothing to save here", said


def test_f5_refreshes_and_ctrl_f_finds_where_the_area_can(qtbot, window) -> None:
    window.show_area("innovation")
    window.sidebar.setCurrentRow(list(window.areas).index("innovation"))
    area = window.areas["innovation"]
    refreshed: list[bool] = []
    area.refresh = lambda: refreshed.append(True)  # type: ignore[method-assign]
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert refreshed == [True]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert shortcuts.target(area, "find").hasFocus() or (
        window.focusWidget() is shortcuts.target(area, "find")
    )


def test_every_area_key_names_something_that_exists(window) -> None:
    for key in window.areas:
        area = window.areas[key]
        for command, path in dict(getattr(area, "KEYS", ())).items():
            assert shortcuts.target(area, command) is not None, f"{key}: {command} → {path}"


def test_the_list_of_keys_under_help(qtbot) -> None:
    set_language("zh_CN")
    dialog = shortcuts.list_dialog(None)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown["F5"] == "刷新" and shown["Ctrl+Q"] == "退出"
    assert shown["Ctrl+N"] == "新建" and "F1" in shown


def test_ctrl_q_closes_the_window(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
