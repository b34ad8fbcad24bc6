"""The Scoring area: choose event, round and judge, then type marks into the grid.

The sheet loads in a worker, so a 10,000-entry event opens at once; each
accepted value is saved immediately (through the operations runner, see model.py)
and announced through ``scores_changed``.
"""

from __future__ import annotations

from contextlib import nullcontext
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.numbers import parse_duration
from contest_desk.domain.plain_names import judge_labels
from contest_desk.domain.ranking import TieBreakKind
from contest_desk.domain.records.contests import EventInfo, ScoreSheet
from contest_desk.errors import ServerUnavailable, UserError
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.jobs import LatestJob
from contest_desk.ui.kept_place import kept_place
from contest_desk.ui.reconnect import retries_of
from contest_desk.ui.scoring.grid import ScoreGrid
from contest_desk.ui.scoring.look import SHARED_MARK, fit_columns
from contest_desk.ui.scoring.model import UNIT_COLUMN, ScoreSheetModel
from contest_desk.ui.scoring.my_events import ScorableEvents
from contest_desk.ui.scoring.pickers import EventPicker
from contest_desk.ui.scoring.score_file import ScoreFileImport
from contest_desk.ui.scoring.sheet_steps import SheetBar
from contest_desk.ui.scoring.undo import MarkHistory
from contest_desk.ui.state import AppState
from contest_desk.ui.view_or_message import ViewOrMessage

_REFUSED_STYLE = "color: #b00020; font-weight: bold;"
_QUIET_STYLE = "color: #555;"
RELOAD_MS = 5000  # a sheet that could not be read (the server away): read again after this


