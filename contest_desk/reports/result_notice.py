"""Result notices (成绩公示) as PDF and Excel: an event's or a round's standings, a
challenge board now, a labor competition's period — the same notice, two formats.

The PDF's table breaks across pages with its header repeated; the Chinese font is
embedded; the file is written aside and moved into place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
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
from contest_desk.domain.records.results import ResultsState
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.reports.board_report import STATUS_NAMES, rating_text
from contest_desk.reports.cells import NUMBER
from contest_desk.reports.files import save_workbook, written_aside
from contest_desk.reports.fonts import pdf_font
from contest_desk.reports.labor_report import points_text
from contest_desk.reports.paper_sheet import NumberedCanvas
from contest_desk.reports.sheet_style import finish_table, number_cell, sheet_title

HEADER_ROW = 2  # an Excel notice's table header, under its title row


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
    # How final the results are (已锁定 at a time, or 暂定): a line under the title.
    state: str = ""
    provisional: bool = False  # printed before the lock, by the organizer's override

    @property
    def until(self) -> dt.date:
        return self.published + dt.timedelta(days=self.days)


def standings_notice(
    table: StandingsTable,
    contest: str,
    organizer: str,
    published: dt.date,
    days: int = 7,
    state: ResultsState | None = None,
) -> Notice:
    """The notice of a round's (or the event's) standings; ``state`` (from
    ``CertificateService.notice_source``) puts 已锁定 with its time, or 暂定, under the title.
    The second column is the entries' draw codes when they were drawn, else their running
    number (序号): never an empty column."""
    round_name = next((r.name for r in table.event.rounds if r.number == table.round_number), "")
    coded = any(r.entry.code for r in table.rows)
    header = (_("Code") if coded else _("No."), _("Name"), _("Unit"), _("Total"), _("Award"))
    rows = tuple(
        (
            str(r.rank),
            (r.entry.code or "") if coded else str(n),
            r.entry.label,
            r.entry.unit,
            str(r.total),
            r.award or "",
        )
        for n, r in enumerate(table.rows, start=1)
    )
    title = " ".join(x for x in (contest, table.event.name, round_name) if x)
    numeric = frozenset({0, 4} if coded else {0, 1, 4})
    notice = Notice(title, (_("Rank"), *header), rows, organizer, published, days, numeric)
    if state is None:
        return notice
    return replace(notice, state=state_line(state), provisional=not state.final)


def state_line(state: ResultsState) -> str:
    """成绩状态：已锁定（2026-05-11 14:03）, or 暂定 naming the rounds still open; local time."""
    if not state.final:
        return _(
            "Results: provisional (rounds not locked: {rounds}); they may still change",
            rounds="、".join(state.open_rounds),
        )
    if state.locked_at is None:
        return _("Results: final (locked)")
    local = state.locked_at.replace(tzinfo=dt.UTC).astimezone()
    return _("Results: final, locked at {time}", time=local.strftime("%Y-%m-%d %H:%M"))


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


def _heading(notice: Notice) -> str:
    """The notice's title line; one printed before the lock says 暂定 in it too."""
    heading = notice.title + " " + _("Result notice")
    return heading + _("(provisional)") if notice.provisional else heading


def _state_paragraphs(notice: Notice, body: ParagraphStyle) -> list[Any]:
    if not notice.state:
        return []
    colour = "#c62828" if notice.provisional else "#1b5e20"  # red before the lock
    style = ParagraphStyle("state", parent=body, alignment=1, textColor=colors.HexColor(colour))
    return [Spacer(1, 2 * mm), Paragraph(escape(notice.state), style)]


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
            Paragraph(escape(_heading(notice)), title),
            *_state_paragraphs(notice, body),
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
    shows (a rank as a whole number); any other text ("" off the board) stays text."""
    text = cell.value
    if isinstance(text, str) and NUMBER.fullmatch(text):
        value = Decimal(text)
        number_cell(cell, int(value) if "." not in text else value, None)


def write_notice_excel(path: str | Path, notices: Sequence[Notice]) -> Path:
    """One sheet per notice, named after it: the title, the table (numbers as numbers,
    the header frozen and repeated on printed pages, widths fitted, A4 to the page's
    width), then the state, the posting period and the organizer."""
    target = Path(path)
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for n, notice in enumerate(notices, start=1):
        ws = wb.create_sheet(sheet_title(f"{n} {notice.title}", str(n)))
        ws.append([_heading(notice)])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append(list(notice.header))  # row HEADER_ROW, under the title
        # The row by count, not ws.max_row: that looks at every cell of the sheet, once
        # per number column here (10,000 rows: 19 s; now 1.2 s).
        for number, row in enumerate(notice.rows, start=HEADER_ROW + 1):
            ws.append(list(row))
            for i in notice.numeric:
                _as_number(ws.cell(number, i + 1))
        finish_table(ws, header_row=HEADER_ROW)
        ws.append([])
        if notice.state:
            ws.append([notice.state])
        ws.append([_footer(notice)])
        ws.append([notice.organizer, chinese_date(notice.published, with_day=True)])
    return save_workbook(wb, target)


def notice_html(notice: Notice) -> str:
    """The notice as HTML, for printing through Qt (the window's print preview)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in notice.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in notice.rows
    )
    state = f"<p align='center'><b>{escape(notice.state)}</b></p>" if notice.state else ""
    return (
        f"<h2 align='center'>{escape(_heading(notice))}</h2>{state}"
        f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"<p>{escape(_footer(notice))}</p>"
        f"<p align='right'>{escape(notice.organizer)}<br>"
        f"{escape(chinese_date(notice.published, with_day=True))}</p>"
    )
