"""The Labor competitions area (劳动竞赛): key a period's values, see its ranks and each
team's points indicator by indicator, the cumulative standings and the charts.

Values go to the services cell by cell; a changed value needs a reason; a closed period
is read-only. Vetoes, closing a period and the Excel template/import are buttons here.
Every service call runs off the window's thread (ui/operations.py); the import shows its
progress and can be cancelled (nothing is imported then).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import CONTESTS, LABOR
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.labor import LaborRow, LaborTable, PeriodInfo, ValueGrid
from contest_desk.errors import UserError, step
from contest_desk.reports.charts import labor_contribution_chart, labor_race_chart
from contest_desk.reports.labor_excel import read_labor_sheet, write_labor_template
from contest_desk.reports.labor_report import points_text
from contest_desk.reports.result_notice import Notice, labor_notice
from contest_desk.services.hub import Services
from contest_desk.ui import ask, feedback, notice_printing, operations, save_dialog
from contest_desk.ui.chart_view import ChartView
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.elided_combo import shortened_box
from contest_desk.ui.labor import setup_dialog
from contest_desk.ui.labor.grid_model import ValueGridModel
from contest_desk.ui.live import follow_setup
from contest_desk.ui.notice_printing import anchored
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView


class LaborArea(QWidget):
    USES = (
        "contests",
        "labor",
        "labor_values",
        "labor_standings",
        "labor_import",
        "audit",
    )
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (("open", "import_button"), ("print", "notice_button"))

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.contest_box = shortened_box()  # a long name ends in … at a large font
        self.period_box = QComboBox()
        self.state_label = QLabel()
        self.template_button = QPushButton(self.tr("Excel template…"))
        self.import_button = QPushButton(self.tr("Import Excel…"))
        self.veto_button = QPushButton(self.tr("Veto…"))
        self.close_button = QPushButton(self.tr("Close the period"))
        self.setup_button = QPushButton(self.tr("Set up…"))
        self.notice_button = QPushButton(self.tr("Print the result notice…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Competition")))
        top.addWidget(self.contest_box, 1)
        top.addWidget(QLabel(self.tr("Assessment period")))
        top.addWidget(self.period_box)
        top.addWidget(self.state_label)
        top.addStretch(1)
        for button in (
            self.setup_button,
            self.template_button,
            self.import_button,
            self.veto_button,
            self.close_button,
            self.notice_button,
        ):
            top.addWidget(button)

        self.grid = ValueGridModel(self._save, self._ask_reason, self._refused)
        self.grid_view = TableView(
            self.tr(
                "No work teams or indicators yet. Add them with Set up…, then type each "
                "period's values here or bring them in with Import Excel…."
            )
        )
        self.grid_view.setModel(self.grid)
        self.ranks = RecordTableModel(
            [
                Column(self.tr("Rank"), lambda r: r.rank),
                Column(self.tr("Work team"), lambda r: r.team.name),
                Column(self.tr("Total"), lambda r: points_text(r.total)),
                Column(self.tr("Award"), lambda r: r.award or ""),
                Column(self.tr("Veto"), lambda r: r.veto or ""),
            ]
        )
        self.breakdown = RecordTableModel(
            [
                Column(self.tr("Indicator"), lambda s: self._indicator_name(s.code)),
                Column(self.tr("Value"), lambda s: "" if s.value is None else s.value),
                Column(self.tr("Points"), lambda s: points_text(s.weighted)),
                Column(self.tr("How"), lambda s: s.working),
            ]
        )
        self.cumulative = RecordTableModel(
            [
                Column(self.tr("Rank"), lambda r: r.rank),
                Column(self.tr("Work team"), lambda r: r.team.name),
                Column(self.tr("Unit"), lambda r: r.team.unit),
                Column(self.tr("By period"), lambda r: " / ".join(map(points_text, r.by_period))),
                Column(self.tr("Total"), lambda r: points_text(r.total)),
                Column(self.tr("Award"), lambda r: r.award or ""),
                Column(self.tr("Veto"), lambda r: r.veto or ""),
            ]
        )
        self.rank_view = record_table(
            self.ranks, self.tr("The period's ranking appears here once its values are in.")
        )
        self.race_chart = ChartView()
        self.contribution_chart = ChartView()
        self.table: LaborTable | None = None

        period_page = QSplitter(Qt.Orientation.Vertical)
        period_page.addWidget(self.grid_view)
        below = QSplitter()
        below.addWidget(self.rank_view)
        below.addWidget(
            record_table(
                self.breakdown,
                self.tr(
                    "Choose a team in the ranking to see how each indicator's points "
                    "were worked out."
                ),
            )
        )
        below.setSizes([420, 680])
        period_page.addWidget(below)
        self.tabs = QTabWidget()
        self.tabs.addTab(period_page, self.tr("Period: values and ranks"))
        cumulative = record_table(
            self.cumulative,
            self.tr(
                "The cumulative ranking adds up the periods' scores; it appears once values are in."
            ),
        )
        self.tabs.addTab(cumulative, self.tr("Cumulative"))
        self.tabs.addTab(self.race_chart, self.tr("Score race"))
        self.tabs.addTab(self.contribution_chart, self.tr("Points by indicator"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        actor = services.ctx.actor
        self.template_button.setVisible(actor.may(Action.VIEW_SETUP))
        self.import_button.setVisible(actor.may(Action.KEY_VALUES))
        self.veto_button.setVisible(actor.may(Action.EDIT_SETUP))
        self.setup_button.setVisible(actor.may(Action.EDIT_SETUP))
        self.setup_button.clicked.connect(self.set_up)
        self.notice_button.clicked.connect(self.print_notice)
        self.close_button.setVisible(actor.may(Action.EDIT_SETUP))
        self.contest_box.currentIndexChanged.connect(lambda _i: self._contest_shown())
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.rank_view.selectionModel().currentRowChanged.connect(lambda *_a: self._breakdown())
        self.close_button.clicked.connect(self.close_period)
        self.veto_button.clicked.connect(self.veto)
        self.template_button.clicked.connect(self._template_dialog)
        self.import_button.clicked.connect(self._import_dialog)
        follow_setup(self, state, self.reload, LABOR, CONTESTS)
        self.reload()

    # Loading -------------------------------------------------------------------

    def reload(self) -> None:
        shown = self.contest_box.currentData()
        contests = operations.run(self, lambda: self.services.contests.contests()) or []
        self.contest_box.blockSignals(True)
        self.contest_box.clear()
        for contest in contests:
            if contest.kind is ContestKind.LABOR:
                self.contest_box.addItem(contest.name, contest.id)
        self.contest_box.setCurrentIndex(max(0, self.contest_box.findData(shown)))
        self.contest_box.blockSignals(False)
        self._contest_shown()

    def contest_id(self) -> int | None:
        value = self.contest_box.currentData()
        return None if value is None else int(value)

    def period_id(self) -> int | None:
        value = self.period_box.currentData()
        return None if value is None else int(value)

    def _contest_shown(self) -> None:
        contest = self.contest_id()
        shown = self.period_box.currentData()
        periods: list[PeriodInfo] = []
        if contest is not None:
            periods = operations.run(self, lambda: self.services.labor.periods(contest)) or []
        self.period_box.blockSignals(True)
        self.period_box.clear()
        if contest is not None:
            for p in periods:
                self.period_box.addItem(p.name, p.id)
            # The first open period is where keying goes on.
            first_open = next((p.id for p in periods if not p.closed), None)
            wanted = shown if self.period_box.findData(shown) >= 0 else first_open
            self.period_box.setCurrentIndex(max(0, self.period_box.findData(wanted)))
        self.period_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        contest, period = self.contest_id(), self.period_id()
        if contest is None or period is None:
            self.grid.set_grid(None)
            self.ranks.set_records([])
            return
        read = operations.run(
            self,
            lambda: (self.services.labor_values.grid(contest, period), self._read(contest, period)),
        )
        if read is None:
            return
        grid, tables = read
        self.grid.set_grid(grid)
        self.state_label.setText(self.tr("closed") if grid.period.closed else self.tr("open"))
        self.close_button.setEnabled(not grid.period.closed)
        self.import_button.setEnabled(not grid.period.closed)
        self._show_standings(tables)

    def _read(self, contest: int, period: int) -> tuple[LaborTable, LaborTable]:
        """The period's standings and the cumulative ones (on the worker's thread)."""
        standings = self.services.labor_standings
        return standings.standings(contest, period), standings.standings(contest)

    def _standings(self) -> None:
        contest, period = self.contest_id(), self.period_id()
        if contest is None or period is None:
            return
        tables = operations.run(self, lambda: self._read(contest, period))
        if tables is not None:
            self._show_standings(tables)

    def _show_standings(self, tables: tuple[LaborTable, LaborTable]) -> None:
        self.table, total = tables
        self.ranks.set_records(self.table.rows)
        self.rank_view.resizeColumnsToContents()
        if not self.rank_view.currentIndex().isValid() and self.ranks.rowCount():
            self.rank_view.selectRow(0)  # the leader's breakdown to begin with
        self.cumulative.set_records(total.rows)
        self.race_chart.set_figure(labor_race_chart(total))
        self.contribution_chart.set_figure(labor_contribution_chart(self.table))
        self._breakdown()

    def _indicator_name(self, code: str) -> str:
        found = [i for i in self.table.indicators if i.code == code] if self.table else []
        return f"{found[0].name}（{found[0].unit}）" if found else code

    def _breakdown(self) -> None:
        index = self.rank_view.currentIndex()
        row = self.ranks.record(index.row()) if index.isValid() else None
        self.breakdown.set_records(row.scores if isinstance(row, LaborRow) else [])

    # Keying --------------------------------------------------------------------

    def _save(self, team: int, code: str, text: str, reason: str) -> bool:
        """True when stored; a refusal is shown (by the runner) and gives False."""
        contest, period = self.contest_id(), self.period_id()
        assert contest is not None and period is not None

        def save() -> tuple[LaborTable, LaborTable]:
            self.services.labor_values.set_value(contest, period, team, code, text, reason)
            return self._read(contest, period)

        tables = operations.run(self, save)
        if tables is None:
            return False
        self._show_standings(tables)
        return True

    def _ask_reason(self, what: str) -> str | None:
        return sheet_bar.ask_text(self, self.tr("Change a value"), what + "\n" + self.tr("Reason:"))

    def _refused(self, error: UserError) -> None:
        feedback.show_user_error(self, error)

    # Actions -------------------------------------------------------------------

    def _run(self, work: Callable[[int, int], object]) -> None:
        """An action on the shown period, then the period again (refused or not, as before)."""
        contest, period = self.contest_id(), self.period_id()
        if contest is None or period is None:
            return
        operations.done(self, lambda: work(contest, period))
        self.refresh()

    def notice(self) -> Notice | None:
        """The shown period's result notice."""
        table = self.table
        if table is None:
            return None

        def work(progress: operations.Progress) -> Notice:
            organizer = self.services.contests.contest(table.contest_id).organizer
            notice = labor_notice(table, organizer, dt.date.today())
            step(progress, 1, 2)  # Cancel: no anchor made, no preview
            return replace(notice, anchor=anchored(self.services))

        label = self.tr("Preparing the result notice…")
        return operations.run(self, work, label=label, cancellable=True)

    def print_notice(self) -> None:
        notice = self.notice()
        if notice is not None:
            notice_printing.preview_notice(self, notice)

    def set_up(self) -> None:
        contest = self.contest_id()
        if contest is not None:
            setup_dialog.open_setup(self, self.services, contest)
            self._contest_shown()

    def close_period(self) -> None:
        self._run(lambda c, p: self.services.labor.close_period(c, p))

    def veto(self) -> None:
        contest = self.contest_id()
        if contest is None:
            return
        teams = operations.run(self, lambda: self.services.labor.teams(contest))
        if not teams:
            return
        choice = ask.ask_choice(self, self.tr("Veto"), self.tr("Team:"), [t.name for t in teams])
        if choice is None:
            return
        scopes = [self.tr("This period"), self.tr("The whole competition")]
        scope = ask.ask_choice(self, self.tr("Veto"), self.tr("Out of the awards of:"), scopes)
        reason = sheet_bar.ask_text(
            self, self.tr("Veto"), self.tr("Reason (shown with the results):")
        )
        if scope is None or reason is None:
            return
        team = teams[choice].id
        self._run(lambda c, p: self.services.labor.veto(c, team, p if scope == 0 else None, reason))

    def _template_dialog(self) -> None:
        path = save_dialog.ask_save_path(self, self.tr("Excel template"), "Excel (*.xlsx)")
        if path:
            self.write_template(path)

    def write_template(self, path: str | Path) -> None:
        contest, period = self.contest_id(), self.period_id()
        if contest is None or period is None:
            return
        name = self.contest_box.currentText()

        def write() -> None:
            grid: ValueGrid = self.services.labor_values.grid(contest, period)
            write_labor_template(path, name, grid)

        operations.done(self, write, label=self.tr("Writing the Excel template…"))

    def _import_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import Excel"), "", self.tr("Excel (*.xlsx)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        """All or nothing, with progress; Cancel rolls the import back."""
        contest, period = self.contest_id(), self.period_id()
        if contest is None or period is None:
            return
        operations.run(  # the values changed are seen in the grid
            self,
            lambda progress: self.services.labor_import.import_values(
                contest, period, read_labor_sheet(path), progress=progress
            ),
            label=self.tr("Importing values…"),
            cancellable=True,
        )
        self.refresh()
