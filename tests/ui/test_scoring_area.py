"""The Scoring area driven like a judge would: choose, type, Enter, Tab, Delete."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import insert, select

from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.errors import UserError
from contest_desk.i18n import set_language
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.ui.scoring.area import ScoringArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

D = Decimal
# The event and fixtures shared with test_scoring_models.py.
language = shared.language
services = shared.services
small = shared.small
# The offscreen platform says this whenever a window's layout sets size constraints.


def open_area(qtbot, services: Services, state: AppState | None = None) -> ScoringArea:
    area = ScoringArea(services, state or AppState())
    qtbot.addWidget(area)
    area.resize(1100, 600)
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        area.show()
    return area


def choose(qtbot, area: ScoringArea, event_id: int, round_number: int, judge_id: int) -> None:
    """Pick the event, round and judge in the combo boxes, as a person would."""
    boxes = (
        (area.picker.event_box, event_id),
        (area.round_box, round_number),
        (area.judge_box, judge_id),
    )
    for box, value in boxes:
        index = box.findData(value)
        assert index >= 0
        if box.currentIndex() != index:
            with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
                box.setCurrentIndex(index)


def stored(services: Services, small: SmallEvent, judge: int, row: int, code: str):
    sheet = services.scoring.sheet(small.event_id, 1, judge)
    return sheet.values.get((small.entries[row].id, code))


def click_cell(qtbot, area: ScoringArea, row: int, code: str) -> QModelIndex:
    index = area.model.index(row, area.model.column_of(code))
    area.grid.scrollTo(index)
    qtbot.mouseClick(
        area.grid.viewport(), Qt.MouseButton.LeftButton, pos=area.grid.visualRect(index).center()
    )
    assert area.grid.currentIndex() == index
    return index


def expected_refusal(services: Services, small: SmallEvent, code: str, text: str) -> str:
    """The reason the rubric gives for ``text``, in the current language."""
    sheet = services.scoring.sheet(small.event_id, 1, small.judges[0])
    column = next(c for c in sheet.columns if c.code == code)
    with pytest.raises(UserError) as caught:
        column.criterion.check_value(parse_decimal(text))
    return caught.value.message()


def test_typing_a_mark_saves_it_and_moves_across(qtbot, services, small):
    area = open_area(qtbot, services)
    judge = small.judges[1]
    choose(qtbot, area, small.event_id, 1, judge)
    assert area.model.rowCount() == 4
    assert area.progress_label.text() == "已填 0 / 8 格"  # P1 and P2 of 4 entries

    changed = []
    area.state.scores_changed.connect(changed.append)
    click_cell(qtbot, area, 0, "P1")
    qtbot.keyClicks(area.grid, "8.5")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)

    assert stored(services, small, judge, 0, "P1") == D("8.5")
    assert area.model.data(area.model.index(0, 1)) == "8.5"
    assert area.grid.currentIndex() == area.model.index(0, area.model.column_of("M1"))
    assert changed == [small.event_id]
    assert area.progress_label.text() == "已填 1 / 8 格"  # P1 and P2 of 4 entries

    # Tab saves too; the measured value is shared, so every judge's sheet shows it.
    qtbot.keyClicks(area.grid, "51")
    qtbot.keyClick(area.grid, Qt.Key.Key_Tab)
    assert stored(services, small, small.judges[0], 0, "M1") == D("51")
    assert area.grid.currentIndex().column() == area.model.column_of("S1")

    # Enter on the last criterion wraps to the next entry's first criterion.
    qtbot.keyClick(area.grid, Qt.Key.Key_Tab)  # S1 → P2, nothing typed
    qtbot.keyClicks(area.grid, "17")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert stored(services, small, judge, 0, "P2") == D("17")
    assert area.grid.currentIndex() == area.model.index(1, area.model.column_of("P1"))

    # Shift+Tab goes back, wrapping to the previous entry's last criterion.
    qtbot.keyClick(area.grid, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert area.grid.currentIndex() == area.model.index(0, area.model.column_of("P2"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_refused_value_keeps_the_old_one_and_says_why(qtbot, services, small, lang):
    set_language(lang)
    area = open_area(qtbot, services)
    judge = small.judges[0]
    choose(qtbot, area, small.event_id, 1, judge)
    index = click_cell(qtbot, area, 2, "P1")
    qtbot.keyClicks(area.grid, "7")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    click_cell(qtbot, area, 2, "P1")

    qtbot.keyClicks(area.grid, "11")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    reason = expected_refusal(services, small, "P1", "11")
    if lang == "en":
        assert reason == "11 is outside 0–10 for P1"
    else:
        assert "超出" in reason
    assert stored(services, small, judge, 2, "P1") == D(7)
    assert area.model.data(index) == "7"
    assert reason in area.status.text()
    assert area.model.data(index, Qt.ItemDataRole.ToolTipRole) == reason
    assert area.grid.currentIndex() == index  # stays put to be typed again

    qtbot.keyClicks(area.grid, "8.3")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert stored(services, small, judge, 2, "P1") == D(7)
    assert expected_refusal(services, small, "P1", "8.3") in area.status.text()

    qtbot.keyClicks(area.grid, "abc")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert stored(services, small, judge, 2, "P1") == D(7)
    assert "abc" in area.status.text()

    # A good value clears the mark and moves on.
    qtbot.keyClicks(area.grid, "9")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert stored(services, small, judge, 2, "P1") == D(9)
    assert area.model.error_at(2, index.column()) is None


def test_delete_clears_a_value(qtbot, services, small):
    judge = small.judges[2]
    services.scoring.record_score(small.event_id, 1, judge, small.entries[3].id, "P2", "15")
    area = open_area(qtbot, services)
    choose(qtbot, area, small.event_id, 1, judge)
    assert area.progress_label.text() == "已填 1 / 8 格"  # P1 and P2 of 4 entries
    index = click_cell(qtbot, area, 3, "P2")
    assert area.model.data(index) == "15"
    qtbot.keyClick(area.grid, Qt.Key.Key_Delete)
    assert stored(services, small, judge, 3, "P2") is None
    assert area.model.data(index) == ""
    assert area.progress_label.text() == "已填 0 / 8 格"  # P1 and P2 of 4 entries


def test_completion_time_is_recorded(qtbot, services, small):
    area = open_area(qtbot, services)
    choose(qtbot, area, small.event_id, 1, small.judges[0])
    area.time_check.setChecked(True)
    column = area.model.time_column
    assert not area.grid.isColumnHidden(column)
    index = area.model.index(1, column)
    area.grid.setFocus()
    area.grid.setCurrentIndex(index)
    qtbot.keyClicks(area.grid, "312.5")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    with services.ctx.db.reading() as s:
        seconds = s.query(m.Timing.seconds).filter_by(entry_id=small.entries[1].id).scalar()
    assert seconds == D("312.5")
    assert area.model.data(index) == "5:12.5"  # shown back as 分:秒
    area.time_check.setChecked(False)
    assert area.grid.isColumnHidden(column)


def test_stored_times_are_shown_when_time_breaks_ties(qtbot, services, small):
    event = services.contests.event(small.event_id)
    timed = replace(event.settings, tie_breaks=(TieBreak(TieBreakKind.TIME),))
    services.contests.update_event(small.event_id, event.name, timed)
    services.scoring.record_time(small.event_id, 1, small.entries[2].id, D("1820"))
    area = open_area(qtbot, services)
    choose(qtbot, area, small.event_id, 1, small.judges[0])
    assert area.time_check.isChecked()
    assert not area.grid.isColumnHidden(area.model.time_column)
    assert area.model.data(area.model.index(2, area.model.time_column)) == "30:20"
    assert area.model.data(area.model.index(1, area.model.time_column)) == ""


def test_an_event_without_judges_says_so(qtbot, services, small):
    other = services.contests.create_event(small.contest_id, "电焊工技能比武")
    area = open_area(qtbot, services)
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        area.state.choose_event(other.id)
    assert area.stack.currentWidget() is area.message
    assert "电焊工技能比武" in area.message.text()
    assert area.model.rowCount() == 0


def add_many_entries(services: Services, event_id: int, count: int) -> None:
    """Bulk rows for the big-event test; the services add one entry per transaction."""
    with services.ctx.db.transaction() as s:
        s.execute(
            insert(m.Person),
            [{"employee_no": f"B{i:05d}", "name": f"选手{i}"} for i in range(count)],
        )
        ids = s.scalars(select(m.Person.id).where(m.Person.employee_no.like("B%"))).all()
        s.execute(
            insert(m.Entry),
            [{"event_id": event_id, "person_id": pid, "code": f"A{pid:05d}"} for pid in ids],
        )


def test_a_big_event_opens_in_batches(qtbot, services, small):
    big = services.contests.create_event(small.contest_id, "万人比武", parts=[("Practical", D(1))])
    services.roster.assign_judge(small.judges[0], big.id)
    services.contests.save_rubric(
        big.parts[0].id,
        services.contests.rubric(services.contests.event(small.event_id).parts[0].id),
    )
    add_many_entries(services, big.id, 10_000)
    area = open_area(qtbot, services)
    with qtbot.waitSignal(area.sheet_loaded, timeout=60000):
        area.state.choose_event(big.id)
    model = area.model
    assert model.total_rows == 10_000
    assert model.rowCount() == 500
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000
    # Moving past the loaded rows fetches the next batch.
    area.grid.setCurrentIndex(model.index(999, model.editable_columns()[-2]))
    area.grid.move_cursor(1)
    assert model.rowCount() == 1500
    assert area.grid.currentIndex().row() == 1000
