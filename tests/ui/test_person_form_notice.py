"""The person's form grows to show the whole notice of a stale save (who changed what, and
the person's own values): seen on a screenshot, the wrapped notice was squeezed into the
height of the form as it had opened, its first and last lines cut off."""

from __future__ import annotations

import pytest

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui.contests.roster_tab import RosterTab
from tests.ui import test_contests_area
from tests.ui import test_stale_edit_roster as shared

area = shared.area
chinese = test_contests_area.chinese
roster = shared.roster
services = shared.services
shown = shared.shown


def test_the_stale_notice_is_shown_whole(
    qtbot,
    chinese,
    roster: RosterTab,
    services: Services,
    shown: list[UserError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = shared.open_form(roster, monkeypatch)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.job_type.setText("集输工")
    other = Services.open(str(services.ctx.db.url).removeprefix("sqlite:///"))
    try:
        person = other.roster.persons()[0]
        other.roster.update_person(person, "1001", "王建军", person.unit, "采油工", "高级工")
    finally:
        other.ctx.db.dispose()

    assert not dialog.save()
    notice = dialog.notice
    assert "您填写的是" in notice.text() and "集输工" in notice.text()
    assert notice.height() >= notice.heightForWidth(notice.width())
