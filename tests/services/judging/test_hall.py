"""The hall's screen: names only after the lock, final results only when so chosen, the
organizer's choice kept and refused to others, and a number that moves on every change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contest_desk.domain.ladder import BoardRules, RatingKind
from contest_desk.domain.permissions import Actor, Role
from contest_desk.domain.records.hall import HallChoice, HallMode
from contest_desk.errors import PermissionDenied, UserError
from contest_desk.services.hub import Services
from tests.hall_scene import NAMES, HallScene, build_hall_scene, cheap_passwords

pytestmark = pytest.mark.usefixtures(cheap_passwords.__name__)


def choices(scene: HallScene) -> list:
    rows = scene.chief.audit.records(targets=(f"contest:{scene.contest_id}",))
    return [r for r in rows if r.action == "hall.choose"]


@pytest.fixture
def scene(services: Services) -> HallScene:
    return build_hall_scene(services)


def test_the_hall_sees_codes_before_the_lock_and_names_after(scene: HallScene) -> None:
    (panel,) = scene.hall.hall.view(scene.contest_id).panels
    assert (panel.event_id, panel.round_number, panel.final, panel.provisional) == (
        scene.event_id,
        1,
        False,
        True,
    )
    assert [r.name for r in panel.rows] == [r.code for r in panel.rows]
    assert all(r.code.startswith("A") for r in panel.rows)
    assert not {r.name for r in panel.rows} & NAMES
    # the best entry (marked 8 by everyone) leads, with its total
    assert (panel.rows[0].rank, panel.rows[0].total) == (1, Decimal("11.20"))

    scene.lock()
    (locked,) = scene.hall.hall.view(scene.contest_id).panels
    assert (locked.final, locked.provisional) == (True, False)
    assert {r.name for r in locked.rows} == NAMES
    assert [r.code for r in locked.rows] == [r.code for r in panel.rows]  # same codes, same order


def test_final_only_withholds_an_unlocked_round(scene: HallScene) -> None:
    scene.organizer.hall.choose(
        scene.contest_id, HallChoice(HallMode.FINAL_ONLY, ((scene.event_id, 1),))
    )
    view = scene.hall.hall.view(scene.contest_id)
    (panel,) = view.panels
    assert (view.mode, panel.withheld, panel.rows) == (HallMode.FINAL_ONLY, True, ())

    scene.lock()
    (panel,) = scene.hall.hall.view(scene.contest_id).panels
    assert (panel.withheld, panel.final, len(panel.rows)) == (False, True, 4)
    assert all(r.total is not None for r in panel.rows)


def test_the_default_is_every_round_provisional_and_a_choice_is_kept_and_audited(
    scene: HallScene,
) -> None:
    assert scene.organizer.hall.settings(scene.contest_id) == HallChoice(
        HallMode.PROVISIONAL, ((scene.event_id, 1),), ()
    )
    (option,) = scene.organizer.hall.options(scene.contest_id)
    assert (option.title, option.event_id, option.round_number, option.locked) == (
        "采油工 · 第1轮",
        scene.event_id,
        1,
        False,
    )
    chosen = HallChoice(HallMode.FINAL_ONLY, ((scene.event_id, 1), (scene.event_id, 1)))
    kept = scene.organizer.hall.choose(scene.contest_id, chosen)
    assert kept == HallChoice(HallMode.FINAL_ONLY, ((scene.event_id, 1),), ())
    assert scene.organizer.hall.settings(scene.contest_id) == kept
    (row,) = choices(scene)
    assert (row.actor, row.detail["mode"]) == ("org", "final_only")


@pytest.mark.parametrize("role", [Role.JUDGE, Role.VIEWER, Role.CHIEF_JUDGE])
def test_only_the_organizer_chooses(scene: HallScene, services: Services, role: Role) -> None:
    other = services.as_user(Actor("someone", frozenset({role})))
    with pytest.raises(PermissionDenied):
        other.hall.choose(scene.contest_id, HallChoice(HallMode.FINAL_ONLY))
    assert scene.organizer.hall.settings(scene.contest_id).mode is HallMode.PROVISIONAL


def test_a_round_or_board_of_another_contest_is_refused(scene: HallScene) -> None:
    other = scene.organizer.contests.create_contest("另一场比武")
    foreign = scene.organizer.contests.create_event(other.id, "电工")
    before = scene.organizer.hall.settings(scene.contest_id)
    for choice in (
        HallChoice(HallMode.PROVISIONAL, ((foreign.id, 1),)),
        HallChoice(HallMode.PROVISIONAL, ((scene.event_id, 2),)),
        HallChoice(HallMode.PROVISIONAL, (), (999,)),
    ):
        with pytest.raises(UserError, match="成绩大屏无法显示"):
            scene.organizer.hall.choose(scene.contest_id, choice)
    assert scene.organizer.hall.settings(scene.contest_id) == before
    assert choices(scene) == []


def test_changes_move_when_a_score_is_saved(services: Services) -> None:
    scene = build_hall_scene(services, submitted=False)
    before = scene.hall.hall.changes()
    assert scene.hall.hall.view(scene.contest_id).version == before
    scene.mark(0, 0, "9")
    after = scene.hall.hall.changes()
    assert after > before
    assert scene.hall.hall.view().version == after  # the newest contest when none is named


def test_a_board_shows_its_places_with_names(scene: HallScene, services: Services) -> None:
    event = services.contests.create_event(scene.contest_id, "采油工擂台")
    entries = [
        services.roster.add_entry(event.id, person_id=e.person_id).id for e in scene.small.entries
    ]
    rules = BoardRules(rating=RatingKind.GLICKO2)
    day = dt.date(2026, 12, 1)
    board = services.boards.create_board(event.id, "抽油机维修擂台", rules, starts_on=day)
    services.boards.join(board.id, entries)
    view = scene.hall.hall.view(scene.contest_id)
    (panel,) = [p for p in view.panels if p.board_id == board.id]
    assert (panel.title, panel.round_number, panel.final, panel.provisional) == (
        "抽油机维修擂台",
        None,
        True,
        False,
    )
    assert [(r.rank, r.name) for r in panel.rows] == [
        (n, e.label) for n, e in enumerate(scene.small.entries, start=1)
    ]
    # Ratings to a tenth, as the board's report prints them (Glicko-2 starts at 1500).
    assert [r.total for r in panel.rows] == [Decimal("1500.0")] * 4
