"""The Innovation area (创新成果): the ledger, the studios, the exchange meetings and the
dashboard, with the ledger's Excel export and import and the yearly compilation.

Service calls and files run off the window's thread (ui/operations.py); the import and
the compilation show their progress and can be cancelled (nothing imported, no file)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import INNOVATION
from contest_desk.domain.innovation import LEVEL_NAMES, STAGE_NAMES
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.innovation import LedgerFilter, StudioInfo
from contest_desk.i18n import _
from contest_desk.reports.charts import innovation_benefit_chart, innovation_funnel_chart
from contest_desk.reports.compilation import write_compilation
from contest_desk.reports.innovation_excel import read_ledger, write_ledger
from contest_desk.services.hub import Services
from contest_desk.ui import ask, operations, save_dialog
from contest_desk.ui.chart_view import ChartView
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.innovation.ledger_tab import LedgerTab
from contest_desk.ui.live import follow_setup
from contest_desk.ui.state import AppState


class InnovationArea(QWidget):
    USES = (
        "innovation",
        "meetings",
        "ledger",
        "innovation_details",
        "attachments",
        "innovation_import",
        "users",  # the ledger names approvers by their names
    )
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (
        ("new", "ledger_tab.new_achievement"),
        ("open", "import_button"),
        ("print", "report_button"),
        ("find", "ledger_tab.text_edit"),
    )

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.ledger_tab = LedgerTab(services)
        self.studios = RecordTableModel(
            [
                Column(self.tr("Studio"), lambda s: s.name),
                Column(self.tr("Unit"), lambda s: s.unit),
                Column(self.tr("Leader"), lambda s: s.leader),
                Column(self.tr("Studio level"), lambda s: _(LEVEL_NAMES.get(s.level, s.level))),
                Column(self.tr("Founded"), lambda s: s.founded_on or ""),
                Column(self.tr("Specialties"), lambda s: s.specialties),
            ]
        )
        self.studio_view = record_table(
            self.studios, self.tr("No studios yet. Add one with New studio….")
        )
        self.studio_page = QLabel()
        self.studio_page.setWordWrap(True)
        self.meetings = RecordTableModel(
            [
                Column(self.tr("Date"), lambda mt: mt.held_on.isoformat()),
                Column(self.tr("Host studio"), lambda mt: mt.host),
                Column(self.tr("Meeting place"), lambda mt: mt.place),
                Column(self.tr("Topic"), lambda mt: mt.topic),
                Column(self.tr("Attendees"), lambda mt: "、".join(mt.attendees)),
                Column(self.tr("Achievements shown"), lambda mt: "；".join(mt.achievements)),
                Column(self.tr("Photos"), lambda mt: len(mt.attachments)),
            ]
        )
        self.funnel_chart, self.benefit_chart = ChartView(), ChartView()
        self.dashboard_label = QLabel()
        self.by_site = RecordTableModel(
            [
                Column(self.tr("Site"), lambda r: r[0]),
                Column(self.tr("Actual benefit (CNY)"), lambda r: f"{r[1][0]:,.2f}"),
                Column(self.tr("Projected benefit (CNY)"), lambda r: f"{r[1][1]:,.2f}"),
            ]
        )
        self.meeting_view = record_table(
            self.meetings, self.tr("No exchange meetings yet. Record one with New meeting….")
        )
        self.photo_button = QPushButton(self.tr("Attach a photo…"))

        studios = QSplitter()
        studios.addWidget(self.studio_view)
        studios.addWidget(self.studio_page)
        studios.setSizes([700, 430])  # the studio's page was squeezed to ~70 px
        dashboard = QWidget()
        board = QVBoxLayout(dashboard)
        board.addWidget(self.dashboard_label)
        charts = QHBoxLayout()
        charts.addWidget(self.funnel_chart, 1)
        charts.addWidget(self.benefit_chart, 1)
        board.addLayout(charts, 1)
        board.addWidget(
            record_table(
                self.by_site,
                self.tr("No rollout sites yet: add them to an achievement with Rollout site…."),
            )
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.ledger_tab, self.tr("Ledger"))
        self.tabs.addTab(studios, self.tr("Studios"))
        meetings = QWidget()
        meeting_layout = QVBoxLayout(meetings)
        meeting_layout.addWidget(self.meeting_view, 1)
        meeting_layout.addWidget(self.photo_button)
        self.tabs.addTab(meetings, self.tr("Exchange meetings"))
        self.tabs.addTab(dashboard, self.tr("Dashboard"))

        self.new_studio_button = QPushButton(self.tr("New studio…"))
        self.new_meeting_button = QPushButton(self.tr("New meeting…"))
        self.export_button = QPushButton(self.tr("Export Excel…"))
        self.import_button = QPushButton(self.tr("Import Excel…"))
        self.report_button = QPushButton(self.tr("Yearly compilation PDF…"))
        top = QHBoxLayout()
        top.addStretch(1)
        buttons = (
            self.new_studio_button,
            self.new_meeting_button,
            self.export_button,
            self.import_button,
            self.report_button,
        )
        for button in buttons:
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        actor = services.ctx.actor
        editing = actor.may(Action.EDIT_INNOVATION)
        for button in (
            self.new_studio_button,
            self.new_meeting_button,
            self.import_button,
            self.photo_button,
        ):
            button.setVisible(editing)
        for key in (
            "new",
            "benefit",
            "attach",
            "rollout",
            "patent",
            "award",
            "recommend",
            "outcome",
        ):
            self.ledger_tab.buttons[key].setVisible(editing)
        self.ledger_tab.buttons["move"].setVisible(actor.may(Action.APPROVE_PROJECT))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.studio_view.selectionModel().currentRowChanged.connect(lambda *_a: self._studio())
        self.new_studio_button.clicked.connect(self.new_studio)
        self.new_meeting_button.clicked.connect(self.new_meeting)
        self.photo_button.clicked.connect(self._photo_dialog)
        self.export_button.clicked.connect(self._export_dialog)
        self.import_button.clicked.connect(self._import_dialog)
        self.report_button.clicked.connect(self._report_dialog)
        follow_setup(self, state, self.refresh, INNOVATION)
        self.refresh()

    def refresh(self) -> None:
        services = self.services
        read = operations.run(
            self,
            lambda: (
                services.innovation.studios(),
                services.meetings.meetings(),
                services.ledger.dashboard(),
            ),
        )
        if read is None:
            return
        studios, meetings, board = read
        self.studios.set_records(studios)
        self.studio_view.resizeColumnsToContents()
        self.meetings.set_records(meetings)
        self.funnel_chart.set_figure(innovation_funnel_chart(board))
        self.benefit_chart.set_figure(innovation_benefit_chart(board))
        self.by_site.set_records(sorted(board.by_site.items()))
        actual = sum((v[0] for v in board.by_studio.values()), start=0)
        projected = sum((v[1] for v in board.by_studio.values()), start=0)
        self.dashboard_label.setText(
            self.tr(
                "{n} achievements; actual benefit {actual:,.2f} CNY, projected {projected:,.2f}"
                " CNY; {sites} rollout sites"
            ).format(n=board.achievements, actual=actual, projected=projected, sites=board.rollouts)
        )

    def _studio(self) -> None:
        index = self.studio_view.currentIndex()
        studio = self.studios.record(index.row()) if index.isValid() else None
        if not isinstance(studio, StudioInfo):
            self.studio_page.setText("")
            return
        services, studio_id = self.services, studio.id
        read = operations.run(
            self,
            lambda: (
                services.ledger.achievements(LedgerFilter(studio_id=studio_id)),
                services.meetings.meetings(studio_id),
            ),
        )
        if read is None:
            return
        mine, meetings = read
        stages = Counter(a.stage for a in mine)
        by_stage = "、".join(f"{_(STAGE_NAMES[s])} {n}" for s, n in stages.items())
        benefit = sum((a.actual_benefit for a in mine), start=0)
        self.studio_page.setText(
            f"<h3>{studio.name}</h3>"
            + self.tr("Members: {members}").format(members="、".join(studio.members) or "—")
            + "<br>"
            + self.tr("Achievements by stage: {stages}").format(stages=by_stage or "—")
            + "<br>"
            + self.tr("Actual benefit: {amount:,.2f} CNY").format(amount=benefit)
            + "<br>"
            + self.tr("Meetings hosted: {meetings}").format(
                meetings="；".join(f"{m.held_on} {m.topic}" for m in meetings) or "—"
            )
        )

    # Actions -------------------------------------------------------------------

    def _attempt(self, work: Callable[..., object], **options: Any) -> bool:
        """The work through the runner (``options``: its label, cancellable), then both
        tabs again; False when refused or cancelled."""
        if not operations.done(self, work, **options):
            return False
        self.refresh()
        self.ledger_tab.reload()
        return True

    def new_studio(self) -> None:
        fields = [
            (self.tr("Studio name"), ""),
            (self.tr("Unit"), ""),
            (self.tr("Level (plant, oilfield, group)"), "plant"),
            (self.tr("Leader's employee number"), ""),
            (self.tr("Members' employee numbers"), ""),
            (self.tr("Specialties"), ""),
        ]
        answer = ask.ask_form(self, self.tr("New studio"), fields)
        if answer is None:
            return
        name, unit, level, leader, members, specialties = (answer[f] for f, _d in fields)
        numbers = [n.strip() for n in members.replace("，", ",").split(",") if n.strip()]
        self._attempt(
            lambda: self.services.innovation.add_studio(
                name, unit, level, leader or None, numbers, dt.date.today(), specialties
            )
        )

    def new_meeting(self) -> None:
        studios = operations.run(self, lambda: self.services.innovation.studios())
        if studios is None:
            return
        host = ask.ask_choice(
            self, self.tr("New meeting"), self.tr("Host studio:"), [s.name for s in studios]
        )
        if host is None:
            return
        fields = [
            (self.tr("Date"), dt.date.today().isoformat()),
            (self.tr("Meeting place"), ""),
            (self.tr("Topic"), ""),
            (self.tr("Attendees' employee numbers"), ""),
            (self.tr("Notes"), ""),
        ]
        answer = ask.ask_form(self, self.tr("New meeting"), fields)
        if answer is None:
            return
        ledger = operations.run(self, lambda: self.services.ledger.achievements())
        if ledger is None:
            return
        shown = (
            ask.ask_many(
                self,
                self.tr("New meeting"),
                self.tr("Achievements presented:"),
                [a.title for a in ledger],
            )
            or []
        )
        when, place, topic, people, notes = (answer[f] for f, _d in fields)
        numbers = [n.strip() for n in people.replace("，", ",").split(",") if n.strip()]

        def add() -> None:
            self.services.meetings.add_meeting(
                dt.date.fromisoformat(when),
                studios[host].id,
                place,
                topic,
                numbers,
                [ledger[i].id for i in shown],
                notes,
            )

        self._attempt(add)

    def _photo_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a photo"))
        if path:
            self.attach_photo(path)

    def attach_photo(self, path: str | Path) -> None:
        index = self.meeting_view.currentIndex()
        meeting = self.meetings.record(index.row()) if index.isValid() else None
        if meeting is not None:
            self._attempt(lambda: self.services.attachments.attach("meeting", meeting.id, path))

    def _export_dialog(self) -> None:
        path = save_dialog.ask_save_path(self, self.tr("Export Excel"), "Excel (*.xlsx)")
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        services = self.services

        def export() -> None:
            ledger = services.ledger.achievements()
            write_ledger(path, ledger, services.innovation_details.completer_numbers())

        self._attempt(export, label=self.tr("Writing the ledger…"))

    def _import_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import Excel"), "", self.tr("Excel (*.xlsx)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> bool:
        """All or nothing, with progress; Cancel rolls the import back."""
        return self._attempt(
            lambda progress: self.services.innovation_import.import_ledger(
                read_ledger(path), progress=progress
            ),
            label=self.tr("Importing the ledger…"),
            cancellable=True,
        )

    def _report_dialog(self) -> None:
        year, ok = QInputDialog.getInt(
            self, self.tr("Yearly compilation"), self.tr("Year:"), dt.date.today().year, 2000, 2100
        )
        if not ok:
            return
        path = save_dialog.ask_save_path(
            self, self.tr("Yearly compilation PDF"), "PDF (*.pdf)", f"{year}.pdf"
        )
        if path:
            self.write_report(year, path)

    def write_report(self, year: int, path: str | Path) -> bool:
        """The year's booklet, with progress; Cancel leaves no file (and the old one, if
        any, as it was)."""
        ledger = self.services.ledger

        def write(progress: operations.Progress) -> None:
            chosen = ledger.achievements(LedgerFilter(year=year))
            chosen.sort(key=lambda a: (a.studio, a.title))
            write_compilation(path, year, chosen, progress=progress)

        label = self.tr("Writing the yearly compilation…")
        return self._attempt(write, label=label, cancellable=True)
