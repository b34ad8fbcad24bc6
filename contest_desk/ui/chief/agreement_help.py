"""What the chief judge's consistency table measures, in one line per figure, with what
counts as good: shown under the table, so that nobody has to hover to read it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("AgreementHelp", text)


def help_lines() -> list[str]:
    """ICC, its three forms, and Kendall's W, each with its bands (the usual ones for ICC:
    Koo & Li 2016; for W, the ones raters' studies read it by)."""
    return [
        tr(
            "ICC (intraclass correlation): how closely the judges' marks for the same "
            "entries agree. ICC ≥ 0.75 good, 0.5–0.75 fair, below 0.5 poor."
        ),
        tr(
            "ICC(1,1): each entry marked by its own judges; ICC(2,1): the same judges, "
            "marks agreeing exactly; ICC(3,1): the same judges, ranking alike (a judge "
            "stricter throughout is not held against them)."
        ),
        tr(
            "Kendall's W (concordance, 0 to 1): whether the judges rank the entries alike. "
            "Close to 1: they rank alike; ≥ 0.7 good, 0.5–0.7 fair, below 0.5 poor."
        ),
    ]


def agreement_help(parent: QWidget | None = None) -> QLabel:
    """The lines as one wrapped label, to put under the consistency table."""
    label = QLabel("\n".join(help_lines()), parent)
    label.setObjectName("agreement_help")
    label.setWordWrap(True)
    label.setStyleSheet("color: #455a64;")
    return label
