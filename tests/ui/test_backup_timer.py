"""The window's rotating backup: made on the task runner, when due, at the set interval."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from contest_desk.services.hub import Services
from contest_desk.ui.backup_timer import SETTING, BackupTimer


def test_the_timer_backs_up_when_due_and_the_setting_turns_it_off(qtbot, tmp_path: Path) -> None:
    services = Services.open(str(tmp_path / "desk.db"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTING, 30)
    timer = BackupTimer(lambda: services, settings)
    assert timer.timer.isActive() and timer.timer.interval() == 30 * 60_000

    timer.tick()
    qtbot.waitUntil(lambda: not timer.busy)
    timer.tick()  # again at once: the last one is not 30 minutes old, nothing is made
    qtbot.waitUntil(lambda: not timer.busy)

    made = list((tmp_path / "desk-backups").glob("*-auto.zip"))
    assert timer.last is not None and made == [timer.last.path]
    settings.setValue(SETTING, 0)
    assert not BackupTimer(lambda: services, settings).timer.isActive()
    services.ctx.db.dispose()
