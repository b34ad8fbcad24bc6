"""A certificate drawn with QPainter from the same layout as the PDF: the live preview
while a template is edited, and printing through Qt's print dialog."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from contest_desk.domain.certificates import Fields, Template, layout
from contest_desk.domain.signing import qr_matrix
from contest_desk.ui.fonts import bundled_family

POINT_MM = 0.3528  # one typographic point in millimetres


def paint_certificate(
    painter: QPainter, target: QRectF, template: Template, fields: dict[str, str], qr: str
) -> None:
    """Fill ``target`` (any size, in the painter's units) with the certificate."""
    width, height = template.page
    scale = min(target.width() / width, target.height() / height)  # painter units per mm
    origin = QPointF(target.x(), target.y())
    painter.save()
    painter.fillRect(
        QRectF(origin, QPointF(origin.x() + width * scale, origin.y() + height * scale)),
        Qt.GlobalColor.white,
    )
    # The font the PDF embeds, whatever the printer's default: a system font without the
    # glyphs printed boxes, and one without a Unicode map made the text unsearchable.
    family = bundled_family() or painter.font().family()
    for step in layout(template, Fields(fields), qr):
        x, y = origin.x() + step.x * scale, origin.y() + step.y * scale
        if step.kind == "frame":
            painter.setPen(QPen(QColor(step.colour), step.size * POINT_MM * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, y, step.width * scale, step.height * scale))
        elif step.kind == "text":
            font = QFont(family)
            font.setPixelSize(max(1, round(step.size * POINT_MM * scale)))
            painter.setFont(font)
            painter.setPen(QColor(step.colour))
            metrics = painter.fontMetrics()
            advance = metrics.horizontalAdvance(step.text)
            left = {"centre": x - advance / 2, "left": x, "right": x - advance}[step.align]
            painter.drawText(QPointF(left, y + metrics.ascent() * 0.8), step.text)
        elif step.kind == "image":
            image = QImage(step.path)
            if not image.isNull():
                painter.drawImage(QRectF(x, y, step.width * scale, step.height * scale), image)
        elif step.kind == "qr":
            modules = qr_matrix(step.text)
            box = step.width * scale / (len(modules) + 8)
            for r, row in enumerate(modules):
                for c, dark in enumerate(row):
                    if dark == "1":
                        painter.fillRect(
                            QRectF(x + (c + 4) * box, y + (r + 4) * box, box, box),
                            Qt.GlobalColor.black,
                        )
    painter.restore()


def preview_image(template: Template, fields: dict[str, str], qr: str, width: int) -> QImage:
    """The certificate as an image ``width`` pixels wide (the editor's live preview)."""
    page_w, page_h = template.page
    image = QImage(width, round(width * page_h / page_w), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_certificate(painter, QRectF(0, 0, image.width(), image.height()), template, fields, qr)
    painter.end()
    return image
