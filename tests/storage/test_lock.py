"""No second process can make an open SQLite database lose what it acknowledged as saved.

The scenario of the lost contest day: a process has the database open in WAL mode,
opens and closes another descriptor of the file (as a file dialog does when it looks
at a file's type: SQLite's POSIX locks are gone), a second process connects and
disconnects (it thinks it is the last user and removes the write-ahead log), the first
writes on and is killed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from contest_desk.storage import lock
from contest_desk.storage.db import Database, open_database

# The first process: opens the database, peeks at the file like a file dialog, says
# "ready", then saves rows one by one and acknowledges each after its commit.
WRITER = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import text
    from contest_desk.storage.db import Database
    db = Database(sys.argv[1])
    with db.transaction() as s:
        s.execute(text("CREATE TABLE IF NOT EXISTS probe (n INTEGER PRIMARY KEY)"))
        s.execute(text("INSERT INTO probe VALUES (0)"))
    with open(sys.argv[1], "rb") as peek:  # a file dialog sniffing the type
        peek.read(100)
    print("ready", flush=True)
    sys.stdin.readline()  # the test's second process has had its go
    for n in range(1, 10_000):
        with db.transaction() as s:
            s.execute(text("INSERT INTO probe VALUES (:n)"), {"n": n})
        print(n, flush=True)
        time.sleep(0.001)
    """
)


@contextmanager
def running_script(script: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """Python ``script`` run in a process of its own with ``args``, once it printed ready;
    killed and its pipes closed afterwards whatever happens."""
    with subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "ready"
            yield process
        finally:
            process.kill()


def running_writer(path: Path) -> AbstractContextManager[subprocess.Popen[str]]:
    """The writer, ready."""
    return running_script(WRITER, str(path))


def acknowledged_then_kill(writer: subprocess.Popen[str], count: int) -> int:
    """Let the writer save ``count`` rows, kill it hard, return the last row it acknowledged."""
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write("go\n")
    writer.stdin.flush()
    last = 0
    while last < count:
        last = int(writer.stdout.readline())
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    return last


def stored_rows(path: Path) -> set[int]:
    with sqlite3.connect(path) as conn:
        return {n for (n,) in conn.execute("SELECT n FROM probe")}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "contest.db"
    open_database(db).dispose()
    return db


def test_a_second_process_is_refused_and_nothing_acknowledged_is_lost(path: Path) -> None:
    with running_writer(path) as writer:
        with pytest.raises(lock.DatabaseInUse) as refused:
            Database(path, lock_wait=0.2)
        assert f"pid {writer.pid}" in refused.value.message()
        last = acknowledged_then_kill(writer, 200)
    assert set(range(last + 1)) <= stored_rows(path)


def test_a_waiting_process_opens_once_the_holder_is_gone(path: Path) -> None:
    with running_writer(path) as writer:
        last = acknowledged_then_kill(writer, 50)
    # The kernel frees the lock with the killed process: no stale lock to clear by hand.
    second = Database(path, lock_wait=5)
    try:
        with second.reading() as session:
            stored = set(session.scalars(text("SELECT n FROM probe")))
        assert set(range(last + 1)) <= stored
    finally:
        second.dispose()


def test_a_second_process_waits_for_the_holder_before_it_refuses(
    path: Path,
) -> None:
    with running_writer(path):
        started = time.monotonic()
        with pytest.raises(lock.DatabaseInUse):
            Database(path, lock_wait=0.5)
        assert time.monotonic() - started >= 0.4  # it waited for the holder before refusing
        assert lock.read_holder(path) is not None


def test_one_process_may_open_the_same_file_many_times(path: Path) -> None:
    first = Database(path)
    second = Database(path)
    assert lock.holds(path)
    first.dispose()
    assert lock.holds(path)  # the second still has it open
    second.dispose()
    assert not lock.holds(path)
    assert not lock.holder_path(path).exists()


def test_the_holder_is_named_for_people(path: Path) -> None:
    db = Database(path)
    try:
        holder = lock.read_holder(path)
        assert holder is not None
        assert holder.pid == os.getpid()
        assert str(holder.pid) in holder.describe()
    finally:
        db.dispose()
