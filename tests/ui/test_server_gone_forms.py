"""The server going away while a form saves (issue 16): the person's form keeps the typed
values open, says 未保存 and closes as saved once the server is back; a broken connection
that reaches the window outside the services is said plainly, not as a bug. On a
PostgreSQL server of the test's own (tests/pg_second_server.py)."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from sqlalchemy.exc import OperationalError

from contest_desk.domain.records.contests import PersonInfo
from contest_desk.errors import ServerUnavailable, UserError
from contest_desk.services.hub import Services
from contest_desk.ui import ask, feedback
from contest_desk.ui.contests.person_dialog import EditPersonDialog
from contest_desk.ui.reconnect import Reconnect
from tests import pg_second_server as gone
from tests.ui import test_scoring_models as shared

# The second server's fixtures, used by name.
gone_url, second_server, services = gone.gone_url, gone.second_server, gone.services
language = shared.language
WAIT_MS = 60000


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[UserError]:
    said: list[UserError] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _parent, error: said.append(error))
    return said


def person_form(qtbot: Any, services: Services) -> tuple[QMainWindow, EditPersonDialog, PersonInfo]:
    person = services.roster.add_person("1001", "王建国", "采油一区/作业一班", "采油工", "高级工")
    window = QMainWindow()
    qtbot.addWidget(window)
    roster = services.roster
    dialog = EditPersonDialog(
        person,
        roster.units(),
        lambda read, v: roster.update_person(read, *v),
        window,
        answers=services.ctx.db.answers,
    )
    dialog.show()
    return window, dialog, person


def stored_name(url: str, person_id: int) -> str:
    fresh = Services.open(url)
    try:
        return fresh.roster.person(person_id).name
    finally:
        fresh.ctx.db.dispose()


def test_the_person_form_keeps_its_values_and_saves_them_when_the_server_is_back(
    qtbot: Any,
    services: Services,
    gone_url: str,
    second_server: gone.SecondServer,
    shown: list[UserError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, dialog, person = person_form(qtbot, services)
    second_server.stop()
    dialog.name.setText("王建军")
    assert not dialog.save()
    assert dialog.isVisible() and dialog.name.text() == "王建军" and shown == []
    assert dialog.notice.text().startswith("未保存：与服务器的连接中断：127.0.0.1:")
    label = window.findChild(QLabel, "reconnect_status")
    assert label is not None and label.text() == "服务器连接中断，正在重试…（1 项未保存）"
    # Cancel now asks first; kept open when the person keeps waiting.
    monkeypatch.setattr(ask, "ask_go", lambda *_args, **_kw: False)
    dialog.reject()
    assert dialog.isVisible()

    second_server.start()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        pass
    assert dialog.saved is not None and dialog.saved.name == "王建军"
    assert stored_name(gone_url, person.id) == "王建军"
    assert label.text() == "已重新连接" and shown == []


def test_a_form_saved_but_its_answer_lost_is_not_taken_for_someone_elses_change(
    qtbot: Any, services: Services, shown: list[UserError], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sent again, the save finds the person changed since the form read them (by its own
    first attempt) and the values stored are the typed ones: saved, nothing to redo."""
    window, dialog, _person = person_form(qtbot, services)
    gone.lose_next_commit_answer(services.ctx.db.engine, monkeypatch)
    dialog.name.setText("王建军")
    assert not dialog.save()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        pass
    assert dialog.saved is not None and dialog.saved.name == "王建军" and shown == []
    assert window.findChild(Reconnect) is not None


def test_a_broken_connection_outside_the_services_is_said_not_a_crash(
    shown: list[UserError], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_crash_dialog(*_args: Any) -> None:
        raise AssertionError("the crash dialog was opened for a server gone away")

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(feedback, "report_crash", no_crash_dialog)
    feedback.install_crash_handler()
    broken = OperationalError(
        "SELECT 1", {}, Exception("server closed the connection"), connection_invalidated=True
    )
    sys.excepthook(type(broken), broken, None)
    assert len(shown) == 1 and isinstance(shown[0], ServerUnavailable)
    assert shown[0].message().startswith("与服务器的连接中断：数据库服务器。")
