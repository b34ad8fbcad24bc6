"""Setting a labor competition up in the window: its indicators (考核指标) in a grid, its
periods one by one, and its award rule. Each part is saved through the services, which
refuse what cannot score, with the reason."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.awards import AwardRule
from contest_desk.domain.labor import RULE_NAMES, Direction, Indicator, IndicatorRule
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.records.labor import PERIOD_KIND_NAMES, PeriodKind
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations
from contest_desk.ui.contests.event_rules import AwardBox, RowsTable
from contest_desk.ui.contests.models import EditableRowsModel
from contest_desk.ui.date_field import DateField, from_qdate
from contest_desk.ui.stale_form import StaleGuard

DECIMAL_COLUMNS = (
    ("points", 5),
    ("baseline", 6),
    ("target", 7),
    ("weight", 8),
    ("bonus_per_unit", 9),
    ("bonus_cap", 10),
    ("penalty_per_event", 11),
)


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f")


class LaborSetupDialog(QDialog):
    def __init__(self, services: Services, contest_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.contest_id = services, contest_id
        self.setWindowTitle(self.tr("Set up the labor competition"))
        self.resize(1100, 700)
        headers = [
            self.tr("Code"), self.tr("Name"), self.tr("Unit"), self.tr("Direction"),
            self.tr("Rule"), self.tr("Points"), self.tr("Baseline"), self.tr("Target"),
            self.tr("Weight"), self.tr("Bonus per unit"), self.tr("Bonus cap"),
            self.tr("Penalty per event"),
        ]  # fmt: skip
        directions = [
            (Direction.HIGHER.value, self.tr("higher is better")),
            (Direction.LOWER.value, self.tr("lower is better")),
        ]
        rules = [(r.value, _(RULE_NAMES[r])) for r in IndicatorRule]
        self.indicators = EditableRowsModel(headers, {3: directions, 4: rules})
        new = ["", "", "", Direction.HIGHER.value, IndicatorRule.LINEAR.value,
               "10", "0", "1", "1", "0", "0", "0"]  # fmt: skip
        self.indicator_table = RowsTable(self.indicators, new, movable=True)
        self.save_indicators_button = QPushButton(self.tr("Save the indicators"))
        box = QGroupBox(self.tr("Indicators"))
        lay = QVBoxLayout(box)
        lay.addWidget(self.indicator_table, 1)
        self.read_indicators: list[Indicator] = []
        self.stale: StaleGuard[list[list[str]]] = StaleGuard(
            self, self._show_indicators, self.indicators.set_rows
        )
        lay.addWidget(self.stale.button)
        lay.addWidget(self.save_indicators_button)

        self.periods_label = QLabel()
        self.period_name = QLineEdit()
        self.period_kind = QComboBox()
        for kind in PeriodKind:
            self.period_kind.addItem(_(PERIOD_KIND_NAMES[kind]), kind.value)
        today = QDate.currentDate()
        self.period_start = DateField(
            label=self.tr("Period start"), may_be_empty=False, value=from_qdate(today)
        )
        self.period_end = DateField(
            label=self.tr("Period end"),
            may_be_empty=False,
            value=from_qdate(today.addMonths(1).addDays(-1)),
        )
        self.add_period_button = QPushButton(self.tr("Add the period"))
        periods = QGroupBox(self.tr("Periods"))
        form = QFormLayout(periods)
        form.addRow(self.periods_label)
        row = QHBoxLayout()
        for widget in (self.period_name, self.period_kind, self.period_start, self.period_end):
            row.addWidget(widget)
        row.addWidget(self.add_period_button)
        form.addRow(self.tr("New period"), row)

        self.awards = AwardBox()
        self.save_awards_button = QPushButton(self.tr("Save the award rule"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box, 3)
        layout.addWidget(periods)
        awards_row = QHBoxLayout()
        awards_row.addWidget(self.awards, 1)
        self.read_award_rule: AwardRule | None = None
        self.awards_stale: StaleGuard[AwardRule | None] = StaleGuard(
            self, self._show_award_rule, self.awards.load
        )
        awards_row.addWidget(self.awards_stale.button)
        awards_row.addWidget(self.save_awards_button)
        layout.addLayout(awards_row)
        layout.addWidget(close)

        self.save_indicators_button.clicked.connect(self.save_indicators)
        self.add_period_button.clicked.connect(self.add_period)
        self.save_awards_button.clicked.connect(self.save_awards)
        self.load()

    def load(self) -> None:
        labor, contest = self.services.labor, self.contest_id
        read = operations.run(
            self,
            lambda: (
                labor.indicators(contest),
                labor.periods(contest),
                labor.award_rule(contest),
            ),
        )
        if read is None:
            return
        indicators, periods, award_rule = read
        self._show_indicators(indicators)
        names = [p.name for p in periods]
        self.periods_label.setText(
            self.tr("Periods: {names}").format(names="、".join(names) or self.tr("none yet"))
        )
        self._show_award_rule(award_rule)

    def _show_award_rule(self, rule: AwardRule | None) -> None:
        self.read_award_rule = rule  # handed back with the next save
        self.awards.load(rule)

    def _show_indicators(self, indicators: list[Indicator]) -> None:
        """The indicators as stored (read now, or named by a refused save)."""
        self.read_indicators = indicators  # handed back with the next save
        self.indicators.set_rows(
            [
                [i.code, i.name, i.unit, i.direction.value, i.rule.value]
                + [_text(getattr(i, name)) for name, _col in DECIMAL_COLUMNS]
                for i in indicators
            ]
        )

    def rows_as_indicators(self) -> list[Indicator]:
        out = []
        for number, row in enumerate(self.indicators.rows(), start=1):
            code, name, unit, direction, rule = (c.strip() for c in row[:5])
            values = {
                field: parse_decimal(row[col] or "0", f"{self.tr('Indicator')} {number}")
                for field, col in DECIMAL_COLUMNS
            }
            out.append(
                Indicator(code, name, unit, Direction(direction), IndicatorRule(rule), **values)
            )
        return out

    def _attempt(self, work: Callable[[], object]) -> bool:
        if not operations.done(self, work):
            return False
        self.load()
        return True

    def save_indicators(self) -> bool:
        try:
            indicators = self.rows_as_indicators()  # read from the table here, not on the worker
        except UserError as error:
            feedback.show_user_error(self, error)
            return False
        labor, contest, read = self.services.labor, self.contest_id, self.read_indicators

        def save() -> bool:
            labor.set_indicators(contest, indicators, read)
            return True

        # Refused when another desk saved the indicators meanwhile: the stored ones shown,
        # the typed rows kept behind 重新应用我的修改.
        if self.stale.save(save, self.indicators.rows()) is None:
            return False
        self.load()
        return True

    def add_period(self) -> bool:
        try:
            start, end = self.period_start.value(), self.period_end.value()
        except UserError as error:
            feedback.show_user_error(self, error)
            return False
        assert start is not None and end is not None  # neither field may be empty
        kind = PeriodKind(self.period_kind.currentData())
        name = self.period_name.text()
        added = self._attempt(
            lambda: self.services.labor.add_period(self.contest_id, name, kind, start, end)
        )
        if added:
            self.period_name.clear()
        return added

    def save_awards(self) -> bool:
        try:
            rule = self.awards.value()  # read from the widgets here, not on the worker
        except UserError as error:
            feedback.show_user_error(self, error)
            return False
        labor, contest, read = self.services.labor, self.contest_id, self.read_award_rule

        def save() -> bool:
            labor.set_award_rule(contest, rule, read)
            return True

        if self.awards_stale.save(save, rule) is None:
            return False
        self.load()
        return True


def open_setup(parent: QWidget, services: Services, contest_id: int) -> None:
    """The dialog, modal; looked up at call time so tests can drive the dialog instead."""
    LaborSetupDialog(services, contest_id, parent).exec()
