"""The window on the big database, each figure from a fresh process on the offscreen platform.

- launch: ``contest-desk-gui --db URL`` (app.run_gui, with the log-in dialog answered by
  the administrator's password) to its main window shown with its first area's data in
  it (the contests list; the roster too when the Persons tab is the one shown), against
  a bare QApplication + QMainWindow shown; both timed from the process's start,
  interleaved.
- roster: the Persons tab (RosterTab) built on a database of 100,000 persons, to its first
  paint, and the process's peak RSS, against the same on a database with no persons.

``python -m tests.benchmarks.bench_scale_window MODE DB`` is one such process (MODE: bare,
app, roster): it prints ``shown SECONDS`` (time.time() when up) and ``rss KB``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYCACHE = Path.home() / ".cache" / "contest-desk-bench" / "pycache"
RUNS = 5


def _rss_kb() -> int:
    """This process's peak RSS. Linux's VmHWM, not getrusage: its ru_maxrss keeps the
    peak of the process that forked this one (the benchmark, holding the big standings)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _report(label: str, value: float) -> None:
    print(f"{label} {value}", flush=True)


def _bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def shown() -> None:
        _report("shown", time.time())
        _report("rss", _rss_kb())
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


def _when_up(check: object) -> None:
    """Polls (from the event loop) until ``check()`` says the window is usable."""
    from PySide6.QtCore import QTimer

    def look() -> None:
        if check():  # type: ignore[operator]
            return
        QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)


def _app(db: str) -> None:
    from PySide6.QtWidgets import QApplication

    from contest_desk import app as desk_app
    from contest_desk.ui import login
    from contest_desk.ui.main_window import MainWindow
    from tests.benchmarks.scale_db import ADMIN, ADMIN_PASSWORD

    # The person at the log-in: the administrator's name and password, at once.
    login.log_in = lambda services, parent=None, change=None: services.users.authenticate(
        ADMIN, ADMIN_PASSWORD
    )
    qapp = QApplication([])  # make_qapp takes this one

    def usable() -> bool:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].isVisible():
            return False
        area = windows[0].areas["contests"]
        roster = area.roster_tab  # read when its tab is first shown: its data if it is
        if not area.navigator.contests.records() or (
            roster.isVisible() and not roster.persons.rowCount()
        ):
            return False
        qapp.processEvents()  # its first paint
        _report("shown", time.time())
        _report("rss", _rss_kb())
        windows[0].close()
        return True

    _when_up(usable)
    desk_app.run_gui(db)


def _roster(db: str) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from contest_desk.domain.permissions import Actor, Role
    from contest_desk.services.hub import Services
    from contest_desk.ui.contests.roster_tab import RosterTab
    from contest_desk.ui.state import AppState

    app = QApplication([])
    services = Services.open(db).as_user(Actor("admin", frozenset({Role.ORGANIZER})))
    began = time.perf_counter()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                _report("paint", time.perf_counter() - began)
                _report("rss", _rss_kb())
                app.quit()
            return False

    tab = RosterTab(services, AppState())
    tab.resize(1200, 800)
    painted = FirstPaint()
    tab.person_view.viewport().installEventFilter(painted)
    tab.show()
    app.exec()
    services.ctx.db.dispose()


def _run(mode: str, db: str) -> dict[str, float]:
    """One process: its figures, with ``start`` the moment it was started."""
    # Compiled bytecode, as an installed desk has (this machine's environment turns the
    # writing of it off): kept out of the source tree, in the benchmarks' cache.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as home:  # the app's settings, logs, recent list
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = home
        start = time.time()
        done = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_scale_window", mode, db],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
    figures = {"start": start}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("shown", "rss", "paint"):
            figures[name] = float(value)
    if done.returncode != 0 or "rss" not in figures:
        raise RuntimeError(f"{mode} on {db} failed ({done.returncode}): {done.stderr[-2000:]}")
    return figures


def launch(db: str, runs: int = RUNS) -> None:
    """Launch to a usable window vs a bare QMainWindow, interleaved runs, medians."""
    _run("bare", db), _run("app", db)  # the file cache and bytecode warm for both
    bare, app, rss = [], [], []
    for _ in range(runs):
        one = _run("bare", db)
        bare.append(one["shown"] - one["start"])
        one = _run("app", db)
        app.append(one["shown"] - one["start"])
        rss.append(one["rss"])
    base, mine = statistics.median(bare), statistics.median(app)
    print(f"  bare QApplication + QMainWindow shown:   {base * 1000:7.0f} ms (baseline)")
    print(f"  app launched, window up with its data:   {mine * 1000:7.0f} ms  "
          f"{mine / base:4.2f}x baseline (target 2x); peak RSS "
          f"{statistics.median(rss) / 1024:.0f} MB")  # fmt: skip


def roster(db: str, empty_db: str, runs: int = RUNS) -> None:
    """The Persons tab on the big roster vs on an empty one: first paint, peak RSS."""
    _run("roster", empty_db), _run("roster", db)
    sides: dict[str, list[dict[str, float]]] = {"empty": [], "big": []}
    for _ in range(runs):
        sides["empty"].append(_run("roster", empty_db))
        sides["big"].append(_run("roster", db))
    paint = {k: statistics.median(f["paint"] for f in v) for k, v in sides.items()}
    rss = {k: statistics.median(f["rss"] for f in v) / 1024 for k, v in sides.items()}
    print(f"  roster, no persons:        first paint {paint['empty'] * 1000:7.0f} ms, "
          f"peak RSS {rss['empty']:5.0f} MB (baseline)")  # fmt: skip
    print(f"  roster, the big database:  first paint {paint['big'] * 1000:7.0f} ms, "
          f"peak RSS {rss['big']:5.0f} MB  ({paint['big'] / paint['empty']:.1f}x the time, "
          f"+{rss['big'] - rss['empty']:.0f} MB)")  # fmt: skip


if __name__ == "__main__":
    kind, url = sys.argv[1], sys.argv[2]
    {"bare": lambda: _bare(), "app": lambda: _app(url), "roster": lambda: _roster(url)}[kind]()
