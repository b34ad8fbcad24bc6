"""Judges' cards for the scoring hub (裁判卡), as PDF: eight to an A4 page, cut along the
dashed lines.

Each card carries the judge's name, the contest and the day, and a QR code of the hub's
token log-in (``{base}/t#{token}``: the token rides in the fragment, which a browser never
sends, so it stays out of the hub's logs and any Referer), with the hub's address written
out for a judge who logs in with a password instead. The token itself is never printed
as text: only the QR holds it, and nothing here logs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from contest_desk.domain.signing import qr_image_data, qr_matrix
from contest_desk.i18n import _
from contest_desk.reports.certificate_pdf import draw_qr
from contest_desk.reports.files import written_aside
from contest_desk.reports.fonts import pdf_font

COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
CARD_W, CARD_H = 90 * mm, 64 * mm
PAD = 5 * mm
QR_SIZE = 34 * mm


@dataclass(frozen=True)
class JudgeCard:
    name: str  # the judge's
    contest: str
    valid_on: dt.date
    login_url: str  # {base}/t#{token}: only in the QR code
    address: str  # the hub's address, written out


def write_judge_cards(path: str | Path, cards: Sequence[JudgeCard]) -> Path:
    """One PDF of ``cards``, eight to a page; complete or not written at all."""
    target = Path(path)
    with written_aside(target, ".pdf") as temporary:
        canvas = Canvas(temporary, pagesize=A4, initialFontName=pdf_font())  # type: ignore[arg-type]
        canvas.setTitle(_("Judges' cards"))
        page_w, page_h = A4
        left = (page_w - COLUMNS * CARD_W) / 2
        top = page_h - (page_h - ROWS * CARD_H) / 2
        for n, card in enumerate(cards):
            if n and n % PER_PAGE == 0:
                canvas.showPage()
            place = n % PER_PAGE
            x = left + (place % COLUMNS) * CARD_W
            y = top - (place // COLUMNS + 1) * CARD_H
            _card(canvas, card, x, y)
        canvas.save()
    return target


def _card(canvas: Canvas, card: JudgeCard, x: float, y: float) -> None:
    """One card with its lower left corner at (x, y)."""
    font = pdf_font()
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setStrokeGray(0.6)
    canvas.rect(x, y, CARD_W, CARD_H)  # where to cut
    canvas.restoreState()

    modules = qr_matrix(card.login_url)
    qr_x = x + CARD_W - PAD - QR_SIZE
    qr_y = y + CARD_H - PAD - QR_SIZE - 6 * mm
    draw_qr(canvas, qr_image_data(modules), len(modules), qr_x, qr_y, QR_SIZE)

    text_w = qr_x - x - PAD - 3 * mm
    top = y + CARD_H - PAD
    canvas.setFillColorRGB(0.78, 0.06, 0.18)
    canvas.setFont(font, 9)
    canvas.drawString(x + PAD, top - 9, _("Scoring hub · judge's card"))
    canvas.setFillGray(0)
    canvas.setFont(font, 18)
    canvas.drawString(x + PAD, top - 32, card.name)
    canvas.setFont(font, 8.5)
    line_y = top - 48
    for line in _lines(card.contest, font, 8.5, text_w)[:3]:
        canvas.drawString(x + PAD, line_y, line)
        line_y -= 11
    canvas.drawString(x + PAD, line_y - 2, _("Valid on {date}", date=card.valid_on.isoformat()))

    canvas.setFont(font, 7.5)
    bottom = y + PAD + 16
    canvas.drawString(x + PAD, bottom, _("Scan the code to log in, or open"))
    canvas.setFont(font, 10)
    canvas.drawString(x + PAD, bottom - 12, card.address)
    canvas.setFont(font, 7.5)
    canvas.drawString(x + PAD, bottom - 22, _("on the venue's Wi-Fi and log in with your account."))
    canvas.setFont(font, 6.5)
    canvas.setFillGray(0.35)
    canvas.drawRightString(x + CARD_W - PAD, qr_y - 9, _("Keep it to yourself: it logs you in."))
    canvas.setFillGray(0)


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken to ``width`` at any character: Chinese has no spaces to break at
    (reportlab's simpleSplit breaks only there)."""
    lines, line = [], ""
    for char in text:
        if line and stringWidth(line + char, font, size) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines
