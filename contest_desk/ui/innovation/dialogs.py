"""Dialogs of the innovation ledger: a new achievement (with similar titles shown while the
title is typed, so an idea is not proposed twice) and a benefit with its proof file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from contest_desk.domain.innovation import BENEFIT_NAMES, CATEGORY_NAMES, BenefitKind
from contest_desk.domain.records.innovation import StudioInfo
from contest_desk.i18n import _
from contest_desk.ui import operations


@dataclass(frozen=True)
class NewAchievement:
    studio_id: int
    title: str
    category: str
    completers: list[str]
    problem: str
    description: str


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class AchievementDialog(QDialog):
    def __init__(
        self,
        studios: list[StudioInfo],
        similar: Callable[[str], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New achievement"))
        self.similar = similar
        self.studio_box = QComboBox()
        for studio in studios:
            self.studio_box.addItem(studio.name, studio.id)
        self.title_edit = QLineEdit()
        self.similar_label = QLabel()
        self.similar_label.setWordWrap(True)
        self.similar_label.setStyleSheet("color: #b35900;")
        self.category_box = QComboBox()
        for code, name in CATEGORY_NAMES.items():
            self.category_box.addItem(_(name), code)
        self.completers_edit = QLineEdit()
        self.completers_edit.setPlaceholderText(
            self.tr("employee numbers, in order of contribution, separated by commas")
        )
        self.problem_edit = QPlainTextEdit()
        self.description_edit = QPlainTextEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Studio"), self.studio_box)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow("", self.similar_label)
        form.addRow(self.tr("Category"), self.category_box)
        form.addRow(self.tr("Completers"), self.completers_edit)
        form.addRow(self.tr("Problem solved"), self.problem_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(_buttons(self))
        self.title_edit.textEdited.connect(self.show_similar)

    def show_similar(self, text: str = "") -> None:
        title = text or self.title_edit.text()
        # ``similar`` reads the ledger: off the window's thread, quick enough to wait for.
        found = operations.run(self, lambda: self.similar(title)) or []
        self.similar_label.setText(
            self.tr("Similar titles already in the ledger: {titles}").format(
                titles="；".join(found)
            )
            if found
            else ""
        )

    def value(self) -> NewAchievement:
        numbers = self.completers_edit.text().replace("，", ",").replace("、", ",").split(",")
        return NewAchievement(
            int(self.studio_box.currentData()),
            self.title_edit.text(),
            str(self.category_box.currentData()),
            [n.strip() for n in numbers if n.strip()],
            self.problem_edit.toPlainText(),
            self.description_edit.toPlainText(),
        )


@dataclass(frozen=True)
class NewBenefit:
    year: int
    quarter: int | None
    site: str
    kind: BenefitKind
    amount: str
    basis: str
    proof: Path | None
    projected: bool


class BenefitDialog(QDialog):
    def __init__(self, site: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a benefit"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(dt.date.today().year)
        self.quarter_box = QComboBox()
        self.quarter_box.addItem(self.tr("The whole year"), None)
        for q in range(1, 5):
            self.quarter_box.addItem(self.tr("Quarter {q}").format(q=q), q)
        self.site_edit = QLineEdit(site)
        self.kind_box = QComboBox()
        for kind, name in BENEFIT_NAMES.items():
            self.kind_box.addItem(_(name), kind.value)
        self.amount_edit = QLineEdit()
        self.basis_edit = QPlainTextEdit()
        self.proof_edit = QLineEdit()
        self.proof_button = QPushButton(self.tr("Choose…"))
        self.projected_box = QCheckBox(self.tr("A projection, not an actual result"))
        proof = QHBoxLayout()
        proof.addWidget(self.proof_edit, 1)
        proof.addWidget(self.proof_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Year"), self.year_spin)
        form.addRow(self.tr("Quarter"), self.quarter_box)
        form.addRow(self.tr("Site"), self.site_edit)
        form.addRow(self.tr("Kind"), self.kind_box)
        form.addRow(self.tr("Amount (CNY)"), self.amount_edit)
        form.addRow(self.tr("Basis of calculation"), self.basis_edit)
        form.addRow(self.tr("Proof file"), proof)
        form.addRow("", self.projected_box)
        form.addRow(_buttons(self))
        self.proof_button.clicked.connect(self._choose)

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Proof file"))
        if path:
            self.proof_edit.setText(path)

    def value(self) -> NewBenefit:
        proof = self.proof_edit.text().strip()
        return NewBenefit(
            self.year_spin.value(),
            self.quarter_box.currentData(),
            self.site_edit.text(),
            BenefitKind(self.kind_box.currentData()),
            self.amount_edit.text(),
            self.basis_edit.toPlainText(),
            Path(proof) if proof else None,
            self.projected_box.isChecked(),
        )


def ask_achievement(
    parent: QWidget, studios: list[StudioInfo], similar: Callable[[str], list[str]]
) -> NewAchievement | None:
    """Looked up at call time, so tests answer in its place."""
    dialog = AchievementDialog(studios, similar, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_benefit(parent: QWidget, site: str) -> NewBenefit | None:
    dialog = BenefitDialog(site, parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
