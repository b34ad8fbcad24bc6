"""The board dialog: a new board's event, name, skill and bouts, and the rules of any board.

Every rule of ``BoardRules`` has its field here; a changed rule applies from the next
period, which the dialog says when it edits a running board.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.ladder import BoardRules, PeriodKind, RatingKind, RatingUpdate, WinRule
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.records.contests import EventInfo
from contest_desk.errors import UserError
from contest_desk.ui import feedback
from contest_desk.ui.date_field import DateField


@dataclass(frozen=True)
class NewBoard:
    event_id: int
    name: str
    skill: str
    scored: bool
    starts_on: dt.date
    rules: BoardRules


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def _combo(items: list[tuple[str, object]], current: object) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class BoardDialog(QDialog):
    """``events`` given: a new board on one of them; None: the rules of a running board."""

    def __init__(
        self,
        rules: BoardRules,
        events: list[tuple[str, EventInfo]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New board") if events else self.tr("Board rules"))
        self.result_rules: BoardRules | None = None
        self.result_board: NewBoard | None = None
        form = QFormLayout()
        self.event_box = QComboBox()
        self.name_edit = QLineEdit()
        self.skill_edit = QLineEdit()
        self.scored_box = QCheckBox(self.tr("Bouts are scored by the judges on the rubric"))
        self.scored_box.setChecked(True)
        self.start_edit = DateField(
            label=self.tr("First period starts"), may_be_empty=False, value=dt.date.today()
        )
        if events:
            for text, event in events:
                self.event_box.addItem(text, event.id)
            form.addRow(self.tr("Event (its entries, rubric and judges)"), self.event_box)
            form.addRow(self.tr("Board name"), self.name_edit)
            form.addRow(self.tr("Skill"), self.skill_edit)
            form.addRow("", self.scored_box)
            form.addRow(self.tr("First period starts"), self.start_edit)
        self.period_box = _combo(
            [
                (self.tr("A week"), PeriodKind.WEEK),
                (self.tr("A month"), PeriodKind.MONTH),
                (self.tr("A quarter"), PeriodKind.QUARTER),
                (self.tr("Free: closed by hand"), PeriodKind.FREE),
            ],
            rules.period,
        )
        self.reach_spin = _spin(1, 99, rules.reach)
        self.only_holder_box = QCheckBox(self.tr("Only the title holder may be challenged"))
        self.only_holder_box.setChecked(rules.only_holder)
        self.max_open_spin = _spin(1, 9, rules.max_open)
        self.accept_spin = _spin(1, 90, rules.accept_days)
        self.declines_spin = _spin(0, 9, rules.declines)
        self.win_box = _combo(
            [
                (
                    self.tr("Ladder: the challenger takes the place, those between move down"),
                    WinRule.LADDER,
                ),
                (self.tr("Swap: the two change places"), WinRule.SWAP),
            ],
            rules.win_rule,
        )
        self.ties_box = QCheckBox(self.tr("A tie goes to the defender (守擂成功)"))
        self.ties_box.setChecked(rules.defender_wins_ties)
        self.rating_box = _combo(
            [
                (self.tr("No rating"), RatingKind.NONE),
                ("Elo", RatingKind.ELO),
                ("Glicko-2", RatingKind.GLICKO2),
            ],
            rules.rating,
        )
        self.update_box = _combo(
            [
                (self.tr("After each bout"), RatingUpdate.BOUT),
                (self.tr("Once per period, at its close"), RatingUpdate.PERIOD),
            ],
            rules.rating_update,
        )
        self.draws_box = QCheckBox(self.tr("Draws allowed (平局: ½ each, places by the tie rule)"))
        self.draws_box.setChecked(rules.draws)
        self.k_edit = QLineEdit(str(rules.elo_k))
        self.tau_edit = QLineEdit(str(rules.tau))
        self.bottom_spin = _spin(0, 99, rules.eliminate_bottom)
        self.below_edit = QLineEdit(
            "" if rules.eliminate_below is None else str(rules.eliminate_below)
        )
        self.below_edit.setPlaceholderText(self.tr("empty: none"))
        self.losses_spin = _spin(0, 99, rules.eliminate_losses)
        self.idle_spin = _spin(0, 99, rules.eliminate_idle)
        form.addRow(self.tr("Period"), self.period_box)
        form.addRow(self.tr("Challenge up to places above"), self.reach_spin)
        form.addRow("", self.only_holder_box)
        form.addRow(self.tr("Open challenges per entry"), self.max_open_spin)
        form.addRow(self.tr("Days to accept"), self.accept_spin)
        form.addRow(self.tr("Declines per period"), self.declines_spin)
        form.addRow(self.tr("A won challenge"), self.win_box)
        form.addRow("", self.ties_box)
        form.addRow("", self.draws_box)
        form.addRow(self.tr("Rating"), self.rating_box)
        form.addRow(self.tr("Ratings move"), self.update_box)
        form.addRow(self.tr("Elo K"), self.k_edit)
        form.addRow(self.tr("Glicko-2 τ"), self.tau_edit)
        form.addRow(self.tr("Eliminate the last (0: none)"), self.bottom_spin)
        form.addRow(self.tr("Eliminate rated below"), self.below_edit)
        form.addRow(self.tr("Eliminate after losses in a row (0: never)"), self.losses_spin)
        form.addRow(self.tr("Eliminate after periods without a bout (0: never)"), self.idle_spin)
        layout = QVBoxLayout(self)
        if not events:
            layout.addWidget(QLabel(self.tr("Changed rules apply from the next period.")))
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.rating_box.currentIndexChanged.connect(self._rating_shown)
        self._rating_shown()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _rating_shown(self) -> None:
        """Glicko-2 rates once per period by design: the choice is Elo's alone."""
        kind = RatingKind(self.rating_box.currentData())
        if kind is RatingKind.GLICKO2:
            self.update_box.setCurrentIndex(self.update_box.findData(RatingUpdate.PERIOD))
        self.update_box.setEnabled(kind is RatingKind.ELO)

    def rules(self) -> BoardRules:
        """The rules as filled in; a number that is not one is refused with its field."""
        below = self.below_edit.text().strip()
        floor = parse_decimal(below, self.tr("Eliminate rated below")) if below else None
        return BoardRules(
            reach=self.reach_spin.value(),
            only_holder=self.only_holder_box.isChecked(),
            max_open=self.max_open_spin.value(),
            accept_days=self.accept_spin.value(),
            declines=self.declines_spin.value(),
            period=PeriodKind(self.period_box.currentData()),
            win_rule=WinRule(self.win_box.currentData()),
            defender_wins_ties=self.ties_box.isChecked(),
            rating=RatingKind(self.rating_box.currentData()),
            rating_update=RatingUpdate(self.update_box.currentData()),
            draws=self.draws_box.isChecked(),
            elo_k=parse_decimal(self.k_edit.text(), self.tr("Elo K")),
            tau=parse_decimal(self.tau_edit.text(), self.tr("Glicko-2 τ")),
            eliminate_bottom=self.bottom_spin.value(),
            eliminate_below=floor,
            eliminate_losses=self.losses_spin.value(),
            eliminate_idle=self.idle_spin.value(),
        )

    def accept(self) -> None:
        try:
            rules = self.rules()
            if self.event_box.count():
                start = self.start_edit.value()
                assert start is not None  # the field may not be empty: value() refuses
                self.result_board = NewBoard(
                    int(self.event_box.currentData()),
                    self.name_edit.text(),
                    self.skill_edit.text(),
                    self.scored_box.isChecked(),
                    start,
                    rules,
                )
        except UserError as error:
            feedback.show_user_error(self, error)
            return
        self.result_rules = rules
        super().accept()


def ask_board(
    parent: QWidget, rules: BoardRules, events: list[tuple[str, EventInfo]] | None
) -> BoardDialog | None:
    """The dialog after the person pressed OK; None when cancelled. Tests answer in its place."""
    dialog = BoardDialog(rules, events, parent)
    return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None
