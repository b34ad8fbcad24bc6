"""Qt's tr() answered from the same message catalog as every other layer."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from contest_desk.i18n import lookup


class CatalogTranslator(QTranslator):
    """A QTranslator backed by contest_desk.i18n, so there is one catalog, not two."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return lookup(source_text)

    def isEmpty(self) -> bool:
        return False
