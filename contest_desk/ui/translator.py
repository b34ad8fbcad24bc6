"""Qt's tr() answered from the same message catalog as every other layer, and Qt's own
texts (dialog buttons, file dialogs, the calendar, context menus) in the same language."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from contest_desk.i18n import language, lookup, set_language

log = logging.getLogger(__name__)

# The locale whose month and day names Qt's widgets show (QCalendarWidget takes them from
# QLocale, not from a translation), per language of the app.
LOCALES = {
    "zh_CN": (QLocale.Language.Chinese, QLocale.Country.China),
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
}


class CatalogTranslator(QTranslator):
    """A QTranslator backed by contest_desk.i18n, so there is one catalog, not two."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return lookup(source_text)

    def isEmpty(self) -> bool:
        return False


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: the path Qt reports (in a pip install, the wheel's
    ``PySide6/Qt/translations``), then the wheel's other layouts (Windows puts them in
    ``PySide6/translations``)."""
    import PySide6

    wheel = Path(PySide6.__file__).resolve().parent
    reported = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [reported, wheel / "Qt" / "translations", wheel / "translations"]


def load_qt_translation(lang: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """Qt's translation of its own texts (``qtbase_<lang>.qm``), or None where it is not
    installed (English needs none)."""
    if lang == "en":
        return None
    translator = QTranslator(parent)
    for folder in qt_translation_dirs():
        if translator.load(f"qtbase_{lang}", str(folder)):
            return translator
    log.warning("Qt's translation qtbase_%s.qm was not found in %s", lang, qt_translation_dirs())
    return None


def system_speaks(lang: str, system: QLocale | None = None) -> bool:
    """Whether the system (so its native file dialogs, e.g. Windows') speaks ``lang``."""
    wanted = QLocale(*LOCALES.get(lang, LOCALES["en"])).language()
    return (system or QLocale.system()).language() == wanted


class Translations:
    """The translators of one application: the app's catalog, always installed, and Qt's own
    translation of the chosen language, installed after it so that Qt answers first for
    its own classes (the catalog would give a different meaning to e.g. Qt's "Name") and
    the catalog fills the few texts Qt's translation lacks."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.catalog = CatalogTranslator(app)
        app.installTranslator(self.catalog)
        self.qt: QTranslator | None = None

    def apply(self, lang: str) -> None:
        """Messages, Qt's texts and month/day names in ``lang`` for every window built
        after this (the open ones are rebuilt by whoever switches)."""
        set_language(lang)
        lang = language()
        if self.qt is not None:
            self.app.removeTranslator(self.qt)
            self.qt.deleteLater()
            self.qt = None
        self.qt = load_qt_translation(lang, self.app)
        if self.qt is not None:
            self.app.installTranslator(self.qt)
        QLocale.setDefault(QLocale(*LOCALES.get(lang, LOCALES["en"])))
        # A system's own file dialog speaks the system's language: where that is not the
        # app's (a Chinese window on an English Windows), Qt's own dialog, translated above.
        QCoreApplication.setAttribute(
            Qt.ApplicationAttribute.AA_DontUseNativeDialogs, not system_speaks(lang)
        )

    def close(self) -> None:
        """Take both translators out again (tests that share one application)."""
        for translator in (self.qt, self.catalog):
            if translator is not None:
                self.app.removeTranslator(translator)
        self.qt = None
        QLocale.setDefault(QLocale.system())
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)
