"""The bundled Chinese font, registered with Qt so text renders with no CJK font installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from contest_desk.reports.fonts import FONT_FILE


def install_font(app: QApplication) -> str | None:
    """Register WenQuanYi Micro Hei and make it the application font; returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]
