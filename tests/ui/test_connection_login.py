"""At start: --db when given, else the most recent connection, else the user's own file;
the log-in says which database it is on, and "Change…" logs in to another (a file, or a
database on the real PostgreSQL server), which the window's status bar then names; a
database that cannot be opened is said in the connection dialog, for another choice."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url

from contest_desk.app import DeskApp
from contest_desk.services.connections import Connection
from contest_desk.services.hub import Services
from contest_desk.ui import login, start_login
from contest_desk.ui.connection import ConnectionDialog
from contest_desk.ui.connection_store import Passwords, RecentConnections
from contest_desk.ui.main_window import MainWindow
from contest_desk.ui.translator import Translations
from tests import ports
from tests.databases import Databases
from tests.ui import test_scoring_models as shared
from tests.ui.test_connection import needs_pg

language = shared.language
closed_port = ports.closed_port


def with_admin(path: Path, username: str) -> str:
    services = Services.open(str(path))
    services.users.create_first_admin(username, "管理员", f"{username}-pass")
    services.ctx.db.dispose()
    return str(path)


@pytest.fixture(scope="module")
def made_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("made")
    with_admin(folder / "a.db", "anna")
    with_admin(folder / "b.db", "bo")
    return folder


@pytest.fixture
def two_files(made_once: Path, tmp_path: Path) -> tuple[str, str]:
    """Two files, each with its administrator (anna, bo): copies, for a test of its own."""
    for name in ("a.db", "b.db"):
        shutil.copyfile(made_once / name, tmp_path / name)
    return str(tmp_path / "a.db"), str(tmp_path / "b.db")


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    # No system password store in tests: the recent list is read from this file alone.
    monkeypatch.setattr("contest_desk.ui.connection_store.system_keyring", lambda: None)
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class Desk:
    """What the dialogs saw, and how each answers (a list of steps, one per dialog)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.places: list[str] = []
        self.steps: list[Callable[[Any], int]] = []
        for cls in (login.LoginDialog, login.SetupDialog, ConnectionDialog):
            monkeypatch.setattr(cls, "exec", lambda dialog: self.answer(dialog))

    def answer(self, dialog: Any) -> int:
        if isinstance(dialog, login.LoginDialog | login.SetupDialog):
            self.places.append(dialog.place.text())
        return self.steps.pop(0)(dialog)


def log_in_as(username: str) -> Callable[[Any], int]:
    def step(dialog: login.LoginDialog) -> int:
        dialog.username.setText(username)
        dialog.password.setText(f"{username}-pass")
        dialog.attempt()
        return 1 if dialog.actor is not None else 0

    return step


def change(dialog: login.LoginDialog | login.SetupDialog) -> int:
    """At the log-in (or set-up): Change…, answered by the next step."""
    dialog.change_database()
    return dialog.result()


def connect_to(fill: Callable[[ConnectionDialog], None]) -> Callable[[Any], int]:
    """In the connection dialog: ``fill`` it, then Connect."""

    def step(dialog: ConnectionDialog) -> int:
        fill(dialog)
        dialog.accept()
        return dialog.result()

    return step


def cancel(_dialog: Any) -> int:
    return 0


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    made = Desk(monkeypatch)
    yield made
    QThreadPool.globalInstance().waitForDone()


def run_steps(desk: Desk, *steps: Callable[[Any], int]) -> None:
    desk.steps.extend(steps)


def local_file(path: str) -> Callable[[ConnectionDialog], None]:
    def fill(dialog: ConnectionDialog) -> None:
        dialog.local.setChecked(True)
        dialog.path.setText(path)

    return fill


def test_changing_the_database_at_log_in_logs_in_to_the_other(
    qtbot: Any, desk: Desk, settings: QSettings, two_files: tuple[str, str]
) -> None:
    first, second = two_files
    run_steps(desk, change, connect_to(local_file(second)), log_in_as("bo"))
    opened = start_login.connect_and_log_in(first, settings)
    assert opened is not None
    services, actor = opened
    try:
        assert desk.places == ["本地数据库：a.db", "本地数据库：b.db"]
        assert actor.username == "bo"
        window = MainWindow(services.as_user(actor))
        qtbot.addWidget(window)
        assert window.database_label.text() == "本地数据库：b.db"
        listed = [e.connection for e in RecentConnections(settings, Passwords(None)).load()]
        assert listed == [Connection.parse(second), Connection.parse(first)]
    finally:
        services.ctx.db.dispose()


def test_after_logging_out_another_database_can_be_chosen(
    qtbot: Any, desk: Desk, settings: QSettings, two_files: tuple[str, str]
) -> None:
    first, second = two_files
    run_steps(desk, log_in_as("anna"))
    opened = start_login.connect_and_log_in(first, settings)
    assert opened is not None
    translations = Translations(QApplication.instance())
    app = DeskApp(opened[0].as_user(opened[1]), settings, translations)
    app.open_window()
    run_steps(desk, change, connect_to(local_file(second)), log_in_as("bo"))
    app.log_out()
    try:
        assert desk.places[-2:] == ["本地数据库：a.db", "本地数据库：b.db"]
        assert app.window is not None
        assert app.window.database_label.text() == "本地数据库：b.db"
        assert app.services.ctx.actor.username == "bo"
    finally:
        if app.window is not None:
            app.window.close()
        app.services.ctx.db.dispose()
        translations.close()  # its translator off the application: the next tests' language


