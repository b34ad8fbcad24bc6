"""log_in: the set-up dialog first on a database without accounts, then the log-in; the
question whether there are accounts is asked off the window's thread (the guard holds)."""

from __future__ import annotations

import pytest

from contest_desk.domain.permissions import Role
from contest_desk.services.hub import Services
from contest_desk.ui import login
from tests.ui import test_scoring_models as shared

language = shared.language
services = shared.services


def dialogs_answering(monkeypatch: pytest.MonkeyPatch, setup: int, log_in: int) -> list[str]:
    opened: list[str] = []

    def setup_exec(_dialog: login.SetupDialog) -> int:
        opened.append("setup")
        return setup

    def login_exec(dialog: login.LoginDialog) -> int:
        opened.append("log in")
        dialog.username.setText("admin")
        dialog.password.setText("admin-pass")
        dialog.attempt()  # as OK does
        return log_in if dialog.actor is not None else 0

    monkeypatch.setattr(login.SetupDialog, "exec", setup_exec)
    monkeypatch.setattr(login.LoginDialog, "exec", login_exec)
    return opened


def test_without_accounts_the_set_up_comes_first(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = dialogs_answering(monkeypatch, setup=0, log_in=1)
    assert login.log_in(services) is None
    assert opened == ["setup"]


def test_with_accounts_only_the_log_in_is_asked(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.users.create_first_admin("admin", "管理员", "admin-pass")
    opened = dialogs_answering(monkeypatch, setup=1, log_in=1)
    actor = login.log_in(services)
    assert opened == ["log in"]
    assert actor is not None and actor.username == "admin" and actor.roles == {Role.ADMIN}
