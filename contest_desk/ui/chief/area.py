"""The chief judge's desk (裁判长): sheets in and the lock, discrepancy flags, consistency.

Everything goes through the services (``sheets``, ``discrepancies``, ``consistency``), run
by the operations runner off the window's thread; reasons are asked with the same dialog
as the sheet bar and kept on the record there. A change is announced as ``scores_changed``
(the standings' final flag, the advance tab, this desk itself refresh from it).

While shown, the desk is live (ui/live.py): a change made anywhere (a judge's phone
through the hub, another desk) moves a counter that the window's watcher tells of (or
that the desk asks every second), and the sheets' progress and the flags reload by
themselves, in the background; the consistency figures wait for a refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.plain_names import actor_name
from contest_desk.domain.records.contests import RoundStatus
from contest_desk.domain.records.judging import TOTAL, ConsistencyReport, FlagInfo
from contest_desk.reports.charts import judges_bias_chart
from contest_desk.services.context import utc_now
from contest_desk.services.hub import Services
from contest_desk.ui import operations, round_lock
from contest_desk.ui.chart_view import ChartView
from contest_desk.ui.chief.agreement_help import agreement_help
from contest_desk.ui.chief.appeals_tab import AppealsTab
from contest_desk.ui.chief.live import activity_text
from contest_desk.ui.chief.recheck_tab import RecheckTab
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.jobs import LatestJob
from contest_desk.ui.live import ChangeWatch
from contest_desk.ui.round_notice import RoundNotice
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.scoring.pickers import EventPicker
from contest_desk.ui.state import AppState


def _text(value: object) -> str:
    return "—" if value is None else str(value)


@dataclass(frozen=True)
class LiveView:
    """What the live desk reloads on a change: the sheets' progress and the flags, and
    the change counter read just before them (they are at least that new)."""

    version: int
    status: RoundStatus
    entry_codes: dict[int, str]
    flags: list[FlagInfo]
    names: dict[str, str]  # who locked it: account name → the person's name


@dataclass(frozen=True)
class RoundView:
    """What the desk shows of one round, read in one go off the window's thread."""

    live: LiveView
    report: ConsistencyReport
    bias_chart: Figure  # built in the worker too: a figure takes a moment


