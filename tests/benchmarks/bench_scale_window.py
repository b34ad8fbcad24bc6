"""The window on the big database, each figure from a fresh process on the offscreen platform.

- launch: ``contest-desk-gui --db URL`` (app.run_gui) to its log-in shown and taking keys
  (the dialog visible, a key typed into its password field landing there: the database
  opens behind it), against a bare QApplication + QMainWindow shown; both timed from the
  process's start, interleaved. Then the same start to its main window shown with its
  first area's data in it (the contests list; the roster too when the Persons tab is the
  one shown), the log-in answered at once by the administrator, and the part of it from
  the log-in accepted to that window.
- roster: the Persons tab (RosterTab) built on a database of 100,000 persons, to its first
  paint, and the process's peak RSS, against the same on a database with no persons.

``python -m tests.benchmarks.bench_scale_window MODE DB`` is one such process (MODE: bare,
login, app, roster): it prints ``shown SECONDS`` (time.time() when up), ``rss KB`` and, for
app, ``accepted SECONDS`` (the log-in's OK done).
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
from typing import Any

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


def _when_up(check: object, every_ms: int = 5) -> None:
    """Polls (from the event loop) until ``check()`` says the window is usable."""
    from PySide6.QtCore import QTimer

    def look() -> None:
        if check():  # type: ignore[operator]
            return
        QTimer.singleShot(every_ms, look)

    QTimer.singleShot(0, look)


def _login_dialog(qapp: Any) -> Any:
    """The log-in when it is up; looked up by name, so that this process imports nothing
    before the app does."""
    for widget in qapp.topLevelWidgets():
        if type(widget).__name__ == "LoginDialog" and widget.isVisible():
            return widget
    return None


def _takes_keys(dialog: Any) -> bool:
    """A key typed into the password field lands there (its window active, the field
    enabled): what a person at the log-in needs."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    edit = dialog.password
    if not (dialog.isActiveWindow() and edit.isEnabled() and edit.isVisible()):
        return False
    before = edit.text()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(edit, key)
    return bool(edit.text() == before + "a")


def _login(db: str) -> None:
    from PySide6.QtWidgets import QApplication

    from contest_desk import app as desk_app

    qapp = QApplication([])  # make_qapp takes this one

    def usable() -> bool:
        dialog = _login_dialog(qapp)
        if dialog is None or not _takes_keys(dialog):
            return False
        _report("shown", time.time())
        _report("rss", _rss_kb())
        # Measured: out at once, without waiting for the database behind the dialog.
        os._exit(0)

    _when_up(usable, every_ms=1)  # the bare window is read at its first turn: no lag here
    desk_app.run_gui(db)


def _app(db: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from contest_desk import app as desk_app
    from tests.benchmarks.scale_db import ADMIN, ADMIN_PASSWORD

    qapp = QApplication([])  # make_qapp takes this one

    def answer() -> bool:
        """The person at the log-in: the administrator's name and password, and OK, at
        once (the database may still be opening behind it)."""
        dialog = _login_dialog(qapp)
        if dialog is None:
            return False
        dialog.accepted.connect(lambda: _report("accepted", time.time()))
        dialog.username.setText(ADMIN)
        dialog.password.setText(ADMIN_PASSWORD)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTimer.singleShot(0, ok.click)  # from the event loop, not inside this look
        return True

    def usable() -> bool:
        # The window's class, once the app has loaded it (not loaded here before; its
        # module may be half loaded yet, on the runner's thread).
        window_class = getattr(sys.modules.get("contest_desk.ui.main_window"), "MainWindow", None)
        if window_class is None:
            return False
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, window_class)]
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

    _when_up(answer)
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
        if name in ("shown", "rss", "paint", "accepted"):
            figures[name] = float(value)
    if done.returncode != 0 or "rss" not in figures:
        raise RuntimeError(f"{mode} on {db} failed ({done.returncode}): {done.stderr[-2000:]}")
    return figures


def launch(db: str, runs: int = RUNS) -> None:
    """Launch to a usable log-in, and to the main window with its data, vs a bare
    QMainWindow; interleaved runs, medians."""
    for mode in ("bare", "login", "app"):  # the file cache and bytecode warm for each
        _run(mode, db)
    bare: list[float] = []
    login: list[float] = []
    app: list[float] = []
    after: list[float] = []
    rss: list[float] = []
    for _ in range(runs):
        one = _run("bare", db)
        bare.append(one["shown"] - one["start"])
        one = _run("login", db)
        login.append(one["shown"] - one["start"])
        one = _run("app", db)
        app.append(one["shown"] - one["start"])
        after.append(one["shown"] - one["accepted"])
        rss.append(one["rss"])
    base = statistics.median(bare)
    up, mine, rest = statistics.median(login), statistics.median(app), statistics.median(after)
    print(f"  bare QApplication + QMainWindow shown:   {base * 1000:7.0f} ms (baseline)")
    print(f"  app launched, log-in up, taking keys:    {up * 1000:7.0f} ms  "
          f"{up / base:4.2f}x baseline (target 2x)")  # fmt: skip
    print(f"  app launched, window up with its data:   {mine * 1000:7.0f} ms  "
          f"{mine / base:4.2f}x baseline (the log-in answered at once); peak RSS "
          f"{statistics.median(rss) / 1024:.0f} MB")  # fmt: skip
    print(f"    of which log-in accepted -> window up: {rest * 1000:7.0f} ms")


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
    modes = {
        "bare": lambda: _bare(),
        "login": lambda: _login(url),
        "app": lambda: _app(url),
        "roster": lambda: _roster(url),
    }
    modes[kind]()
