"""Certificates as PDF (reportlab): one combined file or one file per recipient.

Pages are drawn from ``domain.certificates.layout``; the Chinese font is embedded as a
subset, so the text stays searchable and prints the same on any PC. Each page also carries
its signed QR text as invisible text, so a PDF can be checked by reading it back. Nothing
half-written is left behind: files are written aside and moved into place at the end, and
a cancelled batch removes what it wrote.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from contest_desk.domain.certificates import Fields, Step, Template, layout
from contest_desk.domain.records.results import is_provisional
from contest_desk.domain.signing import PageSeal, qr_image_data, qr_matrix
from contest_desk.errors import Cancelled, Progress, UserError
from contest_desk.i18n import _
from contest_desk.reports.files import aside_prefix, clear_leftovers, write_failed
from contest_desk.reports.fonts import pdf_font
from contest_desk.reports.pdf_seal import Signer, page_qrs, page_seals, seal_pdf
from contest_desk.reports.processes import worker_pool

CHUNK = 50  # certificates a worker process writes at a time (one file each)


@dataclass(frozen=True)
class Printed:
    template: Template
    fields: dict[str, str]  # serial included
    qr: str
    modules: tuple[str, ...] = ()  # the QR matrix kept with the certificate (made if empty)
    image: str = ""  # the QR code as inline-image data, kept likewise


def check_images(template: Template) -> None:
    """Refuse an image that is missing or not an image, naming the file, before drawing."""
    for placed in (template.background, template.seal):
        if placed is None:
            continue
        try:
            ImageReader(placed.path).getSize()
        except Exception as error:  # reportlab and PIL raise many kinds
            raise UserError(
                "{file} is not an image that can be printed: {reason}",
                file=placed.path,
                reason=type(error).__name__,
            ) from None


def draw_page(
    canvas: Canvas, item: Printed, forms: dict[int, str] | None = None, anchor: str = ""
) -> None:
    """One certificate on its own page. What is the same on every certificate of its
    template (frames, images, a title without fields) is drawn once per file as a form
    and placed on each page: a batch of a thousand embeds the seal image once, not 1,000
    times."""
    template = item.template
    width, height = template.page
    canvas.setPageSize((width * mm, height * mm))
    modules = item.modules or qr_matrix(item.qr)
    image = item.image or qr_image_data(modules)
    steps = layout(template, Fields(item.fields), item.qr)
    forms = {} if forms is None else forms
    if id(template) not in forms:
        name = f"template{len(forms)}"
        canvas.beginForm(name)
        for step in steps:
            if step.same_for_all:
                _draw(canvas, step, height, modules, image)
        canvas.endForm()
        forms[id(template)] = name
    canvas.doForm(forms[id(template)])
    for step in steps:
        if not step.same_for_all:
            _draw(canvas, step, height, modules, image)
    if is_provisional(item.fields):
        draw_provisional_mark(canvas, width, height)
    if anchor:  # the audit trail's head when the batch was printed, small, in a corner
        canvas.setFillColor(HexColor("#9e9e9e"))
        canvas.setFont(pdf_font(), 6)
        canvas.drawString(4 * mm, 3 * mm, _("Audit anchor: {anchor}", anchor=anchor))
    canvas.showPage()


PROVISIONAL_RED = "#c62828"


def draw_provisional_mark(canvas: Canvas, width: float, height: float) -> None:
    """A red stamp in the top right corner of a page printed from standings that are not
    final (a round not locked): 暂定, and why, where nobody can miss it."""
    stamp_w, stamp_h = 46 * mm, 22 * mm
    x, y = (width - 22) * mm - stamp_w, (height - 20) * mm - stamp_h  # inside the frames
    canvas.saveState()
    canvas.setStrokeColor(HexColor(PROVISIONAL_RED))
    canvas.setFillColor(HexColor(PROVISIONAL_RED))
    canvas.setLineWidth(2)
    canvas.rect(x, y, stamp_w, stamp_h)
    canvas.setFont(pdf_font(), 26)
    canvas.drawCentredString(x + stamp_w / 2, y + 9 * mm, _("PROVISIONAL"))
    canvas.setFont(pdf_font(), 7.5)
    canvas.drawCentredString(
        x + stamp_w / 2, y + 3.5 * mm, _("round not locked: results may change")
    )
    canvas.restoreState()


def _draw(canvas: Canvas, step: Step, height: float, modules: Sequence[str], image: str) -> None:
    y = (height - step.y) * mm
    if step.kind == "frame":
        canvas.setStrokeColor(HexColor(step.colour))
        canvas.setLineWidth(step.size)
        canvas.rect(step.x * mm, y - step.height * mm, step.width * mm, step.height * mm)
    elif step.kind == "text":
        canvas.setFillColor(HexColor(step.colour))
        canvas.setFont(pdf_font(), step.size)
        draw = {
            "centre": canvas.drawCentredString,
            "left": canvas.drawString,
            "right": canvas.drawRightString,
        }[step.align]
        draw(step.x * mm, y - step.size * 0.8, step.text)
    elif step.kind == "image":
        canvas.drawImage(
            step.path,
            step.x * mm,
            y - step.height * mm,
            step.width * mm,
            step.height * mm,
            mask="auto",
            preserveAspectRatio=True,
        )
    elif step.kind == "qr":
        draw_qr(canvas, image, len(modules), step.x * mm, y - step.height * mm, step.width * mm)


def qr_modules(text: str) -> list[list[bool]]:
    """The QR code's dark modules, row by row from the top."""
    return [[cell == "1" for cell in row] for row in qr_matrix(text)]


