"""The yearly compilation of achievements (成果汇编) as one PDF: a cover, the contents with
page numbers, then one page per achievement with its fields, completers and benefits.

The Chinese font is embedded (as a subset), so the booklet prints the same anywhere and
its text stays searchable. The file is written aside and renamed: never half a booklet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
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
from reportlab.platypus.tableofcontents import TableOfContents

from contest_desk.domain.innovation import BENEFIT_NAMES, CATEGORY_NAMES, STAGE_NAMES
from contest_desk.domain.records.innovation import AchievementInfo
from contest_desk.errors import Progress, UserError, step
from contest_desk.i18n import _
from contest_desk.reports.files import written_aside
from contest_desk.reports.fonts import pdf_font
from contest_desk.reports.paper_sheet import NumberedCanvas


class _Booklet(BaseDocTemplate):
    progress: Progress | None = None
    laid_out = 0  # achievements' headings, over every pass of multiBuild
    expected = 0

    def afterFlowable(self, flowable: Any) -> None:
        """Each achievement's heading goes into the contents with its page; each is a step
        of the work (Cancel stops here, and the file written aside is removed)."""
        if isinstance(flowable, Paragraph) and flowable.style.name == "heading":
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))
            self.laid_out += 1
            step(self.progress, min(self.laid_out, self.expected), self.expected)


def _styles() -> dict[str, ParagraphStyle]:
    font = pdf_font()
    return {
        "cover": ParagraphStyle("cover", fontName=font, fontSize=26, leading=36, alignment=1),
        "sub": ParagraphStyle("sub", fontName=font, fontSize=14, leading=22, alignment=1),
        "heading": ParagraphStyle("heading", fontName=font, fontSize=16, leading=22),
        "body": ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=9, leading=12),
        "toc": ParagraphStyle("toc", fontName=font, fontSize=11, leading=18),
    }


def _field_table(a: AchievementInfo, st: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [
        (_("Studio"), a.studio),
        (_("Category"), _(CATEGORY_NAMES.get(a.category, a.category))),
        (_("Stage"), _(STAGE_NAMES[a.stage])),
        (_("Completers"), "、".join(a.completers)),
        (_("Proposed on"), a.started_on.isoformat() if a.started_on else ""),
        (_("Finished on"), a.finished_on.isoformat() if a.finished_on else ""),
        (_("Problem solved"), a.problem),
        (_("Description"), a.description),
        (_("Patents"), "；".join(p.number for p in a.patents)),
        (_("Honours"), "；".join(f"{w.year} {w.name} {w.grade}" for w in a.awards)),
        (_("Rollout sites"), "；".join(r.unit for r in a.rollouts)),
    ]
    data = [[Paragraph(k, st["cell"]), Paragraph(v or "—", st["cell"])] for k, v in rows]
    table = Table(data, colWidths=[30 * mm, width - 30 * mm])
    table.setStyle(_grid())
    return table


def _grid() -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), pdf_font()),  # not Helvetica, unembedded
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )


def _benefit_table(a: AchievementInfo, st: dict[str, ParagraphStyle], width: float) -> Table:
    header = [_("Year"), _("Site"), _("Kind"), _("Amount (CNY)"), _("Basis of calculation")]
    data: list[list[Any]] = [[Paragraph(h, st["cell"]) for h in header]]
    for b in a.benefits:
        x = b.benefit
        year = f"{x.year}" + (" " + _("Quarter {q}").format(q=x.quarter) if x.quarter else "")
        if x.projected:
            year += _(" (projected)")
        data.append(
            [
                Paragraph(year, st["cell"]),
                Paragraph(x.site, st["cell"]),
                Paragraph(_(BENEFIT_NAMES[x.kind]), st["cell"]),
                Paragraph(f"{x.amount:,.2f}", st["cell"]),
                Paragraph(b.basis, st["cell"]),
            ]
        )
    data.append(
        [
            Paragraph(_("Actual total"), st["cell"]),
            "",
            "",
            Paragraph(f"{a.actual_benefit:,.2f}", st["cell"]),
            "",
        ]
    )
    table = Table(data, colWidths=[24 * mm, 30 * mm, 24 * mm, 28 * mm, width - 106 * mm])
    table.setStyle(_grid())
    return table


def write_compilation(
    path: str | Path,
    year: int,
    achievements: Sequence[AchievementInfo],
    organizer: str = "",
    progress: Progress | None = None,
) -> Path:
    """The booklet of ``achievements`` (already chosen: those of the year)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise UserError(
            "Cannot write {file}: {reason}", file=str(target), reason=_("no such folder")
        )
    st = _styles()
    with written_aside(target, ".pdf") as temporary:
        doc = _Booklet(
            temporary,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=_("{year} compilation of innovation achievements", year=year),
        )
        # multiBuild lays the story out two or three times (the contents' page numbers can
        # move pages); counted as three, so the bar never waits at its end.
        doc.progress, doc.expected = progress, 3 * len(achievements)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        contents = TableOfContents(
            tableStyle=TableStyle([("FONTNAME", (0, 0), (-1, -1), pdf_font())])
        )
        contents.levelStyles = [st["toc"]]
        story: list[Any] = [
            Spacer(1, 70 * mm),
            Paragraph(_("{year} compilation of innovation achievements", year=year), st["cover"]),
            Spacer(1, 12 * mm),
            Paragraph(_("Worker innovation studios"), st["sub"]),
            Spacer(1, 60 * mm),
            Paragraph(organizer, st["sub"]),
            PageBreak(),
            Paragraph(_("Contents"), st["cover"]),
            Spacer(1, 8 * mm),
            contents,
        ]
        for a in achievements:
            story += [
                PageBreak(),
                Paragraph(a.title, st["heading"]),
                Spacer(1, 4 * mm),
                _field_table(a, st, doc.width),
                Spacer(1, 6 * mm),
                Paragraph(_("Benefits"), st["body"]),
                Spacer(1, 2 * mm),
                _benefit_table(a, st, doc.width),
            ]
        doc.multiBuild(story, canvasmaker=NumberedCanvas)
    return target
