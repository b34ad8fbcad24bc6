"""The operations runner: work off the window's thread, errors shown alike, progress and
cancel, and the guard that refuses a service call on the window's thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage.db import Database
from contest_desk.ui import feedback, operations


def test_work_runs_off_the_window_thread_and_its_answer_comes_back(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[bool] = []

    def work() -> int:
        seen.append(QThread.currentThread() is QApplication.instance().thread())
        return 42

    assert operations.run(parent, work) == 42
    assert seen == [False]


def test_a_user_error_is_shown_and_gives_none(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: shown.append(e.message()))

    def work() -> int:
        raise UserError("Round {n} is locked", n=2)

    assert operations.run(None, work) is None
    assert operations.done(None, work) is False
    assert len(shown) == 2 and "2" in shown[0]


def test_a_bug_is_raised_again_on_the_window_thread_for_the_crash_dialog(qtbot) -> None:
    def work() -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        operations.run(None, work)


def test_long_work_shows_progress_and_can_be_cancelled(qtbot) -> None:
    """The dialog appears after the quiet time, follows the work's steps, and Cancel
    stops the work, which gives None."""
    seen: dict[str, object] = {}
    stopped = threading.Event()

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        visible = [d for d in dialogs if d.isVisible()]
        if not visible or visible[0].value() < 3:
            QTimer.singleShot(20, press_cancel)
            return
        seen["label"] = visible[0].labelText()
        seen["maximum"] = visible[0].maximum()
        visible[0].findChild(QPushButton).click()  # as the person does

    def work(progress: operations.Progress) -> str:
        for step in range(1000):
            progress(step, 1000)
            if progress.cancelled:
                stopped.set()
                raise operations.Cancelled
            time.sleep(0.01)
        return "finished"

    QTimer.singleShot(operations.QUIET_MS, press_cancel)
    answer = operations.run(None, work, label="Writing certificates…", cancellable=True)
    assert answer is None
    assert stopped.is_set()
    assert seen == {"label": "Writing certificates…", "maximum": 1000}


def test_the_window_keeps_its_events_while_work_runs(qtbot) -> None:
    """The work waits for a timer of the window's thread: it can only finish if the window
    keeps its events (and so paints) while the work runs; the answer is read after it."""
    fired = threading.Event()
    order: list[str] = []

    def work() -> bool:
        answered = fired.wait(10)
        order.append("work done")
        return answered

    QTimer.singleShot(10, lambda: (order.append("timer"), fired.set()))
    assert operations.run(None, work) is True, "the window's thread was blocked by the work"
    order.append("after run")
    assert order == ["timer", "work done", "after run"]


def test_the_guard_refuses_a_service_call_from_window_code(
    qtbot, tmp_path: Path, window_thread_guard: list[str]
) -> None:
    """A made-up area that calls a service inline is caught; through the runner it is not."""
    services = Services.open(str(tmp_path / "guard.db"))
    with pytest.raises(operations.WindowThreadCall):
        _call_from_window_code(services)
    window_thread_guard.clear()  # the refusal above was this test's point
    assert operations.run(None, services.contests.contests) == []
    services.ctx.db.dispose()


def _call_from_window_code(services: Services) -> object:
    """Runs ``services.contests.contests`` as if written in contest_desk/ui/: the guard looks
    at where the calling code lives."""
    source = "def area_load(services):\n    return services.contests.contests()\n"
    code = compile(source, str(Path(operations.UI_FOLDER) / "made_up_area.py"), "exec")
    scope: dict[str, object] = {}
    exec(code, scope)
    return scope["area_load"](services)  # type: ignore[operator]


def test_the_guard_lets_tests_and_workers_call_services(qtbot, tmp_path: Path) -> None:
    services = Services.open(str(tmp_path / "plain.db"))
    assert Database.entry_check is not None  # installed by tests/ui/conftest.py
    assert services.contests.contests() == []  # test code, not window code
    services.ctx.db.dispose()


def test_work_whose_parameters_have_defaults_is_called_bare(qtbot) -> None:
    """A bound service method with an optional argument is work, not work wanting a
    Progress: it gets no argument."""

    def listing(contest_id: int | None = None) -> int | None:
        return contest_id

    def wanting(progress: operations.Progress) -> bool:
        return isinstance(progress, operations.Progress)

    assert operations.run(None, listing) is None
    assert operations.run(None, wanting) is True
