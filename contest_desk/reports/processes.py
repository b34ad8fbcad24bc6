"""Processes: whether one is still running, and pool workers that end with their parent.

A killed process leaves its pool workers behind unless they are told to follow it: they
keep the caller's pipes open (a script waiting for the output waits for them) and, on a
fork, copies of every file the parent held — the database's lock among them.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # linux/prctl.h
STILL_ACTIVE = 259  # Windows: GetExitCodeProcess of a running process
POLL_SECONDS = 1.0  # where the system cannot signal a parent's death, how often to look


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a process of another user counts)."""
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks (on Windows os.kill would end the process)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Linux: ended, and only waiting for its parent to collect it (signal 0 still
    reaches it). A killed pool caller stays one until whoever started it looks."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _windows_alive(pid: int) -> bool:
    if sys.platform != "win32":
        raise NotImplementedError
    kernel = ctypes.windll.kernel32
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and (
            code.value == STILL_ACTIVE
        )
    finally:
        kernel.CloseHandle(handle)


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers end when this process does, however it ends, and
    write nothing to its standard streams."""
    return ProcessPoolExecutor(
        max_workers=workers, initializer=follow_parent, initargs=(os.getpid(),)
    )


def follow_parent(parent: int) -> None:
    """In a pool worker: let go of the caller's pipes and end when ``parent`` ends."""
    _release_standard_streams()
    if sys.platform.startswith("linux"):
        # The kernel sends SIGKILL the moment the parent goes (the thread that started this
        # worker, which the pool's caller is).
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    elif sys.platform == "win32":
        _watch_windows_parent(parent)
    else:
        threading.Thread(target=_poll_parent, args=(parent,), daemon=True).start()
    # The parent may have gone before the lines above took effect: this worker then
    # belongs to another process already. (Started by a fork server, its parent is that
    # server, which ends with ``parent``: the check is on ``parent`` itself.)
    if os.getppid() != parent and not process_alive(parent):
        os._exit(1)


def _release_standard_streams() -> None:
    """Point the worker's standard streams at the null device: its copies of the caller's
    pipes would otherwise keep a reader waiting after the parent was killed. (Errors come
    back through the pool's futures, not as text.)"""
    for fd, mode in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        null = os.open(os.devnull, mode)
        try:
            os.dup2(null, fd)
        except OSError:  # no such stream (a windowed program): nothing to release
            pass
        finally:
            os.close(null)


def _poll_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def _watch_windows_parent(parent: int) -> None:
    """Wait on a handle of the parent (which also keeps its id from being reused) and end
    the worker when it is signalled."""
    if sys.platform != "win32":
        raise NotImplementedError
    kernel = ctypes.windll.kernel32
    handle = kernel.OpenProcess(0x00100000, False, parent)  # SYNCHRONIZE
    if not handle:
        os._exit(1)

    def wait() -> None:
        kernel.WaitForSingleObject(handle, 0xFFFFFFFF)  # INFINITE
        os._exit(1)

    threading.Thread(target=wait, daemon=True).start()
