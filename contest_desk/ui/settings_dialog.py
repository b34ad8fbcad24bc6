"""The settings dialog (设置…): what an office changes once and keeps, stored in QSettings
and read where it is used: the language (app.py), the default certificate template (the
certificates area), the default organizer (a new contest's form), the automatic backup's
interval (ui/backup_timer.py), the font size (applied here to the whole application), and
the backup folder and the attached files' place (handed down to storage through
services/safety/places.py, by app.py at start and by this dialog when they change)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from contest_desk.domain.plain_names import TEMPLATE_NAMES, template_name
from contest_desk.i18n import DEFAULT_LANGUAGE
from contest_desk.ui import backup_timer, operations
from contest_desk.ui.ask import tell
from contest_desk.ui.folder_field import FolderField

if TYPE_CHECKING:  # the start applies the font size before the database's modules load
    from contest_desk.services.safety.places import Places, StoreCopy

LANGUAGE = "language"
TEMPLATE = "certificate_template"
ORGANIZATION = "organization"
FONT_SIZE = "font_size"
BACKUP_FOLDER = "backup_folder"
FILES_FOLDER = "attachments_folder"
DEFAULT_TEMPLATE = "landscape"
# 0: the system's own size, untouched (the bundled font's default).
SYSTEM_FONT = 0
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}


def stored_settings() -> QSettings:
    """The user's settings (QSettings of the app's organization and name); one place, so
    that a test can give its own."""
    return QSettings()


def _int(settings: QSettings, key: str, default: int) -> int:
    try:
        return int(str(settings.value(key, default)))
    except ValueError:  # a hand-edited settings file: the default, not a crash
        return default


def font_size(settings: QSettings) -> int:
    return _int(settings, FONT_SIZE, SYSTEM_FONT)


def default_template(settings: QSettings) -> str:
    return str(settings.value(TEMPLATE, DEFAULT_TEMPLATE) or DEFAULT_TEMPLATE)


def default_organization(settings: QSettings) -> str:
    """The organizer a new contest starts with (printed on its certificates)."""
    return str(settings.value(ORGANIZATION, "") or "")


def chosen_folder(settings: QSettings, key: str) -> Path | None:
    """A folder setting; None (the default place) when it is empty or not set."""
    text = str(settings.value(key, "") or "").strip()
    return Path(text) if text else None


def apply_places(places: Places, settings: QSettings) -> None:
    """Hand the chosen folders down to the database's storage (at start and after a change)."""
    places.use(chosen_folder(settings, FILES_FOLDER), chosen_folder(settings, BACKUP_FOLDER))


def apply_font_size(app: QApplication, settings: QSettings) -> None:
    """The application's font at the chosen size (every window built after this uses it)."""
    size = font_size(settings)
    if size > 0:
        font = QFont(app.font())
        font.setPointSize(size)
        app.setFont(font)


