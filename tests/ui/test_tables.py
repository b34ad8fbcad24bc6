"""The window's tables (ui/tables.py): a sentence in an empty table, long Chinese text shown
whole or elided with a tooltip, the demo's scoring grid within a 1280-px window, and the
consistency figures explained on the chief judge's desk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.demo.build import CONTEST_NAME
from contest_desk.services.hub import Services
from contest_desk.ui.chief.area import ChiefArea
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.main_window import MainWindow
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView, spread, two_line_width
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services
small = shared.small

LONG_UNIT = "采油一区/采油一班/东部集输注水联合站"


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    unit: str
    note: str


def unit_table(rows: list[Row]) -> tuple[RecordTableModel, TableView]:
    model = RecordTableModel(
        [
            Column("名次", lambda r: r.id),
            Column("姓名", lambda r: r.name),
            Column("单位", lambda r: r.unit),
            Column("说明", lambda r: r.note),
        ]
    )
    model.set_records(rows)
    return model, record_table(model, "还没有人。")


def test_an_empty_table_shows_its_sentence(qtbot) -> None:
    model, view = unit_table([])
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    assert view.placeholder() == "还没有人。" and view.is_empty()
    with_sentence = view.viewport().grab().toImage()
    view.set_placeholder("")
    assert view.viewport().grab().toImage() != with_sentence  # the sentence was drawn
    view.set_placeholder("还没有人。")
    model.set_records([Row(1, "王建国", "采油一区", "")])
    assert not view.is_empty()


def test_the_chief_judges_empty_tabs_say_how_to_fill_them(qtbot, services, small) -> None:
    area = ChiefArea(services, AppState())
    qtbot.addWidget(area)
    area.show()
    appeals = area.appeals_tab.view
    assert appeals.model().rowCount() == 0
    assert appeals.placeholder() == "还没有申诉。选手或其单位提出申诉后，点“登记申诉…”在此登记。"
    assert area.recheck_tab.view.placeholder().startswith("还没有抽取复核样本。")


def test_a_long_unit_is_shown_whole_where_there_is_room(qtbot) -> None:
    _model, view = unit_table([Row(1, "王建国", LONG_UNIT, ""), Row(2, "李红梅", "采油二区", "")])
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    needed = QFontMetrics(view.font()).horizontalAdvance(LONG_UNIT)
    assert view.columnWidth(2) >= needed
    # The empty note column is not the one that took the room: the unit did.
    assert view.columnWidth(3) < view.columnWidth(2)
    assert sum(view.columnWidth(c) for c in range(4)) <= view.viewport().width()


def test_a_long_unit_in_a_narrow_table_is_elided_with_its_whole_text_as_tooltip(qtbot) -> None:
    model, view = unit_table([Row(1, "王建国", LONG_UNIT * 2, "")])
    qtbot.addWidget(view)
    view.resize(380, 300)
    view.show()
    needed = QFontMetrics(view.font()).horizontalAdvance(LONG_UNIT * 2)
    assert view.columnWidth(2) < needed
    assert sum(view.columnWidth(c) for c in range(4)) <= view.viewport().width()
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == LONG_UNIT * 2


def test_widths_give_way_widest_first_and_never_below_the_floor() -> None:
    assert spread([60, 400, 200], 500, 100, None) == [60, 240, 200]
    assert spread([60, 120, 100], 500, 100, 1) == [60, 340, 100]
    assert spread([300, 300], 100, 120, None) == [120, 120]  # then the view scrolls


def test_a_criterion_header_takes_two_lines_not_one(qtbot) -> None:
    view = TableView()
    qtbot.addWidget(view)
    metrics = view.horizontalHeader().fontMetrics()
    text = "A2 更换光杆密封圈 (20)"
    assert two_line_width(metrics, text) < metrics.horizontalAdvance(text) * 0.7
    # "用时（分:秒）" breaks before neither "：" nor "）".
    assert two_line_width(metrics, "用时（分:秒）") >= metrics.horizontalAdvance("（分:秒）")


@pytest.fixture
def demo(demo_copy: str) -> Iterator[Services]:
    services = Services.open(demo_copy)
    yield services.as_user(
        Actor("organizer", frozenset({Role.ORGANIZER, Role.CHIEF_JUDGE, Role.ADMIN}))
    )
    services.ctx.db.dispose()


def test_the_demos_scoring_grid_fits_a_1280_pixel_window(qtbot, demo: Services) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    contest = next(c for c in demo.contests.contests() if c.name == CONTEST_NAME)
    window.state.choose_contest(contest.id)
    window.state.choose_event(demo.contests.events(contest.id)[0].id)
    area = window.areas["scoring"]
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        window.show_area("scoring")
    qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=20000)
    grid, header = area.grid, area.grid.horizontalHeader()
    shown = [c for c in range(header.count()) if not grid.isColumnHidden(c)]
    assert len(shown) >= 8  # the unit, the theory paper, the practical's criteria, the time
    assert window.width() == 1280
    assert sum(header.sectionSize(c) for c in shown) <= grid.viewport().width()


def test_the_consistency_figures_are_explained_on_the_desk(qtbot, services, small) -> None:
    area = ChiefArea(services, AppState())
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()
    area.tabs.setCurrentIndex(2)  # 评分一致性
    label = area.findChild(QLabel, "agreement_help")
    assert label is not None and label.isVisible()
    text = label.text()
    assert "ICC ≥ 0.75 好，0.5–0.75 一般，< 0.5 差" in text
    assert "肯德尔 W" in text and "越接近 1 越一致" in text


def test_the_studios_page_beside_the_table_has_room_at_1280(qtbot, demo: Services) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_area("innovation")
    area = window.areas["innovation"]
    area.tabs.setCurrentIndex(1)  # 工作室
    qtbot.waitUntil(lambda: area.studios.rowCount() > 0, timeout=20000)
    assert area.studio_page.width() >= 400  # it was ~70 px
    assert area.studio_view.width() >= 600


def test_long_headers_take_a_second_line_only_where_one_line_does_not_fit(qtbot) -> None:
    model = RecordTableModel(
        [Column(title, lambda r: r.id) for title in ("在本项目裁判组", "安全环保事件（起）")]
    )
    model.set_records([Row(1, "", "", "")])
    view = record_table(model)
    qtbot.addWidget(view)
    view.resize(600, 200)
    view.show()
    assert not view.headers_wrapped()
    view.resize(150, 200)
    qtbot.waitUntil(view.headers_wrapped)
    assert sum(view.columnWidth(c) for c in range(2)) <= view.viewport().width()


def test_every_table_of_the_window_is_the_shared_view() -> None:
    """A bare QTableView() would bring back Qt's 100-px columns and a silent empty table."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "contest_desk" / "ui"
    bare = [p.name for p in ui.rglob("*.py") if "QTableView()" in p.read_text(encoding="utf-8")]
    assert bare == []
