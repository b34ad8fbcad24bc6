"""The connection dialog: the URL it builds (a password with @ : / % in it survives), the
recent list saved without the password unless asked, the password in the system's store
where there is one, and "test connection" on real databases: a file, the private
PostgreSQL server, a wrong database name and a closed port."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from contest_desk.services.connections import Connection
from contest_desk.storage.db import open_database
from contest_desk.ui.connection import ConnectionDialog, describe
from contest_desk.ui.connection_store import KEEP, Passwords, RecentConnections
from tests import ports
from tests.ui import test_scoring_models as shared

language = shared.language
closed_port = ports.closed_port
silent_port = ports.silent_port

PASSWORD = "p@ss:w/rd%20#?"
PG = os.environ.get("CONTEST_DESK_TEST_PG", "")
needs_pg = pytest.mark.skipif(not PG, reason="needs CONTEST_DESK_TEST_PG (make test starts it)")


class MemoryKeyring:
    """A system password store that keeps its passwords in a dict (keyring's interface)."""

    name = "memory"

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, key: str) -> str | None:
        return self.kept.get((service, key))

    def set_password(self, service: str, key: str, password: str) -> None:
        self.kept[(service, key)] = password

    def delete_password(self, service: str, key: str) -> None:
        del self.kept[(service, key)]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def settings_text(settings: QSettings) -> str:
    settings.sync()
    return Path(settings.fileName()).read_text(encoding="utf-8")


@pytest.fixture
def recent(settings: QSettings) -> RecentConnections:
    return RecentConnections(settings, Passwords(None))  # no system store: the settings


@pytest.fixture
def dialog(qtbot: Any, recent: RecentConnections) -> ConnectionDialog:
    made = ConnectionDialog(recent)
    qtbot.addWidget(made)
    return made


def fill_server(dialog: ConnectionDialog, host: str, port: int, database: str, user: str,
                password: str = "") -> None:  # fmt: skip
    dialog.server.setChecked(True)
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


SERVER = Connection(
    host="db.plant.local", port=5433, database="contests", user="clerk", password=PASSWORD
)


# The URL ---------------------------------------------------------------------------------


def test_the_form_builds_the_url_and_reads_it_back(dialog: ConnectionDialog) -> None:
    fill_server(dialog, "db.plant.local", 5433, "contests", "clerk", PASSWORD)
    dialog.tls.setChecked(True)
    url = make_url(dialog.connection().target())
    assert (url.drivername, url.host, url.port, url.database) == (
        "postgresql+psycopg", "db.plant.local", 5433, "contests"
    )  # fmt: skip
    assert url.username == "clerk" and url.password == PASSWORD
    assert dict(url.query) == {"sslmode": "require"}
    # Read back (as from --db), the form shows the same fields.
    dialog.fill(Connection.parse(dialog.connection().target()))
    assert dialog.host.text() == "db.plant.local" and dialog.port.value() == 5433
    assert dialog.password.text() == PASSWORD and dialog.tls.isChecked()
    assert dialog.connection() == Connection.parse(url.render_as_string(hide_password=False))


def test_a_url_from_the_command_line_keeps_its_own_options(dialog: ConnectionDialog) -> None:
    given = (
        "postgresql+psycopg://clerk:p%40ss@db:5432/contests?connect_timeout=3&sslmode=verify-full"
    )
    parsed = Connection.parse(given)
    assert (
        parsed.password == "p@ss" and parsed.tls and parsed.options == (("connect_timeout", "3"),)
    )
    dialog.fill(parsed)
    assert dict(make_url(dialog.connection().target()).query) == {
        "connect_timeout": "3", "sslmode": "verify-full"
    }  # fmt: skip
    dialog.tls.setChecked(False)
    assert dict(make_url(dialog.connection().target()).query) == {"connect_timeout": "3"}


def test_a_connection_is_described_as_the_status_bar_says_it_never_with_its_password(
    tmp_path: Path,
) -> None:
    shown, tip = describe(SERVER)
    assert shown == "服务器 db.plant.local / contests"
    assert PASSWORD not in shown + tip and "p%40ss" not in shown + tip
    shown, tip = describe(Connection.parse(str(tmp_path / "demo.db")))
    assert shown == "本地数据库：demo.db" and tip == str(tmp_path / "demo.db")


