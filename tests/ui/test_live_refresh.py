"""Two desks on one database: a mark saved on the other desk (a Database object of its own,
on SQLite and on PostgreSQL) shows in this window's standings with no click, the row
chosen stays chosen; set-up changed elsewhere reloads the contest list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, QThreadPool
from PySide6.QtWidgets import QWidget

from contest_desk.domain.change_kinds import BOARDS, ROSTER
from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.storage.db import open_database
from contest_desk.ui.live import ChangeWatch, DeskWatch, follow_setup
from contest_desk.ui.main_window import MainWindow
from contest_desk.ui.standings.area import StandingsArea
from contest_desk.ui.state import AppState
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent
from tests.ui.test_standings_area import enter_marks, shown

language = shared.language
small = shared.small  # built on this module's services: SQLite and PostgreSQL
WAIT = 5000


@pytest.fixture
def services(database_url: str) -> Iterator[Services]:
    services = Services.open(database_url)
    yield services
    QThreadPool.globalInstance().waitForDone()
    services.ctx.db.dispose()


@pytest.fixture
def other_desk(services: Services) -> Iterator[Services]:
    """Another desk: its own Database object (engine, connections), a judge logged in."""
    db = open_database(services.ctx.db.url)
    yield Services.build(db, Actor("judge2", frozenset({Role.JUDGE})))
    db.dispose()


@pytest.fixture
def window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(services.as_user(Actor("org", frozenset({Role.ORGANIZER}))))
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitUntil(window.state.live, timeout=WAIT)  # the feed is connected
    return window


def open_standings(qtbot, window: MainWindow) -> StandingsArea:
    area = window.areas["standings"]
    assert isinstance(area, StandingsArea)
    with qtbot.waitSignal(area.table_shown, timeout=20000):
        window.show_area("standings")
    return area


def test_a_mark_saved_on_another_desk_shows_in_the_standings_without_a_click(
    qtbot, services: Services, small: SmallEvent, other_desk: Services, window: MainWindow
) -> None:
    enter_marks(services, small)
    area = open_standings(qtbot, window)
    assert shown(area)["total"][3] == "6.30"
    view = area.view
    view.selectionModel().select(
        area.model.index(3, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setFixedHeight(view.horizontalHeader().height() + 2 * view.rowHeight(0))
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0, timeout=WAIT)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    scrolled = view.verticalScrollBar().value()
    # 刘晓燕's second P1 mark, from the other desk: the mean of 9 and 10 → total 6.65.
    other_desk.scoring.record_score(
        small.event_id, 1, small.judges[1], small.entries[3].id, "P1", "10"
    )
    qtbot.waitUntil(lambda: shown(area)["total"][3] == "6.65", timeout=WAIT)
    chosen = {index.row() for index in view.selectionModel().selectedRows()}
    assert chosen == {3}  # still 刘晓燕's row
    assert view.verticalScrollBar().value() == scrolled > 0  # where it was scrolled to


def test_a_contest_made_on_another_desk_appears_in_the_contest_list(
    qtbot, services: Services, small: SmallEvent, window: MainWindow
) -> None:
    contests = window.areas["contests"]
    listed = contests.navigator.contests  # type: ignore[attr-defined]
    assert listed.rowCount() == 1
    db = open_database(services.ctx.db.url)
    try:
        Services.build(db).contests.create_contest("2027年采油厂职工技能比武")
    finally:
        db.dispose()
    qtbot.waitUntil(lambda: listed.rowCount() == 2, timeout=WAIT)
    assert window.state.contest_id == small.contest_id  # the chosen contest stays chosen


def test_this_desks_own_change_is_not_announced_twice(
    qtbot, services: Services, small: SmallEvent, other_desk: Services, window: MainWindow
) -> None:
    told: list[int] = []
    window.state.scores_changed.connect(told.append)
    moved: list[int] = []
    window.state.database_moved.connect(moved.append)
    own = window.services  # the window's own services (its Database, its user)
    own.contests.create_contest("2027年采油厂职工技能比武")  # announced by its area, not here
    head = own.changes.head()
    qtbot.waitUntil(lambda: bool(moved) and moved[-1] >= head, timeout=WAIT)
    other_desk.scoring.record_score(
        small.event_id, 1, small.judges[1], small.entries[0].id, "P1", "7"
    )
    qtbot.waitUntil(lambda: told == [small.event_id], timeout=WAIT)
    qtbot.wait(300)
    assert told == [small.event_id]  # once, for the other desk's mark only


def test_a_chief_watch_is_told_by_the_window_watcher_and_asks_nothing_itself(
    qtbot, services: Services, small: SmallEvent, other_desk: Services
) -> None:
    state = AppState()
    desk = DeskWatch(services.changes, state)
    asked: list[int] = []

    def counter() -> int:
        asked.append(1)
        return services.changes.head()

    watch = ChangeWatch(counter, None, state)
    moved: list[bool] = []
    watch.moved.connect(lambda: moved.append(True))
    desk.start()
    try:
        qtbot.waitUntil(state.live, timeout=WAIT)
        watch.start()
        qtbot.waitUntil(lambda: watch.seen is not None, timeout=WAIT)
        asked.clear()
        other_desk.scoring.record_score(
            small.event_id, 1, small.judges[1], small.entries[0].id, "P1", "7"
        )
        qtbot.waitUntil(lambda: moved == [True], timeout=WAIT)
        watch.poll()  # a tick of its timer: the window's watcher is live
        assert asked == []
    finally:
        watch.stop()
        desk.stop()


def test_a_mark_keyed_for_this_judge_elsewhere_shows_in_the_sheet_the_cell_kept(
    qtbot, services: Services, small: SmallEvent
) -> None:
    """The chief judge keys a mark into this judge's sheet on another desk: the sheet shows
    it, and the judge's chosen cell stays where it was."""
    judge = MainWindow(services.as_user(Actor("judge1", frozenset({Role.JUDGE}))))
    qtbot.addWidget(judge)
    area = judge.areas["scoring"]
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):  # type: ignore[attr-defined]
        judge.show()
    qtbot.waitUntil(judge.state.live, timeout=WAIT)
    model, grid = area.model, area.grid  # type: ignore[attr-defined]
    grid.setCurrentIndex(model.index(3, model.column_of("P2")))
    db = open_database(services.ctx.db.url)
    try:
        chief = Services.build(db, Actor("chief", frozenset({Role.CHIEF_JUDGE})))
        entry = small.entries[1].id
        chief.scoring.record_score(small.event_id, 1, small.judges[0], entry, "P1", "8")
    finally:
        db.dispose()
    cell = model.index(1, model.column_of("P1"))
    qtbot.waitUntil(lambda: model.data(cell) == "8", timeout=WAIT)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (
        3,
        model.column_of("P2"),
    )


