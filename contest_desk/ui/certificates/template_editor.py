"""Editing a copy of a certificate template, with a live preview drawn from the same layout
as the PDF; saved with the contest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from contest_desk.domain.certificates import Orientation, Placed, Template
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.services.certificates.issuing import CertificateService
from contest_desk.ui.certificates.form_history import Field, FormHistory
from contest_desk.ui.certificates.painter import preview_image
from contest_desk.ui.undo import History, service_step

SAMPLE = {
    "name": "王建国",
    "unit": "采油一区/采油一班",
    "contest": "2026年采油厂职工技能比武",
    "event": "采油工",
    "round": "决赛",
    "award": "一等奖",
    "date": "二〇二六年十一月",
    "serial": "CD-2026-01-00001",
    "organization": "采油厂工会",
}


def _spin(value: float, top: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, top)
    box.setValue(value)
    return box


class TemplateEditor(QDialog):
    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Certificate template"))
        self.base = template
        self.name_edit = QLineEdit(self.tr("{name} (copy)").format(name=template.name))
        self.orientation_box = QComboBox()
        self.orientation_box.addItem(self.tr("A4 landscape"), Orientation.LANDSCAPE.value)
        self.orientation_box.addItem(self.tr("A4 portrait"), Orientation.PORTRAIT.value)
        self.orientation_box.setCurrentIndex(
            self.orientation_box.findData(template.orientation.value)
        )
        self.title_edit = QLineEdit(template.title)
        self.body_edit = QPlainTextEdit(template.body)
        self.organization_edit = QLineEdit(template.organization)
        self.day_box = QCheckBox(self.tr("Write the day too"))
        self.day_box.setChecked(template.with_day)
        self.margin_spin = _spin(template.margin, 60)
        self.title_spin = _spin(template.title_size, 90)
        self.body_spin = _spin(template.body_size, 40)
        self.colour_edit = QLineEdit(template.colour)
        self.seal_edit = QLineEdit(template.seal.path if template.seal else "")
        self.seal_spins = [
            _spin(v, 300)
            for v in (
                (template.seal.x, template.seal.y, template.seal.width, template.seal.height)
                if template.seal
                else (200, 130, 40, 40)
            )
        ]
        self.background_edit = QLineEdit(template.background.path if template.background else "")
        self.preview = QLabel()
        self.preview.setMinimumWidth(520)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c8102e;")
        # The fields with their labels: the form's rows, and the names of its undo steps.
        fields: list[tuple[Field, str]] = [
            (self.name_edit, self.tr("Template name")),
            (self.orientation_box, self.tr("Paper")),
            (self.title_edit, self.tr("Certificate title")),
            (self.body_edit, self.tr("Body (fields in braces)")),
            (self.organization_edit, self.tr("Issued by")),
            (self.day_box, self.day_box.text()),
            (self.margin_spin, self.tr("Margin (mm)")),
            (self.title_spin, self.tr("Title size (pt)")),
            (self.body_spin, self.tr("Body size (pt)")),
            (self.colour_edit, self.tr("Colour")),
            (self.seal_edit, self.tr("Seal image")),
        ]
        form = QFormLayout()
        for field, label in fields:
            form.addRow("" if field is self.day_box else label, field)
        seal = QHBoxLayout()
        seal_label = self.tr("Seal x, y, width, height (mm)")
        for spin in self.seal_spins:
            seal.addWidget(spin)
            fields.append((spin, seal_label))
        form.addRow(seal_label, seal)
        form.addRow(self.tr("Background image"), self.background_edit)
        fields.append((self.background_edit, self.tr("Background image")))
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Ctrl+Z / Ctrl+Y over the whole form (ui/certificates/form_history.py)
        self.form = FormHistory(self, fields, self.refresh)
        for button in self.form.history.buttons():
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        form.addRow(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.preview, 1)
        for edit in (
            self.name_edit,
            self.title_edit,
            self.organization_edit,
            self.colour_edit,
            self.seal_edit,
            self.background_edit,
        ):
            edit.textChanged.connect(self.refresh)
        self.body_edit.textChanged.connect(self.refresh)
        self.orientation_box.currentIndexChanged.connect(self.refresh)
        self.day_box.toggled.connect(self.refresh)
        for spin in (self.margin_spin, self.title_spin, self.body_spin, *self.seal_spins):
            spin.valueChanged.connect(self.refresh)
        self.refresh()

    def template(self) -> Template:
        seal = self.seal_edit.text().strip()
        background = self.background_edit.text().strip()
        orientation = Orientation(self.orientation_box.currentData())
        page = (297.0, 210.0) if orientation is Orientation.LANDSCAPE else (210.0, 297.0)
        return replace(
            self.base,
            name=self.name_edit.text().strip(),
            orientation=orientation,
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            organization=self.organization_edit.text(),
            with_day=self.day_box.isChecked(),
            margin=self.margin_spin.value(),
            title_size=self.title_spin.value(),
            body_size=self.body_spin.value(),
            colour=self.colour_edit.text().strip() or "#000000",
            seal=Placed(seal, *(s.value() for s in self.seal_spins)) if seal else None,
            background=Placed(background, 0, 0, *page) if background else None,
        )

    def refresh(self) -> None:
        try:
            template = self.template()
            template.check()
        except UserError as error:
            self.problem.setText(error.message())
            return
        self.problem.setText("")
        image = preview_image(template, SAMPLE, "CD1|preview|preview", 520)
        self.preview.setPixmap(QPixmap.fromImage(image))


def edit_template(parent: QWidget, template: Template) -> Template | None:
    """The edited copy when saved; None when cancelled. Tests answer in its place."""
    dialog = TemplateEditor(template, parent)
    return dialog.template() if dialog.exec() == QDialog.DialogCode.Accepted else None


class TemplateHistory:
    """Undo and redo of the templates saved from the editor (Ctrl+Z, Ctrl+Y, the area's
    撤销/重做): an undone save saves the template that was there before, or takes a new
    copy away again; each through the service, refused (and the history kept) when the
    template was saved meanwhile elsewhere, or certificates were issued from a new copy."""

    def __init__(
        self, area: QWidget, certificates: CertificateService, shown: Callable[[str], None]
    ) -> None:
        self.area, self.certificates, self.shown = area, certificates, shown
        self.history = History(area)

    def saved(self, contest_id: int, before: Template | None, after: Template) -> None:
        """``after`` was saved in the contest over ``before`` (None: it was new)."""
        certificates = self.certificates

        def back() -> None:
            if before is None:
                certificates.remove_template(contest_id, after)
            else:
                certificates.save_template(contest_id, before, read=after)

        def again() -> None:
            certificates.save_template(contest_id, after, read=before, new=before is None)

        self.history.done(
            _("Save template {name}", name=after.name),
            service_step(self.area, back, self._show(after.name)),
            service_step(self.area, again, self._show(after.name)),
        )

    def _show(self, name: str) -> Callable[[object], None]:
        return lambda _answer: self.shown(name)
