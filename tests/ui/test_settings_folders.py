"""The settings dialog's backup folder and attached files' place: stored, handed down to
storage, used by the automatic and manual backups and the attachments; attached files
moved only once copied and checked, the old ones kept; a folder that cannot be written
refused by name."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from contest_desk.app import DeskApp
from contest_desk.domain.file_hash import sha256_of
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.services.hub import Services
from contest_desk.services.safety.places import Places
from contest_desk.storage.files import FILES_ENV, files_root, stored_path
from contest_desk.ui import backup_timer, feedback, settings_dialog
from contest_desk.ui.backup_timer import BackupTimer
from contest_desk.ui.settings_dialog import BACKUP_FOLDER, FILES_FOLDER, SettingsDialog
from contest_desk.ui.translator import Translations
from tests.ui import test_scoring_models as shared

language = shared.language


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """A desk's database file, its attached files in their default place (the run's
    CONTEST_DESK_FILES, which would win over the setting, taken away)."""
    monkeypatch.delenv(FILES_ENV)
    yield from shared.desk_on_file(tmp_path / "desk.db")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The refusals and the notes shown, instead of message boxes."""
    shown: dict[str, list[str]] = {"refused": [], "told": []}
    monkeypatch.setattr(
        feedback, "show_user_error", lambda _p, error: shown["refused"].append(error.message())
    )
    monkeypatch.setattr(
        settings_dialog, "tell", lambda _p, _title, text: shown["told"].append(text)
    )
    return shown


def dialog_of(qtbot, settings: QSettings, services: Services) -> SettingsDialog:
    dialog = SettingsDialog(settings, places=Places(services.ctx.db))
    qtbot.addWidget(dialog)
    return dialog


def attach(services: Services, tmp_path: Path, text: str) -> tuple[int, str]:
    """A file attached to an achievement through the service: its id and SHA-256."""
    if not services.roster.persons():
        services.roster.add_person("P001", "王建国", "采油一区/采油一班", "采油工")
    studio = services.innovation.add_studio(f"工作室{text}", "采油一区", "plant")
    achievement = services.innovation.propose(studio.id, f"成果{text}", "tool", ["P001"])
    source = tmp_path / f"{text}.pdf"
    source.write_text(f"%PDF-1.4 {text}", encoding="utf-8")
    return services.attachments.attach("achievement", achievement, source), sha256_of(source)


def test_backups_go_into_the_chosen_folder(qtbot, desk, settings, tmp_path, said) -> None:
    dialog = dialog_of(qtbot, settings, desk)
    assert dialog.backup_folder.edit.placeholderText() == str(tmp_path / "desk-backups")
    chosen = tmp_path / "备份"
    dialog.backup_folder.edit.setText(str(chosen))
    dialog.accept()
    assert settings.value(BACKUP_FOLDER) == str(chosen) and said["refused"] == []
    # The automatic backup (the window's timer) and a backup made without naming a file.
    settings.setValue(backup_timer.SETTING, 30)
    timer = BackupTimer(lambda: desk, settings)
    timer.tick()
    qtbot.waitUntil(lambda: not timer.busy)
    own = chosen / "desk-backups"  # a folder per database inside the chosen one
    assert timer.last is not None and list(own.glob("*-auto.zip")) == [timer.last.path]
    manual = desk.backups.back_up()
    assert manual.path.parent == own
    assert not (tmp_path / "desk-backups").exists()


def test_the_desk_hands_the_stored_folders_down_at_start(qapp, desk, settings, tmp_path) -> None:
    settings.setValue(BACKUP_FOLDER, str(tmp_path / "备份"))
    settings.setValue(FILES_FOLDER, str(tmp_path / "附件"))
    translations = Translations(qapp)
    app = DeskApp(desk, settings, translations)
    try:
        app.open_window()
    finally:
        if app.window is not None:
            app.window.close()
        translations.close()
        set_language(DEFAULT_LANGUAGE)
    assert desk.ctx.db.backups_folder == tmp_path / "备份"
    assert files_root(desk.ctx.db) == tmp_path / "附件"