def draw_qr(canvas: Canvas, image: str, size_modules: int, x: float, y: float, size: float) -> None:
    """The QR code as one small inline image (1-bit, Flate, hex) written into the page: a
    fraction of the cost of an image object, and far less than hundreds of rectangles."""
    n = size_modules + 8
    canvas.addLiteral(
        f"q {size:.3f} 0 0 {size:.3f} {x:.3f} {y:.3f} cm "
        f"BI /W {n} /H {n} /BPC 1 /CS /G /F [/AHx /Fl] ID {image}> EI Q"
    )


def new_canvas(path: Path) -> Canvas:
    """A canvas whose starting font is the embedded one: reportlab otherwise names an
    unembedded Helvetica on every page."""
    return Canvas(str(path), initialFontName=pdf_font())  # type: ignore[arg-type]  # stub says float


def signed(canvas: Canvas, items: Sequence[Printed]) -> None:
    """The pages' signed QR texts, in page order, in the file's keywords: a PDF can be
    checked without decoding its pictures. (Per page, as invisible text or as the QR
    code's link, they cost as much again as the rest of the page.)"""
    canvas.setKeywords(" ".join(item.qr for item in items))


def file_name(fields: dict[str, str]) -> str:
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", fields.get("name", ""))
    return f"{fields['serial']}-{safe}.pdf"


def write_one_each(work: str, items: Sequence[Printed], sign: Signer, anchor: str = "") -> int:
    """A sealed file per certificate in the folder ``work`` (a worker process's share)."""
    for item in items:
        path = Path(work) / file_name(item.fields)
        page = new_canvas(path)
        page.setTitle(f"{item.fields['serial']} {item.fields.get('name', '')}")
        draw_page(page, item, anchor=anchor)
        signed(page, [item])
        page.save()
        seal_pdf(path, sign)
    return len(items)


def _one_each(
    work: Path, items: Sequence[Printed], sign: Signer, anchor: str, progress: Progress | None
) -> None:
    """Files per certificate; a large batch is shared among the machine's processors (each
    file is written, embedded font and seal, alone). The workers end with this process,
    however it ends."""
    workers = min(os.cpu_count() or 1, len(items) // CHUNK)
    if workers < 2:
        for n, item in enumerate(items, start=1):
            write_one_each(str(work), [item], sign, anchor)
            if progress is not None and not progress(n, len(items)):
                raise Cancelled
        return
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    done = 0
    with worker_pool(workers) as pool:
        futures = [
            pool.submit(write_one_each, str(work), list(chunk), sign, anchor) for chunk in chunks
        ]
        try:
            for future in as_completed(futures):
                done += future.result()
                if progress is not None and not progress(done, len(items)):
                    raise Cancelled
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def write_certificates(
    target: str | Path,
    items: Sequence[Printed],
    combined: bool,
    sign: Signer,
    progress: Progress | None = None,
    anchor: str = "",
) -> list[Path]:
    """One PDF at ``target`` (combined) or one per certificate in the folder ``target``,
    each sealed with ``sign`` (the contest's key: ``CertificateService.sealer``) and
    carrying the audit ``anchor`` of the batch (``AuditService.anchor``) in a corner."""
    target = Path(target)
    folder = target.parent if combined else target
    if not folder.is_dir():
        raise UserError(
            "Cannot write {file}: {reason}", file=str(target), reason=_("no such folder")
        )
    for template in {id(i.template): i.template for i in items}.values():
        template.check()
        check_images(template)
    clear_leftovers(folder)  # what a killed batch left (its files, in a hidden folder)
    work = Path(tempfile.mkdtemp(prefix=aside_prefix("certificates"), dir=folder))
    try:
        written: list[Path] = []
        if combined:
            canvas = new_canvas(work / target.name)
            canvas.setTitle(_("Certificates"))
            forms: dict[int, str] = {}  # template → its form in the file
            for n, item in enumerate(items, start=1):
                draw_page(canvas, item, forms, anchor)
                if progress is not None and not progress(n, len(items)):
                    raise Cancelled
            signed(canvas, items)
            canvas.save()
            seal_pdf(work / target.name, sign)
        else:
            _one_each(work, items, sign, anchor, progress)
        for path in sorted(work.iterdir()):
            final = folder / path.name
            os.replace(path, final)
            written.append(final)
        return written
    except OSError as error:  # a certificate held open by a PDF viewer is said as such
        held = Path(error.filename2) if getattr(error, "filename2", None) else target
        raise write_failed(held, error) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass(frozen=True)
class ReadPage:
    qr: str  # the signed QR text found on the page ("" when none)
    visible: str  # the page's text without it
    seal: PageSeal  # what the page draws against what the file's seal says it drew


def read_certificate_pdf(path: str | Path) -> list[ReadPage]:
    """Each page's signed QR text, printed text and content seal, for
    ``CertificateService.verify`` (or ``verify_offline``)."""
    try:
        reader = PdfReader(str(path))
        qrs = page_qrs(reader)
        texts = [page.extract_text() or "" for page in reader.pages]
        seals = page_seals(reader)
    except Exception as error:  # pypdf raises many kinds for a file that is not a PDF
        raise UserError(
            "{file} cannot be read as a PDF: {reason}", file=str(path), reason=type(error).__name__
        ) from None
    return [
        ReadPage(qrs[n] if n < len(qrs) else "", text, seals[n]) for n, text in enumerate(texts)
    ]
