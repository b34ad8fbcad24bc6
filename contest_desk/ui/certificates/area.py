"""The Certificates area (证书): issue an event's certificates and write them as one PDF or
one per recipient (with progress and Cancel), print them through Qt's print dialog, edit a
template with its live preview, check a certificate, re-issue one, and write the result
notice (成绩公示) as PDF or Excel. Service calls and the writing run off the window's
thread (ui/operations.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk import errors
from contest_desk.domain.certificates import Orientation
from contest_desk.domain.permissions import Action
from contest_desk.domain.plain_names import template_name
from contest_desk.domain.records.certificates import CertificateInfo, Verification
from contest_desk.domain.records.contests import EventInfo
from contest_desk.domain.records.results import is_provisional
from contest_desk.domain.signing import VERDICT_NAMES
from contest_desk.i18n import _
from contest_desk.reports.certificate_pdf import (
    PROVISIONAL_RED,
    Printed,
    read_certificate_pdf,
    write_certificates,
)
from contest_desk.reports.result_notice import Notice
from contest_desk.services.hub import Services
from contest_desk.ui import operations, save_dialog, settings_dialog
from contest_desk.ui.certificates import template_editor
from contest_desk.ui.certificates.painter import paint_certificate
from contest_desk.ui.certificates.template_editor import TemplateHistory
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.notice_printing import anchored
from contest_desk.ui.round_notice import RoundNotice, provisional_override
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.scoring.pickers import EventPicker
from contest_desk.ui.state import AppState


class CertificatesArea(QWidget):
    USES = ("certificates", "contests", "audit")  # contests: the picker's too
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (("print", "print_button"),)

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.picker = EventPicker(services, state)
        self.round_box = QComboBox()
        self.template_box = QComboBox()
        self.edit_button = QPushButton(self.tr("Edit a copy…"))
        self.issue_button = QPushButton(self.tr("Issue and write one PDF…"))
        self.files_button = QPushButton(self.tr("Issue and write one file each…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.verify_button = QPushButton(self.tr("Check a certificate…"))
        self.reissue_button = QPushButton(self.tr("Re-issue…"))
        self.notice_button = QPushButton(self.tr("Result notice…"))
        self.print_notice_button = QPushButton(self.tr("Print the result notice…"))
        self.result = QLabel()
        self.issued = RecordTableModel(
            [
                Column(self.tr("Serial"), lambda c: c.serial),
                Column(self.tr("Name"), lambda c: c.recipient),
                Column(self.tr("Award"), lambda c: c.fields.get("award", "")),
                Column(self.tr("Date"), lambda c: c.fields.get("date", "")),
                Column(self.tr("Superseded by"), lambda c: c.superseded_by or ""),
                Column(
                    self.tr("Results state"),
                    lambda c: self.tr("PROVISIONAL") if is_provisional(c.fields) else "",
                ),
            ]
        )
        self.issued_view = record_table(
            self.issued,
            self.tr(
                "No certificates issued yet. Choose a template and press Issue and write one PDF… "
                "once the standings are final."
            ),
        )
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(QLabel(self.tr("Round")))
        top.addWidget(self.round_box)
        top.addWidget(QLabel(self.tr("Template")))
        top.addWidget(self.template_box)
        top.addWidget(self.edit_button)
        # Ctrl+Z / Ctrl+Y: the templates saved here, in this contest and event
        self.templates = TemplateHistory(self, services.certificates, self.show_template)
        self.templates.history.clear_on(state.contest_changed, state.event_changed)
        self.undo_button, self.redo_button = self.templates.history.buttons()
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)
        top.addStretch(1)
        actions = QHBoxLayout()
        for button in (
            self.issue_button,
            self.files_button,
            self.print_button,
            self.reissue_button,
            self.verify_button,
            self.notice_button,
            self.print_notice_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addWidget(self.issued_view, 1)

        editing = services.ctx.actor.may(Action.EDIT_SETUP)
        for button in (
            self.edit_button,
            self.undo_button,
            self.redo_button,
            self.issue_button,
            self.files_button,
            self.print_button,
            self.reissue_button,
        ):
            button.setVisible(editing)
        self.picker.changed.connect(self._event_shown)
        self.round_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.edit_button.clicked.connect(self.edit_template)
        self.issue_button.clicked.connect(lambda: self._write_dialog(combined=True))
        self.files_button.clicked.connect(lambda: self._write_dialog(combined=False))
        self.print_button.clicked.connect(self.print_certificates)
        self.verify_button.clicked.connect(self._verify_dialog)
        self.reissue_button.clicked.connect(self.reissue)
        self.round_notice = RoundNotice(self, services, self._choice)
        self.notice_button.clicked.connect(self.round_notice.save_dialog)
        self.print_notice_button.clicked.connect(self.round_notice.print_preview)
        self._event_shown()

    # Loading -------------------------------------------------------------------

    def _event_shown(self) -> None:
        event = self.picker.current_event()
        self.round_box.blockSignals(True)
        self.round_box.clear()
        self.round_box.addItem(self.tr("Whole event"), None)
        for rnd in event.rounds if event else ():
            self.round_box.addItem(rnd.name, rnd.number)
        self.round_box.blockSignals(False)
        self.template_box.clear()
        if event is not None:
            contest = event.contest_id
            names = operations.run(self, lambda: self.services.certificates.templates(contest))
            for name in names or ():  # the id stays the item's data; people read its name
                self.template_box.addItem(template_name(name), name)
            # The office's usual template (设置 → 默认证书模板), where the contest has it.
            usual = settings_dialog.default_template(settings_dialog.stored_settings())
            self.template_box.setCurrentIndex(max(self.template_box.findData(usual), 0))
        self.refresh()

    def refresh(self) -> None:
        event = self.picker.current_event()
        if event is None:
            self.issued.set_records([])
            return
        event_id, round_number = event.id, self.round_box.currentData()
        issued = operations.run(
            self, lambda: self.services.certificates.certificates(event_id, round_number)
        )
        self.issued.set_records(issued or [])
        self.issued_view.resizeColumnsToContents()

    # Issuing and writing -------------------------------------------------------

    def _printed(
        self, event: EventInfo, round_number: int | None, name: str, provisional: bool
    ) -> list[Printed]:
        """Issue the event's certificates and make them ready to draw (on the worker)."""
        issued = self.services.certificates.issue(
            event.id, round_number, name, provisional=provisional
        )
        template = self.services.certificates.templates(event.contest_id)[name]
        return [Printed(template, c.fields, c.qr, c.modules, c.image) for c in issued]

    def _choice(self) -> tuple[int | None, int | None]:
        event = self.picker.current_event()
        return (event.id if event else None), self.round_box.currentData()

    def _batch(self) -> tuple[EventInfo, int | None, str, bool] | None:
        """What the buttons issue: the event, round and template shown, and whether from
        provisional standings (the organizer said so); None without an event or for No."""
        event = self.picker.current_event()
        if event is None:
            return None
        number = self.round_box.currentData()
        provisional = provisional_override(self, self.services, event.id, number)
        if provisional is None:
            return None
        return event, number, self.template_box.currentData() or "landscape", provisional

    def _issue(self) -> list[Printed] | None:
        """The shown event's certificates, issued; None when refused (and said so)."""
        batch = self._batch()
        if batch is None:
            return []
        items = operations.run(
            self, lambda: self._printed(*batch), label=self.tr("Issuing certificates…")
        )
        self.refresh()
        return items

    def _write_dialog(self, combined: bool) -> None:
        if combined:
            path = save_dialog.ask_save_path(self, self.tr("Certificates"), "PDF (*.pdf)")
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Certificates"))
        if path:
            self.write(path, combined)

    def write(self, path: str | Path, combined: bool) -> list[Path]:
        """Issue and write, showing progress; Cancel leaves no file of the batch behind
        (what was issued stays issued, as the certificates' serials are kept)."""
        if self.picker.current_event() is None:
            self.result.setText(self.tr("No entry has an award yet."))
            return []
        batch = self._batch()
        if batch is None:  # provisional standings, and the organizer said No
            return []
        contest = batch[0].contest_id
        given: list[operations.Progress] = []

        def work(progress: operations.Progress) -> tuple[int, list[Path]]:
            given.append(progress)
            items = self._printed(*batch)
            if not items:
                return 0, []
            sign = self.services.certificates.sealer(contest)
            anchor = anchored(self.services)
            return len(items), write_certificates(path, items, combined, sign, progress, anchor)

        answer = operations.run(
            self, work, label=self.tr("Writing certificates…"), cancellable=True
        )
        self.refresh()
        if answer is None:
            if given and given[0].cancelled:
                self.result.setText(self.tr("Cancelled: nothing was written."))
            return []
        count, written = answer
        if not count:
            self.result.setText(self.tr("No entry has an award yet."))
            return []
        self.result.setText(
            self.tr("{n} certificate(s) written to {where}").format(n=count, where=str(path))
        )
        return written

    def print_certificates(self) -> None:
        batch = self._batch()
        if batch is None:
            return

        def work(progress: operations.Progress) -> tuple[list[Printed], str]:
            items = self._printed(*batch)
            errors.step(progress, 1, 2)  # issued: Cancel now opens no print dialog
            return items, anchored(self.services)

        answer = operations.run(
            self, work, label=self.tr("Issuing certificates…"), cancellable=True
        )
        self.refresh()
        if answer is None or not answer[0]:
            return
        items, anchor = answer
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        landscape = items[0].template.orientation is Orientation.LANDSCAPE
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setFullPage(True)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: paint_all(p, items, anchor))
        dialog.exec()

    # Checking and re-issuing ---------------------------------------------------

    def _verify_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Check a certificate"), "", self.tr("PDF (*.pdf)")
        )
        text = path or sheet_bar.ask_text(
            self, self.tr("Check a certificate"), self.tr("Serial number:")
        )
        if text:
            self.verify(text)

    def verify(self, serial_or_pdf: str) -> str:
        certificates = self.services.certificates

        def check() -> list[Verification]:
            if serial_or_pdf.lower().endswith(".pdf"):
                pages = read_certificate_pdf(serial_or_pdf)
                return [certificates.verify(p.qr, p.visible, p.seal) for p in pages]
            return [certificates.verify(serial_or_pdf)]

        results = operations.run(self, check, label=self.tr("Checking…"))
        if results is None:
            return ""
        lines = [
            f"{r.serial or '—'}：{_(VERDICT_NAMES[r.verdict], new=r.replaced_by or '')}"
            + (f"（{r.fields.get('name', '')} {r.fields.get('award', '')}）" if r.fields else "")
            + (f" {self.tr('PROVISIONAL')}" if is_provisional(r.fields) else "")  # before the lock
            for r in results
        ]
        text = "\n".join(lines)
        self.result.setText(text)
        show_verdict(self, text)
        return text

    def reissue(self) -> None:
        index = self.issued_view.currentIndex()
        chosen = self.issued.record(index.row()) if index.isValid() else None
        if not isinstance(chosen, CertificateInfo):
            return
        reason = sheet_bar.ask_text(
            self, self.tr("Re-issue"), self.tr("Reason (kept on the record):")
        )
        if reason is None:
            return
        serial = chosen.serial
        new = operations.run(self, lambda: self.services.certificates.reissue(serial, reason))
        if new is None:
            return
        self.result.setText(
            self.tr("{old} is superseded by {new}").format(old=chosen.serial, new=new.serial)
        )
        self.refresh()

    def notice(self) -> Notice | None:
        """None without an event, or when refused (and said so)."""
        return self.round_notice.notice()

    def write_notice(self, path: str | Path) -> None:
        """Written whole or not at all; Cancel before the file is written leaves none."""
        if self.round_notice.write(path) is not None:
            self.result.setText(self.tr("Result notice written to {file}").format(file=str(path)))

    def edit_template(self) -> None:
        event = self.picker.current_event()
        if event is None:
            return
        contest = event.contest_id
        templates = operations.run(self, lambda: self.services.certificates.templates(contest))
        if templates is None:
            return
        current = templates[self.template_box.currentData() or "landscape"]
        # The copy starts from the name people see (横版（A4 横向）（副本）), not the id.
        shown = replace(current, name=template_name(current.name))
        edited = template_editor.edit_template(self, shown)
        if edited is None:
            return
        # What the save may replace: the contest's copy as read when the editor opened, or
        # none of that name; one saved meanwhile on another desk is refused (issue 16).
        read, new = templates.get(edited.name), edited.name not in templates
        save = self.services.certificates.save_template
        if not operations.done(self, lambda: save(contest, edited, read=read, new=new)):
            self.show_template(edited.name)  # what is stored now
            return
        self.templates.saved(contest, templates.get(edited.name), edited)
        self.show_template(edited.name)

    def show_template(self, name: str) -> None:
        """The templates read again, ``name`` chosen where the contest has it."""
        self._event_shown()
        self.template_box.setCurrentIndex(max(self.template_box.findData(name), 0))


