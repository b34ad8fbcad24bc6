"""Paper score sheets (纸质评分表) as PDF, for contests that mark on paper first.

One sheet per judge: the codes of the entries (judges mark blind, so never a name),
one column per criterion with its max and step, a box per mark and per row total, the
judge's and the chief judge's signature lines, and "第 n 页 共 m 页" on every page. The
table repeats its header on every page; more than six criteria turn the page landscape.
The font is the app's own, embedded as a subset, so the text stays searchable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from contest_desk.domain.plain_names import undrawn_place
from contest_desk.domain.records.contests import ScoreSheet
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.reports.files import written_aside
from contest_desk.reports.fonts import pdf_font

LANDSCAPE_ABOVE = 6  # criteria


@dataclass(frozen=True)
class PaperCriterion:
    code: str
    name: str
    max_points: Decimal
    step: Decimal
    objective: bool  # entered once for the entry, not by every judge


@dataclass(frozen=True)
class PaperSheet:
    contest: str
    event: str
    round_name: str
    judge: str
    codes: tuple[str, ...]
    criteria: tuple[PaperCriterion, ...]


def paper_sheet_from(
    sheet: ScoreSheet, contest: str, event: str, round_name: str, judge: str
) -> PaperSheet:
    """A judge's sheet as the services give it (codes only: names are never printed).

    Refused while an entry has no drawn code: its row could only say "#3", its place in
    the entry list, which tells a judge in the hall nothing and would name someone else
    once the round is drawn."""
    undrawn = [e for e in sheet.entries if not e.code or undrawn_place(e.code) is not None]
    if undrawn:
        raise UserError(
            "{event} {round}: {count} of {total} entries have no drawn code yet. Draw the"
            " round's codes first (Contests → Draw): a paper sheet names each entry only by"
            " its code, so that judges mark blind",
            event=event,
            round=round_name,
            count=len(undrawn),
            total=len(sheet.entries),
        )
    codes = tuple(e.code or "" for e in sheet.entries)
    criteria = tuple(
        PaperCriterion(
            c.code, c.name, c.criterion.max_points, c.criterion.step, c.criterion.objective
        )
        for c in sheet.columns
    )
    return PaperSheet(contest, event, round_name, judge, codes, criteria)


class NumberedCanvas(Canvas):
    """Writes "第 n 页 共 m 页" once the number of pages is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Starting in the embedded font: reportlab otherwise names an unembedded Helvetica.
        # (Document templates pass initialFontName=None, so a default would not do.)
        kwargs["initialFontName"] = kwargs.get("initialFontName") or pdf_font()
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab resets its page state here

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(pdf_font(), 9)
            width = state["_pagesize"][0]
            page = _("Page {n} of {m}", n=state["_pageNumber"], m=total)
            self.drawCentredString(width / 2, 10 * mm, page)
            super().showPage()
        super().save()


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    font = pdf_font()
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1)
    line = ParagraphStyle("line", fontName=font, fontSize=10, leading=15)
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, alignment=1)
    return title, line, cell


def _flowables(sheet: PaperSheet, width: float) -> list[Any]:
    title, line, cell = _styles()
    out: list[Any] = [
        Paragraph(_("Score sheet"), title),
        Paragraph(f"{sheet.contest}　{sheet.event}　{sheet.round_name}", line),
        Paragraph(_("Judge: {judge}    Date: ______________", judge=sheet.judge), line),
        Spacer(1, 4 * mm),
    ]
    header = [Paragraph(_("Code"), cell)]
    for c in sheet.criteria:
        mark = " ◆" if c.objective else ""
        limits = _("max {max}, step {step}", max=c.max_points, step=c.step)
        text = f"{c.code} {c.name}{mark}<br/>{limits}"
        header.append(Paragraph(text, cell))
    header.append(Paragraph(_("Total"), cell))
    rows = [header] + [[code] + [""] * (len(sheet.criteria) + 1) for code in sheet.codes]
    code_width = 22 * mm
    other = (width - code_width) / (len(sheet.criteria) + 1)
    table = Table(rows, colWidths=[code_width] + [other] * (len(sheet.criteria) + 1), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), pdf_font()),  # not Helvetica, unembedded
                ("FONT", (0, 0), (-1, -1), pdf_font(), 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f7f7")]),
                ("TOPPADDING", (0, 1), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
            ]
        )
    )
    out.append(table)
    if any(c.objective for c in sheet.criteria):
        out.append(Paragraph(_("◆ entered once for the entry (measurement or deduction)"), line))
    out += [
        Spacer(1, 10 * mm),
        Paragraph(
            _("Judge's signature: ______________    Chief judge's check: ______________"), line
        ),
    ]
    return out


def write_paper_sheets(path: str | Path, sheets: Sequence[PaperSheet]) -> Path:
    """One PDF, one judge's sheet after another; complete or not written at all."""
    target = Path(path)
    wide = any(len(s.criteria) > LANDSCAPE_ABOVE for s in sheets)
    size = landscape(A4) if wide else A4
    with written_aside(target, ".pdf") as temporary:
        doc = BaseDocTemplate(
            temporary,
            pagesize=size,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=18 * mm,
            title=_("Score sheet"),
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
        story: list[Any] = []
        for n, sheet in enumerate(sheets):
            if n:
                story.append(PageBreak())
            story += _flowables(sheet, doc.width)
        doc.build(story, canvasmaker=NumberedCanvas)
    return target
