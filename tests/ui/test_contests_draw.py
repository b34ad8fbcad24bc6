"""The Draw tab: a draw with a seed the organizer types, shown with codes and stations."""

from __future__ import annotations

from PySide6.QtCore import Qt

from contest_desk.domain.draw import draw as drawn_from
from contest_desk.domain.permissions import Actor, Role
from tests.ui import test_contests_area as shared

area = shared.area
services = shared.services
shown = shared.shown


def test_a_draw_from_the_tab(qtbot, area, services, shown) -> None:
    contest = services.contests.create_contest("2026年技能比武")
    event = services.contests.create_event(contest.id, "采油工")
    people = [services.roster.add_person(f"9{n}", f"职工{n}", "采油一区/一班") for n in range(4)]
    for person in people:
        services.roster.add_entry(event.id, person_id=person.id)
    area.state.choose_contest(contest.id)
    area.state.choose_event(event.id)
    tab = area.draw_tab
    area.tabs.setCurrentWidget(tab)
    assert tab.drawn.rowCount() == 0 and tab.draw_button.isEnabled()
    tab.seed_edit.setText("2026-05-12")
    tab.stations_edit.setText("1号，2号")
    qtbot.mouseClick(tab.draw_button, Qt.MouseButton.LeftButton)
    assert shown == []
    entries = [e.id for e in services.roster.entries(event.id)]
    expected = drawn_from(entries, "2026-05-12", "A", 3, ["1号", "2号"])
    assert [tab.drawn.index(r, 1).data() for r in range(4)] == [d.code for d in expected]
    assert [tab.drawn.index(r, 2).data() for r in range(4)] == ["1号", "2号", "1号", "2号"]
    assert not tab.draw_button.isEnabled()
    # The same person cannot do the second coding; the refusal is shown.
    qtbot.mouseClick(tab.recode_button, Qt.MouseButton.LeftButton)
    assert [e.msgid for e in shown] == [
        "The second coding must be done by someone other than the first"
    ]
    second = services.as_user(Actor("org2", frozenset({Role.ORGANIZER})))
    second.draws.recode(event.id, 1, "second", "B")
    tab.show_draw()
    assert " → B" in tab.drawn.index(0, 1).data()
