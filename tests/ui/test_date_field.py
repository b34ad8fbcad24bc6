"""ui/date_field.py in the contest panel: dates typed as clerks type them, the calendar opening
at today or the contest's dates (not January 2000), and 未定 kept possible and shown as such."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.date_field import DateField
from tests.ui import test_contests_area as shared

area = shared.area
services = shared.services
shown = shared.shown
chinese = shared.chinese
click = shared.click
# The offscreen platform cannot raise a popup or give it the keyboard; a real screen does.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def type_into(qtbot, field: DateField, text: str) -> None:
    """Select what the field holds, type ``text`` over it and press Enter, as a person would."""
    field.line.setFocus()
    field.line.selectAll()
    if text:
        qtbot.keyClicks(field.line, text)
    else:
        qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


def new_contest(qtbot, area: ContestsArea, name: str = "2027年采油工技能比武") -> None:
    click(qtbot, area.navigator.new_contest_button)
    area.contest_panel.name_edit.setText(name)


@pytest.mark.parametrize("typed", ["2026-05-11", "2026/5/11", "20260511", "2026.5.11"])
def test_each_typed_form_is_saved_as_that_day(qtbot, area, services: Services, typed) -> None:
    new_contest(qtbot, area)
    panel = area.contest_panel
    type_into(qtbot, panel.start_edit, typed)
    assert panel.start_edit.line.text() == "2026-05-11"  # shown the one way once read
    click(qtbot, panel.save_button)
    (stored,) = services.contests.contests()
    assert (stored.start_date, stored.end_date) == (dt.date(2026, 5, 11), None)


def test_a_date_typed_and_saved_without_leaving_the_field_counts(qtbot, area, services) -> None:
    new_contest(qtbot, area)
    panel = area.contest_panel
    panel.end_edit.line.setFocus()
    panel.end_edit.line.selectAll()
    qtbot.keyClicks(panel.end_edit.line, "2026/5/13")
    click(qtbot, panel.save_button)
    assert services.contests.contests()[0].end_date == dt.date(2026, 5, 13)


def test_a_text_that_is_no_date_is_marked_and_refused_by_name(
    qtbot, chinese, area, services, shown
) -> None:
    new_contest(qtbot, area)
    panel = area.contest_panel
    type_into(qtbot, panel.start_edit, "2026/2/30")
    assert "b00020" in panel.start_edit.line.styleSheet()
    assert "2026/2/30" in panel.start_edit.line.toolTip()
    click(qtbot, panel.save_button)
    assert services.contests.contests() == []
    assert [e.message() for e in shown] == [
        "开始日期：2026/2/30 不是日期（请输入如 2026-05-11、2026/5/11 或 20260511）"
    ]


def test_an_empty_date_shows_weiding_and_is_stored_as_none(qtbot, chinese, area, services):
    new_contest(qtbot, area)
    panel = area.contest_panel
    assert panel.start_edit.shown_text() == "未定"
    type_into(qtbot, panel.start_edit, "2026-05-11")
    type_into(qtbot, panel.start_edit, "")  # cleared by the person
    assert panel.start_edit.shown_text() == "未定"
    click(qtbot, panel.save_button)
    assert services.contests.contests()[0].start_date is None


def test_the_calendar_offers_weiding_and_today(qtbot, chinese, area, services) -> None:
    contest = services.contests.create_contest(
        "2026年技能比武", start_date=dt.date(2026, 5, 11), end_date=dt.date(2026, 5, 13)
    )
    area.state.choose_contest(contest.id)
    panel = area.contest_panel
    popup = panel.end_edit.open_calendar()
    assert (popup.clear_button.text(), popup.today_button.text()) == ("未定", "今天")
    click(qtbot, popup.clear_button)
    assert not popup.isVisible() and panel.end_edit.shown_text() == "未定"
    click(qtbot, panel.save_button)
    assert services.contests.contest(contest.id).end_date is None
    click(qtbot, panel.start_edit.open_calendar().today_button)
    assert panel.start_edit.value() == dt.date.today()


def test_the_calendar_opens_at_today_for_a_new_contest(qtbot, area) -> None:
    new_contest(qtbot, area)
    calendar = area.contest_panel.start_edit.open_calendar().calendar
    today = dt.date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    assert calendar.selectedDate() == QDate(today.year, today.month, today.day)


def test_the_calendar_opens_at_the_contests_dates(qtbot, area, services) -> None:
    contest = services.contests.create_contest("2027年技能比武", start_date=dt.date(2027, 5, 11))
    area.state.choose_contest(contest.id)
    panel = area.contest_panel
    start = panel.start_edit.open_calendar().calendar
    assert (start.yearShown(), start.monthShown()) == (2027, 5)
    assert start.selectedDate() == QDate(2027, 5, 11)
    start.parentWidget().hide()
    # The end date is not set: its calendar opens at the start date, not at today.
    end = panel.end_edit.open_calendar().calendar
    assert (end.yearShown(), end.monthShown()) == (2027, 5)


def test_a_day_clicked_on_the_calendar_is_the_fields_date(qtbot, area, services) -> None:
    contest = services.contests.create_contest("2027年技能比武", start_date=dt.date(2027, 5, 11))
    area.state.choose_contest(contest.id)
    field = area.contest_panel.end_edit
    calendar = field.open_calendar().calendar
    calendar.setSelectedDate(QDate(2027, 5, 14))
    calendar.activated.emit(QDate(2027, 5, 14))  # Enter or a double click on the day
    assert field.line.text() == "2027-05-14"
    click(qtbot, area.contest_panel.save_button)
    assert services.contests.contest(contest.id).end_date == dt.date(2027, 5, 14)


def test_no_date_field_of_the_window_is_a_qdateedit() -> None:
    """Every date of the window goes through DateField (QDateEdit opened at 2000-01-01)."""
    from pathlib import Path

    import contest_desk.ui as ui

    found = [
        str(path.relative_to(Path(ui.__file__).parent))
        for path in Path(ui.__file__).parent.rglob("*.py")
        if any(name in path.read_text("utf-8") for name in ("QDateEdit(", "QDateTimeEdit("))
    ]
    assert found == []


def test_a_field_that_needs_a_date_refuses_an_empty_one(qtbot, chinese) -> None:
    """The labor periods', the audit filter's and the boards' dates are never 未定."""
    field = DateField(label="阶段开始日期", may_be_empty=False, value=dt.date(2026, 7, 1))
    qtbot.addWidget(field)
    assert field.line.text() == "2026-07-01"
    assert not field.open_calendar().clear_button.isVisibleTo(field.popup)
    field.popup.hide()
    type_into(qtbot, field, "")
    assert not field.is_valid() and field.line.toolTip() == "阶段开始日期：请填写日期"
    type_into(qtbot, field, "2026.8.1")
    assert field.value() == dt.date(2026, 8, 1) and field.date() == QDate(2026, 8, 1)
