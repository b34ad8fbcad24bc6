"""A change on one desk seen on another: the delay from a judge's mark committed on desk A
to desk B's window being told (``AppState.scores_changed`` from its watcher, ui/live.py:
the feed, then ``changes.since`` on the thread pool, then the signal on B's thread), on
SQLite and on PostgreSQL, against a baseline in the same run: a bare INSERT + COMMIT seen
by a bare poll on another connection, as often as the SQLite feed asks (SQLite: ``PRAGMA
data_version``; PostgreSQL: the row count). On PostgreSQL the floor is shown too: the
INSERT with a NOTIFY, heard by a bare LISTEN.

``python -m tests.benchmarks.bench_live_refresh``; CONTEST_DESK_BENCH_CHANGES sets the
number of changes per figure (200); PostgreSQL is measured when CONTEST_DESK_TEST_PG
names a server (``bash tests/pg_server.sh`` starts one).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.storage import change_feed
from contest_desk.storage.db import open_database
from contest_desk.ui.live import DeskWatch
from contest_desk.ui.state import AppState
from tests.builders import build_small_event
from tests.databases import PG_ENV, PostgresDatabases

CHANGES_ENV = "CONTEST_DESK_BENCH_CHANGES"
WAIT = 10.0  # a change not seen within this is a failure of the benchmark
# Seconds between a change seen and the next one: random over a poll's length, so that
# changes fall anywhere in the poll's cycle (each waits for the last one to be seen).
GAP = (0.01, 0.01 + change_feed.POLL_SECONDS)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Seen(threading.Event):
    """Set with the moment it was set."""

    at = 0.0

    def set(self) -> None:
        self.at = time.perf_counter()
        super().set()


def _changes(count: int, change: Callable[[int], None], seen: Seen) -> list[float]:
    """Makes ``count`` changes one after another, each once the last was seen; returns
    the delays from each commit to ``seen`` being set (by whoever watches)."""
    delays = []

    for n in range(count):
        time.sleep(random.uniform(*GAP))
        seen.clear()
        change(n)
        committed = time.perf_counter()
        if not seen.wait(WAIT):
            raise RuntimeError(f"change {n} not seen within {WAIT} s")
        delays.append(seen.at - committed)
    return delays


def desk_delays(url: str, count: int) -> list[float]:
    """Desk A's judge saves marks through the service; desk B (a Database object of its
    own) has a window watcher, whose ``scores_changed`` ends each delay."""
    if QCoreApplication.instance() is None:
        QCoreApplication([])
    desk_a = Services.open(url)
    small = build_small_event(desk_a)
    judge = small.judges[0]
    judge_a = desk_a.as_user(Actor(judge.username, frozenset({Role.JUDGE})))
    db_b = open_database(url)
    desk_b = Services.build(db_b, Actor("org", frozenset({Role.ORGANIZER})))
    state = AppState()
    watch = DeskWatch(desk_b.changes, state)
    seen = Seen()
    state.scores_changed.connect(lambda _event: seen.set())
    watch.start()
    loop = QEventLoop()

    def mark(n: int) -> None:
        entry = small.entries[n % len(small.entries)]
        value = str(5 + (n // len(small.entries)) % 2)  # each save changes the value
        judge_a.scoring.record_score(small.event.id, 1, judge.id, entry.id, "P1", value)

    result: list[float] = []
    failure: list[BaseException] = []

    def write() -> None:
        try:
            deadline = time.monotonic() + WAIT
            while watch.seen is None and time.monotonic() < deadline:
                time.sleep(0.02)  # the feed has said where the database stands
            result.extend(_changes(count, mark, seen))
        except BaseException as error:  # shown by the main thread
            failure.append(error)

    writer = threading.Thread(target=write)
    ticker = QTimer()
    ticker.timeout.connect(lambda: None if writer.is_alive() else loop.quit())
    ticker.start(50)
    writer.start()
    loop.exec()
    ticker.stop()
    watch.stop()
    writer.join()
    db_b.dispose()
    desk_a.ctx.db.dispose()
    if failure:
        raise failure[0]
    return result


def bare_sqlite_delays(path: Path, count: int) -> list[float]:
    """INSERT + COMMIT on one connection; a thread asks PRAGMA data_version on another as
    often as the feed does, and reads the new row when it moved."""
    writer = sqlite3.connect(path, check_same_thread=False)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE IF NOT EXISTS bench_scratch (n INTEGER)")
    writer.commit()
    seen, stop = Seen(), threading.Event()

    def poll() -> None:
        reader = sqlite3.connect(path)
        version = reader.execute("PRAGMA data_version").fetchone()[0]
        while not stop.is_set():
            now = reader.execute("PRAGMA data_version").fetchone()[0]
            if now != version:
                version = now
                reader.execute("SELECT max(n) FROM bench_scratch").fetchone()
                seen.set()
            stop.wait(change_feed.POLL_SECONDS)
        reader.close()

    def insert(n: int) -> None:
        writer.execute("INSERT INTO bench_scratch VALUES (?)", (n,))
        writer.commit()

    return _with_watcher(poll, stop, lambda: _changes(count, insert, seen), writer.close)


def bare_postgres_delays(url: str, count: int, listen: bool) -> list[float]:
    """INSERT + COMMIT on one connection; on another, a bare poll (``listen`` False: the
    row count asked as often as the SQLite feed asks) or a bare LISTEN, the INSERT then
    sending a NOTIFY (the floor: nothing but the server's own news)."""
    import psycopg  # only with a server

    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    writer = psycopg.connect(conninfo)
    writer.execute("CREATE TABLE IF NOT EXISTS bench_scratch (n INTEGER)")
    writer.commit()
    seen, stop, ready = Seen(), threading.Event(), threading.Event()

    def watch() -> None:
        with psycopg.connect(conninfo, autocommit=True) as reader:
            if listen:
                reader.execute("LISTEN bench_scratch")
                ready.set()
                while not stop.is_set():
                    for _note in reader.notifies(timeout=change_feed.WAIT_SECONDS):
                        seen.set()
                return
            last = reader.execute("SELECT count(*) FROM bench_scratch").fetchone()
            ready.set()
            while not stop.is_set():
                now = reader.execute("SELECT count(*) FROM bench_scratch").fetchone()
                if now != last:
                    last = now
                    seen.set()
                stop.wait(change_feed.POLL_SECONDS)

    def insert(n: int) -> None:
        writer.execute("INSERT INTO bench_scratch VALUES (%s)", (n,))
        if listen:
            writer.execute("SELECT pg_notify('bench_scratch', %s)", (str(n),))
        writer.commit()

    def run() -> list[float]:
        ready.wait(WAIT)
        return _changes(count, insert, seen)

    return _with_watcher(watch, stop, run, writer.close)


def _with_watcher(
    watch: Callable[[], None],
    stop: threading.Event,
    run: Callable[[], list[float]],
    close: Callable[[], None],
) -> list[float]:
    thread = threading.Thread(target=watch)
    thread.start()
    try:
        return run()
    finally:
        stop.set()
        thread.join()
        close()


def _line(label: str, delays: list[float], baseline: list[float] | None) -> str:
    median, p99 = statistics.median(delays), _percentile(delays, 0.99)
    text = f"  {label:34} median {median * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms"
    if baseline is None:
        return text + "   (baseline)"
    base_median, base_p99 = statistics.median(baseline), _percentile(baseline, 0.99)
    return text + f"   {median / base_median:4.2f}x / {p99 / base_p99:4.2f}x baseline"


def main() -> None:
    count = int(os.environ.get(CHANGES_ENV, "200"))
    print(f"A change on one desk seen on another ({count} changes each; set {CHANGES_ENV})")
    with tempfile.TemporaryDirectory() as folder:
        bare = bare_sqlite_delays(Path(folder) / "bare.db", count)
        desk = desk_delays(str(Path(folder) / "desks.db"), count)
    print("SQLite (one file, two connections):")
    print(_line("bare INSERT + COMMIT, bare poll:", bare, None))
    print(_line("mark saved → other desk's signal:", desk, bare))
    server = os.environ.get(PG_ENV)
    if not server:
        print(f"PostgreSQL: not measured ({PG_ENV} is not set)")
        return
    databases = PostgresDatabases(server)
    try:
        url = databases.new()
        polled = bare_postgres_delays(url, count, listen=False)
        floor = bare_postgres_delays(url, count, listen=True)
        desk = desk_delays(url, count)
    finally:
        databases.close()
    print("PostgreSQL (local server, two connections):")
    print(_line("bare INSERT + COMMIT, bare poll:", polled, None))
    print(_line("bare INSERT + NOTIFY, bare LISTEN:", floor, polled))
    print(_line("mark saved → other desk's signal:", desk, polled))
    extra = statistics.median(desk) - statistics.median(floor)
    print(f"  the desk's own share over a bare LISTEN: {extra * 1000:.1f} ms (median)")


if __name__ == "__main__":
    main()
