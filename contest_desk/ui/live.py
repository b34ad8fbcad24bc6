"""Following the database while others change it: the window's one watcher, which turns
the change feed into the ``AppState`` signals the areas already answer, and ChangeWatch,
a change counter that the chief judge's desk and the hall's screen reload on.

The feed (``services.changes.listen``) runs on a thread of its own: on PostgreSQL the
server tells it of each commit (LISTEN/NOTIFY), on SQLite it asks a change counter twice
a second. It says only where the database stands (the audit head's sequence); the
watcher then asks ``services.changes.since`` off the window's thread what moved — which
events' scores and sheets, which kinds of set-up — and announces that, with
``state.elsewhere`` set: ``scores_changed`` for each such event, ``sheets_changed``,
``setup_changed`` once. What this desk did itself is left out (it announced it when it
did it); a burst of changes is asked about once the last answer is in. The areas take
another desk's news through ``follow_setup``/``follow_scores``: only what concerns them,
and only while shown; ``follow_moves`` follows every move of the database (the audit
trail, where each change is a row), from this desk too, only while shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from contest_desk.ui.jobs import LatestJob
from contest_desk.ui.state import AppState

log = logging.getLogger(__name__)

POLL_MS = 1000  # ChangeWatch without a live window watcher: how often it asks
RETRY_MS = 2000  # a "what changed" question that failed (the server away): asked again


class _Relay(QObject):
    """The feed thread's way into the window's: it has no parent and the feed's callback
    holds it, so an emit after the watcher is gone reaches nobody instead of a deleted
    object; Qt queues each emit to the window's thread."""

    heard = Signal(int)


class DeskWatch(QObject):
    """The main window's watcher of the database; see the module's docstring."""

    def __init__(self, changes: Any, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes = changes  # services.changes
        self.state = state
        self.relay = _Relay()
        self.relay.heard.connect(self._heard)
        self.feed: Any = None
        self.seen: int | None = None  # news up to here has been announced
        self.newest = 0  # the newest head the feed told
        self.job = LatestJob(self)
        self.announcing = False  # an area's reload may run a local event loop meanwhile
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self._ask)

    def start(self) -> None:
        if self.feed is None:
            relay = self.relay
            self.feed = self.changes.listen(lambda seq: relay.heard.emit(seq))
            self.state.live = self.feed.connected.is_set
            # A window deleted without being closed: its feed ends with it all the same.
            self.destroyed.connect(partial(self.feed.close, wait=0))

    def stop(self) -> None:
        """No more news (the window closes); the feed's thread ends by itself."""
        if self.feed is not None:
            self.feed.close(wait=0)
            self.feed = None
        self.state.live = _not_live
        self.retry.stop()
        self.job.cancel()

    def _heard(self, seq: int) -> None:
        self.state.database_moved.emit(seq)
        if self.seen is None:  # where the database stood when the feed started
            self.seen = self.newest = seq
            return
        self.newest = max(self.newest, seq)
        self._ask()

    def _ask(self) -> None:
        since = self.seen
        if self.feed is None or self.job.busy or self.announcing:
            return
        if since is None or self.newest <= since:
            return
        self.job.start(lambda: self.changes.since(since), self._told, self._failed)

    def _told(self, news: Any) -> None:
        self.seen = max(self.seen or 0, news.head)
        state = self.state
        events = set(news.score_events)
        if news.everything and state.event_id is not None:
            events.add(state.event_id)  # too much to tell apart: what is shown reloads
        self.announcing = state.elsewhere = True
        try:
            for event_id in sorted(events):
                state.scores_changed.emit(event_id)
            if news.sheets:
                state.sheets_changed.emit(news.sheets)
            if news.setup or news.everything:
                state.setup_kinds = None if news.everything else news.setup
                state.setup_changed.emit()
        finally:
            self.announcing = state.elsewhere = False
            state.setup_kinds = None
        self._ask()  # heard more while this was asked

    def _failed(self, error: Exception) -> None:
        log.info("could not read what changed (%s); asking again", error)
        self.retry.start()


def _not_live() -> bool:
    return False