def test_missing_fields_are_named_before_anything_is_tried(dialog: ConnectionDialog) -> None:
    fill_server(dialog, "db", 5432, "", "clerk")
    dialog.test_button.click()
    assert dialog.outcome.text() == "请填写数据库。"


# The recent list and the passwords ---------------------------------------------------------


def test_recent_connections_are_saved_without_the_password(
    settings: QSettings, recent: RecentConnections, tmp_path: Path
) -> None:
    local = Connection.parse(str(tmp_path / "a.db"))
    recent.add(SERVER)
    recent.add(local)
    assert [e.connection for e in recent.load()] == [local, SERVER.without_password()]
    text = settings_text(settings)
    assert "db.plant.local" in text
    assert "p@ss" not in text and "p%40ss" not in text and "password" not in text
    assert [e.connection for e in RecentConnections(settings, Passwords(None)).load()][1] == (
        SERVER.without_password()
    )


def test_the_list_keeps_the_last_few_most_recent_first(
    recent: RecentConnections, tmp_path: Path
) -> None:
    files = [Connection.parse(str(tmp_path / f"{n}.db")) for n in range(KEEP + 2)]
    for each in files:
        recent.add(each)
    recent.add(files[3])  # opened again: first, and once
    listed = [e.connection for e in recent.load()]
    assert listed[0] == files[3] and listed.count(files[3]) == 1
    others = [each for each in files[::-1] if each != files[3]]
    assert listed[1:] == others[: KEEP - 1] and len(listed) == KEEP


def test_a_password_is_kept_in_the_settings_only_when_asked(
    settings: QSettings, recent: RecentConnections, dialog: ConnectionDialog
) -> None:
    assert not dialog.remember.isChecked()
    assert "not encrypted" in dialog.where.text() or "未加密" in dialog.where.text()
    recent.add(SERVER, remember=True)
    assert "p@ss:w/rd%20#?" in settings_text(settings)
    assert recent.load()[0].connection.password == PASSWORD
    recent.add(SERVER.without_password())  # opened again from the list: still remembered
    assert recent.load()[0].connection.password == PASSWORD
    recent.add(SERVER, remember=False)
    assert "p@ss" not in settings_text(settings)
    assert recent.load()[0].connection.password == ""


def test_with_a_system_store_the_password_goes_there_not_to_the_settings(
    qtbot: Any, settings: QSettings
) -> None:
    store = MemoryKeyring()
    recent = RecentConnections(settings, Passwords(store))
    recent.add(SERVER, remember=True)
    assert store.kept == {("Contest Desk", SERVER.key()): PASSWORD}
    assert "p@ss" not in settings_text(settings)
    assert recent.load()[0].connection.password == PASSWORD
    dialog = ConnectionDialog(recent)
    qtbot.addWidget(dialog)
    assert dialog.password.text() == PASSWORD and dialog.remember.isChecked()
    assert dialog.where.text() == "密码保存在系统的密码库中（memory）"
    recent.add(SERVER, remember=False)
    assert store.kept == {}


def test_choosing_a_recent_connection_fills_the_form(
    qtbot: Any, recent: RecentConnections, tmp_path: Path
) -> None:
    recent.add(SERVER)
    recent.add(Connection.parse(str(tmp_path / "a.db")))
    dialog = ConnectionDialog(recent)
    qtbot.addWidget(dialog)
    assert dialog.local.isChecked() and dialog.path.text() == str(tmp_path / "a.db")
    assert [dialog.recent.item(n).text() for n in range(2)] == [
        "本地数据库：a.db", "服务器 db.plant.local / contests"
    ]  # fmt: skip
    dialog.recent.setCurrentRow(1)
    assert dialog.server.isChecked() and dialog.host.text() == "db.plant.local"
    assert dialog.database.text() == "contests" and dialog.password.text() == ""


# Testing a connection ----------------------------------------------------------------------


def said_by_test(dialog: ConnectionDialog) -> str:
    dialog.test_button.click()
    return dialog.outcome.text()


