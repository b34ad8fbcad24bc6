"""The settings dialog: each value is stored in QSettings and applied where it is used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from contest_desk import logs
from contest_desk.app import DeskApp
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.services.hub import Services
from contest_desk.ui import backup_timer, feedback, settings_dialog
from contest_desk.ui.certificates.area import CertificatesArea
from contest_desk.ui.contests.area import ContestsArea
from contest_desk.ui.main_window import MainWindow
from contest_desk.ui.settings_dialog import (
    FONT_SIZE,
    ORGANIZATION,
    TEMPLATE,
    SettingsDialog,
    apply_font_size,
    default_template,
)
from contest_desk.ui.state import AppState
from contest_desk.ui.translator import Translations
from tests.builders import copy_of_demo
from tests.ui import test_scoring_models as shared
from tests.ui.test_main_window import organizer

language = shared.language
services = shared.services
small = shared.small
organizer = organizer


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    before = QFont(qapp.font())
    yield before
    qapp.setFont(before)


def test_the_font_size_is_stored_and_applied(qtbot, qapp, settings, app_font) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    size = app_font.pointSize() + 5
    dialog.font_spin.setValue(size)
    dialog.accept()
    assert int(str(settings.value(FONT_SIZE))) == size
    assert QApplication.font().pointSize() == size
    # The next start reads it too.
    qapp.setFont(app_font)
    apply_font_size(qapp, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert QApplication.font().pointSize() == size


def test_cancel_stores_nothing(qtbot, settings, app_font) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.font_spin.setValue(app_font.pointSize() + 3)
    dialog.template_box.setCurrentIndex(dialog.template_box.findData("portrait"))
    dialog.reject()
    assert settings.value(FONT_SIZE) is None and default_template(settings) == "landscape"
    assert QApplication.font().pointSize() == app_font.pointSize()


def test_the_dialog_shows_what_is_stored(qtbot, settings) -> None:
    settings.setValue(TEMPLATE, "portrait")
    settings.setValue(backup_timer.SETTING, 45)
    settings.setValue("language", "en")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.template_box.currentData() == "portrait"
    assert dialog.backup_spin.value() == 45
    assert dialog.chosen_language() == "en"


def test_the_desk_applies_interval_and_language_from_the_dialog(
    qtbot, qapp, settings, organizer: Services, app_font
) -> None:
    translations = Translations(qapp)
    translations.apply("zh_CN")
    desk = DeskApp(organizer, settings, translations)
    try:
        first = desk.open_window()
        dialog = desk.open_settings()
        dialog.backup_spin.setValue(30)
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
        dialog.template_box.setCurrentIndex(dialog.template_box.findData("portrait"))
        dialog.accept()
        assert desk.backup_timer.timer.interval() == 30 * 60_000
        assert desk.window is not first and desk.window.settings_action.text() == "Settings…"
        assert settings.value("language") == "en" and default_template(settings) == "portrait"
    finally:
        if desk.window is not None:
            desk.window.close()
        translations.close()
        set_language(DEFAULT_LANGUAGE)


def test_help_opens_the_log_folder(qtbot, organizer: Services, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(logs.FOLDER_ENV, str(tmp_path / "logs"))
    opened: list[QUrl] = []
    monkeypatch.setattr(feedback.QDesktopServices, "openUrl", lambda url: opened.append(url))
    window = MainWindow(organizer)
    qtbot.addWidget(window)
    assert window.log_folder_action in window.help_menu.actions()
    window.log_folder_action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "logs")]


def test_the_dialog_speaks_chinese(qtbot, qapp, settings) -> None:
    translations = Translations(qapp)
    translations.apply("zh_CN")
    try:
        dialog = SettingsDialog(settings)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "设置"
        assert dialog.backup_spin.suffix() == " 分钟"
        assert dialog.template_box.itemText(0) == "横版（A4 横向）"
    finally:
        translations.close()
        set_language(DEFAULT_LANGUAGE)


def test_the_certificates_area_starts_on_the_default_template(
    qtbot, demo_template: Path, tmp_path: Path, settings, monkeypatch
) -> None:
    settings.setValue(TEMPLATE, "portrait")
    monkeypatch.setattr(settings_dialog, "stored_settings", lambda: settings)
    demo = Services.open(copy_of_demo(demo_template, tmp_path))
    try:
        state = AppState()
        skill = next(c for c in demo.contests.contests() if c.kind.value == "skill")
        state.choose_contest(skill.id)
        state.choose_event(1)
        area = CertificatesArea(demo, state)
        qtbot.addWidget(area)
        assert area.template_box.currentData() == "portrait"
        settings.setValue(TEMPLATE, "landscape")
        area2 = CertificatesArea(demo, state)
        qtbot.addWidget(area2)
        assert area2.template_box.currentData() == "landscape"
    finally:
        demo.ctx.db.dispose()


def test_a_new_contest_starts_with_the_default_organizer(
    qtbot, tmp_path: Path, settings, monkeypatch
) -> None:
    monkeypatch.setattr(settings_dialog, "stored_settings", lambda: settings)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.organization_edit.setText(" 采油厂工会 ")
    dialog.accept()
    assert settings.value(ORGANIZATION) == "采油厂工会"
    services = Services.open(str(tmp_path / "t.db"))
    try:
        area = ContestsArea(services, AppState())
        qtbot.addWidget(area)
        area.contest_panel.start_new()
        assert area.contest_panel.organizer_edit.text() == "采油厂工会"
    finally:
        services.ctx.db.dispose()
