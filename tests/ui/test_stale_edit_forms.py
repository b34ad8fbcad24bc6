"""The contest and event forms on two desks: a save from the form as it was read, after
another desk saved, is refused naming the change; the form shows the stored values, and
重新应用我的修改 puts the typed ones back to save again."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from contest_desk.errors import StaleEdit, UserError
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from tests.ui import test_contests_area as shared

area = shared.area
services = shared.services
shown = shared.shown


def other_desk(services: Services) -> Services:
    """A second Services on the same file: its own engine and connections."""
    return Services.open(str(services.ctx.db.url).removeprefix("sqlite:///"))


def test_the_contest_form_refuses_a_stale_save_and_reapplies(
    qtbot, area: ContestsArea, services: Services, shown: list[UserError]
) -> None:
    contest_id = shared.create_contest(qtbot, area)
    panel = area.contest_panel
    panel.organizer_edit.setText("采油厂工会")  # typed here, not saved yet
    other = other_desk(services)
    try:
        read = other.contests.contest(contest_id)
        other.contests.update_contest(contest_id, "2026年青工技能月", None, None, "", read=read)
    finally:
        other.ctx.db.dispose()

    assert panel.save() is None
    assert len(shown) == 1 and isinstance(shown[0], StaleEdit)
    assert "竞赛名称：2026年采油工技能比武 → 2026年青工技能月" in shown[0].message()
    assert panel.name_edit.text() == "2026年青工技能月"  # what is stored now
    assert [c.name for c in area.navigator.contests.records()] == ["2026年青工技能月"]
    assert services.contests.contest(contest_id).organizer == ""
    assert not panel.stale.button.isHidden()

    panel.stale.button.click()  # the typed values back
    assert panel.organizer_edit.text() == "采油厂工会"
    panel.name_edit.setText("2026年青工技能月")  # keeping the other desk's name
    saved = panel.save()
    assert saved is not None and (saved.name, saved.organizer) == ("2026年青工技能月", "采油厂工会")
    assert panel.stale.button.isHidden() and len(shown) == 1


def test_the_event_form_refuses_a_stale_save(
    qtbot, area: ContestsArea, services: Services, shown: list[UserError]
) -> None:
    shared.create_contest(qtbot, area)
    event_id = shared.create_event(qtbot, area)
    editor = area.event_editor
    editor.judges_spin.setValue(7)
    other = other_desk(services)
    try:
        read = other.contests.event(event_id)
        more = replace(read.settings, places=3)
        other.contests.update_event(event_id, read.name, more, read=read)
    finally:
        other.ctx.db.dispose()

    assert editor.save() is None
    assert len(shown) == 1 and "保留小数位数：2 → 3" in shown[0].message()
    assert editor.places_spin.value() == 3 and editor.judges_spin.value() == 5
    assert services.contests.event(event_id).settings.judges_per_entry == 5

    editor.stale.button.click()
    assert editor.judges_spin.value() == 7
    editor.places_spin.setValue(3)
    saved = editor.save()
    assert saved is not None
    assert (saved.settings.judges_per_entry, saved.settings.places) == (7, 3)


def test_the_labor_indicators_refuse_a_stale_save_and_reapply(
    qtbot, services: Services, shown: list[UserError]
) -> None:
    from contest_desk.domain.contest import ContestKind
    from contest_desk.ui.labor.setup_dialog import LaborSetupDialog

    contest = services.contests.create_contest("节能降耗劳动竞赛", ContestKind.LABOR).id
    first = ["E1", "吨液耗电", "kWh/t", "lower", "linear", "40", "12", "10", "1", "0", "0", "0"]
    dialog = LaborSetupDialog(services, contest)
    qtbot.addWidget(dialog)
    dialog.indicators.set_rows([first])
    assert dialog.save_indicators()
    mine = [
        first,
        ["E2", "原油产量", "吨", "higher", "linear", "60", "800", "900", "1", "0", "0", "0"],
    ]
    dialog.indicators.set_rows(mine)  # typed here, not saved yet

    other = other_desk(services)
    try:
        read = other.labor.indicators(contest)
        other.labor.set_indicators(contest, [replace(read[0], points=Decimal(50))], read)
    finally:
        other.ctx.db.dispose()

    assert not dialog.save_indicators()
    assert len(shown) == 1 and isinstance(shown[0], StaleEdit) and "吨液耗电" in shown[0].message()
    assert [row[5] for row in dialog.indicators.rows()] == ["50"]  # what is stored now
    dialog.stale.button.click()
    assert [row[0] for row in dialog.indicators.rows()] == ["E1", "E2"]
    assert dialog.save_indicators()
    assert [i.code for i in services.labor.indicators(contest)] == ["E1", "E2"]