def test_db_is_honoured_else_the_most_recent_else_the_own_file(
    desk: Desk, settings: QSettings, two_files: tuple[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    first, second = two_files
    RecentConnections(settings, Passwords(None)).add(Connection.parse(second))
    run_steps(desk, cancel)
    assert start_login.connect_and_log_in(None, settings) is None
    run_steps(desk, cancel)
    assert start_login.connect_and_log_in(first, settings) is None
    run_steps(desk, cancel)  # --db's database, opened last, is now the most recent
    assert start_login.connect_and_log_in(None, settings) is None
    assert desk.places == ["本地数据库：b.db", "本地数据库：a.db", "本地数据库：a.db"]
    own = tmp_path / "own" / "contest-desk.db"
    monkeypatch.setattr(login, "default_connection", lambda: Connection(path=str(own)))
    run_steps(desk, cancel)  # a new file: the set-up comes first
    fresh = QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)
    assert start_login.connect_and_log_in(None, fresh) is None
    assert desk.places[-1] == "本地数据库：contest-desk.db" and own.exists()


def test_a_database_that_cannot_be_opened_is_said_for_another_choice(
    desk: Desk,
    settings: QSettings,
    two_files: tuple[str, str],
    closed_port: int,
) -> None:
    said: list[str] = []

    def choose_a_file(dialog: ConnectionDialog) -> int:
        said.append(dialog.outcome.text())
        assert dialog.server.isChecked() and dialog.host.text() == "127.0.0.1"
        assert dialog.password.text() == "s3cret"  # as given with --db, for another try
        local_file(two_files[0])(dialog)
        dialog.accept()
        return dialog.result()

    run_steps(desk, choose_a_file, log_in_as("anna"))
    url = f"postgresql+psycopg://clerk:s3cret@127.0.0.1:{closed_port}/contests"
    opened = start_login.connect_and_log_in(url, settings)
    assert opened is not None
    opened[0].ctx.db.dispose()
    assert said[0].startswith(f"无法连接服务器 127.0.0.1:{closed_port}（被拒绝）")
    assert desk.places == ["本地数据库：a.db"]


@needs_pg
def test_changing_to_a_database_on_the_server(
    qtbot: Any, desk: Desk, settings: QSettings, two_files: tuple[str, str], tmp_path: Path
) -> None:
    databases = Databases("postgresql", tmp_path)
    try:
        assert databases.server is not None
        url = make_url(databases.server.empty())  # no schema: made when opened

        def server(dialog: ConnectionDialog) -> None:
            dialog.server.setChecked(True)
            dialog.host.setText(url.host or "")
            dialog.port.setValue(url.port or 5432)
            dialog.database.setText(url.database or "")
            dialog.user.setText(url.username or "")

        def set_up(dialog: login.SetupDialog) -> int:
            dialog.username.setText("chief")
            dialog.password.setText("chief-pass")
            dialog.again.setText("chief-pass")
            dialog.attempt()
            return dialog.result()

        run_steps(desk, change, connect_to(server), set_up, log_in_as("chief"))
        opened = start_login.connect_and_log_in(two_files[0], settings)
        assert opened is not None
        services, actor = opened
        try:
            place = f"服务器 {url.host} / {url.database}"
            assert desk.places == ["本地数据库：a.db", place, place]
            window = MainWindow(services.as_user(actor))
            qtbot.addWidget(window)
            assert window.database_label.text() == place
        finally:
            services.ctx.db.dispose()
    finally:
        databases.close()


def test_the_start_check_names_the_log_in_not_the_opening_progress(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """make bundle-test's headless start (ui/smoke.py): opening the database may show a
    progress dialog first; the window checked and closed is the one after it."""
    from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

    from contest_desk.ui import smoke

    monkeypatch.setenv(smoke.SMOKE_ENV, "1")
    progress = QProgressDialog("正在打开数据库…", "", 0, 0)
    qtbot.addWidget(progress)
    progress.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    smoke.arm(app)
    qtbot.wait(100)
    assert progress.isVisible()
    progress.close()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("登录")
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "shown: 登录" in capsys.readouterr().out


def test_the_log_in_starts_in_the_user_name_and_enter_is_ok(
    qtbot: Any, two_files: tuple[str, str]
) -> None:
    services = Services.open(two_files[0])
    try:
        dialog = login.LoginDialog(services, None, change=lambda _parent: None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.focusWidget() is dialog.username
        assert dialog.change_button is not None and not dialog.change_button.autoDefault()
    finally:
        services.ctx.db.dispose()


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (
            "nosuchdialect://clerk:s3cret@host/db",
            "Contest Desk 无法打开 nosuchdialect 类型的数据库",
        ),
        ("postgresql+psycopg://clerk:s3cret@host:port/db", "这不是数据库地址："),
    ],
)
def test_a_db_that_is_no_database_url_is_said_not_crashed(
    desk: Desk, settings: QSettings, two_files: tuple[str, str], given: str, said: str
) -> None:
    shown: list[str] = []

    def choose_a_file(dialog: ConnectionDialog) -> int:
        shown.append(dialog.outcome.text())
        local_file(two_files[0])(dialog)
        dialog.accept()
        return dialog.result()

    run_steps(desk, choose_a_file, cancel)
    assert start_login.connect_and_log_in(given, settings) is None
    assert shown[0].startswith(said) and "s3cret" not in shown[0]
    assert desk.places == ["本地数据库：a.db"]
