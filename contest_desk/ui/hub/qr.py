"""A QR code as a picture for the window (segno makes the PNG; Qt shows it)."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QPixmap


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    """The QR code of ``text``, ``scale`` pixels a module, with the standard quiet zone."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
