"""files.py and processes.py: what a killed process left is removed by the next writer,
and pool workers end with the process that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from contest_desk.reports.files import clear_leftovers, written_aside
from contest_desk.reports.processes import process_alive

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def gone_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_the_work_of_ended_processes_is_removed(tmp_path: Path) -> None:
    dead = gone_pid()
    killed_batch = tmp_path / f".certificates-{dead}-k3x9q2ab"
    killed_batch.mkdir()
    (killed_batch / "CD-2026-01-00001-王建国.pdf").write_bytes(b"%PDF-1.4 half")
    half_file = tmp_path / f".partial-{dead}-x8y7z6w5.pdf"
    half_file.write_bytes(b"")
    running = tmp_path / f".certificates-{os.getpid()}-abcdefgh"
    running.mkdir()
    old_unowned = tmp_path / ".certificates-oldstyle"
    old_unowned.mkdir()
    os.utime(old_unowned, (time.time() - 7200, time.time() - 7200))
    new_unowned = tmp_path / ".certificates-newstyle"
    new_unowned.mkdir()
    mine = [tmp_path / ".hidden-notes", tmp_path / "证书.pdf", tmp_path / f".partial-{dead}"]
    for path in mine:
        path.write_text("keep", encoding="utf-8")

    removed = clear_leftovers(tmp_path)

    assert sorted(removed) == sorted([killed_batch, half_file, old_unowned])
    assert sorted(tmp_path.iterdir()) == sorted([running, new_unowned, *mine])


def test_writing_a_file_clears_what_a_killed_writer_left(tmp_path: Path) -> None:
    left = tmp_path / f".partial-{gone_pid()}-abcd1234.xlsx"
    left.write_bytes(b"PK half a workbook")
    target = tmp_path / "成绩公示.pdf"
    with written_aside(target, ".pdf") as temporary:
        assert Path(temporary).name.startswith(f".partial-{os.getpid()}-")
        Path(temporary).write_bytes(b"%PDF-1.4 whole")
    assert sorted(tmp_path.iterdir()) == [target]


def test_a_process_is_alive_until_it_ends() -> None:
    assert process_alive(os.getpid())
    assert not process_alive(gone_pid())


POOL_SCRIPT = """
import os, sys, time
from contest_desk.reports.processes import worker_pool

def busy(seconds):
    time.sleep(seconds)
    return os.getpid()

pool = worker_pool(2)
futures = [pool.submit(busy, 120) for _ in range(4)]
while len(pool._processes) < 2:
    time.sleep(0.05)
print(*pool._processes, flush=True)
time.sleep(120)
"""


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent to collect it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@linux_only
def test_pool_workers_end_with_a_killed_parent_and_free_its_pipes() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", POOL_SCRIPT],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    workers: list[int] = []
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(running(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        # The workers held copies of these pipes: the read ends only when all are closed.
        rest, errors = parent.communicate(timeout=60)
        assert (rest, errors) == (b"", b"")
        for _ in range(200):
            if not any(running(pid) for pid in workers):
                break
            time.sleep(0.05)
        assert [pid for pid in workers if running(pid)] == []
    finally:
        parent.kill()
        for pid in workers:
            if running(pid):
                os.kill(pid, signal.SIGKILL)


@linux_only
def test_an_ended_process_not_yet_collected_is_not_alive() -> None:
    """A pool's killed caller is a zombie until its own parent collects it: its workers
    must not take it for alive and live on (it made the pool test fail on a busy machine)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        for _ in range(200):
            if not running(child.pid):  # ended; nobody has waited for it yet
                break
            time.sleep(0.05)
        assert Path(f"/proc/{child.pid}/stat").exists()  # still there, as a zombie
        assert not process_alive(child.pid)
    finally:
        child.wait()