def test_a_backup_in_either_place_restores(qtbot, desk, settings, tmp_path, said) -> None:
    beside = desk.backups.back_up()  # before a folder was chosen: beside the database
    assert beside.path.parent == tmp_path / "desk-backups"
    desk.roster.add_person("P009", "李明", "采油一区", "采油工")
    dialog = dialog_of(qtbot, settings, desk)
    dialog.backup_folder.edit.setText(str(tmp_path / "备份"))
    dialog.accept()
    restored = desk.backups.restore(beside.path)
    assert desk.roster.persons() == []  # as it was when backed up
    # The database as it was went into the chosen folder first.
    assert restored.aside is not None
    assert restored.aside.path.parent == tmp_path / "备份" / "desk-backups"
    assert desk.backups.restore(restored.aside.path).manifest.tables["persons"] == 1
    assert [p.name for p in desk.roster.persons()] == ["李明"]


def test_attached_files_are_copied_checked_and_kept(qtbot, desk, settings, tmp_path, said) -> None:
    first, first_hash = attach(desk, tmp_path, "图纸")
    old = tmp_path / "desk-files"
    assert stored_path(old, first_hash).is_file()
    dialog = dialog_of(qtbot, settings, desk)
    assert dialog.files_folder.edit.placeholderText() == str(old)
    new = tmp_path / "共享附件"
    dialog.files_folder.edit.setText(str(new))
    dialog.accept()
    assert said["refused"] == [] and dialog.result() == SettingsDialog.DialogCode.Accepted
    # Copied and checked; the old copy kept; the person told where both are.
    assert sha256_of(stored_path(new, first_hash)) == first_hash
    assert sha256_of(stored_path(old, first_hash)) == first_hash
    [note] = said["told"]
    assert note.startswith(f"已将 1 个附件复制到 {new}") and f"原来的文件仍保留在 {old}" in note
    assert settings.value(FILES_FOLDER) == str(new)
    # The desk reads from the new place, and keeps new files there only.
    assert desk.attachments.path_of(first) == stored_path(new, first_hash)
    _second, second_hash = attach(desk, tmp_path, "说明书")
    assert stored_path(new, second_hash).is_file()
    assert not stored_path(old, second_hash).exists()
    # Backups take the files from the new place.
    with zipfile.ZipFile(desk.backups.back_up().path) as zf:
        assert f"files/{second_hash[:2]}/{second_hash}" in zf.namelist()


def test_a_damaged_file_is_named_and_not_copied(qtbot, desk, settings, tmp_path, said) -> None:
    _first, first_hash = attach(desk, tmp_path, "图纸")
    stored_path(tmp_path / "desk-files", first_hash).write_bytes(b"changed since")
    dialog = dialog_of(qtbot, settings, desk)
    dialog.files_folder.edit.setText(str(tmp_path / "新附件"))
    dialog.accept()
    [note] = said["told"]
    assert note.startswith("已将 0 个附件复制到") and first_hash in note
    assert not stored_path(tmp_path / "新附件", first_hash).exists()


@pytest.mark.parametrize("field", ["backup_folder", "files_folder"])
def test_a_folder_that_cannot_be_written_is_refused(
    qtbot, desk, settings, tmp_path, said, field
) -> None:
    _first, first_hash = attach(desk, tmp_path, "图纸")
    blocker = tmp_path / "一个文件"
    blocker.write_text("not a folder", encoding="utf-8")
    wanted = blocker / "备份"
    dialog = dialog_of(qtbot, settings, desk)
    getattr(dialog, field).edit.setText(str(wanted))
    dialog.accept()
    [refusal] = said["refused"]
    assert refusal.startswith(f"无法写入文件夹 {wanted}")
    # Nothing stored, nothing switched: the dialog stays open for another choice.
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert settings.value(BACKUP_FOLDER) is None and settings.value(FILES_FOLDER) is None
    assert desk.ctx.db.backups_folder is None and desk.ctx.db.files_folder is None
    assert stored_path(tmp_path / "desk-files", first_hash).is_file()


def test_the_environment_variable_wins_and_is_shown(
    qtbot, desk, settings, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv(FILES_ENV, str(tmp_path / "scripts"))
    desk.ctx.db.files_folder = tmp_path / "chosen"
    assert files_root(desk.ctx.db) == tmp_path / "scripts"
    dialog = dialog_of(qtbot, settings, desk)
    assert not dialog.files_folder.isEnabled()
    assert dialog.files_folder.edit.text() == str(tmp_path / "scripts")
