"""One Contest Desk process at a time on an SQLite file: a lock beside it, held while it is open.

SQLite's own locks on Unix are POSIX advisory locks, which the kernel drops for the
whole process as soon as *any* descriptor of the file is closed in it — a file dialog
that peeks at the database's type is enough ("How To Corrupt An SQLite Database File",
2.2). A second process then believes it is the last user, checkpoints and removes the
write-ahead log, and what the first process writes next is lost when it is killed.
The cure is a lock of our own on a separate file, taken before SQLite opens the
database and held until the last connection of this process is gone: flock (Unix) and
LockFileEx (Windows) locks belong to the lock file's open description, so no other
descriptor can cancel them, and the kernel frees them when the process dies.

A holder note beside the lock names who holds it, so that a refused process can say
so; it is advice for people, never what decides.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from contest_desk.errors import UserError

# How long a second process waits for the holder to finish before it gives up.
DEFAULT_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class Holder:
    """Who holds a database, as its holder note says."""

    pid: int
    host: str
    user: str
    program: str
    since: str

    def describe(self) -> str:
        return f"{self.program} (pid {self.pid}, {self.user}@{self.host}, {self.since})"


class DatabaseInUse(UserError):
    """Another Contest Desk process has this SQLite file open."""


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def holder_path(database: Path) -> Path:
    return database.with_name(database.name + ".holder")


def read_holder(database: Path) -> Holder | None:
    """The holder note of ``database``, or None when there is none or it is unreadable."""
    try:
        data = json.loads(holder_path(database).read_text(encoding="utf-8"))
        return Holder(
            int(data["pid"]),
            str(data["host"]),
            str(data["user"]),
            str(data["program"]),
            str(data["since"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _this_process() -> Holder:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password file
        user = "?"
    return Holder(
        pid=os.getpid(),
        host=socket.gethostname(),
        user=user,
        program=Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python",
        since=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
    )


class _Held:
    """The lock of one database file in this process, shared by all its Database objects."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.lock = FileLock(lock_path(database), thread_local=False)
        self.users = 0
        # The process's writers take turns (see write_turn).
        self.writes = threading.RLock()


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def acquire(database: Path, wait: float = DEFAULT_WAIT_SECONDS) -> None:
    """Take the lock of ``database`` for this process (again), waiting up to ``wait`` seconds.

    Raises DatabaseInUse, naming the holder, when another process keeps it.
    """
    key = database.resolve()
    with _guard:
        held = _held.get(key)
        if held is None:
            held = _Held(key)
            try:
                held.lock.acquire(timeout=wait)
            except Timeout:
                holder = read_holder(key)
                raise DatabaseInUse(
                    "The database {path} is open in another Contest Desk program: {holder}. "
                    "Close it there first, or try again when it is done.",
                    path=str(key),
                    holder=holder.describe() if holder else "?",
                ) from None
            _write_holder(key)
            _held[key] = held
        held.users += 1


def write_turn(database: Path) -> threading.RLock:
    """The turn every write transaction on ``database`` in this process takes first.

    SQLite begins a transaction when it first reads; one that read before another
    thread's commit may not write after it (SQLITE_BUSY_SNAPSHOT, which no busy timeout
    waits out). The scoring hub's requests and the window's worker write from several
    threads of one process: taking turns, each transaction sees the last commit.
    The database's lock must be held (acquire).
    """
    with _guard:
        return _held[database.resolve()].writes


def release(database: Path) -> None:
    """Give back one use of the lock; the last one frees it for other processes."""
    key = database.resolve()
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.users -= 1
        if held.users > 0:
            return
        del _held[key]
        holder_path(key).unlink(missing_ok=True)
        held.lock.release()


def holds(database: Path) -> bool:
    """Whether this process holds the lock of ``database``."""
    with _guard:
        return database.resolve() in _held


def _write_holder(database: Path) -> None:
    me = _this_process()
    note = holder_path(database)
    temporary = note.with_name(f"{note.name}.{me.pid}")
    try:
        temporary.write_text(json.dumps(me.__dict__, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, note)
    except OSError:  # advice only: the lock holds without it, a refusal then says "?"
        temporary.unlink(missing_ok=True)