def test_a_local_file_is_tested_without_opening_it(
    dialog: ConnectionDialog, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "desk.db")  # open in this desk: the test does not wait for it
    try:
        dialog.path.setText(str(tmp_path / "desk.db"))
        assert said_by_test(dialog) == "连接成功：数据库是最新版本"
    finally:
        db.dispose()
    (tmp_path / "notes.db").write_text("not a database" * 100, encoding="utf-8")
    dialog.path.setText(str(tmp_path / "notes.db"))
    assert said_by_test(dialog).startswith("该文件不是 Contest Desk 数据库")
    dialog.path.setText(str(tmp_path / "new.db"))
    assert said_by_test(dialog) == "文件尚不存在：将在此新建一个空数据库"


@needs_pg
def test_the_real_server_answers(dialog: ConnectionDialog) -> None:
    url = make_url(PG)
    fill_server(dialog, url.host or "", url.port or 5432, url.database or "", url.username or "")
    assert said_by_test(dialog).startswith("连接成功")
    dialog.database.setText("no_such_database")
    assert said_by_test(dialog) == f"服务器 {url.host}:{url.port} 上没有数据库 no_such_database"
    dialog.database.setText(url.database or "")
    dialog.tls.setChecked(True)  # the tests' server has no certificate
    assert said_by_test(dialog) == f"服务器 {url.host}:{url.port} 不支持加密连接（TLS）"


def test_a_closed_port_is_refused_in_words(dialog: ConnectionDialog, closed_port: int) -> None:
    fill_server(dialog, "127.0.0.1", closed_port, "contests", "clerk", PASSWORD)
    said = said_by_test(dialog)
    assert said.startswith(f"无法连接服务器 127.0.0.1:{closed_port}（被拒绝）")
    assert PASSWORD not in said


def test_a_server_that_does_not_answer_times_out(
    dialog: ConnectionDialog, silent_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contest_desk.storage import reach

    monkeypatch.setattr(reach, "TEST_TIMEOUT", 2)  # libpq's shortest
    fill_server(dialog, "127.0.0.1", silent_port, "contests", "clerk")
    assert said_by_test(dialog).startswith(f"无法连接服务器 127.0.0.1:{silent_port}（超时）")


def test_a_recent_connection_is_removed_with_its_password(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    store = MemoryKeyring()
    recent = RecentConnections(settings, Passwords(store))
    recent.add(SERVER, remember=True)
    recent.add(Connection.parse(str(tmp_path / "a.db")))
    dialog = ConnectionDialog(recent)
    qtbot.addWidget(dialog)
    dialog.recent.setCurrentRow(1)
    dialog.forget_button.click()
    assert [dialog.recent.item(n).text() for n in range(dialog.recent.count())] == [
        "本地数据库：a.db"
    ]
    assert store.kept == {} and "db.plant.local" not in settings_text(settings)


def test_a_path_field_holding_no_url_is_said(dialog: ConnectionDialog) -> None:
    dialog.local.setChecked(True)
    dialog.path.setText("postgresql+psycopg://clerk:s3cret@db:port/contests")
    said = said_by_test(dialog)
    assert said.startswith("这不是数据库地址：") and "s3cret" not in said
    dialog.accept()
    assert dialog.outcome.text() == said and dialog.result() == 0  # not accepted


def test_the_system_store_is_looked_up_only_for_a_remembered_password(
    settings: QSettings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """keyring takes a fifth of a second to find its stores: not at every start."""
    looked_up: list[int] = []
    store = MemoryKeyring()

    def system_keyring() -> MemoryKeyring:
        looked_up.append(1)
        return store

    monkeypatch.setattr("contest_desk.ui.connection_store.system_keyring", system_keyring)
    recent = RecentConnections(settings)
    recent.add(Connection.parse(str(tmp_path / "a.db")))
    recent.add(SERVER)
    assert RecentConnections(settings).load()[0].connection == SERVER.without_password()
    assert looked_up == []
    recent.add(SERVER, remember=True)
    assert RecentConnections(settings).load()[0].connection.password == PASSWORD
    assert looked_up and store.kept
