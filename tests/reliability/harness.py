"""Starting a worker, killing it with SIGKILL at a random moment, and checking what is left.

How many kills: CONTEST_DESK_CRASH_KILLS for the score writer (default 5, so that `make
test` stays within a minute; `make reliability` asks for 100) and a fifth of it, at least
one, for each other scenario. CONTEST_DESK_CRASH_SEED repeats a run's moments.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from contest_desk.services.hub import Services

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("CONTEST_DESK_CRASH_KILLS", "5"))
SEED = int(os.environ.get("CONTEST_DESK_CRASH_SEED", str(random.SystemRandom().randrange(10**6))))
STARTUP_SECONDS = 120  # a worker that says nothing for this long is stuck: fail, not hang


def kills(scenario: str) -> int:
    return KILLS if scenario == "scores" else max(1, KILLS // 5)


def moments(scenario: str) -> random.Random:
    """The random moments of one scenario: the same for the same seed."""
    return random.Random(f"{SEED}:{scenario}")


@dataclass(frozen=True)
class Killed:
    pid: int
    lines: list[str]  # complete lines the worker printed
    finished: bool  # it ended by itself before the kill came
    seconds: float  # from ready (or the start) to its end

    def words(self, first: str) -> list[list[str]]:
        return [line.split()[1:] for line in self.lines if line.split()[:1] == [first]]

    @property
    def took(self) -> float:
        """How long the work lasted, as the worker measured it (from ready to done)."""
        return float(self.words("took")[0][0])


def run_and_kill(
    command: list[str], log: Path, delay: float, ready: str | None = "ready"
) -> Killed:
    """Run ``command`` (a Python module and its arguments) and SIGKILL it ``delay`` seconds
    after it printed ``ready`` (after it started, when None). Its output goes to a file,
    not a pipe, so that a fast writer never waits for the reader."""
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", *command],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: its pool workers are found by it
        )
    try:
        started = time.monotonic()
        while ready is not None and not _printed(log, ready) and worker.poll() is None:
            if time.monotonic() - started > STARTUP_SECONDS:
                raise AssertionError(f"{command} said nothing: {log.read_text()[-2000:]}")
            time.sleep(0.01)
        began = time.monotonic()
        try:
            worker.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            finished = False
            worker.send_signal(signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait()
    seconds = time.monotonic() - began
    text = log.read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()[: text.count("\n")]  # a line cut by the kill is not counted
    if finished and worker.returncode != 0:
        raise AssertionError(f"{command} failed by itself:\n{text[-3000:]}")
    return Killed(worker.pid, lines, finished, seconds)


def _printed(log: Path, word: str) -> bool:
    return any(line.split()[:1] == [word] for line in log.read_text(errors="replace").splitlines())


def group_alive(group: int) -> list[int]:
    """Processes of a process group that are still running (zombies do not count)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def wait_group_gone(group: int) -> list[int]:
    """The group's processes still running after a short while (the kernel's death signal
    reaches them at once; this only allows for the scheduler)."""
    for _ in range(200):
        left = group_alive(group)
        if not left:
            return []
        time.sleep(0.05)
    for pid in left:  # report them, but leave nothing running behind the test
        os.kill(pid, signal.SIGKILL)
    return left


def copy_database(source: Path, target: Path) -> Path:
    """A copy made by SQLite itself (the source is closed: no process holds it)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def checked(path: Path) -> Services:
    """Open the database as the application does at start (recovery, upgrade), and require
    SQLite's integrity check and the audit chain to pass. The caller disposes of it."""
    services = Services.open(str(path))
    try:
        with services.ctx.db.engine.connect() as conn:
            result = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        assert result == ["ok"], result
        chain = services.audit.verify()
        assert chain.broken is None, chain.broken
    except BaseException:
        services.ctx.db.dispose()
        raise
    return services
