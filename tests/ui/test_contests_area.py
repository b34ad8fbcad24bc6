"""The Contests area driven like an organizer would: a contest, its status, an event's settings.

The fixtures here are shared by the other tests/ui/test_contests_*.py modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from contest_desk.domain.aggregation import Aggregation
from contest_desk.domain.awards import AwardMode
from contest_desk.domain.contest import ContestKind, ContestStatus, EventMode
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import feedback
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.state import AppState
from contest_desk.ui.translator import CatalogTranslator

D = Decimal
# The offscreen platform says this whenever a window's layout sets size constraints.


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return Services.open(str(tmp_path / "t.db"))


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[UserError]:
    """Errors the area shows to the person, collected instead of opening a modal box."""
    errors: list[UserError] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _parent, error: errors.append(error))
    return errors


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """Qt's tr() answered from the message catalog, as in the running app."""
    translator = CatalogTranslator(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def area(qtbot, services: Services, shown: list[UserError]) -> ContestsArea:
    widget = ContestsArea(services, AppState())
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def create_contest(qtbot, area: ContestsArea, name: str = "2026年采油工技能比武") -> int:
    click(qtbot, area.navigator.new_contest_button)
    panel = area.contest_panel
    panel.name_edit.setText(name)
    panel.organizer_edit.setText("采油厂工会")
    panel.start_edit.setDate(QDate(2026, 5, 10))
    panel.end_edit.setDate(QDate(2026, 5, 12))
    click(qtbot, panel.save_button)
    assert area.state.contest_id is not None
    return area.state.contest_id


def create_event(qtbot, area: ContestsArea, name: str = "采油工", team: bool = False) -> int:
    click(qtbot, area.navigator.new_event_button)
    editor = area.event_editor
    assert area.tabs.currentWidget() is editor
    editor.name_edit.setText(name)
    editor.mode_box.setCurrentIndex(editor.mode_box.findData("team" if team else "individual"))
    click(qtbot, editor.save_button)
    assert area.state.event_id is not None
    return area.state.event_id


# --- Contests ---------------------------------------------------------------------------------


def test_an_organizer_creates_a_contest(qtbot, area: ContestsArea, services: Services):
    contest_id = create_contest(qtbot, area)

    (stored,) = services.contests.contests()
    assert stored.id == contest_id
    assert stored.name == "2026年采油工技能比武"
    assert stored.kind is ContestKind.SKILL
    assert stored.organizer == "采油厂工会"
    assert (stored.start_date.isoformat(), stored.end_date.isoformat()) == (
        "2026-05-10",
        "2026-05-12",
    )
    assert area.navigator.contests.rowCount() == 1
    assert area.navigator.contests.index(0, 0).data() == "2026年采油工技能比武"
    assert not area.contest_panel.kind_box.isEnabled()  # a saved contest keeps its kind


def test_editing_the_chosen_contest_updates_it(qtbot, area: ContestsArea, services: Services):
    contest_id = create_contest(qtbot, area)
    area.contest_panel.name_edit.setText("2026年采油工职业技能竞赛")
    area.contest_panel.end_edit.setDate(QDate(2026, 5, 20))
    click(qtbot, area.contest_panel.save_button)

    stored = services.contests.contest(contest_id)
    assert stored.name == "2026年采油工职业技能竞赛"
    assert stored.end_date.isoformat() == "2026-05-20"
    assert len(services.contests.contests()) == 1


def test_a_refused_contest_is_explained(qtbot, area, services, shown):
    click(qtbot, area.navigator.new_contest_button)
    area.contest_panel.name_edit.setText("技能比武")
    area.contest_panel.start_edit.setDate(QDate(2026, 6, 2))
    area.contest_panel.end_edit.setDate(QDate(2026, 6, 1))
    click(qtbot, area.contest_panel.save_button)

    assert services.contests.contests() == []
    assert [e.msgid for e in shown] == ["The end date {end} is before the start date {start}"]


def test_choosing_a_contest_in_the_list_chooses_it_for_the_app(qtbot, area, services):
    first = services.contests.create_contest("电焊工技能比武")
    second = services.contests.create_contest("仪表维修工技能比武")
    area.navigator.reload()

    area.navigator.contest_view.selectRow(area.navigator.contests.row_of(first.id))
    assert area.state.contest_id == first.id
    assert area.contest_panel.name_edit.text() == "电焊工技能比武"
    area.navigator.contest_view.selectRow(area.navigator.contests.row_of(second.id))
    assert area.state.contest_id == second.id
    assert area.contest_panel.name_edit.text() == "仪表维修工技能比武"


def test_status_moves_one_step_and_a_refused_move_shows_why(qtbot, area, services, shown):
    contest_id = create_contest(qtbot, area)
    panel = area.contest_panel
    assert not panel.back_button.isVisible()  # nothing before draft

    for expected in (ContestStatus.OPEN, ContestStatus.RUNNING, ContestStatus.FINISHED):
        click(qtbot, panel.forward_button)
        assert services.contests.contest(contest_id).status is expected
    click(qtbot, panel.back_button)
    assert services.contests.contest(contest_id).status is ContestStatus.RUNNING
    click(qtbot, panel.forward_button)
    click(qtbot, panel.forward_button)
    assert services.contests.contest(contest_id).status is ContestStatus.ARCHIVED
    assert not panel.forward_button.isVisible()

    click(qtbot, panel.back_button)  # the rules keep an archived contest archived
    assert services.contests.contest(contest_id).status is ContestStatus.ARCHIVED
    assert [e.msgid for e in shown] == ["An archived contest cannot be reopened"]
    assert shown[0].message() == "已归档的竞赛不能重新打开"


def test_status_labels_speak_chinese(qtbot, chinese, area):
    create_contest(qtbot, area)
    assert area.contest_panel.status_label.text() == "筹备中"
    assert area.contest_panel.forward_button.text() == "进入“报名中” →"
    assert area.navigator.contests.index(0, 1).data() == "筹备中"


# --- Events -----------------------------------------------------------------------------------


def test_an_organizer_creates_an_event_with_its_settings(qtbot, area, services):
    contest_id = create_contest(qtbot, area)
    click(qtbot, area.navigator.new_event_button)
    editor = area.event_editor
    editor.name_edit.setText("采油工")
    assert editor.parts.rows() == [["Theory", "30"], ["Practical", "70"]]
    editor.rounds.set_rows([["初赛", "40"], ["决赛", "60"]])
    editor.judges_spin.setValue(7)
    editor.trim_spin.setValue(2)
    editor.places_spin.setValue(1)
    editor.tie_breaks.model.set_rows([["part", "Practical"], ["time", ""]])
    click(qtbot, editor.save_button)

    (event,) = services.contests.events(contest_id)
    assert area.state.event_id == event.id
    assert event.name == "采油工" and event.mode is EventMode.INDIVIDUAL
    assert [(p.name, p.weight) for p in event.parts] == [
        ("Theory", D("0.3")),
        ("Practical", D("0.7")),
    ]
    assert [(r.name, r.weight) for r in event.rounds] == [("初赛", D("0.4")), ("决赛", D("0.6"))]
    settings = event.settings
    assert settings.aggregation.method is Aggregation.TRIMMED_MEAN
    assert settings.aggregation.trim == 2
    assert (settings.judges_per_entry, settings.places) == (7, 1)
    assert settings.tie_breaks == (
        TieBreak(TieBreakKind.PART, "Practical"),
        TieBreak(TieBreakKind.TIME),
    )
    award = settings.award_rule
    assert award is not None and award.mode is AwardMode.SHARES
    # The national notice's default: 10 % / 20 % / 30 % of the ranked field.
    assert [(lv.name, lv.value) for lv in award.levels] == [
        ("一等奖", D("0.1")),
        ("二等奖", D("0.2")),
        ("三等奖", D("0.3")),
    ]
    assert area.navigator.events.rowCount() == 1
    assert not editor.mode_box.isEnabled()  # persons or teams: fixed once created


def test_editing_an_event_changes_parts_rounds_and_awards(qtbot, area, services):
    create_contest(qtbot, area)
    event_id = create_event(qtbot, area)
    editor = area.event_editor
    editor.parts.set_rows([["Theory", "20"], ["Practical", "80"]])
    editor.rounds.add_row(["决赛", "50"])
    editor.rounds.setData(editor.rounds.index(0, 1), "50")
    editor.aggregation_box.setCurrentIndex(editor.aggregation_box.findData("mean"))
    editor.judges_spin.setValue(3)
    awards = editor.awards
    awards.mode_box.setCurrentIndex(awards.mode_box.findData("thresholds"))
    # Standard values follow the mode; the level names stay.
    assert awards.model.rows() == [["一等奖", "90"], ["二等奖", "80"], ["三等奖", "70"]]
    awards.model.set_rows([["一等奖", "90"], ["二等奖", "80.5"]])
    awards.min_score.setText("60")
    click(qtbot, editor.save_button)

    event = services.contests.event(event_id)
    assert [p.weight for p in event.parts] == [D("0.2"), D("0.8")]
    assert [(r.number, r.weight) for r in event.rounds] == [(1, D("0.5")), (2, D("0.5"))]
    assert event.settings.aggregation.method is Aggregation.MEAN
    assert event.settings.judges_per_entry == 3
    rule = event.settings.award_rule
    assert rule is not None and rule.mode is AwardMode.THRESHOLDS
    assert [(lv.name, lv.value) for lv in rule.levels] == [("一等奖", D(90)), ("二等奖", D("80.5"))]
    assert rule.min_score == D(60)


def test_event_settings_that_do_not_parse_are_shown_inline(qtbot, area, services, shown):
    create_contest(qtbot, area)
    event_id = create_event(qtbot, area)
    editor = area.event_editor
    editor.parts.setData(editor.parts.index(0, 1), "三十")
    click(qtbot, editor.save_button)
    assert "不是数字" in editor.note.text()
    assert shown == []
    assert services.contests.event(event_id).parts[0].weight == D("0.3")

    editor.parts.setData(editor.parts.index(0, 1), "30")
    editor.tie_breaks.model.set_rows([["criterion", ""]])
    click(qtbot, editor.save_button)
    assert "并列规则" in editor.note.text()


def test_a_panel_too_small_for_the_trimmed_mean_is_refused(qtbot, area, services, shown):
    create_contest(qtbot, area)
    event_id = create_event(qtbot, area)
    area.event_editor.judges_spin.setValue(2)
    click(qtbot, area.event_editor.save_button)
    assert [e.msgid for e in shown] == [
        "Dropping the {k} highest and {k} lowest marks needs more than {n} judges; "
        "this panel has {judges}"
    ]
    assert services.contests.event(event_id).settings.judges_per_entry == 5


def test_a_team_event_is_created_as_a_team_event(qtbot, area, services):
    contest_id = create_contest(qtbot, area)
    create_event(qtbot, area, "集输工团体赛", team=True)
    (event,) = services.contests.events(contest_id)
    assert event.mode is EventMode.TEAM


def test_choosing_an_event_shows_it_everywhere(qtbot, area, services):
    contest = services.contests.create_contest("技能比武")
    first = services.contests.create_event(contest.id, "采油工")
    second = services.contests.create_event(contest.id, "电焊工")
    area.state.choose_contest(contest.id)
    assert area.navigator.events.rowCount() == 2

    area.navigator.event_view.selectRow(area.navigator.events.row_of(second.id))
    assert area.state.event_id == second.id
    assert area.event_editor.name_edit.text() == "电焊工"
    assert "电焊工" in area.entries_tab.title.text()
    area.navigator.event_view.selectRow(area.navigator.events.row_of(first.id))
    assert area.event_editor.name_edit.text() == "采油工"


def test_renaming_a_part_keeps_its_rubric_and_tie_break(qtbot, area, services, shown):
    create_contest(qtbot, area)
    event_id = create_event(qtbot, area)
    practical = services.contests.event(event_id).parts[1]
    rubric = Rubric((Criterion("B1", "操作规范", CriterionKind.JUDGEMENT, D(10), D("0.5")),))
    services.contests.save_rubric(practical.id, rubric)
    editor = area.event_editor
    editor.tie_breaks.model.set_rows([["part", practical.name]])
    click(qtbot, editor.save_button)

    editor.parts.setData(editor.parts.index(1, 0), "实际操作")
    click(qtbot, editor.save_button)  # no question: nothing is lost

    event = services.contests.event(event_id)
    assert [(p.id, p.name) for p in event.parts][1] == (practical.id, "实际操作")
    assert services.contests.rubric(practical.id) == rubric
    assert event.settings.tie_breaks == (TieBreak(TieBreakKind.PART, "实际操作"),)
    assert shown == []
