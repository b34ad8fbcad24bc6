"""At start the log-in is up at once and takes typing while the database opens behind it
(ui/login.py's StartOpening, on the runner): SQLAlchemy and the models are not loaded
before it shows; OK waits for the opening, then logs in; an empty database gets the set-up
dialog, one that cannot be opened the connection dialog with the reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from contest_desk.storage.reach import CannotConnect
from contest_desk.ui import login, start_login
from contest_desk.ui.connection import ConnectionDialog
from tests.ui import test_scoring_models as shared
from tests.ui.test_connection_login import with_admin

language = shared.language
ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 30  # a gate never opened fails the test instead of hanging it


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    monkeypatch.setattr("contest_desk.ui.connection_store.system_keyring", lambda: None)
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The opening at start held (on the runner) until the test opens the gate."""
    opened = threading.Event()
    real = login.open_connection

    def slow(connection: Any) -> Any:
        assert opened.wait(WAIT_S), "the test never let the opening go on"
        return real(connection)

    monkeypatch.setattr(login, "open_connection", slow)
    yield opened
    opened.set()
    QThreadPool.globalInstance().waitForDone()


def shown_log_in() -> login.LoginDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, login.LoginDialog) and widget.isVisible():
            return widget
    return None


def when_log_in_shown(act: Callable[[login.LoginDialog], None]) -> None:
    """``act`` on the log-in once it is up (from the event loop the start runs)."""

    def look(tries: int) -> None:
        dialog = shown_log_in()
        if dialog is None:
            if tries:  # not forever: a test that failed leaves no looking to the next ones
                QTimer.singleShot(10, lambda: look(tries - 1))
            return
        act(dialog)

    QTimer.singleShot(0, lambda: look(WAIT_S * 100))


def test_the_log_in_takes_typing_while_the_database_opens_and_ok_waits_for_it(
    qtbot: Any, settings: QSettings, gate: threading.Event, tmp_path: Path
) -> None:
    path = with_admin(tmp_path / "a.db", "anna")
    seen: dict[str, Any] = {}

    def type_and_press_ok(dialog: login.LoginDialog) -> None:
        assert dialog.opening is not None
        seen["opening done"] = dialog.opening.started.done
        seen["place"] = dialog.place.text()
        seen["note"] = dialog.note.isVisible() and dialog.note.text()
        qtbot.keyClicks(dialog.username, "anna")
        qtbot.keyClicks(dialog.password, "anna-pass")
        seen["typed"] = (dialog.username.text(), dialog.password.text())
        seen["opening done after typing"] = dialog.opening.started.done
        QTimer.singleShot(50, gate.set)  # the database opens while OK waits for it
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.click()
        seen["note after"] = dialog.note.isVisible()

    when_log_in_shown(type_and_press_ok)
    opened = start_login.connect_and_log_in(path, settings)
    assert opened is not None
    services, actor = opened
    try:
        assert seen["opening done"] is False and seen["opening done after typing"] is False
        assert seen["typed"] == ("anna", "anna-pass")
        assert seen["place"] == "本地数据库：a.db"
        assert seen["note"] == "正在打开数据库…"
        assert seen["note after"] is False
        assert actor.username == "anna"
        assert services.ctx.db.sqlite_path == Path(path)
        assert shown_log_in() is None
    finally:
        services.ctx.db.dispose()


