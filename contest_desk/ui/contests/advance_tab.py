"""The Advance tab (晋级): each round's advance rule, who would go on by it, and closing.

The table previews the rule on the round's standings as they stand; closing (the chief
judge's, once the round is locked) applies it for good, marking the others eliminated
with the round and the rule. A closed round shows who went on and who went out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.advance import AdvanceMode, AdvanceRule, Ranked, apply_rule
from contest_desk.domain.change_kinds import CONTESTS, ROUNDS
from contest_desk.domain.numbers import parse_decimal
from contest_desk.errors import UserError
from contest_desk.services.contests.rounds import describe
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.live import follow_scores, follow_setup
from contest_desk.ui.operations import run_inline
from contest_desk.ui.stale_form import StaleGuard
from contest_desk.ui.state import AppState


class AdvanceTab(QWidget):
    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.round_box = QComboBox()
        self.mode_box = QComboBox()
        self.mode_box.addItem(self.tr("No rule (the last round)"), None)
        self.mode_box.addItem(self.tr("The top N"), AdvanceMode.TOP)
        self.mode_box.addItem(self.tr("The top X %"), AdvanceMode.SHARE)
        self.mode_box.addItem(self.tr("A minimum score"), AdvanceMode.MIN_SCORE)
        self.value_edit = QLineEdit()
        self.value_edit.setMaximumWidth(100)
        self.ties_box = QCheckBox(self.tr("Entries tied at the cut all advance"))
        self.ties_box.setChecked(True)
        self.save_button = QPushButton(self.tr("Save the rule"))
        self.close_button = QPushButton(self.tr("Close the round by its rule"))
        self.summary = QLabel()
        self.preview = RecordTableModel(
            [
                Column(self.tr("Rank"), lambda r: r[0].rank),
                Column(self.tr("Name"), lambda r: r[0].entry.label),
                Column(self.tr("Unit"), lambda r: r[0].entry.unit),
                Column(self.tr("Total"), lambda r: r[0].total),
                Column(self.tr("Advance or not"), lambda r: r[1]),
            ]
        )
        form = QFormLayout()
        form.addRow(self.tr("Round"), self.round_box)
        form.addRow(self.tr("Who advances"), self.mode_box)
        form.addRow(self.tr("Value"), self.value_edit)
        form.addRow("", self.ties_box)
        self.shown_rule: AdvanceRule | None = None
        self.stale: StaleGuard[AdvanceRule | None] = StaleGuard(
            self, lambda _stored: self.show_round(), self._show_rule
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.stale.button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        preview = record_table(
            self.preview,
            self.tr(
                "Choose a round and its rule: once the round has scores, who advances by "
                "the rule is shown here."
            ),
        )
        layout.addWidget(preview, 1)

        self.round_box.currentIndexChanged.connect(lambda _i: self.show_round())
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_round)
        state.event_changed.connect(lambda _id: self.reload())
        follow_setup(self, state, self.reload, CONTESTS, ROUNDS)
        follow_scores(self, state, lambda _id: self.show_round())
        self.reload()

    def reload(self) -> None:
        self.round_box.blockSignals(True)
        self.round_box.clear()
        event_id = self.state.event_id
        event = None
        if event_id is not None:
            event = operations.run(self, lambda: self.services.contests.event(event_id))
        for rnd in event.rounds if event is not None else ():
            self.round_box.addItem(rnd.name, rnd.number)
        self.round_box.blockSignals(False)
        self.show_round()

    def _chosen(self) -> tuple[int, int] | None:
        event_id, number = self.state.event_id, self.round_box.currentData()
        return None if event_id is None or number is None else (event_id, number)

    def show_round(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            self.preview.set_records([])
            return
        rounds, standings = self.services.rounds, self.services.standings
        # Shown as the tab refreshes, so a problem goes in the summary line, not a pop-up.
        found = run_inline(
            self, lambda: (rounds.round_advance(*chosen), standings.standings(*chosen))
        )
        if not isinstance(found, tuple):
            self.preview.set_records([])
            self.summary.setText(found.message() if isinstance(found, UserError) else "")
            return
        state, table = found
        rule, closed = state.rule, state.closed
        self.shown_rule = rule  # handed back with the next save (refused if moved meanwhile)
        self._show_rule(rule)
        rows = table.rows
        outcome: dict[int, str] = {}
        if rule is not None:
            ranked = [Ranked(r.entry.id, r.rank, r.total) for r in rows]
            cut = apply_rule(ranked, rule)
            outcome = {e: self.tr("Advances") for e in cut.advancing}
            outcome |= {e: self.tr("Eliminated") for e in cut.eliminated}
        self.preview.set_records([(r, outcome.get(r.entry.id, "")) for r in rows])
        self.summary.setText(
            self.tr("No advance rule: everyone ranked here stays")
            if rule is None
            else (
                self.tr("Closed by {rule}") if closed else self.tr("Preview by {rule}: not closed")
            ).format(rule=describe(rule))
        )
        self.save_button.setEnabled(not closed)
        self.close_button.setEnabled(rule is not None and not closed)

    def _rule(self) -> AdvanceRule | None:
        mode: Any = self.mode_box.currentData()
        if mode is None:
            return None
        value: Decimal = parse_decimal(self.value_edit.text(), self.tr("Value"))
        rule = AdvanceRule(AdvanceMode(mode), value, self.ties_box.isChecked())
        rule.check()
        return rule

    def save(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            rule = self._rule()
        except UserError as error:
            feedback.show_user_error(self, error)
            return
        rounds, read = self.services.rounds, self.shown_rule

        def save() -> bool:
            rounds.set_advance_rule(*chosen, rule, read)
            return True

        # Refused when another desk saved another rule meanwhile: the stored one shown, the
        # typed one kept behind 重新应用我的修改.
        if self.stale.save(save, rule):
            self.show_round()

    def _show_rule(self, rule: AdvanceRule | None) -> None:
        self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(rule.mode if rule else None)))
        self.value_edit.setText("" if rule is None else format(rule.value.normalize(), "f"))
        self.ties_box.setChecked(rule is None or rule.ties_advance)

    def close_round(self) -> None:
        chosen = self._chosen()
        if chosen is not None and operations.done(
            self, lambda: self.services.rounds.close(*chosen)
        ):
            self.state.setup_changed.emit()
