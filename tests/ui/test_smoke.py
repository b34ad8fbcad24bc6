"""CONTEST_DESK_SMOKE=1 (make bundle-test's window check): the first shown window is named on
standard output and closed, so that a headless start ends by itself; without it, nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from contest_desk.ui import smoke


def test_the_first_shown_dialog_is_named_and_closed(
    qtbot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(smoke.SMOKE_ENV, "1")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("登录")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    smoke.arm(app)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert "shown: 登录" in capsys.readouterr().out


def test_without_the_variable_a_window_stays_open(
    qtbot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(smoke.SMOKE_ENV, raising=False)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    smoke.arm(app)
    dialog.show()
    qtbot.wait(100)
    assert dialog.isVisible()
    assert capsys.readouterr().out == ""