def test_an_empty_database_opened_behind_the_log_in_gets_the_set_up(
    qtbot: Any, settings: QSettings, gate: threading.Event, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    fresh = tmp_path / "new" / "contest-desk.db"
    fresh.parent.mkdir()
    seen: list[str] = []

    def while_opening(dialog: login.LoginDialog) -> None:
        seen.append(f"log-in: {dialog.place.text()}")
        gate.set()

    def set_up(dialog: login.SetupDialog) -> int:
        seen.append(f"set-up: {dialog.place.text()}, log-in up: {shown_log_in() is not None}")
        return 0

    monkeypatch.setattr(login.SetupDialog, "exec", set_up)
    monkeypatch.setattr(login.LoginDialog, "exec", lambda _dialog: seen.append("exec") or 0)
    when_log_in_shown(while_opening)
    assert start_login.connect_and_log_in(str(fresh), settings) is None
    assert seen == [
        "log-in: 本地数据库：contest-desk.db",
        "set-up: 本地数据库：contest-desk.db, log-in up: False",
    ]
    assert fresh.exists()  # opened (and made) behind the log-in


def test_a_database_that_cannot_be_opened_behind_the_log_in_is_said_in_the_connection_dialog(
    qtbot: Any, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    let_go = threading.Event()

    def refused(_connection: Any) -> Any:
        assert let_go.wait(WAIT_S)
        raise CannotConnect("无法连接服务器 10.1.2.3（被拒绝）")

    monkeypatch.setattr(login, "open_connection", refused)
    seen: list[str] = []

    def while_opening(dialog: login.LoginDialog) -> None:
        seen.append(f"log-in: {dialog.place.text()}")
        let_go.set()

    def connection_dialog(dialog: ConnectionDialog) -> int:
        seen.append(f"connect: {dialog.outcome.text()}, log-in up: {shown_log_in() is not None}")
        seen.append(f"form: {dialog.host.text()} / {dialog.database.text()}")
        return 0

    monkeypatch.setattr(ConnectionDialog, "exec", connection_dialog)
    when_log_in_shown(while_opening)
    url = "postgresql+psycopg://clerk@10.1.2.3/contests"
    try:
        assert start_login.connect_and_log_in(url, settings) is None
    finally:
        let_go.set()
        QThreadPool.globalInstance().waitForDone()
    assert seen == [
        "log-in: 服务器 10.1.2.3 / contests",
        "connect: 无法连接服务器 10.1.2.3（被拒绝）, log-in up: False",
        "form: 10.1.2.3 / contests",
    ]


def test_change_pressed_while_the_database_opens_waits_for_it_then_offers_another(
    qtbot: Any, settings: QSettings, gate: threading.Event, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    first = with_admin(tmp_path / "a.db", "anna")
    second = with_admin(tmp_path / "b.db", "bo")
    seen: list[str] = []

    def press_change(dialog: login.LoginDialog) -> None:
        assert dialog.opening is not None and not dialog.opening.started.done
        QTimer.singleShot(50, gate.set)
        assert dialog.change_button is not None
        dialog.change_button.click()

    def choose_second(dialog: ConnectionDialog) -> int:
        seen.append(f"connect: {dialog.path.text()}")
        dialog.local.setChecked(True)
        dialog.path.setText(second)
        dialog.accept()
        return dialog.result()

    def log_in_as_bo(dialog: login.LoginDialog) -> int:
        seen.append(f"log-in: {dialog.place.text()}")
        dialog.username.setText("bo")
        dialog.password.setText("bo-pass")
        dialog.attempt()
        return 1 if dialog.actor is not None else 0

    monkeypatch.setattr(ConnectionDialog, "exec", choose_second)
    monkeypatch.setattr(login.LoginDialog, "exec", log_in_as_bo)
    when_log_in_shown(press_change)
    opened = start_login.connect_and_log_in(first, settings)
    assert opened is not None
    services, actor = opened
    try:
        assert seen == [f"connect: {first}", "log-in: 本地数据库：b.db"]
        assert actor.username == "bo" and services.ctx.db.sqlite_path == Path(second)
    finally:
        services.ctx.db.dispose()


def test_cancel_while_the_database_opens_ends_the_start_once_it_is_open(
    qtbot: Any, settings: QSettings, gate: threading.Event, tmp_path: Path
) -> None:
    path = with_admin(tmp_path / "a.db", "anna")

    def cancel(dialog: login.LoginDialog) -> None:
        assert dialog.opening is not None and not dialog.opening.started.done
        QTimer.singleShot(50, gate.set)
        dialog.reject()

    when_log_in_shown(cancel)
    assert start_login.connect_and_log_in(path, settings) is None
    assert shown_log_in() is None


def test_the_start_check_names_the_window_after_the_opening_not_the_log_in_before_it(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """make bundle-test's headless start (ui/smoke.py): the log-in up while the database
    opens is busy; the window checked and closed is the one shown once it is open."""
    from PySide6.QtWidgets import QDialog

    from contest_desk.ui import smoke

    monkeypatch.setenv(smoke.SMOKE_ENV, "1")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("登录")
    dialog.setProperty(smoke.BUSY, True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    smoke.arm(app)
    dialog.show()
    qtbot.wait(100)
    assert dialog.isVisible() and capsys.readouterr().out == ""
    dialog.setProperty(smoke.BUSY, False)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "shown: 登录" in capsys.readouterr().out


# The launch's imports, in a process of its own ------------------------------------------

LAUNCH = """
import json, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

app = QApplication([])
from contest_desk import app as desk_app
from contest_desk.ui import login, smoke, start_login

HEAVY = ("sqlalchemy", "contest_desk.storage.models", "contest_desk.services.hub",
         "contest_desk.ui.main_window")
gate = threading.Event()
real_open = start_login._open_at_start
threads = []

def held(*args):
    threads.append(threading.current_thread() is threading.main_thread())
    gate.wait(60)
    return real_open(*args)

start_login._open_at_start = held
seen = {}

def look():
    for widget in app.topLevelWidgets():
        if isinstance(widget, login.LoginDialog) and widget.isVisible() and "shown" not in seen:
            seen["shown"] = [name for name in HEAVY if name in sys.modules]
            seen["busy"] = bool(widget.property(smoke.BUSY))
            gate.set()
        elif isinstance(widget, QDialog) and widget.isVisible() and "shown" in seen:
            if not widget.property(smoke.BUSY):  # after the opening: cancelled
                seen.setdefault("then", type(widget).__name__)
                widget.reject()
    QTimer.singleShot(5, look)

QTimer.singleShot(0, look)
seen["answer"] = desk_app.run_gui(sys.argv[1])
seen["after"] = [name for name in HEAVY[:2] if name in sys.modules]
seen["on the window's thread"] = threads
print(json.dumps(seen))
"""


def test_the_log_in_shows_before_sqlalchemy_and_the_models_are_loaded(tmp_path: Path) -> None:
    path = with_admin(tmp_path / "a.db", "anna")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, path],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["shown"] == []  # none of them when the log-in showed
    assert seen["busy"] is True  # and the database was still opening behind it
    assert seen["then"] == "LoginDialog"  # the same log-in, once the database was open
    assert seen["answer"] == 0
    # Loaded after all, by the opening, on the runner's thread, not the window's.
    assert seen["after"] == ["sqlalchemy", "contest_desk.storage.models"]
    assert seen["on the window's thread"] == [False]