class _Follower(QObject):
    """Calls ``slot`` when an AppState signal comes: at once for this desk's own news (as a
    plain connection would; not with ``own_at_once`` False, for a signal that does not
    tell the two apart); for another desk's, only when ``wanted`` says it concerns the
    widget, and only while the widget is shown — hidden, once it is shown again. A
    reload of every area built took 3 s on the demo database, for each person added at
    the registration desk."""

    def __init__(
        self,
        widget: QWidget,
        state: AppState,
        slot: Callable[..., object],
        wanted: Callable[..., bool],
        own_at_once: bool = True,
    ) -> None:
        super().__init__(widget)
        self.widget, self.state, self.slot, self.wanted = widget, state, slot, wanted
        self.own_at_once = own_at_once
        self.waiting: tuple[Any, ...] | None = None
        widget.installEventFilter(self)

    def told(self, *args: Any) -> None:
        if self.own_at_once and not self.state.elsewhere:
            self.slot(*args)
        elif not self.wanted(*args):
            return
        elif self.widget.isVisible():
            self.slot(*args)
        else:
            self.waiting = args

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.waiting is not None and event.type() == QEvent.Type.Show:
            args, self.waiting = self.waiting, None
            QTimer.singleShot(0, self, lambda: self.slot(*args))  # not inside the show itself
        return False


def follow_setup(
    widget: QWidget, state: AppState, reload: Callable[[], object], *kinds: str
) -> None:
    """``reload`` on ``setup_changed``, as ``widget`` shows set-up of ``kinds`` (names of
    domain/change_kinds.py; none: any); see _Follower."""
    follower = _Follower(widget, state, reload, lambda: state.concerns(kinds))
    state.setup_changed.connect(follower.told)


def follow_scores(widget: QWidget, state: AppState, reload: Callable[[int], object]) -> None:
    """``reload(event_id)`` on ``scores_changed``; another desk's only for the event chosen
    (``state.event_id``); see _Follower."""
    follower = _Follower(widget, state, reload, lambda event_id: event_id == state.event_id)
    state.scores_changed.connect(follower.told)


def follow_moves(
    widget: QWidget, state: AppState, reload: Callable[[int], object]
) -> Callable[[int], None]:
    """``reload(seq)`` on ``database_moved`` (a change here or on another desk; ``seq`` is
    the audit head) while ``widget`` is shown; hidden, once with the newest when it is
    shown again (see _Follower). Gives the way to tell it a move again (a reload that
    must run once more after the one running), which keeps to the same rule."""
    follower = _Follower(widget, state, reload, _any_move, own_at_once=False)
    state.database_moved.connect(follower.told)
    return follower.told


def _any_move(_seq: int) -> bool:
    return True


class ChangeWatch(QObject):
    """Follows a change counter that only grows (the audit head, ``hall.changes``) while
    started; ``moved`` when it passed the last value seen (the first answer is the start).
    With ``state`` whose window watcher is live it is told each move as it happens;
    otherwise (a window of its own, the watcher's server away) it asks ``counter`` every
    second on the thread pool. A reading of the data that read the counter first tells
    ``saw``, so an answer that comes late says nothing new."""

    moved = Signal()

    def __init__(
        self,
        counter: Callable[[], int],
        parent: QObject | None = None,
        state: AppState | None = None,
    ) -> None:
        super().__init__(parent)
        self.counter = counter
        self.state = state
        self.seen: int | None = None
        self.job = LatestJob(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        if state is not None:
            state.database_moved.connect(self._told)

    def start(self) -> None:
        """Asks at once: what moved while it was stopped is found by this first answer."""
        self.timer.start()
        self._ask()

    def stop(self) -> None:
        self.timer.stop()
        self.job.cancel()

    def poll(self) -> None:
        if self.state is not None and self.state.live() and self.seen is not None:
            return  # the window's watcher tells each move
        self._ask()

    def _ask(self) -> None:
        if not self.job.busy:  # a slow database: one question at a time
            self.job.start(self.counter, self._answered, self._failed)

    def saw(self, value: int) -> None:
        """The data shown is as new as ``value``."""
        self.seen = value if self.seen is None else max(self.seen, value)

    def _told(self, value: int) -> None:
        if self.timer.isActive():  # started: shown
            self._answered(value)

    def _answered(self, value: int) -> None:
        previous = self.seen
        self.saw(value)
        if previous is not None and value > previous:
            self.moved.emit()

    def _failed(self, _error: Exception) -> None:
        """The database did not answer this time (a network blip): the next tick asks again."""
