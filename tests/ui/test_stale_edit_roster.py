"""The person's form on two desks: the second save, from the stale form, is refused with
who changed what; the form shows the stored values and keeps the typed ones to put back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from contest_desk.domain.permissions import Role
from contest_desk.errors import StaleEdit, UserError
from contest_desk.services.hub import Services
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.contests.person_dialog import EditPersonDialog
from contest_desk.ui.contests.roster_tab import RosterTab
from tests.ui import test_contests_area as shared

area = shared.area
services = shared.services
shown = shared.shown


@pytest.fixture
def roster(area: ContestsArea, services: Services) -> RosterTab:
    services.roster.add_person("1001", "王建国", "采油一区/作业一班", "采油工", "高级工")
    area.tabs.setCurrentWidget(area.roster_tab)
    area.roster_tab.reload()
    return area.roster_tab


def open_form(roster: RosterTab, monkeypatch: pytest.MonkeyPatch) -> EditPersonDialog:
    """The form of the first person, left open (its exec answered at once)."""
    monkeypatch.setattr(EditPersonDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    dialog = roster.edit_person_dialog(0)
    assert isinstance(dialog, EditPersonDialog)
    return dialog


def test_a_stale_save_shows_who_changed_what_and_keeps_the_typed_values(
    roster: RosterTab,
    services: Services,
    shown: list[UserError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_form(roster, monkeypatch)
    assert dialog.name.text() == "王建国"
    dialog.unit.setCurrentText("采油二区/集输班")  # typed, not saved yet

    # Meanwhile 张三 renames the person on another desk (its own connection).
    services.users.add_user("zhangsan", "张三", "zhangsan-pass", [Role.ORGANIZER])
    other = Services.open(str(services.ctx.db.url).removeprefix("sqlite:///"))
    try:
        desk = other.as_user(other.users.authenticate("zhangsan", "zhangsan-pass"))
        person = desk.roster.persons()[0]
        desk.roster.update_person(person, "1001", "王建军", person.unit, "采油工", "高级工")
    finally:
        other.ctx.db.dispose()

    assert not dialog.save()
    assert len(shown) == 1 and isinstance(shown[0], StaleEdit)
    message = shown[0].message()
    assert message.startswith("此人员已被 张三 于 ") and "姓名：王建国 → 王建军" in message
    # The form shows what is stored now; the person's own values are listed, and kept.
    assert (dialog.name.text(), dialog.unit.currentText()) == ("王建军", "采油一区/作业一班")
    assert not dialog.notice.isHidden() and "采油二区/集输班" in dialog.notice.text()
    assert dialog.mine is not None and dialog.mine[2] == "采油二区/集输班"
    assert services.roster.persons()[0].unit == "采油一区/作业一班"  # nothing overwritten

    dialog.reapply()  # the typed values back over the fresh ones
    dialog.name.setText("王建军")  # keeping 张三's rename, as the message asked
    assert dialog.save()
    stored = services.roster.persons()[0]
    assert (stored.name, stored.unit) == ("王建军", "采油二区/集输班")
    assert len(shown) == 1


def test_a_save_without_a_conflict_closes_the_form(
    roster: RosterTab, services: Services, shown: list[UserError], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_form(roster, monkeypatch)
    dialog.skill_level.setText("技师")
    assert dialog.save()
    assert dialog.saved is not None and dialog.saved.skill_level == "技师"
    assert services.roster.persons()[0].skill_level == "技师"
    assert shown == []
