"""The settings dialog (设置…): what an office changes once and keeps, stored in QSettings
and read where it is used: the language (app.py), the default certificate template (the
certificates area), the default organizer (a new contest's form), the automatic backup's
interval (ui/backup_timer.py) and the font size (applied here to the whole application)."""

from __future__ import annotations

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
from contest_desk.ui import backup_timer

LANGUAGE = "language"
TEMPLATE = "certificate_template"
ORGANIZATION = "organization"
FONT_SIZE = "font_size"
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


def apply_font_size(app: QApplication, settings: QSettings) -> None:
    """The application's font at the chosen size (every window built after this uses it)."""
    size = font_size(settings)
    if size > 0:
        font = QFont(app.font())
        font.setPointSize(size)
        app.setFont(font)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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
        self.settings.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_font_size(app, self.settings)
