"""What the areas share: the chosen contest and event, and news of changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal


class AppState(QObject):
    """Areas listen here instead of polling: a saved score tells Standings to refresh."""

    contest_changed = Signal(object)  # contest id or None
    event_changed = Signal(object)  # event id or None
    # Here or on another desk (told by the window's watcher, ui/live.py):
    setup_changed = Signal()  # contests, events, rubrics, roster or judges were edited
    scores_changed = Signal(int)  # event id whose scores changed
    # Another desk's changes to score sheets, after its scores_changed: a frozenset of
    # (event id, round number, judge id), None for every round or judge (a lock).
    sheets_changed = Signal(object)
    # The database's change counter moved to this (a change from anywhere, this desk's
    # too), told by the window's watcher (ui/live.py) while ``live()``.
    database_moved = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.contest_id: int | None = None
        self.event_id: int | None = None
        self.live: Callable[[], bool] = lambda: False
        # True while the watcher announces another desk's changes: an area whose reload
        # holds the person's clicks back (operations.run) may do a lighter one instead.
        self.elsewhere = False
        # While it is: the kinds of set-up changed (domain/change_kinds.py), None for any.
        self.setup_kinds: frozenset[str] | None = None

    def concerns(self, kinds: Iterable[str]) -> bool:
        """Whether the set-up change announced may touch what shows ``kinds`` (none: any):
        always for this desk's own (it names no kinds)."""
        told = self.setup_kinds
        return told is None or not kinds or not told.isdisjoint(kinds)

    def choose_contest(self, contest_id: int | None) -> None:
        if contest_id != self.contest_id:
            self.contest_id = contest_id
            self.contest_changed.emit(contest_id)

    def choose_event(self, event_id: int | None) -> None:
        if event_id != self.event_id:
            self.event_id = event_id
            self.event_changed.emit(event_id)
