"""The audit area follows the database: a change saved on another desk (a Database object
of its own, on SQLite and on PostgreSQL) shows as a new row with no click, read off the
window's thread with no progress dialog, the row chosen and the scroll kept; hidden, the
area reads once it is shown again; filters that cannot be read make no quiet read."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations
from contest_desk.ui.audit.area import AuditArea
from contest_desk.ui.main_window import MainWindow
from tests.ui import test_live_refresh as two_desks
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = two_desks.services  # on SQLite and on PostgreSQL
other_desk = two_desks.other_desk  # a judge on a Database object of its own
small = shared.small
WAIT = two_desks.WAIT


class Reads:
    """Counts the area's reads of the trail (``audit.records``) and the threads they ran
    on; ``gate`` cleared holds each read until it is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, area: AuditArea) -> None:
        self.threads: list[int] = []
        self.gate = threading.Event()
        self.gate.set()
        audit = area.services.audit
        records: Callable[..., Any] = audit.records

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.get_ident())
            self.gate.wait(20)
            return records(*args, **kwargs)

        monkeypatch.setattr(audit, "records", counted)

    @property
    def count(self) -> int:
        return len(self.threads)


@dataclass
class Scene:
    """An administrator's window showing the audit area, its reads counted from now on;
    a judge's desk of its own beside it."""

    window: MainWindow
    area: AuditArea
    reads: Reads
    other: Services
    small: SmallEvent

    def save_mark(self, entry: int, value: str) -> int:
        """A mark saved on the other desk: the audit head after it (its row's seq)."""
        small = self.small
        self.other.scoring.record_score(
            small.event_id, 1, small.judges[1], small.entries[entry].id, "P1", value
        )
        return int(self.other.changes.head())


@pytest.fixture
def scene(qtbot, services: Services, small: SmallEvent, other_desk: Services, monkeypatch) -> Scene:
    window = MainWindow(services.as_user(Actor("admin", frozenset({Role.ADMIN}))))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.state.live, timeout=WAIT)  # the feed is connected
    window.show_area("audit")  # built now: its first read is a Show's
    area = window.areas["audit"]
    assert isinstance(area, AuditArea) and area.isVisible()
    # The watcher's first news (where the database stands) told, any read it made done:
    # from here on each read is one a test caused.
    qtbot.waitUntil(lambda: window.watch.seen is not None and not area.quiet.busy, timeout=WAIT)
    return Scene(window, area, Reads(monkeypatch, area), other_desk, small)


def seqs(area: AuditArea) -> list[int]:
    return [row.seq for row in area.model.rows]


def chosen(area: AuditArea) -> list[int]:
    return [area.model.rows[i.row()].seq for i in area.view.selectionModel().selectedRows()]


def told_up_to(qtbot, window: MainWindow, seq: int) -> None:
    """Waits until the window's watcher has told the move to ``seq``."""
    moved: list[int] = []
    window.state.database_moved.connect(moved.append)
    try:
        qtbot.waitUntil(lambda: bool(moved) and moved[-1] >= seq, timeout=WAIT)
    finally:
        window.state.database_moved.disconnect(moved.append)


def no_operations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each ``operations.run`` (the way to a modal progress dialog) from now on."""
    runs: list[str] = []
    real = operations.run

    def recorded(*args: Any, **kwargs: Any) -> Any:
        runs.append(str(kwargs.get("label", "")))
        return real(*args, **kwargs)

    monkeypatch.setattr(operations, "run", recorded)
    return runs


def test_a_mark_saved_on_another_desk_shows_as_a_row_the_chosen_one_and_scroll_kept(
    qtbot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    area, view = scene.area, scene.area.view
    before = seqs(area)
    assert len(before) > 4
    view.selectionModel().select(
        area.model.index(2, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    picked = chosen(area)
    view.setFixedHeight(view.horizontalHeader().height() + 3 * view.rowHeight(0))
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 1, timeout=WAIT)
    view.verticalScrollBar().setValue(1)
    runs = no_operations(monkeypatch)

    seq = scene.save_mark(0, "7")
    qtbot.waitUntil(lambda: seqs(area)[:1] == [seq], timeout=WAIT)
    assert seqs(area) == [seq, *before]  # the new row on top, with the filters of the Show
    assert area.model.rows[0].action == "score.record"
    assert chosen(area) == picked  # the same row, now one lower
    assert view.verticalScrollBar().value() == 1
    assert runs == []  # no operations.run: no progress dialog, no clicks held back
    threads = scene.reads.threads
    assert threads and threading.get_ident() not in threads  # off the window's thread


def test_a_hidden_audit_area_reads_once_when_shown_again(
    qtbot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    area, reads, window = scene.area, scene.reads, scene.window
    window.show_area("accounts")
    assert not area.isVisible()
    scene.save_mark(0, "7")
    seq = scene.save_mark(1, "8")
    told_up_to(qtbot, window, seq)
    assert reads.count == 0  # nothing read behind the person's back

    runs = no_operations(monkeypatch)
    window.show_area("audit")
    qtbot.waitUntil(lambda: seqs(area)[:1] == [seq], timeout=WAIT)
    qtbot.waitUntil(lambda: not area.quiet.busy, timeout=WAIT)
    assert reads.count == 1  # once for both marks
    assert runs == []


def test_moves_told_while_a_read_runs_are_read_once_more_after_it(qtbot, scene: Scene) -> None:
    area, reads = scene.area, scene.reads
    reads.gate.clear()  # the first quiet read waits
    first = scene.save_mark(0, "7")
    qtbot.waitUntil(lambda: reads.count == 1, timeout=WAIT)
    scene.save_mark(1, "8")
    last = scene.save_mark(2, "9")
    told_up_to(qtbot, scene.window, last)
    assert reads.count == 1  # one read at a time
    reads.gate.set()
    qtbot.waitUntil(lambda: seqs(area)[:1] == [last], timeout=WAIT)
    qtbot.waitUntil(lambda: not area.quiet.busy, timeout=WAIT)
    assert reads.count == 2  # the burst: once more, after the first answer
    assert first in seqs(area)


def test_dates_that_cannot_be_read_make_no_quiet_read_and_no_message(
    qtbot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    area, reads = scene.area, scene.reads
    shown: list[UserError] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _parent, error: shown.append(error))
    area.time_check.setChecked(True)
    area.since.line.setText("2026-13-45")
    before = seqs(area)
    seq = scene.save_mark(0, "7")
    told_up_to(qtbot, scene.window, seq)
    assert (reads.count, shown, seqs(area)) == (0, [], before)

    area.refresh_button.click()  # Show says what is wrong, as before
    assert len(shown) == 1 and "2026-13-45" in shown[0].message()
    assert reads.count == 0