def paint_all(printer: QPrinter, items: list[Printed], anchor: str = "") -> None:
    """Every certificate on its own page of the printer (or the preview), with the audit
    ``anchor`` of the batch in a corner as the PDFs have it."""
    painter = QPainter(printer)
    for n, item in enumerate(items):
        if n:
            printer.newPage()
        page = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        paint_certificate(painter, page, item.template, item.fields, item.qr)
        if is_provisional(item.fields):
            paint_provisional_mark(painter, page)
        if anchor:
            font = painter.font()
            font.setPixelSize(max(1, round(page.height() / 100)))
            painter.setFont(font)
            painter.setPen(QColor("#9e9e9e"))
            corner = QPointF(page.x() + page.width() / 70, page.bottom() - page.height() / 70)
            painter.drawText(corner, _("Audit anchor: {anchor}", anchor=anchor))
    painter.end()


def paint_provisional_mark(painter: QPainter, page: QRectF) -> None:
    """The PDF's red 暂定 stamp, top right, on a printed page (reports/certificate_pdf.py)."""
    painter.save()
    red = QColor(PROVISIONAL_RED)
    painter.setPen(QPen(red, max(1.0, page.width() / 400)))
    stamp = QRectF(0, 0, page.width() * 0.16, page.height() * 0.11)
    stamp.moveTopRight(QPointF(page.right() - page.width() / 25, page.top() + page.height() / 18))
    painter.drawRect(stamp)
    font = painter.font()
    font.setPixelSize(max(1, round(stamp.height() * 0.45)))
    painter.setFont(font)
    painter.drawText(
        stamp.adjusted(0, 0, 0, -stamp.height() * 0.3),
        Qt.AlignmentFlag.AlignCenter,
        _("PROVISIONAL"),
    )
    font.setPixelSize(max(1, round(stamp.height() * 0.13)))
    painter.setFont(font)
    painter.drawText(
        stamp.adjusted(0, stamp.height() * 0.65, 0, 0),
        Qt.AlignmentFlag.AlignHCenter,
        _("round not locked: results may change"),
    )
    painter.restore()


def show_verdict(parent: QWidget, text: str) -> None:
    """The verdict in a box; looked up at call time so tests can read it instead."""
    QMessageBox.information(parent, parent.tr("Check a certificate"), text)