class SettingsDialog(QDialog):
    """``places``: the open database's folders; without it (no database yet) the dialog
    leaves out the backup folder and the attached files' place."""

    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, places: Places | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.places = places
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(420)  # room for an organizer's full name
        self.language_box = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self._select(self.language_box, str(settings.value(LANGUAGE, DEFAULT_LANGUAGE)))
        self.template_box = QComboBox()
        for name in TEMPLATE_NAMES:
            self.template_box.addItem(template_name(name), name)
        self._select(self.template_box, default_template(settings))
        self.organization_edit = QLineEdit(default_organization(settings))
        self.backup_spin = QSpinBox()
        self.backup_spin.setRange(0, 24 * 60)
        self.backup_spin.setSuffix(self.tr(" min"))
        self.backup_spin.setSpecialValueText(self.tr("Off"))
        self.backup_spin.setValue(
            _int(settings, backup_timer.SETTING, backup_timer.DEFAULT_MINUTES)
        )
        self.font_spin = QSpinBox()
        self.font_spin.setRange(SYSTEM_FONT, 28)
        self.font_spin.setSpecialValueText(self.tr("System size"))
        self.font_spin.setValue(font_size(settings))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Default certificate template"), self.template_box)
        form.addRow(self.tr("Default organizer"), self.organization_edit)
        form.addRow(self.tr("Automatic backup every"), self.backup_spin)
        if places is not None:  # under the interval: what is about backups stays together
            self._add_folders(form, places)
        form.addRow(self.tr("Font size (points)"), self.font_spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.accepted.connect(self.save)

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        index = box.findData(data)
        box.setCurrentIndex(max(index, 0))

    def _add_folders(self, form: QFormLayout, places: Places) -> None:
        backups = places.default_backups()
        self.backup_folder = FolderField(
            self.tr("Backup folder"),
            str(chosen_folder(self.settings, BACKUP_FOLDER) or ""),
            str(backups) if backups else self.tr("a server database is backed up by IT"),
        )
        self.backup_folder.edit.setToolTip(
            self.tr(
                "Automatic backups and backups made without naming a file go here, into a"
                " folder of each database's own. Empty: beside the database file."
            )
        )
        self.files_folder = FolderField(
            self.tr("Attached files kept in"),
            str(chosen_folder(self.settings, FILES_FOLDER) or ""),
            str(places.default_files()),
        )
        if env := places.files_env():  # the variable wins over the setting: said, not hidden
            self.files_folder.setEnabled(False)
            self.files_folder.edit.setText(env)
            self.files_folder.setToolTip(self.tr("Set by CONTEST_DESK_FILES"))
        form.addRow(self.tr("Backup folder"), self.backup_folder)
        form.addRow(self.tr("Attached files kept in"), self.files_folder)
        self.setMinimumWidth(560)  # room for a folder's path

    def accept(self) -> None:
        """Close only once the chosen folders can be written and the attached files, when
        their place changes, are copied and checked there; else say why and stay open."""
        if self.places is None or self._folders_ready(self.places):
            super().accept()

    def _folders_ready(self, places: Places) -> bool:
        backups = self.backup_folder.folder()
        stored = chosen_folder(self.settings, BACKUP_FOLDER)
        if backups is not None and backups != stored and not self._writable(places, backups):
            return False
        if not self.files_folder.isEnabled():
            return True
        target = self.files_folder.folder() or places.default_files()
        if target.resolve() == places.files().resolve():
            return True
        copied = operations.run(
            self,
            lambda progress: places.copy_files(target, progress),
            label=self.tr("Copying the attached files…"),
            cancellable=True,
        )
        if copied is None:  # refused (already said) or cancelled: the old place stays
            return False
        if copied.checked or copied.damaged:
            tell(self, self.tr("Attached files copied"), self._copied_text(copied))
        return True

    def _writable(self, places: Places, folder: Path) -> bool:
        return operations.done(self, lambda: places.check_folder(folder))

    def _copied_text(self, copied: StoreCopy) -> str:
        text = self.tr(
            "{count} attached file(s) were copied to {new} and each checked by its SHA-256;"
            " new attached files are kept there from now on. The old copies stay in {old}:"
            " nothing was deleted."
        ).format(count=copied.checked, new=copied.target, old=copied.source)
        if copied.damaged:
            text += "\n" + self.tr(
                "{count} file(s) in the old folder no longer match their hash and were not"
                " copied: {names}"
            ).format(count=len(copied.damaged), names=", ".join(copied.damaged))
        return text

    def chosen_language(self) -> str:
        return str(self.language_box.currentData())

    def save(self) -> None:
        """Store every value and apply the font at once; the language and the backup
        interval take effect when the window is rebuilt (the caller does that)."""
        self.settings.setValue(LANGUAGE, self.chosen_language())
        self.settings.setValue(TEMPLATE, self.template_box.currentData())
        self.settings.setValue(ORGANIZATION, self.organization_edit.text().strip())
        self.settings.setValue(backup_timer.SETTING, self.backup_spin.value())
        self.settings.setValue(FONT_SIZE, self.font_spin.value())
        if self.places is not None:
            self.settings.setValue(BACKUP_FOLDER, str(self.backup_folder.folder() or ""))
            if self.files_folder.isEnabled():
                self.settings.setValue(FILES_FOLDER, str(self.files_folder.folder() or ""))
            apply_places(self.places, self.settings)
        self.settings.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_font_size(app, self.settings)
