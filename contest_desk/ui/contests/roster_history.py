"""Undo and redo in the roster (Ctrl+Z, Ctrl+Y): the persons added and edited this session.

Every step is a roster service call, checked and audited like any other. An edit undone
saves the earlier values back, handing over the person as this desk last saved them, so a
change made meanwhile on another desk is refused, not overwritten. An add undone takes
the person off the roster, which the service refuses for anyone an entry, a team or
another record names by then: nothing is lost, the message says why, and the history
stays as it was. Another contest starts the history afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from contest_desk.domain.records.contests import PersonInfo
from contest_desk.i18n import _
from contest_desk.ui.undo import History, service_step

if TYPE_CHECKING:
    from contest_desk.ui.contests.roster_tab import RosterTab


def values(person: PersonInfo) -> tuple[str, str, str, str, str]:
    """What the roster's forms show of a person, in the service calls' order."""
    return (person.employee_no, person.name, person.unit, person.job_type, person.skill_level)


class Held:
    """One person as this history last saw them stored; shared by the person's steps
    (a redone add makes a new row, with a new id, that later steps must reach)."""

    def __init__(self, info: PersonInfo) -> None:
        self.info = info


class RosterHistory:
    """The roster tab's steps, each done back or again through the roster service."""

    def __init__(self, tab: RosterTab) -> None:
        self.tab = tab
        self.history = History(tab)
        self.held: dict[int, Held] = {}  # person id → the person as last seen
        self.history.clear_on(tab.state.contest_changed)

    def _hold(self, person: PersonInfo) -> Held:
        held = self.held.setdefault(person.id, Held(person))
        held.info = person
        return held

    def added(self, person: PersonInfo) -> None:
        """``person`` was just added."""
        held, roster = self._hold(person), self.tab.services.roster
        self.history.done(
            _("Add {name}", name=person.name),
            service_step(self.tab, lambda: roster.remove_person(held.info), self._shown),
            service_step(
                self.tab, lambda: roster.add_person(*values(held.info)), self._stored(held)
            ),
        )

    def edited(self, before: PersonInfo, after: PersonInfo) -> None:
        """The person stored as ``before`` was just saved as ``after``."""
        held, roster = self._hold(after), self.tab.services.roster
        self.history.done(
            _("Edit {name}", name=after.name),
            service_step(
                self.tab,
                lambda: roster.update_person(held.info, *values(before)),
                self._stored(held),
            ),
            service_step(
                self.tab,
                lambda: roster.update_person(held.info, *values(after)),
                self._stored(held),
            ),
        )

    def _stored(self, held: Held) -> Callable[[PersonInfo], None]:
        def stored(person: PersonInfo) -> None:
            held.info = person
            self.held[person.id] = held
            self._shown(person)

        return stored

    def _shown(self, _answer: object) -> None:
        self.tab.state.setup_changed.emit()  # the roster (and the other tabs) read again
