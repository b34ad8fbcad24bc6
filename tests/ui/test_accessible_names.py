"""Every control of every area has a name a screen reader can say (issue 15): the demo,
opened by each role, every area shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from contest_desk.i18n import set_language
from contest_desk.services.demo.build import demo_password
from contest_desk.services.hub import Services
from contest_desk.ui.accessible import fallback_name, has_name, is_control, unnamed_controls
from contest_desk.ui.main_window import MainWindow
from tests.builders import copy_of_demo


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("a11y")))


@pytest.mark.parametrize("user", ["organizer", "chief", "admin", "judge1"])
def test_every_control_of_every_area_has_a_name(qtbot, demo: Services, user: str) -> None:
    set_language("zh_CN")
    actor = demo.users.authenticate(user, demo_password(user))
    window = MainWindow(demo.as_user(actor))
    qtbot.addWidget(window)
    checked = 0
    for key in window.areas:
        window.show_area(key)
        area = window.areas[key]
        left = [f"{type(w).__name__} {w.objectName()!r}" for w in unnamed_controls(area)]
        assert not left, f"{key}: {left}"
        checked += sum(1 for w in area.findChildren(QWidget) if is_control(w))
    assert checked >= 10  # the walk saw the areas' controls, not an empty window


def test_a_field_is_named_by_the_label_before_it_not_by_its_contents(qtbot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QLabel

    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    box, field = QComboBox(), QLineEdit()
    box.addItem("2026年采油厂职工技能比武")
    field.setPlaceholderText("例如 2026-05-11")
    for widget in (QLabel("竞赛："), box, field):
        layout.addWidget(widget)
    assert not has_name(box)  # its current item is no name
    assert fallback_name(box) == "竞赛"
    assert fallback_name(field) == "例如 2026-05-11"
