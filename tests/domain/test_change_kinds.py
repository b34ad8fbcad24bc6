"""Every audited action is told to other desks as what it changed, and only to who may see it."""

from __future__ import annotations

from contest_desk.domain.audit_words import ACTIONS
from contest_desk.domain.change_kinds import (
    ACCOUNTS,
    CONTESTS,
    DATABASE,
    DRAWS,
    INNOVATION,
    ROSTER,
    kind_of,
    may_hear,
    may_hear_all_scores,
)
from contest_desk.domain.permissions import Actor, Role


def test_every_known_action_has_a_kind_and_only_a_restore_changes_everything() -> None:
    everything = [a for a in ACTIONS if kind_of(a) == (False, DATABASE)]
    assert everything == ["restore"]


def test_what_some_actions_change() -> None:
    assert kind_of("score.record") == (True, None)
    assert kind_of("round.lock") == (True, None)
    assert kind_of("draw.decode") == (True, DRAWS)  # names appear in the standings
    assert kind_of("entry.add") == (True, ROSTER)
    assert kind_of("contest.create") == (False, CONTESTS)
    assert kind_of("recommend.outcome") == (False, INNOVATION)
    assert kind_of("user.roles") == (False, ACCOUNTS)
    assert kind_of("hub.login") == (False, None)  # nothing another desk shows
    assert kind_of("sheet.export") == (False, None)


def test_an_action_of_a_newer_version_reloads_everything() -> None:
    assert kind_of("contest.archive") == (False, CONTESTS)
    assert kind_of("gadget.frobnicate") == (False, DATABASE)


def test_who_hears_what() -> None:
    judge = Actor("j1", frozenset({Role.JUDGE}))
    viewer = Actor("v", frozenset({Role.VIEWER}))
    nobody = Actor("hall", frozenset())
    assert may_hear(judge, CONTESTS) and not may_hear(judge, ROSTER)
    assert not may_hear(judge, INNOVATION) and may_hear(viewer, INNOVATION)
    assert not may_hear(viewer, ACCOUNTS)
    assert may_hear(nobody, DATABASE) and not may_hear(nobody, CONTESTS)
    assert not may_hear_all_scores(judge) and may_hear_all_scores(viewer)
    assert may_hear_all_scores(Actor("c", frozenset({Role.CHIEF_JUDGE})))
