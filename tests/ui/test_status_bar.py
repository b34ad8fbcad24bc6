"""The main window's status bar says where the data is as a clerk says it: the database
file's name (its whole path in the tooltip), or the server and database, no password."""

from __future__ import annotations

from contest_desk.services.hub import Services
from contest_desk.ui.main_window import MainWindow, database_place
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services


def test_a_local_database_by_its_file_name(qtbot, services: Services) -> None:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    window = MainWindow(services.as_user(services.users.authenticate("admin", "admin-pass")))
    qtbot.addWidget(window)
    path = services.ctx.db.sqlite_path
    assert path is not None
    assert window.database_label.text() == "本地数据库：desk.db"
    assert window.database_label.toolTip() == str(path)
    assert "sqlite" not in window.statusBar().currentMessage() + window.database_label.text()


def test_a_server_by_host_and_database_never_the_password() -> None:
    url = "postgresql+psycopg://clerk:s3cret@db.plant.local:5433/contests"
    shown, tip = database_place(url, None)
    assert shown == "服务器 db.plant.local / contests"
    assert tip == "PostgreSQL 服务器 db.plant.local:5433，数据库 contests\n以 clerk 身份连接服务器"
    assert "s3cret" not in shown + tip
