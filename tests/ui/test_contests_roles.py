"""The Contests area as each role sees it: a chief judge meets no button that would only refuse,
and a labor competition shows no skill-contest tabs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import PermissionDenied
from contest_desk.services.demo.build import CONTEST_NAME
from contest_desk.services.demo.labor import LABOR_NAME
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.state import AppState
from tests.ui import test_contests_area as shared

chinese = shared.chinese


@pytest.fixture
def demo(demo_copy: str) -> Iterator[Services]:
    services = Services.open(demo_copy)
    yield services
    services.ctx.db.dispose()


def area_for(qtbot, demo: Services, role: Role) -> ContestsArea:
    services = demo.as_user(Actor(f"someone_{role.value}", frozenset({role})))
    area = ContestsArea(services, AppState())
    qtbot.addWidget(area)
    area.resize(1280, 800)
    area.show()
    return area


def editing_buttons(area: ContestsArea) -> dict[str, QWidget]:
    """Every button of the area that changes the set-up, the roster, the panels or the draw."""
    nav, panel, judges = area.navigator, area.contest_panel, area.judges_tab
    return {
        "新建竞赛": nav.new_contest_button,
        "以此为模板新建竞赛": nav.copy_contest_button,
        "新建项目": nav.new_event_button,
        "保存竞赛": panel.save_button,
        "保存项目": area.event_editor.save_button,
        "保存评分细则": area.rubric_editor.save_button,
        "从 Excel 导入评分细则": area.rubric_editor.import_button,
        "组成部分：添加": area.event_editor.parts_table.add_button,
        "保存晋级规则": area.advance_tab.save_button,
        "添加人员": area.roster_tab.add_button,
        "导入报名表": area.roster_tab.import_button,
        "添加参赛单元": area.entries_tab.add_button,
        "移除参赛单元": area.entries_tab.remove_button,
        "添加裁判": judges.add_button,
        "分配到项目": judges.assign_button,
        "申报回避": judges.conflicts_box.declare_button,
        "抽签": area.draw_tab.draw_button,
        "全部项目抽签": area.draw_tab.draw_all_button,
    }


def test_a_chief_judge_sees_no_button_that_would_refuse(qtbot, chinese, demo) -> None:
    area = area_for(qtbot, demo, Role.CHIEF_JUDGE)
    shown = [name for name, widget in editing_buttons(area).items() if not widget.isHidden()]
    assert shown == []
    panel = area.contest_panel
    assert panel.back_button.isHidden() and panel.forward_button.isHidden()
    assert panel.name_edit.isReadOnly() and not panel.start_edit.isEnabled()
    assert panel.status_label.text() == "进行中"  # the status is still shown
    judges = area.judges_tab
    assert not judges.add_form.isRowVisible(judges.username_edit)
    assert all(b.isHidden() for b in area.event_editor.findChildren(QPushButton))
    assert not area.rubric_editor.export_button.isHidden()  # reading it out is fine
    # What the chief judge does do here stays: closing a round by its rule.
    assert not area.advance_tab.close_button.isHidden()
    # And the services agree: what is hidden is what they refuse.
    chief = area.services
    with pytest.raises(PermissionDenied):
        chief.contests.create_contest("2027年技能比武")
    with pytest.raises(PermissionDenied):
        chief.draws.run_contest(area.state.contest_id or 0)


def test_an_organizer_has_every_button(qtbot, demo) -> None:
    area = area_for(qtbot, demo, Role.ORGANIZER)
    hidden = [name for name, widget in editing_buttons(area).items() if widget.isHidden()]
    assert hidden == []
    assert area.judges_tab.add_form.isRowVisible(area.judges_tab.username_edit)
    assert not area.contest_panel.name_edit.isReadOnly()


def test_a_viewer_reads_the_set_up_without_buttons(qtbot, demo) -> None:
    area = area_for(qtbot, demo, Role.VIEWER)
    assert all(widget.isHidden() for widget in editing_buttons(area).values())
    assert area.advance_tab.close_button.isHidden()


def tab_titles(area: ContestsArea) -> list[str]:
    tabs = area.tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


def test_a_labor_competition_shows_no_skill_contest_tabs(qtbot, chinese, demo) -> None:
    area = area_for(qtbot, demo, Role.ORGANIZER)
    contests = {c.name: c.id for c in demo.contests.contests()}
    area.state.choose_contest(contests[LABOR_NAME])
    assert tab_titles(area) == ["竞赛信息", "人员名单"]
    assert area.navigator.events_box.isHidden()
    assert not area.contest_panel.labor_note.isHidden()
    assert "劳动竞赛" in area.contest_panel.labor_note.text()

    area.state.choose_contest(contests[CONTEST_NAME])
    assert len(tab_titles(area)) == area.tabs.count() == 8
    assert not area.navigator.events_box.isHidden()
    assert area.contest_panel.labor_note.isHidden()


def test_a_new_labor_competition_loses_the_tabs_once_saved(qtbot, demo) -> None:
    area = area_for(qtbot, demo, Role.ORGANIZER)
    area.new_contest()
    panel = area.contest_panel
    panel.name_edit.setText("2027年原油上产劳动竞赛")
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("labor"))
    assert area.tabs.isTabVisible(area.tabs.indexOf(area.rubric_editor))
    panel.save()
    assert not area.tabs.isTabVisible(area.tabs.indexOf(area.rubric_editor))
