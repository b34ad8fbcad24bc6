"""Result notices (成绩公示) as PDF and Excel: an event's or a round's standings, a
challenge board now, a labor competition's period — the same notice, two formats.

The PDF's table breaks across pages with its header repeated; the Chinese font is
embedded; the file is written aside and moved into place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from contest_desk.domain.certificates import chinese_date
from contest_desk.domain.records.boards import BoardView
from contest_desk.domain.records.contests import StandingsTable
from contest_desk.domain.records.labor import LaborTable
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.reports.board_report import STATUS_NAMES, rating_text
from contest_desk.reports.cells import NUMBER
from contest_desk.reports.files import save_workbook, written_aside
from contest_desk.reports.fonts import pdf_font
from contest_desk.reports.labor_report import points_text
from contest_desk.reports.paper_sheet import NumberedCanvas


@dataclass(frozen=True)
class Notice:
    title: str  # e.g. 2026年采油厂职工技能比武 采油工技能比武 成绩公示
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    organizer: str
    published: dt.date
    days: int  # how long it is posted for objections
    # Columns of numbers (ranks, totals): the Excel notice writes them as numbers, so they
    # sort and sum, and a negative total is not quoted as text that looks like a formula.
    numeric: frozenset[int] = frozenset()
    # The audit trail's anchor when it was printed (row:hash): a later rewrite of the
    # trail no longer matches the paper (contest-desk audit verify --anchor).
    anchor: str = ""

    @property
    def until(self) -> dt.date:
        return self.published + dt.timedelta(days=self.days)


def standings_notice(
    table: StandingsTable, contest: str, organizer: str, published: dt.date, days: int = 7
) -> Notice:
    round_name = next((r.name for r in table.event.rounds if r.number == table.round_number), "")
    header = (_("Rank"), _("Code"), _("Name"), _("Unit"), _("Total"), _("Award"))
    rows = tuple(
        (str(r.rank), r.entry.code or "", r.entry.label, r.entry.unit, str(r.total), r.award or "")
        for r in table.rows
    )
    title = " ".join(x for x in (contest, table.event.name, round_name) if x)
    return Notice(title, header, rows, organizer, published, days, frozenset({0, 4}))


def board_notice(view: BoardView, organizer: str, published: dt.date, days: int = 7) -> Notice:
    header = (_("Place"), _("Name"), _("Unit"), _("Rating"), _("Defences"), _("Status"))
    rows = tuple(
        (
            "" if r.place is None else str(r.place),
            r.entry.label,
            r.entry.unit,
            rating_text(r.rating),
            str(r.defences),
            _(STATUS_NAMES[r.status]),
        )
        for r in view.rows
    )
    title = f"{view.info.name} {view.period_label}"
    return Notice(title, header, rows, organizer, published, days, frozenset({0, 3, 4}))


def labor_notice(table: LaborTable, organizer: str, published: dt.date, days: int = 7) -> Notice:
    header = (_("Rank"), _("Work team"), _("Unit"), _("Total"), _("Award"), _("Veto"))
    rows = tuple(
        (str(r.rank), r.team.name, r.team.unit, points_text(r.total), r.award or "", r.veto or "")
        for r in table.rows
    )
    period = table.period.name if table.period else _("all periods")
    title = f"{table.contest_name} {period}"
    return Notice(title, header, rows, organizer, published, days, frozenset({0, 3}))


def _footer(notice: Notice) -> str:
    posted = _(
        "Posted from {start} to {end}. Objections to the organizer within that time.",
        start=notice.published.isoformat(),
        end=notice.until.isoformat(),
    )
    if not notice.anchor:
        return posted
    return posted + " " + _("Audit anchor: {anchor}", anchor=notice.anchor)


def write_notice_pdf(path: str | Path, notice: Notice) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise UserError(
            "Cannot write {file}: {reason}", file=str(target), reason=_("no such folder")
        )
    font = pdf_font()
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=26, alignment=1)
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=12)
    size = landscape(A4) if len(notice.header) > 7 else A4
    with written_aside(target, ".pdf") as temporary:
        doc = SimpleDocTemplate(
            temporary,
            pagesize=size,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=18 * mm,
            bottomMargin=20 * mm,
            title=notice.title,
        )
        data: list[list[Any]] = [[Paragraph(h, cell) for h in notice.header]]
        data += [[Paragraph(c, cell) for c in row] for row in notice.rows]
        table = Table(data, repeatRows=1)  # the header again on every page
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), pdf_font()),  # not Helvetica, unembedded
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story = [
            Paragraph(notice.title + " " + _("Result notice"), title),
            Spacer(1, 6 * mm),
            table,
            Spacer(1, 8 * mm),
            Paragraph(_footer(notice), body),
            Spacer(1, 6 * mm),
            Paragraph(notice.organizer, ParagraphStyle("org", parent=body, alignment=2)),
            Paragraph(
                chinese_date(notice.published, with_day=True),
                ParagraphStyle("day", parent=body, alignment=2),
            ),
        ]
        doc.build(story, canvasmaker=NumberedCanvas)
    return target


def _as_number(cell: Any) -> None:
    """A numeric column's "95.50" as the number 95.50, shown with the places the notice
    shows; any other text ("" off the board) stays text."""
    text = cell.value
    if isinstance(text, str) and NUMBER.fullmatch(text):
        cell.value = Decimal(text)
        places = len(text.partition(".")[2])
        if places:
            cell.number_format = "0." + "0" * places


def write_notice_excel(path: str | Path, notices: Sequence[Notice]) -> Path:
    """One sheet per notice: the title, the table, the posting period and the organizer."""
    target = Path(path)
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for n, notice in enumerate(notices, start=1):
        ws = wb.create_sheet(f"{n}")
        ws.append([notice.title + " " + _("Result notice")])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append(list(notice.header))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in notice.rows:
            ws.append(list(row))
            for i in notice.numeric:
                _as_number(ws.cell(ws.max_row, i + 1))
        ws.append([])
        ws.append([_footer(notice)])
        ws.append([notice.organizer, chinese_date(notice.published, with_day=True)])
        for letter in "ABCDEFGH":
            ws.column_dimensions[letter].width = 18
    return save_workbook(wb, target)


def notice_html(notice: Notice) -> str:
    """The notice as HTML, for printing through Qt (the window's print preview)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in notice.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in notice.rows
    )
    return (
        f"<h2 align='center'>{escape(notice.title)} {escape(_('Result notice'))}</h2>"
        f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"<p>{escape(_footer(notice))}</p>"
        f"<p align='right'>{escape(notice.organizer)}<br>"
        f"{escape(chinese_date(notice.published, with_day=True))}</p>"
    )
