"""Parts of the event editor that edit lists: weighted rows, tie-breaks and award levels."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.ranking import TieBreak, TieBreakKind
from contest_desk.errors import UserError
from contest_desk.ui.contests.common import percent_text, plain, weight_from_percent
from contest_desk.ui.contests.models import ChoiceDelegate, EditableRowsModel
from contest_desk.ui.tables import TableView


class RowsTable(QWidget):
    """An editable grid with Add / Remove (and optionally Up / Down) buttons beside it."""

    def __init__(
        self,
        model: EditableRowsModel,
        new_row: Sequence[str] = (),
        movable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.new_row = model, list(new_row)
        self.view = TableView(self.tr("No rows yet: press Add to add one."))
        self.view.setModel(model)
        self.view.setItemDelegate(
            ChoiceDelegate(lambda index: model.choices.get(index.column()), parent=self.view)
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setMinimumHeight(110)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        if movable:
            for text, delta in ((self.tr("Up"), -1), (self.tr("Down"), 1)):
                button = QPushButton(text)
                button.clicked.connect(lambda _c=False, d=delta: self.move_row(d))
                buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add(self) -> None:
        row = self.model.add_row(self.new_row)
        self.view.setCurrentIndex(self.model.index(row, 0))

    def remove(self) -> None:
        self.model.remove_row(self._row())

    def move_row(self, delta: int) -> None:
        row = self._row()
        if row >= 0:
            target = self.model.move_row(row, delta)
            self.view.setCurrentIndex(self.model.index(target, 0))


def weighted_rows(rows: Sequence[Sequence[str]], weight_header: str) -> list[tuple[str, Decimal]]:
    """(name, weight) pairs from rows of a name and a percentage."""
    out = []
    for name, percent in rows:
        out.append((name.strip(), weight_from_percent(percent, f"{name.strip()} {weight_header}")))
    return out


class TieBreakBox(QGroupBox):
    """The ordered tie-breaks: a criterion's points, a part's total, or completion time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tie-breaks (in order)"), parent)
        kinds = [
            (TieBreakKind.CRITERION.value, self.tr("Criterion")),
            (TieBreakKind.PART.value, self.tr("Part")),
            (TieBreakKind.TIME.value, self.tr("Completion time")),
        ]
        self.model = EditableRowsModel(
            [self.tr("Compare by"), self.tr("Criterion code or part name")], {0: kinds}
        )
        self.table = RowsTable(self.model, [TieBreakKind.PART.value, ""], movable=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, tie_breaks: Sequence[TieBreak]) -> None:
        self.model.set_rows([[tb.kind.value, tb.key] for tb in tie_breaks])

    def value(self) -> tuple[TieBreak, ...]:
        out = []
        for number, (kind, key) in enumerate(self.model.rows(), start=1):
            tb_kind = TieBreakKind(kind or TieBreakKind.PART.value)
            if tb_kind is not TieBreakKind.TIME and not key.strip():
                raise UserError(
                    "Tie-break {number} needs a criterion code or a part name", number=number
                )
            out.append(TieBreak(tb_kind, "" if tb_kind is TieBreakKind.TIME else key.strip()))
        return tuple(out)


# Usual values of the four standard levels, by mode (shares in %).
STANDARD = {
    AwardMode.COUNTS: ("1", "2", "3", "5"),
    AwardMode.SHARES: ("10", "20", "30", "20"),
    AwardMode.THRESHOLDS: ("90", "80", "70", "60"),
}


