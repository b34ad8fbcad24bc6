"""Printing a result notice (成绩公示) through Qt's print preview, from any area (a round's
notice, asked about before the lock, is ui/round_notice.py)."""

from __future__ import annotations

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from contest_desk.reports.result_notice import Notice, notice_html
from contest_desk.services.hub import Services
from contest_desk.ui.fonts import bundled_family


def anchored(services: Services) -> str:
    """The audit trail's head, anchored now, as a notice or certificate batch prints it.
    A service call: run it inside the work given to ``operations.run``."""
    anchor = services.audit.anchor()
    return anchor.printed if anchor else ""


def print_notice_to(printer: QPrinter, notice: Notice, parent: QWidget) -> None:
    """The notice as an HTML table on ``printer`` (the preview's, or a PDF printer)."""
    document = QTextDocument()
    font = parent.font()
    family = bundled_family()  # the notice's PDF font, whatever the system has
    if family is not None:
        font.setFamily(family)
    document.setDefaultFont(font)
    document.setHtml(notice_html(notice))
    document.print_(printer)


def preview_notice(parent: QWidget, notice: Notice) -> None:
    """Qt's print preview of the notice on A4; looked up at call time so tests can stand in."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda p: print_notice_to(p, notice, parent))
    dialog.exec()
