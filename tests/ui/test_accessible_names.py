"""Every control of every area has a name a screen reader can say (issue 15): the demo,
opened by each role, every area shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

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


def test_the_walk_reaches_a_scrolled_page_and_a_tab_page_not_their_parts(qtbot) -> None:
    """Qt names a scroll area's viewport and a tab widget's stack of pages qt_…, as it
    names the parts it builds inside a control; the controls on them are still checked
    (the event editor's fields and every tab of the contests area were not)."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    page = QWidget()
    form = QFormLayout(page)
    named, unnamed, date_box = QLineEdit(), QLineEdit(), QLineEdit()
    form.addRow("竞赛名称：", named)
    form.addRow(unnamed)
    date_field = QWidget()  # a field made of parts, as ui/date_field.py's
    QVBoxLayout(date_field).addWidget(date_box)
    form.addRow("开始日期：", date_field)
    scroll = QScrollArea()
    scroll.setWidget(page)
    tabs.addTab(scroll, "项目设置")
    other = QWidget()
    tree, search = QTreeWidget(), QLineEdit()
    tree.setHeaderLabels(["单位"])
    search.setClearButtonEnabled(True)  # its clear button is a part of it
    column = QVBoxLayout(other)
    column.addWidget(tree)
    column.addWidget(search)
    tabs.addTab(other, "人员名单")
    controls = {w for w in tabs.findChildren(QWidget) if is_control(w)}
    assert controls == {named, unnamed, date_box, tree, search}
    assert set(unnamed_controls(tabs)) == {unnamed, date_box, tree, search}
    assert fallback_name(unnamed) == "项目设置"  # the tab its page is on
    assert fallback_name(date_box) == "开始日期"  # the label of the field it is part of
    assert fallback_name(tree) == "单位"  # a one-column list: its header