class AwardBox(QGroupBox):
    """The award rule: by counts, by shares of the field (in %), or by score thresholds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Awards"), parent)
        self.mode_box = QComboBox()
        self.mode_box.addItem(self.tr("No awards"), None)
        self.mode_box.addItem(self.tr("By counts (number of entries)"), AwardMode.COUNTS.value)
        self.mode_box.addItem(self.tr("By shares (% of ranked entries)"), AwardMode.SHARES.value)
        self.mode_box.addItem(self.tr("By score thresholds"), AwardMode.THRESHOLDS.value)
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        self.model = EditableRowsModel([self.tr("Level"), self.tr("Value")])
        self._shown_mode: AwardMode | None = None
        self.table = RowsTable(self.model, ["", ""], movable=True)
        self.min_score = QLineEdit()
        self.min_score.setPlaceholderText(self.tr("optional"))
        self.standard_button = QPushButton(self.tr("Standard levels"))
        self.standard_button.setToolTip(
            self.tr("Fill in first, second and third prizes and honourable mention")
        )
        self.standard_button.clicked.connect(self.fill_standard)
        form = QFormLayout(self)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.mode_box, 1)
        mode_row.addWidget(self.standard_button)
        form.addRow(self.tr("Rule:"), mode_row)
        form.addRow(self.table)
        form.addRow(self.tr("Minimum score:"), self.min_score)
        self._mode_changed()

    def mode(self) -> AwardMode | None:
        value = self.mode_box.currentData()
        return AwardMode(value) if value else None

    def _mode_changed(self) -> None:
        enabled = self.mode() is not None
        for widget in (self.table, self.min_score, self.standard_button):
            widget.setEnabled(enabled)
        headers = {
            AwardMode.COUNTS: self.tr("Number of entries"),
            AwardMode.SHARES: self.tr("Share (%)"),
            AwardMode.THRESHOLDS: self.tr("Minimum total"),
        }
        mode = self.mode()
        self.model.set_header(1, headers[mode] if mode else self.tr("Value"))
        self._follow_mode(self._shown_mode, mode)
        self._shown_mode = mode

    def _follow_mode(self, before: AwardMode | None, mode: AwardMode | None) -> None:
        """Standard values follow a change of mode (10 % becomes 1 place); typed ones stay."""
        rows = self.model.rows()
        if mode is None or before == mode:
            return
        if not rows:
            self.fill_standard()
        elif before is not None and [v for _, v in rows] == list(STANDARD[before][: len(rows)]):
            self.model.set_rows([[name, STANDARD[mode][i]] for i, (name, _) in enumerate(rows)])

    def fill_standard(self) -> None:
        """一等奖 / 二等奖 / 三等奖 / 优秀奖 with values usual for the chosen mode."""
        names = (
            self.tr("First prize"),
            self.tr("Second prize"),
            self.tr("Third prize"),
            self.tr("Honourable mention"),
        )
        values = STANDARD[self.mode() or AwardMode.SHARES]
        self.model.set_rows(list(zip(names, values, strict=True)))

    def load(self, rule: AwardRule | None) -> None:
        self.model.set_rows([])
        self._shown_mode = rule.mode if rule else None
        self.mode_box.blockSignals(True)
        self.mode_box.setCurrentIndex(
            max(self.mode_box.findData(rule.mode.value if rule else None), 0)
        )
        self.mode_box.blockSignals(False)
        if rule is not None:
            shares = rule.mode is AwardMode.SHARES
            self.model.set_rows(
                [
                    [lv.name, percent_text(lv.value) if shares else plain(lv.value)]
                    for lv in rule.levels
                ]
            )
        self.min_score.setText(
            "" if rule is None or rule.min_score is None else plain(rule.min_score)
        )
        self._mode_changed()

    def value(self) -> AwardRule | None:
        mode = self.mode()
        if mode is None:
            return None
        levels = []
        for number, (name, text) in enumerate(self.model.rows(), start=1):
            if not name.strip():
                raise UserError("Award level {number} needs a name", number=number)
            field = name.strip()
            if mode is AwardMode.SHARES:
                value = weight_from_percent(text, field)
            else:
                value = parse_decimal(text, field)
            levels.append(AwardLevel(name.strip(), value))
        if not levels:
            raise UserError("The award rule needs at least one level")
        minimum = self.min_score.text().strip()
        min_score = parse_decimal(minimum, self.tr("Minimum score")) if minimum else None
        rule = AwardRule(mode, tuple(levels), min_score)
        rule.check()
        return rule
