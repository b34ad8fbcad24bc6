"""The rubric editor's tree: criteria as rows, read back into a domain Rubric and checked.

The tree is the editor's only state: every edit is read back into a
``contest_desk.domain.rubric.Rubric`` and checked by ``rubric_problems`` (plus the
numbers that do not parse), and the offending cells are marked where they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
    rubric_problems,
)
from contest_desk.errors import UserError
from contest_desk.ui import keyboard
from contest_desk.ui.cell_keys import Move, end_edit, move_of, view_key
from contest_desk.ui.contests.common import plain
from contest_desk.ui.contests.models import ChoiceDelegate, Index

CODE, NAME, KIND, MAX, STEP, WEIGHT, MODE, TARGET, TOLERANCE, DEDUCTION, UNIT = range(11)
RULE_COLUMNS = (MODE, TARGET, TOLERANCE, DEDUCTION, UNIT)
VALUE_ROLE = Qt.ItemDataRole.UserRole  # the kind / mode value behind its translated label
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # set while the row is shown as a group
AUTO_ROLE = Qt.ItemDataRole.UserRole + 2  # the code the editor proposed, until it is saved
FIELD_COLUMNS = {"code": CODE, "name": NAME, "kind": KIND, "max_points": MAX, "step": STEP}
FIELD_COLUMNS |= {"weight": WEIGHT, "rule": MODE}
RULE_MESSAGE_COLUMNS = {
    "{code}: the deduction unit must be above 0": UNIT,
    "{code}: the tolerance cannot be negative": TOLERANCE,
}
PROBLEM_BRUSH = QBrush(QColor("#f6c6c6"))
GROUP_BRUSH = QBrush(QColor("#6b6b6b"))
DEFAULT_LEAF = {MAX: "10", STEP: "0.5", WEIGHT: "1"}
DEFAULT_RULE = {TARGET: "0", TOLERANCE: "0", DEDUCTION: "0", UNIT: "1"}
# Enter goes down the column: a column of max points or steps is typed in a run.
ENTER = Move.DOWN
ARROWS = {
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
}


@dataclass(frozen=True)
class CellProblem:
    """A problem shown on one cell (``column`` is None for the rubric as a whole)."""

    item: QTreeWidgetItem | None
    column: int | None
    message: str


class RubricTree(QTreeWidget):
    """Criteria as an editable tree, with the conversion to and from ``Rubric``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = [
            (CriterionKind.JUDGEMENT.value, self.tr("Judgement")),
            (CriterionKind.MEASUREMENT.value, self.tr("Measurement")),
            (CriterionKind.DEDUCTION.value, self.tr("Deduction")),
        ]
        self.modes = [
            (MeasurementMode.DIRECT.value, self.tr("Direct")),
            (MeasurementMode.PASS_FAIL.value, self.tr("Pass/fail")),
            (MeasurementMode.LINEAR.value, self.tr("Linear deduction")),
        ]
        self.headers = [
            self.tr("Code"),
            self.tr("Criterion name"),
            self.tr("Kind"),
            self.tr("Max points"),
            self.tr("Step"),
            self.tr("Weight"),
            self.tr("Rule"),
            self.tr("Target"),
            self.tr("Tolerance"),
            self.tr("Deduction per unit"),
            self.tr("Unit of excess"),
        ]
        self.setHeaderLabels(self.headers)
        widths = {CODE: 80, NAME: 180, KIND: 64, MAX: 56, STEP: 56, WEIGHT: 56, MODE: 96}
        widths |= {TARGET: 60, TOLERANCE: 56, DEDUCTION: 84, UNIT: 72}
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.delegate = RubricDelegate(self._choices, self._editable, VALUE_ROLE, parent=self)
        self.delegate.move.connect(self.move_cursor)
        self.setItemDelegate(self.delegate)
        # One cell at a time, as in a spreadsheet: the cursor is a cell, not a row.
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        keyboard.leave_at_the_ends(self)  # Tab past the last cell goes on to the buttons
        self.setAlternatingRowColors(True)
        self.cell_problems: list[CellProblem] = []

    # Loading -------------------------------------------------------------------

    def load(self, rubric: Rubric) -> None:
        with QSignalBlocker(self):
            self.clear()
            for criterion in rubric.criteria:
                self._add_loaded(None, criterion)
            self.expandAll()
        self.refresh_shapes()

    def _add_loaded(self, parent: QTreeWidgetItem | None, c: Criterion) -> None:
        item = self.new_item(c.code, c.name)
        self.put_item(parent, item)
        item.setText(WEIGHT, plain(c.weight))
        if c.is_leaf:
            item.setText(MAX, plain(c.max_points))
            item.setText(STEP, plain(c.step))
            item.setData(KIND, VALUE_ROLE, c.kind.value if c.kind else None)
            if c.kind is CriterionKind.MEASUREMENT:
                rule = c.rule or MeasurementRule()
                item.setData(MODE, VALUE_ROLE, rule.mode.value)
                for column, value in (
                    (TARGET, rule.target),
                    (TOLERANCE, rule.tolerance),
                    (DEDUCTION, rule.deduction_per_unit),
                    (UNIT, rule.unit),
                ):
                    item.setText(column, plain(value))
        for child in c.children:
            self._add_loaded(item, child)

    def new_item(self, code: str, name: str = "") -> QTreeWidgetItem:
        """A new judgement leaf with the usual defaults (10 points in steps of 0.5)."""
        item = QTreeWidgetItem([code, name])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(KIND, VALUE_ROLE, CriterionKind.JUDGEMENT.value)
        for column, text in DEFAULT_LEAF.items():
            item.setText(column, text)
        return item

    def put_item(self, parent: QTreeWidgetItem | None, item: QTreeWidgetItem, at: int = -1) -> None:
        siblings = parent.childCount() if parent else self.topLevelItemCount()
        position = siblings if at < 0 else at
        if parent is None:
            self.insertTopLevelItem(position, item)
        else:
            parent.insertChild(position, item)

    # Walking -------------------------------------------------------------------

    def items(self) -> Iterator[QTreeWidgetItem]:
        """Every item in tree (pre-)order, the order the domain checks walk in."""

        def walk(item: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
            yield item
            for child in self.children_of(item):
                yield from walk(child)

        for item in self.children_of(None):
            yield from walk(item)

    def children_of(self, parent: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
        """The items directly under ``parent`` (the top level for None), in order."""
        if parent is None:
            found = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        else:
            found = [parent.child(i) for i in range(parent.childCount())]
        return [item for item in found if item is not None]

    def codes(self) -> set[str]:
        return {item.text(CODE).strip() for item in self.items()}

    # Showing leaves and groups -------------------------------------------------

    def refresh_shapes(self) -> None:
        """Blank what a group does not have; give a new leaf or measurement its defaults."""
        with QSignalBlocker(self):
            for item in self.items():
                if item.childCount():
                    self._show_group(item)
                else:
                    self._show_leaf(item)

    def _show_group(self, item: QTreeWidgetItem) -> None:
        item.setData(CODE, GROUP_ROLE, True)
        for column in (KIND, STEP, *RULE_COLUMNS):
            item.setText(column, "")
        item.setForeground(MAX, GROUP_BRUSH)
        font = item.font(CODE)
        font.setBold(True)
        item.setFont(CODE, font)
        item.setFont(NAME, font)

    def _show_leaf(self, item: QTreeWidgetItem) -> None:
        if item.data(CODE, GROUP_ROLE):
            # A former group keeps its computed maximum as the leaf's max points.
            item.setData(CODE, GROUP_ROLE, False)
            item.setForeground(MAX, QBrush())
            font = item.font(CODE)
            font.setBold(False)
            item.setFont(CODE, font)
            item.setFont(NAME, font)
            kind = item.data(KIND, VALUE_ROLE) or CriterionKind.JUDGEMENT.value
            item.setData(KIND, VALUE_ROLE, kind)
            for column, text in DEFAULT_LEAF.items():
                if not item.text(column).strip():
                    item.setText(column, text)
        kind = item.data(KIND, VALUE_ROLE)
        item.setText(KIND, dict(self.kinds).get(kind, ""))
        if kind == CriterionKind.MEASUREMENT.value:
            if not item.data(MODE, VALUE_ROLE):
                item.setData(MODE, VALUE_ROLE, MeasurementMode.DIRECT.value)
                for column, text in DEFAULT_RULE.items():
                    item.setText(column, text)
            item.setText(MODE, dict(self.modes).get(item.data(MODE, VALUE_ROLE), ""))
        else:
            item.setData(MODE, VALUE_ROLE, None)
            for column in RULE_COLUMNS:
                item.setText(column, "")

    def show_group_maxima(self, rubric: Rubric) -> None:
        """Show each group's best possible total in its (read-only) max points cell."""
        by_code = {c.code: c for c in _walk(rubric.criteria)}
        with QSignalBlocker(self):
            for item in self.items():
                if item.childCount():
                    found = by_code.get(item.text(CODE).strip())
                    text = plain(Rubric(found.children).max_total()) if found else ""
                    item.setText(MAX, text)

    # Editing rules -------------------------------------------------------------

    def _item_of(self, index: Index) -> QTreeWidgetItem | None:
        # Delegates are handed plain QModelIndex objects; the wider type is Qt's signature.
        if isinstance(index, QModelIndex) and index.isValid():
            return self.itemFromIndex(index)
        return None

    def _choices(self, index: Index) -> list[tuple[str, str]] | None:
        return {KIND: self.kinds, MODE: self.modes}.get(index.column())

    def _editable(self, index: Index) -> bool:
        item = self._item_of(index)
        if item is None:
            return False
        column = index.column()
        if column in (CODE, NAME, WEIGHT):
            return True
        if item.childCount():
            return False
        if column in RULE_COLUMNS:
            return item.data(KIND, VALUE_ROLE) == CriterionKind.MEASUREMENT.value
        return True

    # Moving with the keyboard --------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if view_key(self, self.delegate.editor, event, ENTER, self.move_cursor):
            return
        if event.key() in ARROWS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            # A tree's own Left/Right fold and unfold groups; here they go across cells.
            self.move_arrow(ARROWS[Qt.Key(event.key())])
            event.accept()
            return
        super().keyPressEvent(event)

    def move_arrow(self, delta: tuple[int, int]) -> None:
        """One cell up, down, left or right, editable or not; nothing past the edges."""
        item, column = self.currentItem(), self.currentColumn()
        if item is None:
            self._go(self.topLevelItem(0), 0)
            return
        rows, columns = delta
        if rows:
            self._go(self.itemBelow(item) if rows > 0 else self.itemAbove(item), column)
        elif 0 <= column + columns < self.columnCount():
            self._go(item, column + columns)

    def move_cursor(self, move: int) -> None:
        """After a commit: down the column (Enter), or to the next or previous cell that
        can be edited (Tab, Shift+Tab), on to the next or previous criterion at a row's end."""
        item, column = self.currentItem(), max(self.currentColumn(), 0)
        if item is None:
            return
        if move == Move.DOWN:
            self._go(self.itemBelow(item), column)
            return
        step = 1 if move > 0 else -1
        target: QTreeWidgetItem | None = item
        while target is not None:
            column += step
            if not 0 <= column < self.columnCount():
                target = self.itemBelow(target) if step > 0 else self.itemAbove(target)
                column = 0 if step > 0 else self.columnCount() - 1
                if target is None:
                    return
            if self._editable(self.indexFromItem(target, column)):
                self._go(target, column)
                return

    def _go(self, item: QTreeWidgetItem | None, column: int) -> None:
        if item is not None:
            self.setCurrentItem(item, column)
            self.scrollToItem(item)

    # Reading back and checking -------------------------------------------------

    def build(self) -> tuple[Rubric, list[CellProblem]]:
        """The rubric the tree shows, and every problem with the cell it belongs to."""
        parse_problems: list[CellProblem] = []

        def number(item: QTreeWidgetItem, column: int, fallback: str) -> Decimal:
            field = f"{item.text(CODE).strip()} {self.headers[column]}".strip()
            try:
                return parse_decimal(item.text(column), field)
            except UserError as error:
                parse_problems.append(CellProblem(item, column, error.message()))
                return Decimal(fallback)

        def criterion(item: QTreeWidgetItem) -> Criterion:
            code, name = item.text(CODE).strip(), item.text(NAME).strip()
            weight = number(item, WEIGHT, "1")
            if item.childCount():
                children = tuple(criterion(child) for child in self.children_of(item))
                return Criterion(code, name, None, weight=weight, children=children)
            kind_value = item.data(KIND, VALUE_ROLE)
            kind = CriterionKind(kind_value) if kind_value else None
            # A step that does not parse is replaced by one every max divides, and a bad
            # max by the step, so one typing slip does not raise a second, false problem.
            step = number(item, STEP, "0.001")
            max_points = number(item, MAX, str(step))
            rule = None
            if kind is CriterionKind.MEASUREMENT:
                rule = MeasurementRule(
                    MeasurementMode(item.data(MODE, VALUE_ROLE) or "direct"),
                    number(item, TARGET, "0"),
                    number(item, TOLERANCE, "0"),
                    number(item, DEDUCTION, "0"),
                    number(item, UNIT, "1"),
                )
            return Criterion(code, name, kind, max_points, step, weight, rule)

        top = tuple(criterion(item) for item in self.children_of(None))
        rubric = Rubric(top)
        return rubric, parse_problems + self._locate(rubric)

    def _locate(self, rubric: Rubric) -> list[CellProblem]:
        by_code: dict[str, list[QTreeWidgetItem]] = {}
        for item in self.items():
            by_code.setdefault(item.text(CODE).strip(), []).append(item)
        out: list[CellProblem] = []
        for problem in rubric_problems(rubric.criteria):
            message = problem.error.message()
            column = RULE_MESSAGE_COLUMNS.get(problem.error.msgid) or FIELD_COLUMNS.get(
                problem.field
            )
            items = by_code.get(problem.code, []) if column is not None else []
            out.extend(CellProblem(item, column, message) for item in items)
            if not items:
                out.append(CellProblem(None, None, message))
        return out

    def mark(self, problems: list[CellProblem]) -> None:
        """Colour the cells with problems and put each problem in its cell's tooltip."""
        messages: dict[tuple[int, int], list[str]] = {}
        cells: dict[tuple[int, int], tuple[QTreeWidgetItem, int]] = {}
        for p in problems:
            if p.item is not None and p.column is not None:
                key = (id(p.item), p.column)
                messages.setdefault(key, []).append(p.message)
                cells[key] = (p.item, p.column)
        with QSignalBlocker(self):
            for item in self.items():
                for column in range(self.columnCount()):
                    if item.toolTip(column) or (id(item), column) in cells:
                        item.setBackground(column, QBrush())
                        item.setToolTip(column, "")
            for key, (item, column) in cells.items():
                item.setBackground(column, PROBLEM_BRUSH)
                item.setToolTip(column, "\n".join(messages[key]))
        self.cell_problems = problems


class RubricDelegate(ChoiceDelegate):
    """The rubric's cells: drop-downs for kind and rule, line edits checked as typed, and
    the grids' keys (ui/cell_keys.py): Enter commits and goes down, Tab across."""

    move = Signal(int)

    def __init__(
        self,
        choices: Callable[[Index], list[tuple[str, str]] | None],
        editable: Callable[[Index], bool],
        value_role: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(choices, editable, value_role, live=True, parent=parent)
        self.editor: QWidget | None = None

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> Any:
        self.editor = super().createEditor(parent, option, index)
        return self.editor

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit | QComboBox):
            assert isinstance(event, QKeyEvent)
            move = move_of(event, ENTER)
            if move is not None:
                # The tree keeps every value (problems are shown, not refused): always move.
                end_edit(self, watched, move, lambda: True, self.move.emit)
                return True
        return super().eventFilter(watched, event)


def _walk(criteria: tuple[Criterion, ...]) -> Iterator[Criterion]:
    for c in criteria:
        yield c
        yield from _walk(c.children)
