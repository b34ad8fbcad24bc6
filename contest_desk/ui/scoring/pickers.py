"""Choosing the contest and event an area shows, kept in step with the shared AppState.

The lists are read through the operations runner (off the window's thread); the picker
still reads as synchronous: once ``reload`` or a choice returns, the boxes are filled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from contest_desk.domain.change_kinds import CONTESTS, JUDGES, ROUNDS, RUBRICS
from contest_desk.domain.records.contests import ContestInfo, EventInfo
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.elided_combo import ElidedComboBox
from contest_desk.ui.live import follow_setup
from contest_desk.ui.state import AppState

_UNREAD = object()
T = TypeVar("T")


@dataclass(frozen=True)
class Named:
    """A contest as a judge's list names it: its id and name, no set-up."""

    id: int
    name: str


class EventSource(Protocol):
    """Where a picker's lists come from (the contests service, or a judge's own events:
    my_events.py). Asked off the window's thread."""

    def contests(self) -> Sequence[ContestInfo | Named]: ...

    def events(self, contest_id: int) -> Sequence[EventInfo]: ...


class EventPicker(QWidget):
    """Two combo boxes (contest, event) that follow and drive ``AppState``.

    Every area has its own picker, all bound to one state, so choosing an event
    in Scoring shows the same event in Standings. ``changed`` fires when the
    shown event changes or its setup may have changed: reload what depends on it.
    """

    changed = Signal()

    def __init__(
        self,
        services: Services,
        state: AppState,
        parent: QWidget | None = None,
        source: EventSource | None = None,
    ):
        super().__init__(parent)
        self.services = services
        self.state = state
        self.source: EventSource = source or services.contests
        self._contests: Sequence[ContestInfo | Named] = []
        self._events: Sequence[EventInfo] = []
        self._events_of: object = _UNREAD  # the contest whose events are in _events
        self._shown: int | None = None
        self._force = False
        self._filling = False

        # A long name ends in … where a crowded row (a large font) leaves too little room.
        self.contest_box = ElidedComboBox()
        self.event_box = ElidedComboBox()
        for box in (self.contest_box, self.event_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumWidth(160)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Contest")))
        layout.addWidget(self.contest_box)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Event")))
        layout.addWidget(self.event_box)

        self.contest_box.currentIndexChanged.connect(self._contest_picked)
        self.event_box.currentIndexChanged.connect(self._event_picked)
        state.contest_changed.connect(self._follow)
        state.event_changed.connect(self._follow)
        follow_setup(self, state, self.reload, CONTESTS, ROUNDS, JUDGES, RUBRICS)
        self.reload()

    def current_event(self) -> EventInfo | None:
        return next((e for e in self._events if e.id == self.state.event_id), None)

    def _read(self, work: Callable[[], Sequence[T]]) -> Sequence[T]:
        """A list from the source, read off the window's thread; empty when refused
        (the reason is shown, as any refusal is)."""
        answer = operations.run(self, work)  # work takes no argument: no Progress given
        return [] if answer is None else answer

    def reload(self) -> None:
        """Read the lists again (contests, events, rounds may have been edited)."""
        self._contests = self._read(lambda: self.source.contests())
        self._events_of = _UNREAD
        self._force = True
        self._sync()

    def _follow(self, _value: object = None) -> None:
        self._sync()

    def _sync(self) -> None:
        state = self.state
        ids = [c.id for c in self._contests]
        if state.contest_id is not None and state.contest_id not in ids:
            # Another area may have just created it: look once more before giving up on it.
            self._contests = self._read(lambda: self.source.contests())
            ids = [c.id for c in self._contests]
        if state.contest_id not in ids:
            wanted = ids[0] if ids else None
            if wanted != state.contest_id:
                state.choose_contest(wanted)
                return  # the state's signal has run _sync again
        event_ids = [e.id for e in self._events]
        if self._events_of != state.contest_id or (
            state.event_id is not None and state.event_id not in event_ids
        ):
            # As with contests: an event chosen elsewhere may be newer than our list.
            contest_id = state.contest_id
            events = (
                self._read(lambda: self.source.events(contest_id)) if contest_id is not None else []
            )
            if state.contest_id != contest_id:
                return  # chosen again while the list was read: that choice's _sync has run
            self._events, self._events_of = events, contest_id
            event_ids = [e.id for e in self._events]
        if state.event_id not in event_ids:
            wanted = event_ids[0] if event_ids else None
            if wanted != state.event_id:
                state.choose_event(wanted)
                return
        self._fill()
        if self._force or state.event_id != self._shown:
            self._force = False
            self._shown = state.event_id
            self.changed.emit()

    def _fill(self) -> None:
        self._filling = True
        try:
            for box, items, chosen in (
                (self.contest_box, self._contests, self.state.contest_id),
                (self.event_box, self._events, self.state.event_id),
            ):
                box.clear()
                for item in items:
                    box.addItem(item.name, item.id)
                box.setCurrentIndex(box.findData(chosen) if chosen is not None else -1)
        finally:
            self._filling = False

    def _contest_picked(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.state.choose_contest(self.contest_box.itemData(index))

    def _event_picked(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.state.choose_event(self.event_box.itemData(index))
