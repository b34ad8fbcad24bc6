"""The composition root: builds the database, services, translator and window, and runs them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from contest_desk.errors import UserError
from contest_desk.i18n import DEFAULT_LANGUAGE
from contest_desk.logs import set_up_logging
from contest_desk.ui import main_thread_gc, start_args
from contest_desk.ui.backup_timer import BackupTimer
from contest_desk.ui.feedback import install_crash_handler
from contest_desk.ui.fonts import install_font
from contest_desk.ui.login import log_in_again
from contest_desk.ui.settings_dialog import SettingsDialog, apply_font_size, apply_places
from contest_desk.ui.smoke import arm as arm_smoke_test
from contest_desk.ui.start_login import connect_and_log_in
from contest_desk.ui.translator import Translations

# The log-in shows before these load: SQLAlchemy, the models and the services load off the
# window's thread while it is up (ui/start_login.py), the window's modules when it is opened.
if TYPE_CHECKING:
    from contest_desk.domain.records.contests import ContestInfo
    from contest_desk.services.hub import Services
    from contest_desk.services.safety.places import Places
    from contest_desk.ui.main_window import MainWindow


class DeskApp:
    """One running application: rebuilt windows share the same services."""

    def __init__(self, services: Services, settings: QSettings, translations: Translations) -> None:
        self.services = services
        self.settings = settings
        self.translations = translations
        self.window: MainWindow | None = None
        self.backup_timer = BackupTimer(lambda: self.services, settings)

    def places(self) -> Places:
        """The folders of the database open now (a log-in may have opened another)."""
        from contest_desk.services.safety.places import Places

        return Places(self.services.ctx.db)

    def open_window(self) -> MainWindow:
        from contest_desk.ui.main_window import MainWindow

        # The folders the settings chose, handed down before any backup or attachment.
        apply_places(self.places(), self.settings)
        if self.window is not None:
            if not self.window.close():  # marks wait for the server and the person kept them
                return self.window
            self.window.deleteLater()
        self.window = MainWindow(
            self.services, on_language=self.switch_language, on_log_out=self.log_out
        )
        self.window.settings_action.triggered.connect(self.open_settings)
        self.window.show()
        return self.window

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.window, self.places())
        dialog.accepted.connect(lambda: self.settings_changed(dialog.chosen_language()))
        dialog.open()
        return dialog

    def settings_changed(self, lang: str) -> None:
        """After the dialog saved: the backup timer reads its interval again, and a new
        language (or the new font, for every widget) rebuilds the window."""
        self.backup_timer.restart(self.settings)
        self.switch_language(lang)

    def open_contest_file(self, path: Path) -> ContestInfo | None:
        """``contest-desk-gui FILE``: offer the file's contest for import in the window."""
        from contest_desk.ui.contest_file_open import open_contest_file

        if self.window is None:
            return None
        return open_contest_file(self.window, path)

    def log_out(self) -> None:
        """Close the window and ask for a log-in again; quit when it is cancelled."""
        if self.window is not None:
            if not self.window.close():  # marks wait for the server (ui/reconnect.py)
                return
            self.window.deleteLater()
            self.window = None
        services = log_in_again(self.services, self.settings)
        if services is None:
            QApplication.quit()
            return
        self.services = services
        self.open_window()

    def switch_language(self, lang: str) -> None:
        """Apply a language at once by rebuilding the window in it, and remember it."""
        self.translations.apply(lang)
        self.settings.setValue("language", lang)
        self.open_window()


def make_qapp() -> tuple[QApplication, Translations]:
    instance = QApplication.instance()
    app = instance if isinstance(instance, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Contest Desk")
    app.setOrganizationName("ContestDesk")
    install_font(app)
    main_thread_gc.install(app)
    return app, Translations(app)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``contest-desk-gui`` program: its arguments read (ui/start_args.py), then the
    window; a mistake in them is said in a message box and gives 2."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = start_args.parse_start_args(argv)
    except UserError as error:
        refusal = error  # the lambda's own name: the except block unbinds ``error``
        _say_before_start(argv, lambda: start_args.refuse(refusal))
        return 2
    if args.help:
        _say_before_start(argv, start_args.show_usage)
        return 0
    return run_gui(args.db, args.lang, args.file)


def _say_before_start(argv: Sequence[str], say: Callable[[], None]) -> None:
    """A message box before any window, in the language the window would speak."""
    _, translations = make_qapp()
    try:
        stored = str(QSettings().value("language", DEFAULT_LANGUAGE))
        translations.apply(start_args.start_language(argv, stored))
        say()
    finally:
        translations.close()


def run_gui(db: str | None = None, lang: str | None = None, open_file: Path | None = None) -> int:
    """Open the app on ``db`` (a path or URL; the user's data directory by default), and
    offer the contest file ``open_file`` for import once the window is up."""
    set_up_logging()
    app, translations = make_qapp()
    install_crash_handler()
    arm_smoke_test(app)
    settings = QSettings()
    apply_font_size(app, settings)
    # Before the first dialog (the log-in), so that its OK and Cancel speak the language.
    translations.apply(lang or str(settings.value("language", DEFAULT_LANGUAGE)))
    # --db, else the most recent connection, else the user's own file (ui/start_login.py); one
    # that cannot be opened is said in the connection dialog, for another choice.
    opened = connect_and_log_in(db, settings)
    if opened is None:
        return 0
    services, actor = opened
    desk = DeskApp(services.as_user(actor), settings, translations)
    desk.open_window()
    if open_file is not None:  # after the window has painted, from the event loop
        QTimer.singleShot(0, lambda: desk.open_contest_file(open_file))
    return app.exec()
