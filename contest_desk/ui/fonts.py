"""The bundled Chinese font, registered with Qt so text renders with no CJK font installed."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from contest_desk.reports.fonts import FONT_FILE


@cache
def bundled_family() -> str | None:
    """WenQuanYi Micro Hei, registered with Qt once; None if Qt cannot load it."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def install_font(app: QApplication) -> str | None:
    """Register WenQuanYi Micro Hei and make it the application font; returns its family."""
    family = bundled_family()
    if family is None:
        return None
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return family
