"""The event editor: name, mode, weighted parts and rounds, scoring, tie-breaks and awards."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.awards import DEFAULT_AWARD_RULE
from contest_desk.domain.contest import EventMode
from contest_desk.domain.ranking import rename_parts
from contest_desk.domain.records.contests import EventInfo, EventSettings
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.contests.common import note_label, percent_text
from contest_desk.ui.contests.event_rules import AwardBox, RowsTable, TieBreakBox, weighted_rows
from contest_desk.ui.contests.labels import mode_names
from contest_desk.ui.contests.models import EditableRowsModel
from contest_desk.ui.stale_form import StaleGuard
from contest_desk.ui.state import AppState

# An event form's typed values: name, parts' rows and ids, rounds' rows, settings.
Typed = tuple[str, list[list[str]], list[int | None], list[list[str]], EventSettings]

Weighted = list[tuple[str, Decimal]]


class EventEditor(QWidget):
    """Creates an event (after "New event") or edits the chosen one; Save writes it all."""

    saved = Signal(int)  # event id

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.current: EventInfo | None = None

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.name_edit = QLineEdit()
        self.mode_box = QComboBox()
        for mode, text in mode_names().items():
            self.mode_box.addItem(text, mode.value)
        weight = self.tr("Weight (%)")
        self.parts = EditableRowsModel([self.tr("Part"), weight])
        self.rounds = EditableRowsModel([self.tr("Round"), weight])
        self.aggregation_box = QComboBox()
        for method, text in (
            (Aggregation.TRIMMED_MEAN, self.tr("Drop highest and lowest, mean of the rest")),
            (Aggregation.MEAN, self.tr("Mean")),
            (Aggregation.MEDIAN, self.tr("Median")),
            (Aggregation.SUM, self.tr("Sum")),
        ):
            self.aggregation_box.addItem(text, method.value)
        self.aggregation_box.currentIndexChanged.connect(self._aggregation_changed)
        self.trim_spin = _spin(0, 5)
        self.judges_spin = _spin(1, 99)
        self.places_spin = _spin(0, 3)
        self.tie_breaks = TieBreakBox()
        self.awards = AwardBox()
        self.note = note_label()
        self.save_button = QPushButton(self.tr("Save event"))
        self.save_button.clicked.connect(self.save)
        # A save refused because another desk saved the event first (issue 16).
        self.stale: StaleGuard[Typed] = StaleGuard(self, self._show_stored, self._show_typed)
        self._build_layout(weight)

        state.event_changed.connect(lambda _id: self.load_chosen())
        state.contest_changed.connect(lambda _id: self.load_chosen())
        self.load_chosen()

    def _build_layout(self, weight: str) -> None:
        basics = QGroupBox(self.tr("Basic information"))
        form = QFormLayout(basics)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Mode:"), self.mode_box)
        parts = QGroupBox(self.tr("Parts (e.g. theory 30 %, practical 70 %)"))
        self.parts_table = RowsTable(self.parts, ["", ""])
        QVBoxLayout(parts).addWidget(self.parts_table)
        rounds = QGroupBox(self.tr("Rounds"))
        self.rounds_table = RowsTable(self.rounds, ["", "100"])
        QVBoxLayout(rounds).addWidget(self.rounds_table)
        scoring = QGroupBox(self.tr("Scoring rules"))
        form = QFormLayout(scoring)
        form.addRow(self.tr("Judges' marks:"), self.aggregation_box)
        form.addRow(self.tr("Drop k highest and k lowest, k ="), self.trim_spin)
        form.addRow(self.tr("Judges per entry:"), self.judges_spin)
        form.addRow(self.tr("Decimal places:"), self.places_spin)

        grid = QGridLayout()
        grid.addWidget(basics, 0, 0)
        grid.addWidget(parts, 1, 0)
        grid.addWidget(rounds, 2, 0)
        grid.addWidget(scoring, 0, 1)
        grid.addWidget(self.tie_breaks, 1, 1)
        grid.addWidget(self.awards, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.title)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        footer = QHBoxLayout()
        footer.addWidget(self.note, 1)
        footer.addWidget(self.stale.button)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)

    # Loading -------------------------------------------------------------------

    def load_chosen(self) -> None:
        """Show the chosen event, or an empty new event of the chosen contest."""
        event = None
        event_id = self.state.event_id
        if event_id is not None:
            event = operations.run(self, lambda: self.services.contests.event(event_id))
        if event is None:
            self.start_new()
        else:
            self.load(event)

    def start_new(self) -> None:
        """Empty form with the usual defaults: theory 30 % / practical 70 %, five judges."""
        self.current = None
        self.title.setText(self.tr("New event"))
        self.name_edit.clear()
        self.mode_box.setEnabled(True)
        self.mode_box.setCurrentIndex(0)
        self.parts.set_rows([[self.tr("Theory"), "30"], [self.tr("Practical"), "70"]])
        self.rounds.set_rows([[self.tr("Round {number}").format(number=1), "100"]])
        self._load_settings(EventSettings(award_rule=DEFAULT_AWARD_RULE))
        self.note.clear()
        self._enable()

    def load(self, event: EventInfo) -> None:
        self.current = event
        self.title.setText(self.tr("Event: {name}").format(name=event.name))
        self.name_edit.setText(event.name)
        self.mode_box.setCurrentIndex(self.mode_box.findData(event.mode.value))
        self.mode_box.setEnabled(False)  # entries are persons or teams; fixed once created
        self.parts.set_rows(
            [[p.name, percent_text(p.weight)] for p in event.parts], [p.id for p in event.parts]
        )
        self.rounds.set_rows([[r.name, percent_text(r.weight)] for r in event.rounds])
        self._load_settings(event.settings)
        self.note.clear()
        self._enable()

    def _load_settings(self, settings: EventSettings) -> None:
        self.aggregation_box.setCurrentIndex(
            self.aggregation_box.findData(settings.aggregation.method.value)
        )
        self.trim_spin.setValue(settings.aggregation.trim)
        self.judges_spin.setValue(settings.judges_per_entry)
        self.places_spin.setValue(settings.places)
        self.tie_breaks.load(settings.tie_breaks)
        self.awards.load(settings.award_rule)
        self._aggregation_changed()

    def _enable(self) -> None:
        has_contest = self.state.contest_id is not None
        self.save_button.setEnabled(has_contest)
        if not has_contest:
            self.note.setText(self.tr("Choose or create a contest first."))

    def _aggregation_changed(self) -> None:
        trimmed = self.aggregation_box.currentData() == Aggregation.TRIMMED_MEAN.value
        self.trim_spin.setEnabled(trimmed)

    # Saving --------------------------------------------------------------------

    def settings(self) -> EventSettings:
        """The settings as typed; raises UserError naming the first thing to fix."""
        return EventSettings(
            aggregation=AggregationRule(
                Aggregation(self.aggregation_box.currentData()), self.trim_spin.value()
            ),
            judges_per_entry=self.judges_spin.value(),
            places=self.places_spin.value(),
            tie_breaks=self.tie_breaks.value(),
            award_rule=self.awards.value(),
        )

    def save(self) -> EventInfo | None:
        contest_id = self.state.contest_id
        if contest_id is None:
            return None
        weight = self.tr("Weight (%)")
        try:
            settings = self.settings()
            parts = weighted_rows(self.parts.rows(), weight)
            rounds = weighted_rows(self.rounds.rows(), weight)
        except UserError as error:
            self.note.setText(error.message())
            return None
        self.note.clear()
        name = self.name_edit.text()
        if self.current is None:
            saved = self._create(contest_id, name, parts, rounds, settings)
        else:
            saved = self._update(self.current, name, parts, rounds, settings)
        if saved is None:
            return None
        self.load(saved)
        self.saved.emit(saved.id)
        self.state.setup_changed.emit()
        self.state.choose_event(saved.id)
        return saved

    def _create(
        self, contest_id: int, name: str, parts: Weighted, rounds: Weighted, settings: EventSettings
    ) -> EventInfo | None:
        mode = EventMode(self.mode_box.currentData())
        contests = self.services.contests
        event = operations.run(
            self, lambda: contests.create_event(contest_id, name, mode, parts, settings)
        )
        if event is None:
            return None
        if [(r.name, r.weight) for r in event.rounds] != rounds:
            event_id = event.id
            return operations.run(self, lambda: contests.set_rounds(event_id, rounds)) or event
        return event

    def _update(
        self,
        event: EventInfo,
        name: str,
        parts: Weighted,
        rounds: Weighted,
        settings: EventSettings,
    ) -> EventInfo | None:
        contests = self.services.contests
        ids: list[int | None] = self.parts.keys()
        # Each save hands back the event as this form read it (or as the last save left
        # it): a save after another desk's is refused (StaleEdit), see self.stale.
        read: EventInfo | None = event
        mine = self._typed(settings)
        if [(p.id, p.name, p.weight) for p in event.parts] != [
            (i, n, w) for i, (n, w) in zip(ids, parts, strict=True)
        ]:
            if not self._confirm_dropped_parts(event, {i for i in ids if i is not None}):
                return None
            read = self.stale.save(lambda: contests.set_parts(event.id, parts, ids, event), mine)
            if read is None:
                return None
            # The tie-breaks as shown may still name a part by its old name.
            new_names = {i: n for i, (n, _w) in zip(ids, parts, strict=True) if i is not None}
            renamed = {p.name: new_names[p.id] for p in event.parts if p.id in new_names}
            settings = replace(settings, tie_breaks=rename_parts(settings.tie_breaks, renamed))
        if [(r.name, r.weight) for r in event.rounds] != rounds:
            before = read
            read = self.stale.save(lambda: contests.set_rounds(event.id, rounds, before), mine)
            if read is None:
                return None
        last = read
        return self.stale.save(lambda: contests.update_event(event.id, name, settings, last), mine)

    def _typed(self, settings: EventSettings) -> Typed:
        """What the form holds as typed, to put back after a refused save."""
        return (self.name_edit.text(), self.parts.rows(), self.parts.keys(),
                self.rounds.rows(), settings)  # fmt: skip

    def _show_stored(self, current: EventInfo) -> None:
        """The event as another desk saved it (a save refused as stale); the lists that
        name it are told too."""
        self.load(current)
        self.state.setup_changed.emit()

    def _show_typed(self, typed: Typed) -> None:
        """The values of a save refused as stale back in the form (重新应用我的修改)."""
        name, parts, ids, rounds, settings = typed
        self.name_edit.setText(name)
        self.parts.set_rows(parts, ids)
        self.rounds.set_rows(rounds)
        self._load_settings(settings)

    def _confirm_dropped_parts(self, event: EventInfo, kept: set[int]) -> bool:
        """A removed part takes its rubric with it; ask before that happens."""
        dropped = [part for part in event.parts if part.id not in kept]
        contests = self.services.contests
        # One trip for all their rubrics; a refusal (shown) counts as nothing to lose.
        rubrics = operations.run(self, lambda: [contests.rubric(part.id) for part in dropped]) or []
        losing = [p.name for p, rubric in zip(dropped, rubrics, strict=False) if rubric.criteria]
        if not losing:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Remove parts"),
            self.tr("Removing the part(s) {names} deletes their rubric. Continue?").format(
                names="、".join(losing)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    return spin