class ScoringArea(QWidget):
    """A judge's sheet for one event and round; every value is saved as it is typed."""

    # contests: the event picker (an organizer's or chief judge's); scoring: a judge's own
    # events, the sheet and its values; roster: the panel; sheets: the sheet bar's steps.
    # score_import: 导入成绩… (a CSV of marks).
    USES = ("contests", "roster", "scoring", "sheets", "score_import")

    sheet_loaded = Signal()  # a sheet (or a message instead of one) is now shown

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.state = state
        self._stale = True  # the shown sheet does not match the choices yet
        self._job = LatestJob(self)

        # A judge picks among the panels they sit on; the chief judge among every event.
        self.mine = ScorableEvents(services) if services.ctx.actor.judge_only else None
        self.picker = EventPicker(services, state, source=self.mine)
        self.round_box = QComboBox()
        self.judge_box = QComboBox()
        self.judge_box.setMinimumWidth(140)
        self.time_check = QCheckBox(self.tr("Completion time"))
        self.time_check.setToolTip(
            self.tr("Show a column for each entry's time, typed as min:s (12:34) or seconds")
        )
        choices = QHBoxLayout()
        choices.addWidget(self.picker)
        choices.addSpacing(8)
        choices.addWidget(QLabel(self.tr("Round")))
        choices.addWidget(self.round_box)
        choices.addSpacing(8)
        choices.addWidget(QLabel(self.tr("Judge")))
        choices.addWidget(self.judge_box)
        choices.addSpacing(8)
        choices.addWidget(self.time_check)
        choices.addStretch(1)
        self.import_scores = ScoreFileImport(services, self._event_id, self._scores_imported)
        choices.addWidget(self.import_scores)

        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setMaximumHeight(12)
        progress = QHBoxLayout()
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar)
        progress.addStretch(1)

        self.model = ScoreSheetModel(self)
        self.grid = ScoreGrid()
        self.grid.setModel(self.model)
        self.history = MarkHistory(self.model, self)  # Ctrl+Z / Ctrl+Y of saved cells
        # A mark that meets a server gone away waits in the window's queue (ui/reconnect.py).
        answers = services.ctx.db.answers
        self.model.retries = lambda: retries_of(self, answers)
        if services.ctx.actor.judge_only:
            # "My scoring" on a site laptop: large type, read at arm's length.
            font = self.grid.font()
            font.setPointSize(max(font.pointSize(), 10) + 4)
            self.grid.setFont(font)
        self.sheet_bar = SheetBar(services)
        self.sheet_bar.changed.connect(self._sheet_changed)
        self.stack = ViewOrMessage(self.grid)
        self.message = self.stack.message

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        legend = QLabel(
            self.tr(
                "{mark} shared value (measurement or deduction): entered once, "
                "the same for every judge. Enter or Tab saves and moves on; "
                "Delete clears a cell."
            ).format(mark=SHARED_MARK)
        )
        legend.setStyleSheet(_QUIET_STYLE)
        legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(choices)
        layout.addWidget(self.sheet_bar)
        layout.addLayout(progress)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        layout.addWidget(legend)

        self.picker.changed.connect(self._event_shown)
        self.round_box.currentIndexChanged.connect(self._choice_changed)
        self.judge_box.currentIndexChanged.connect(self._choice_changed)
        self.time_check.toggled.connect(self._show_time)
        self.model.saved.connect(self._saved)
        self.model.refused.connect(self._refused)
        self.model.held.connect(self._held)
        state.sheets_changed.connect(self._sheets_changed)
        self._filling = False
        self._held_marks = False  # marks waited for the server since the last "saved"
        self._event_shown()

    # Choices -------------------------------------------------------------------

    def event_info(self) -> EventInfo | None:
        return self.picker.current_event()

    def _event_id(self) -> int | None:
        event = self.event_info()
        return event.id if event is not None else None

    def _scores_imported(self, event_id: int, text: str) -> None:
        self.state.scores_changed.emit(event_id)
        self.load()  # the sheet shows the imported marks
        self.status.setStyleSheet(_QUIET_STYLE)
        self.status.setText(text)

    def _event_shown(self) -> None:
        """The event (or its setup) changed: refill rounds and judges, then load the sheet."""
        event = self.event_info()
        self._filling = True
        try:
            round_number = self.round_box.currentData()
            judge_id = self.judge_box.currentData()
            self.round_box.clear()
            self.judge_box.clear()
            if event is not None:
                for rnd in event.rounds:
                    self.round_box.addItem(rnd.name, rnd.number)
                mine = self.mine.judge_of(event.id) if self.mine is not None else None
                if mine is not None and mine.judge_id is not None:
                    self.judge_box.addItem(mine.judge_name, mine.judge_id)  # a judge: only self
                else:
                    roster, event_id = self.services.roster, event.id
                    panel = operations.run(self, lambda: roster.panel(event_id)) or []
                    labels = judge_labels(panel)  # names (and units), not account names
                    for judge in panel:
                        self.judge_box.addItem(labels[judge.id], judge.id)
            for box, wanted in ((self.round_box, round_number), (self.judge_box, judge_id)):
                found = box.findData(wanted) if wanted is not None else -1
                box.setCurrentIndex(found if found >= 0 else (0 if box.count() else -1))
            timed = event is not None and any(
                tb.kind is TieBreakKind.TIME for tb in event.settings.tie_breaks
            )
            self.time_check.setChecked(timed)
        finally:
            self._filling = False
        self._choice_changed()

    def _choice_changed(self, _index: int = 0) -> None:
        if self._filling:
            return
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def _sheets_changed(self, sheets: frozenset[tuple[int, int | None, int | None]]) -> None:
        """Another desk changed this sheet (the chief judge locked the round, keyed a mark
        for this judge): it reloads with the same cell chosen; not under a cell being
        typed in (then, or hidden, when next shown)."""
        sheet = self.model.sheet
        if sheet is None or not any(
            event == sheet.event_id
            and number in (None, sheet.round_number)
            and judge in (None, sheet.judge_id)
            for event, number, judge in sheets
        ):
            return
        if self.isVisible() and self.grid.state() != QAbstractItemView.State.EditingState:
            self.load(again=True)
        else:
            self._stale = True

    # Loading -------------------------------------------------------------------

    def load(self, again: bool = False) -> None:
        """Load the chosen judge's sheet in a worker; the grid fills when it arrives.
        ``again``: the sheet shown, reloaded: it stays in view, its cell chosen kept."""
        self._stale = False
        event = self.event_info()
        round_number = self.round_box.currentData()
        judge_id = self.judge_box.currentData()
        self.status.clear()
        if event is None:
            self._show_message(self.tr("Choose a contest and an event to score."))
            return
        if judge_id is None:
            self._show_message(
                self.tr("No judge is on the panel of {event} yet.").format(event=event.name)
            )
            return
        if not again:
            self._show_message(self.tr("Loading the score sheet…"), clear=False)
        services = self.services
        self._job.start(
            lambda: services.scoring.sheet(event.id, round_number, judge_id),
            lambda sheet: self._sheet_arrived(sheet, again),
            lambda error: self._sheet_failed(error, again),
        )

    def _show_message(self, text: str, clear: bool = True) -> None:
        self._job.cancel()
        if clear:
            self.model.set_sheet(None)
            self.sheet_bar.show_sheet(None)
            self._update_progress()
            self.sheet_loaded.emit()
        self.stack.show_message(text)

    def _sheet_arrived(self, sheet: ScoreSheet, again: bool = False) -> None:
        times = sheet.times
        scoring = self.services.scoring
        event_id, round_number, judge_id = sheet.event_id, sheet.round_number, sheet.judge_id
        time_field = self.tr("Time (min:s)")  # the writers run off the window's thread

        def write(entry_id: int, code: str, text: str, op: str | None = None) -> Decimal | None:
            # op: the typed value's id, so that a save sent again after a lost answer is
            # stored once (the model sends it again when the server is back).
            return scoring.record_score(
                event_id, round_number, judge_id, entry_id, code, text, op=op
            )

        def write_time(entry_id: int, text: str) -> Decimal | None:
            seconds = parse_duration(text, time_field) if text else None  # 12:34 or 754
            scoring.record_time(event_id, round_number, entry_id, seconds)
            return seconds

        with kept_place(self.grid, self._entry_of_row) if again else nullcontext():
            self.model.set_sheet(sheet, write, write_time, times)
            self.sheet_bar.show_sheet(sheet)
            # Blind marking: a judge's sheet has no units to show until the round is locked.
            self.grid.setColumnHidden(UNIT_COLUMN, not any(e.unit for e in sheet.entries))
            self.grid.refresh_header()
            self._show_time(self.time_check.isChecked())
            fit_columns(self.grid)
        self._update_progress()
        if not sheet.columns:
            self.stack.show_message(self.tr("This event has no criteria yet: add a rubric first."))
        elif not sheet.entries:
            self.stack.show_message(self.tr("Nobody is entered in this event yet."))
        else:
            self.stack.show_view()
            if not self.grid.currentIndex().isValid():
                self.grid.setCurrentIndex(self.model.index(0, 1))
        self.sheet_loaded.emit()

    def _entry_of_row(self, row: int) -> int | None:
        sheet = self.model.sheet
        return sheet.entries[row].id if sheet is not None else None

    def _sheet_failed(self, error: Exception, again: bool = False) -> None:
        if not isinstance(error, UserError):
            raise error
        if isinstance(error, ServerUnavailable):
            # Read again once the server answers; a sheet shown stays, with its unsaved marks.
            self._stale = True
            QTimer.singleShot(RELOAD_MS, self._reload_if_stale)
            if again and self.model.sheet is not None:
                self.status.setStyleSheet(_REFUSED_STYLE)
                self.status.setText(error.message())
                self.sheet_loaded.emit()
                return
        self._show_message(error.message())

    def _reload_if_stale(self) -> None:
        if self._stale and self.isVisible():
            if self.grid.state() == QAbstractItemView.State.EditingState:
                QTimer.singleShot(RELOAD_MS, self._reload_if_stale)  # not under a typed cell
                return
            self.load(again=self.model.sheet is not None)

    def _show_time(self, shown: bool) -> None:
        if self.model.sheet is not None:
            self.grid.setColumnHidden(self.model.time_column, not shown)

    # Feedback ------------------------------------------------------------------

    def _sheet_changed(self) -> None:
        """A sheet submitted or re-opened, a round locked or unlocked: the other areas
        (standings final or not, the chief judge's sheets) hear it; this sheet reloads."""
        sheet = self.sheet_bar.sheet
        if sheet is not None:
            self.state.scores_changed.emit(sheet.event_id)
        self.load()

    def _saved(self, entry_id: int) -> None:
        sheet = self.model.sheet
        if sheet is None:
            return
        index = self.grid.currentIndex()
        text = ""
        waiting = self.model.pending_count()
        if waiting:  # a held mark saved, others still wait: "saved" would say too much
            text = self.tr("{count} value(s) not saved yet: sent again once the server is back")
            text = text.format(count=waiting)
        elif self._held_marks:  # the last held mark saved: say so rather than the cell's
            self._held_marks = False
            text = self.tr("Reconnected: every value typed meanwhile is saved")
        elif index.isValid():
            value = self.model.data(index)
            header = self.model.headerData(index.row(), Qt.Orientation.Vertical)
            text = self.tr("Saved: {entry} {value}").format(entry=header, value=value or "—")
        self.status.setStyleSheet(_REFUSED_STYLE if waiting else _QUIET_STYLE)
        self.status.setText(text)
        self._update_progress()
        self.state.scores_changed.emit(sheet.event_id)

    def _refused(self, row: int, column: int, reason: str) -> None:
        entry = self.model.headerData(row, Qt.Orientation.Vertical)
        self.status.setStyleSheet(_REFUSED_STYLE)
        self.status.setText(
            self.tr("Not saved ({entry}): {reason}").format(entry=entry, reason=reason)
        )

    def _held(self, row: int, column: int, reason: str) -> None:
        self._held_marks = True
        entry = self.model.headerData(row, Qt.Orientation.Vertical)
        self.status.setStyleSheet(_REFUSED_STYLE)
        self.status.setText(
            self.tr("Not saved yet ({entry}): {reason}").format(entry=entry, reason=reason)
        )

    def _update_progress(self) -> None:
        filled, total = self.model.progress()
        self.progress_label.setText(
            self.tr("{n} of {m} cells filled").format(n=filled, m=total) if total else ""
        )
        self.progress_bar.setVisible(bool(total))
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(filled)
