"""The Contests area's item models, checked by Qt's model tester and for what they show."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from contest_desk.errors import UserError
from contest_desk.ui.contests.common import percent_text, plain, weight_from_percent
from contest_desk.ui.contests.models import ID_ROLE, Column, EditableRowsModel, RecordTableModel
from tests.builders import build_small_event
from tests.ui import test_contests_area as shared

# Fixtures and helpers shared with test_contests_area.py.
area = shared.area
services = shared.services
shown = shared.shown


def records(count: int) -> list[SimpleNamespace]:
    return [SimpleNamespace(id=100 + i, name=f"名{i}") for i in range(count)]


def test_record_model_fetches_in_batches(qtmodeltester):
    model = RecordTableModel([Column("Name", lambda r: r.name)], batch=4)
    model.set_records(records(10))
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    assert model.index(9, 0).data() == "名9"
    assert model.index(9, 0).data(ID_ROLE) == 109
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    qtmodeltester.check(model)


def test_every_table_of_the_area_passes_the_model_tester(qtmodeltester, area, services):
    small = build_small_event(services)
    area.state.setup_changed.emit()  # made behind the area's back
    area.state.choose_contest(small.event.contest_id)
    area.state.choose_event(small.event.id)
    area.tabs.setCurrentWidget(area.roster_tab)  # the roster is read when its tab shows
    models = [
        area.navigator.contests,
        area.navigator.events,
        area.roster_tab.persons,
        area.entries_tab.entries,
        area.judges_tab.judges,
        area.judges_tab.panel,
        area.event_editor.parts,
        area.event_editor.rounds,
        area.event_editor.tie_breaks.model,
        area.event_editor.awards.model,
    ]
    for model in models:
        qtmodeltester.check(model)
    assert all(m.rowCount() > 0 for m in models[:8])
    assert area.judges_tab.judges.rowCount() == 3
    assert area.judges_tab.panel.rowCount() == 3
    assert area.entries_tab.entries.rowCount() == 4
    assert area.event_editor.parts.rows() == [
        ["理论", "30"],
        ["实操", "70"],
    ]  # named by the service


def test_editable_rows_edit_move_and_remove(qtmodeltester):
    model = EditableRowsModel(["Kind", "Key"], {0: [("part", "Part"), ("time", "Time")]})
    model.set_rows([["part", "实操"], ["time", ""]])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Part"  # the label is shown…
    assert model.index(0, 0).data(Qt.ItemDataRole.EditRole) == "part"  # …the value is kept
    assert model.setData(model.index(1, 1), "x")
    assert model.move_row(1, -1) == 0
    assert model.rows() == [["time", "x"], ["part", "实操"]]
    assert model.move_row(0, -1) == 0  # already first
    model.add_row(["part"])
    assert model.rows()[2] == ["part", ""]
    model.remove_row(0)
    assert model.rows() == [["part", "实操"], ["part", ""]]
    qtmodeltester.check(model)


def test_weights_are_typed_as_percentages():
    assert weight_from_percent("30", "w") == Decimal("0.3")
    assert weight_from_percent(" 33.3 ", "w") == Decimal("0.333")
    assert percent_text(Decimal("0.7")) == "70"
    assert percent_text(Decimal("0.125")) == "12.5"
    assert plain(Decimal("10.500")) == "10.5" and plain(Decimal("0")) == "0"
    with pytest.raises(UserError):
        weight_from_percent("33.33", "w")  # weights keep three decimals
    with pytest.raises(UserError):
        weight_from_percent("三十", "w")