def test_a_person_added_on_another_desk_appears_in_the_roster_the_chosen_one_kept(
    qtbot, services: Services, small: SmallEvent, window: MainWindow
) -> None:
    contests = window.areas["contests"]
    roster = contests.roster_tab  # type: ignore[attr-defined]
    contests.tabs.setCurrentWidget(roster)  # type: ignore[attr-defined]
    persons, view = roster.persons, roster.person_view
    assert persons.rowCount() == 4
    view.selectRow(2)
    chosen = persons.record(2).id
    db = open_database(services.ctx.db.url)
    try:
        clerk = Services.build(db, Actor("clerk", frozenset({Role.ORGANIZER})))
        clerk.roster.add_person("E000", "艾青", "采油1区/采油一班", "采油工")  # sorts first
    finally:
        db.dispose()
    qtbot.waitUntil(lambda: persons.rowCount() == 5, timeout=WAIT)
    rows = view.selectionModel().selectedRows()
    assert [persons.record(index.row()).id for index in rows] == [chosen]


def test_another_desks_set_up_reloads_what_shows_it_and_hidden_parts_when_shown(qtbot) -> None:
    """Told by the watcher (``elsewhere``), a part reloads only for the kinds it shows, and
    a hidden one once shown again; this desk's own announcement reloads all at once."""
    state = AppState()
    shown, hidden = QWidget(), QWidget()
    for widget in (shown, hidden):
        qtbot.addWidget(widget)
    shown.show()
    reloads: dict[str, int] = {"shown": 0, "hidden": 0}
    follow_setup(shown, state, lambda: reloads.__setitem__("shown", reloads["shown"] + 1), ROSTER)
    follow_setup(
        hidden, state, lambda: reloads.__setitem__("hidden", reloads["hidden"] + 1), ROSTER
    )

    def elsewhere(kinds: frozenset[str] | None) -> None:
        state.elsewhere, state.setup_kinds = True, kinds
        state.setup_changed.emit()
        state.elsewhere, state.setup_kinds = False, None

    elsewhere(frozenset({BOARDS}))  # a bout on a board: not the roster's business
    assert reloads == {"shown": 0, "hidden": 0}
    elsewhere(frozenset({ROSTER, BOARDS}))
    assert reloads == {"shown": 1, "hidden": 0}
    hidden.show()
    qtbot.waitUntil(lambda: reloads["hidden"] == 1, timeout=WAIT)
    state.setup_changed.emit()  # this desk's own change
    assert reloads == {"shown": 2, "hidden": 2}
