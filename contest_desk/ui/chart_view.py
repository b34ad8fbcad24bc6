"""A matplotlib Figure in the window, with a button that saves it as PNG, SVG or PDF."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from contest_desk.errors import UserError
from contest_desk.reports.files import written_aside
from contest_desk.ui import feedback, save_dialog

FORMATS = ("png", "svg", "pdf")


def ask_save_path(parent: QWidget, title: str) -> str | None:
    """Where to save; None when cancelled. Looked up at call time so tests can answer."""
    return save_dialog.ask_save_path(parent, title, "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)")


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: Figure | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.export_button = QPushButton(self.tr("Export chart…"))
        self.export_button.clicked.connect(self.export)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.box.addLayout(bar)

    def set_figure(self, figure: Figure) -> None:
        if self.canvas is not None:
            self.box.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.figure = figure
        self.canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        self.box.insertWidget(0, self.canvas, 1)

    def export(self) -> Path | None:
        if self.figure is None:
            return None
        chosen = ask_save_path(self, self.tr("Export chart"))
        if chosen is None:
            return None
        path = Path(chosen)
        if path.suffix.lower().lstrip(".") not in FORMATS:
            path = path.with_suffix(".png")
        try:  # whole or not at all; a PDF held open by a viewer is said as such
            with written_aside(path, path.suffix) as temporary:
                self.figure.savefig(temporary, dpi=150, format=path.suffix.lstrip(".").lower())
        except UserError as error:
            feedback.show_user_error(self, error)
            return None
        return path