class ChiefArea(QWidget):
    # contests: the event picker; the rest: the round's sheets and lock, the entries'
    # codes, flags, consistency, re-checks and appeals (the two tabs).
    # hall: the live desk's change counter (hall.changes(), the audit trail's head).
    # audit, certificates: the result notice offered right after a lock.
    USES = (
        "appeals",
        "audit",
        "certificates",
        "consistency",
        "contests",
        "discrepancies",
        "hall",
        "rechecks",
        "roster",
        "sheets",
        "users",  # who locked the round, by name
    )

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.state = state
        self._stale = False  # scores changed while the desk was hidden
        self.picker = EventPicker(services, state)
        self.round_box = QComboBox()
        self.lock_label = QLabel()
        self.lock_button = QPushButton(self.tr("Lock round"))
        self.unlock_button = QPushButton(self.tr("Unlock round…"))
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(QLabel(self.tr("Round")))
        top.addWidget(self.round_box)
        top.addStretch(1)
        top.addWidget(self.lock_label)
        top.addWidget(self.lock_button)
        top.addWidget(self.unlock_button)

        self.sheets = RecordTableModel(
            [
                Column(self.tr("Judge"), lambda r: r.judge.name),
                Column(self.tr("Sheet"), lambda r: self._state_name(r.state)),
                Column(self.tr("Cells filled"), lambda r: f"{r.filled} / {r.expected}"),
                Column(
                    self.tr("Last activity"), lambda r: activity_text(r.last_mark_at, utc_now())
                ),
                Column(self.tr("Device"), lambda r: r.device or "—"),
                Column(self.tr("Submitted at"), lambda r: _text(r.submitted_at)),
            ]
        )
        self.flags = RecordTableModel(
            [
                Column(self.tr("Entry"), lambda f: self._entry_codes.get(f.flag.entry_id, "")),
                Column(self.tr("Criterion"), lambda f: f.flag.code),
                Column(self.tr("Judges' marks"), lambda f: " / ".join(map(str, f.flag.marks))),
                Column(self.tr("Spread"), lambda f: f"{f.flag.spread} > {f.flag.allowed}"),
                Column(self.tr("Resolved"), lambda f: f.confirmed or ""),
            ]
        )
        self.judges = RecordTableModel(
            [
                Column(self.tr("Judge"), lambda j: j.judge.name),
                Column(self.tr("Marks given"), lambda j: j.bias.marks),
                Column(self.tr("Bias"), lambda j: _text(j.bias.bias)),
                Column(self.tr("Flagged"), lambda j: j.bias.flagged),
            ]
        )
        self.agreement = RecordTableModel(
            [
                Column(
                    self.tr("Criterion"),
                    lambda a: self.tr("Total") if a.code == TOTAL else f"{a.code} {a.name}",
                ),
                Column("ICC(1,1)", lambda a: _text(a.icc.icc1)),
                Column("ICC(2,1)", lambda a: _text(a.icc.icc2)),
                Column("ICC(3,1)", lambda a: _text(a.icc.icc3)),
                Column("Kendall W", lambda a: _text(a.kendall_w)),
            ]
        )
        self._entry_codes: dict[int, str] = {}
        self.flag_view = record_table(
            self.flags,
            self.tr(
                "No discrepancies: no criterion's marks differ by more than the event's threshold."
            ),
        )
        self.confirm_button = QPushButton(self.tr("Confirm the marks…"))
        self.send_back_button = QPushButton(self.tr("Send back to re-mark…"))
        self.bias_chart = ChartView()

        self.tabs = QTabWidget()
        sheet_view = record_table(
            self.sheets,
            self.tr(
                "No judges on this event's panel yet: assign them on the Contests area's Judges "
                "tab."
            ),
        )
        header = sheet_view.horizontalHeader()
        for column in range(self.sheets.columnCount() - 1):  # "14:03:07（3 分钟前）" whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(sheet_view, self.tr("Sheets"))
        flags = QWidget()
        flag_layout = QVBoxLayout(flags)
        flag_layout.addWidget(self.flag_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.send_back_button)
        buttons.addStretch(1)
        flag_layout.addLayout(buttons)
        self.tabs.addTab(flags, self.tr("Discrepancies"))
        consistency = QWidget()
        grid = QHBoxLayout(consistency)
        tables = QVBoxLayout()
        bias = self.tr("Each judge's bias appears here once they have marked.")
        tables.addWidget(record_table(self.judges, bias), 1)
        agreement = self.tr(
            "The agreement figures appear once two judges or more have marked the same entries."
        )
        tables.addWidget(record_table(self.agreement, agreement), 1)
        tables.addWidget(agreement_help())
        grid.addLayout(tables, 1)
        grid.addWidget(self.bias_chart, 1)
        self.tabs.addTab(consistency, self.tr("Consistency"))
        self.recheck_tab = RecheckTab(services, self._choice)
        self.tabs.addTab(self.recheck_tab, self.tr("Re-check"))
        self.appeals_tab = AppealsTab(services, self._choice)
        self.tabs.addTab(self.appeals_tab, self.tr("Appeals"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.picker.changed.connect(self._event_shown)
        self.round_box.currentIndexChanged.connect(self.refresh)
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button.clicked.connect(self.unlock)
        self.confirm_button.clicked.connect(self.confirm)
        self.send_back_button.clicked.connect(self.send_back)
        state.scores_changed.connect(self._scores_changed)
        self.live_job = LatestJob(self)
        self.counter = services.hall.changes
        self.watch = ChangeWatch(self.counter, self, state)
        self.watch.moved.connect(self._reload_live)
        self.watch.timer.timeout.connect(self._tick)
        self._event_shown()

    def _choice(self) -> tuple[int | None, int | None]:
        event = self.picker.current_event()
        return (event.id if event else None), self.round_box.currentData()

    def _state_name(self, state: str) -> str:
        return self.tr("Submitted") if state == "submitted" else self.tr("Draft sheet")

    def _event_shown(self) -> None:
        event = self.picker.current_event()
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for rnd in event.rounds if event else ():
            self.round_box.addItem(rnd.name, rnd.number)
        self.round_box.blockSignals(False)
        self.refresh()

    def _scores_changed(self, event_id: int) -> None:
        """Marks saved elsewhere (a judge typing): read them now if the desk is in view,
        else when it is shown, not once per saved value behind the person's back. Another
        desk's change (told by the window's watcher) the counter's move has reloaded in
        the background already: a refresh would hold the chief's clicks back a moment for
        each mark a phone saves."""
        if self.state.elsewhere:
            event = self.picker.current_event()
            if event is not None and event.id == event_id and not self.isVisible():
                self._stale = True
        elif self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.watch.start()
        if self._stale:
            QTimer.singleShot(0, self, self.refresh)  # not inside the show itself

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Hidden, it asks nothing; shown again, its first answer differs from the last one
        # seen if anything changed meanwhile, and the board reloads.
        self.watch.stop()
        self.live_job.cancel()

    def refresh(self, _index: int = 0) -> None:
        event = self.picker.current_event()
        number = self.round_box.currentData()
        if event is None or number is None:
            return
        self._stale = False
        self.live_job.cancel()  # this reading is newer than any live one on its way
        view = operations.run(self, lambda: self._read(event.id, number))
        if view is None:
            return
        self._show_live(view.live)
        self.judges.set_records(view.report.judges)
        self.agreement.set_records(view.report.agreements)
        self.bias_chart.set_figure(view.bias_chart)
        self.appeals_tab.refresh()

    def _show_live(self, view: LiveView) -> None:
        self.watch.saw(view.version)
        status = view.status
        self.sheets.set_records(status.sheets)
        self.lock_label.setText(
            self.tr("Locked by {user}").format(user=actor_name(status.locked_by or "", view.names))
            if status.locked
            else self.tr("Open")
        )
        self.lock_button.setVisible(not status.locked)
        self.unlock_button.setVisible(status.locked)
        self._entry_codes = view.entry_codes
        chosen = self._chosen_flag()
        self.flags.set_records(view.flags)
        if chosen is not None:  # a reload under the chief's hand keeps the flag chosen
            for row, info in enumerate(view.flags):
                if (info.flag.entry_id, info.flag.code) == (chosen.flag.entry_id, chosen.flag.code):
                    self.flag_view.selectRow(row)

    def _reload_live(self) -> None:
        """Something changed somewhere: read the sheets and flags in the background (the
        consistency figures wait for a refresh: they only mean much once sheets are in)."""
        event = self.picker.current_event()
        number = self.round_box.currentData()
        if event is None or number is None:
            return
        event_id = event.id
        self.live_job.start(
            lambda: self._read_live(event_id, number), self._show_live, self._live_failed
        )

    def _live_failed(self, _error: Exception) -> None:
        """A live reading refused or failed (the round deleted meanwhile…): the board stays
        as it was; the next change or a refresh reads again."""

    def _tick(self) -> None:
        """Once a second: "2 min ago" moves on without asking the database."""
        rows = self.sheets.rowCount()
        if rows:
            column = 3  # Last activity
            self.sheets.dataChanged.emit(
                self.sheets.index(0, column), self.sheets.index(rows - 1, column)
            )

    def _read_live(self, event_id: int, number: int) -> LiveView:
        """Runs on the worker."""
        services = self.services
        status = services.sheets.round_status(event_id, number)
        return LiveView(
            version=self.counter(),
            status=status,
            entry_codes={e.id: e.code or e.label for e in services.roster.entries(event_id)},
            flags=services.discrepancies.flags(event_id, number),
            names=services.users.names({status.locked_by or ""}),
        )

    def _read(self, event_id: int, number: int) -> RoundView:
        """Runs on the worker: every service call of a refresh in one trip."""
        report = self.services.consistency.report(event_id, number)
        return RoundView(
            live=self._read_live(event_id, number),
            report=report,
            bias_chart=judges_bias_chart(report),
        )

    def _run(self, event_id: int, work: Callable[[], object]) -> bool:
        """Do a change; on success announce it (this desk refreshes from the announcement),
        on a refusal (already shown) show the round as it stands. True when done."""
        if operations.done(self, work):
            self.state.scores_changed.emit(event_id)
            if not self.isVisible():
                self.refresh()  # the announcement above only marked it stale
            return True
        self.refresh()
        return False

    def lock(self) -> None:
        """Says what locking means first; once locked, offers the result notice."""
        event, number = self.picker.current_event(), self.round_box.currentData()
        round_name = self.round_box.currentText()
        if event is None or not round_lock.confirm_lock(self, event.name, round_name):
            return
        sheets, event_id = self.services.sheets, event.id
        if not self._run(event_id, lambda: sheets.lock_round(event_id, number)):
            return
        answer = round_lock.ask_after_lock(self, round_lock.locked_text(event.name, round_name))
        notice = RoundNotice(self, self.services, lambda: (event_id, number))
        if answer == round_lock.SAVE:
            notice.save_dialog()
        elif answer == round_lock.PRINT:
            notice.print_preview()

    def unlock(self) -> None:
        event, number = self.picker.current_event(), self.round_box.currentData()
        reason = sheet_bar.ask_text(
            self, self.tr("Unlock round"), self.tr("Reason (kept on the record):")
        )
        if event is not None and reason is not None:
            sheets, event_id = self.services.sheets, event.id
            self._run(event_id, lambda: sheets.unlock_round(event_id, number, reason))

    def _chosen_flag(self) -> FlagInfo | None:
        index = self.flag_view.currentIndex()
        return self.flags.record(index.row()) if index.isValid() else None

    def confirm(self) -> None:
        self._resolve(self.services.discrepancies.confirm, self.tr("Confirm the marks"))

    def send_back(self) -> None:
        self._resolve(self.services.discrepancies.send_back, self.tr("Send back to re-mark"))

    def _resolve(self, action: Callable[..., object], title: str) -> None:
        event, number, chosen = (
            self.picker.current_event(),
            self.round_box.currentData(),
            self._chosen_flag(),
        )
        if event is None or chosen is None:
            return
        note = sheet_bar.ask_text(self, title, self.tr("Reason (kept on the record):"))
        if note is not None:
            flag, event_id = chosen.flag, event.id
            self._run(event_id, lambda: action(event_id, number, flag.entry_id, flag.code, note))
