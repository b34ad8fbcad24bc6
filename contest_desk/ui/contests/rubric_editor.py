"""The rubric (评分细则) editor of one part of the chosen event; it checks as the person types."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import CONTESTS, RUBRICS
from contest_desk.domain.rubric import Rubric
from contest_desk.errors import StaleEdit
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, operations
from contest_desk.ui.contests import rubric_files
from contest_desk.ui.contests.common import plain
from contest_desk.ui.contests.rubric_history import RubricHistory
from contest_desk.ui.contests.rubric_model import AUTO_ROLE, CODE, NAME, CellProblem, RubricTree
from contest_desk.ui.live import follow_setup
from contest_desk.ui.stale_form import saved_or_said
from contest_desk.ui.state import AppState

OK_STYLE = "color: #1b6e20;"
PROBLEM_STYLE = "color: #b00020;"


def fitted(button: QPushButton) -> QPushButton:
    """``button`` as wide as its text: the style's 80-px minimum put the area past a
    1280-px screen."""
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 24)
    return button


class RubricEditor(QWidget):
    """Criteria tree of one part, with the tools to shape it and a Save kept honest by checks."""

    saved = Signal(int)  # part id

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.part_id: int | None = None
        self.event_name = ""
        self.dirty = False
        self.problems: list[CellProblem] = []
        self.stored = Rubric(())  # the part's rubric as last read or saved

        self.part_box = QComboBox()
        self.part_box.setMinimumWidth(160)
        self.part_box.currentIndexChanged.connect(self._part_chosen)
        self.tree = RubricTree()
        self.tree.itemChanged.connect(self._edited)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.total_label = QLabel()
        self.save_button = QPushButton(self.tr("Save rubric"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Throw away the changes and show the saved rubric"))
        self.revert_button.clicked.connect(self.revert)
        self.mine: Rubric | None = None  # the draft of a save refused as stale
        self.reapply_button = QPushButton(self.tr("Reapply my changes"))
        self.reapply_button.clicked.connect(self.reapply)
        self.reapply_button.hide()
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setToolTip(
            self.tr("Replace the rubric of the parts a sheet names; nothing changes on a problem")
        )
        self.import_button.clicked.connect(lambda: rubric_files.import_dialog(self))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Every part of the event, one row per criterion"))
        self.export_button.clicked.connect(lambda: rubric_files.export_dialog(self))

        # Three rows, so that the tab fits a 1280-px window beside the contest list even at
        # a 14-pt font (one row of every button needed about 1,030 px there): the part and
        # its Excel files, the tools that shape the tree, then the checks and Save.
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Part:")))
        head.addWidget(self.part_box)
        head.addStretch(1)
        head.addWidget(self.import_button)
        head.addWidget(self.export_button)

        tools_row = QHBoxLayout()
        tools = [
            ("add", self.tr("Add criterion"), "Ctrl+N", self.add_criterion),
            ("add_sub", self.tr("Add sub-criterion"), "Ctrl+Shift+N", self.add_sub_criterion),
            ("indent", self.tr("Indent"), "Alt+Shift+Right", self.indent),
            ("outdent", self.tr("Outdent"), "Alt+Shift+Left", self.outdent),
            ("up", self.tr("Move up"), "Alt+Shift+Up", self.move_up),
            ("down", self.tr("Move down"), "Alt+Shift+Down", self.move_down),
            ("delete", self.tr("Delete"), "Del", self.delete_criterion),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for key, text, keys, slot in tools:
            button = QPushButton(text)
            sequence = QKeySequence(keys)
            button.setToolTip(
                f"{text} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            button.clicked.connect(slot)
            action = QAction(text, self)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            tools_row.addWidget(fitted(button))
            self.buttons[key] = button
        self.undo = RubricHistory(self)  # Ctrl+Z / Ctrl+Y: the draft's edits and saves
        self.undo_button, self.redo_button = self.undo.history.buttons()
        tools_row.addSpacing(12)
        tools_row.addWidget(fitted(self.undo_button))
        tools_row.addWidget(fitted(self.redo_button))
        tools_row.addStretch(1)

        bottom = QHBoxLayout()
        bottom.addWidget(self.problem_label, 1)
        bottom.addWidget(self.total_label)
        bottom.addWidget(self.reapply_button)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(tools_row)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)

        state.event_changed.connect(lambda _id: self.load_event())
        follow_setup(self, state, self._setup_changed, CONTESTS, RUBRICS)
        self.load_event()

    # Loading -------------------------------------------------------------------

    def load_event(self) -> None:
        """Fill the part chooser from the chosen event and show its first part's rubric."""
        parts = []
        event_id = self.state.event_id
        if event_id is not None:
            event = operations.run(self, lambda: self.services.contests.event(event_id))
            parts = list(event.parts) if event else []
            self.event_name = event.name if event else ""
        keep = self.part_id
        self.part_box.blockSignals(True)
        self.part_box.clear()
        for part in parts:
            self.part_box.addItem(part.name, part.id)
        position = self.part_box.findData(keep) if keep is not None else -1
        self.part_box.setCurrentIndex(max(position, 0) if parts else -1)
        self.part_box.blockSignals(False)
        self.load_part(self.part_box.currentData())

    def _setup_changed(self) -> None:
        # Another tab may have renamed or added parts; a half-edited rubric is left alone.
        if not self.dirty:
            self.load_event()

    def _part_chosen(self) -> None:
        part_id = self.part_box.currentData()
        if part_id == self.part_id:
            return
        if not self.confirm_discard():
            self.part_box.blockSignals(True)
            self.part_box.setCurrentIndex(self.part_box.findData(self.part_id))
            self.part_box.blockSignals(False)
            return
        self.load_part(part_id)

    def load_part(self, part_id: int | None) -> None:
        self.part_id = part_id
        rubric = Rubric(())
        if part_id is not None:
            loaded = operations.run(self, lambda: self.services.contests.rubric(part_id))
            rubric = loaded or rubric
        self.stored = rubric
        self.tree.load(rubric)
        self.dirty = False
        enabled = part_id is not None
        for button in self.buttons.values():
            button.setEnabled(enabled)
        self.tree.setEnabled(enabled)
        self.import_button.setEnabled(self.state.event_id is not None)
        self.export_button.setEnabled(self.state.event_id is not None)
        self.validate()
        self.undo.loaded((self.state.event_id, part_id))

    def revert(self) -> None:
        self.undo.flush()
        before = self.undo.shown
        self.load_part(self.part_id)
        self.undo.record(self.revert_button.text(), before)

    def confirm_discard(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved rubric"),
            self.tr("The rubric has unsaved changes. Throw them away?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    # Checking ------------------------------------------------------------------

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        self.dirty = True
        self.tree.refresh_shapes()
        self.validate()
        self.undo.edited(f"{item.text(CODE).strip()} {self.tree.headers[column]}".strip())

    def validate(self) -> list[CellProblem]:
        """Rebuild the rubric from the tree, mark each problem's cell, and gate Save on them."""
        rubric, problems = self.tree.build()
        if self.part_id is None:
            problems = []
        self.tree.show_group_maxima(rubric)
        self.tree.mark(problems)
        self.problems = problems
        self.total_label.setText(
            self.tr("Max total: {total}").format(total=plain(rubric.max_total()))
        )
        if self.part_id is None:
            self.problem_label.setText(self.tr("Choose an event with parts to edit its rubric."))
            self.problem_label.setStyleSheet("")
        elif problems:
            self.problem_label.setText(
                self.tr("{count} problem(s). First: {message}").format(
                    count=len(problems), message=problems[0].message
                )
            )
            self.problem_label.setStyleSheet(PROBLEM_STYLE)
        else:
            text = self.tr("Unsaved changes; no problems.") if self.dirty else self.tr("Saved.")
            self.problem_label.setText(text)
            self.problem_label.setStyleSheet(OK_STYLE)
        self.save_button.setEnabled(self.part_id is not None and not problems and self.dirty)
        self.revert_button.setEnabled(self.dirty)
        return problems

    def save(self) -> bool:
        self.undo.flush()
        rubric, problems = self.tree.build()
        if problems or self.part_id is None:
            self.validate()
            return False
        before = self.stored
        if not self.store_and_show(rubric):
            return False
        self.undo.saved(self.save_button.text(), before, self.stored)
        return True

    def store_and_show(self, rubric: Rubric) -> bool:
        """Save ``rubric`` as the part's (asking first where it changes what scores mean)
        and show it as stored; False when not saved (refused, and said why, or not asked)."""
        part_id, contests = self.part_id, self.services.contests
        if part_id is None:
            return False
        # Criteria with scores: say what the change does to them, and ask first. A change
        # the scores forbid is not asked about: the save refuses it, naming each one.
        changes = operations.run(self, lambda: contests.rubric_changes(part_id, rubric))
        if changes is None:
            return False
        touching = changes.touching_scores
        if (
            not changes.refused
            and touching
            and not rubric_files.ask_to_change_scored(self, touching)
        ):
            return False
        read = self.stored  # what the draft started from: refused if another desk saved
        outcome = operations.run_inline(self, lambda: contests.save_rubric(part_id, rubric, read))
        stored = saved_or_said(self, outcome, lambda error: self.stale(error, rubric))
        if stored is None:
            return False
        self.stored = stored
        self.reapply_button.hide()
        self.tree.load(stored)
        self.dirty = False
        self.validate()
        self.undo.loaded((self.state.event_id, part_id))
        self.saved.emit(part_id)
        self.state.setup_changed.emit()
        return True

    def stale(self, error: StaleEdit, mine: Rubric) -> None:
        """Another desk saved this part's rubric since it was read: say who and what, show
        the stored rubric now, and keep this draft to put back (重新应用我的修改; Ctrl+Z
        shows it too)."""
        feedback.show_user_error(self, error)
        self.mine = mine
        if isinstance(error.current, Rubric):
            self.stored = error.current
            self.tree.load(error.current)
            self.dirty = False
            self.validate()
            self.undo.loaded((self.state.event_id, self.part_id))
        self.reapply_button.show()
        self.problem_label.setText(
            self.tr("{message} Reapply my changes puts your draft back.").format(
                message=error.message()
            )
        )
        self.problem_label.setStyleSheet(PROBLEM_STYLE)

    def reapply(self) -> None:
        """The draft of a refused save back in the tree, over the rubric now stored."""
        if self.mine is None:
            return
        before = self.undo.shown
        self.tree.load(self.mine)
        self.dirty = True
        self.validate()
        self.undo.record(self.reapply_button.text(), before)

    def say(self, text: str) -> None:
        """A line of news (an import, an export) where problems are shown."""
        self.problem_label.setText(text)
        self.problem_label.setStyleSheet(OK_STYLE)

    def reload_after_import(self) -> None:
        self.undo.history.clear()  # the stored rubrics changed under the history
        self.dirty = False
        self.load_event()
        self.state.setup_changed.emit()

    # Shaping the tree ----------------------------------------------------------

    def _current(self) -> QTreeWidgetItem | None:
        # A shortcut pressed while a cell is being edited acts on the committed text.
        focused = QApplication.focusWidget()
        if focused is not None and focused is not self.tree and self.tree.isAncestorOf(focused):
            self.tree.setFocus()
        self.undo.flush()  # what was typed is a step of its own, before this one
        return self.tree.currentItem()

    def _code_for(self, parent: QTreeWidgetItem | None) -> str:
        """A free code: A1, A2 … at the top (the letter is the part's), A1.1, A1.2 … below."""
        used = self.tree.codes()
        if parent is None:
            prefix = chr(ord("A") + max(self.part_box.currentIndex(), 0) % 26)
        else:
            prefix = parent.text(CODE).strip() + "."
        number = 1
        while f"{prefix}{number}" in used:
            number += 1
        return f"{prefix}{number}"

    def _new_item(self, parent: QTreeWidgetItem | None) -> QTreeWidgetItem:
        item = self.tree.new_item(self._code_for(parent))
        item.setData(CODE, AUTO_ROLE, item.text(CODE))
        return item

    def _recode(self, item: QTreeWidgetItem) -> None:
        """A criterion added in this session, whose proposed code was kept, follows its place.

        Saved codes never change: scores and score files refer to criteria by code.
        """
        code = item.text(CODE)
        if item.data(CODE, AUTO_ROLE) != code:
            return
        with QSignalBlocker(self.tree):
            item.setText(CODE, "")
            new_code = self._code_for(item.parent())
            item.setText(CODE, new_code)
            item.setData(CODE, AUTO_ROLE, new_code)

    def _named(self, tool: str, item: QTreeWidgetItem) -> str:
        """What a step of ``tool`` on ``item`` is called in the undo texts: 删除 A2."""
        return f"{self.buttons[tool].text()} {item.text(CODE).strip()}".strip()

    def _changed(
        self, item: QTreeWidgetItem | None, edit_column: int | None = None, what: str = ""
    ) -> None:
        self.dirty = True
        self.tree.expandAll()
        self.tree.refresh_shapes()
        if item is not None:
            self.tree.setCurrentItem(item)
            if edit_column is not None:
                self.tree.editItem(item, edit_column)
        self.validate()
        self.undo.record(what)

    def add_criterion(self) -> QTreeWidgetItem | None:
        if self.part_id is None:
            return None
        current = self._current()
        parent = current.parent() if current else None
        item = self._new_item(parent)
        siblings = self._index_in_parent(current) + 1 if current else -1
        self.tree.put_item(parent, item, siblings)
        self._changed(item, NAME, self._named("add", item))
        return item

    def add_sub_criterion(self) -> QTreeWidgetItem | None:
        current = self._current()
        if self.part_id is None or current is None:
            return self.add_criterion()
        item = self._new_item(current)
        current.addChild(item)
        self._changed(item, NAME, self._named("add_sub", item))
        return item

    def _index_in_parent(self, item: QTreeWidgetItem) -> int:
        parent = item.parent()
        return parent.indexOfChild(item) if parent else self.tree.indexOfTopLevelItem(item)

    def _take(self, item: QTreeWidgetItem) -> None:
        parent = item.parent()
        if parent is not None:
            parent.takeChild(parent.indexOfChild(item))
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))

    def indent(self) -> None:
        """Make the criterion the last sub-criterion of the one above it."""
        item = self._current()
        if item is None or self._index_in_parent(item) == 0:
            return
        above = self.tree.children_of(item.parent())[self._index_in_parent(item) - 1]
        self._take(item)
        above.addChild(item)
        self._recode(item)
        self._changed(item, what=self._named("indent", item))

    def outdent(self) -> None:
        """Move the criterion out of its group, just after the group."""
        item = self._current()
        parent = item.parent() if item else None
        if item is None or parent is None:
            return
        grand = parent.parent()
        position = self._index_in_parent(parent) + 1
        self._take(item)
        self.tree.put_item(grand, item, position)
        self._recode(item)
        self._changed(item, what=self._named("outdent", item))

    def _move(self, delta: int) -> None:
        item = self._current()
        if item is None:
            return
        parent = item.parent()
        target = self._index_in_parent(item) + delta
        if not 0 <= target < len(self.tree.children_of(parent)):
            return
        self._take(item)
        self.tree.put_item(parent, item, target)
        self._changed(item, what=self._named("up" if delta < 0 else "down", item))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def delete_criterion(self) -> None:
        item = self._current()
        if item is None:
            return
        parent = item.parent()
        position = self._index_in_parent(item)
        what = self._named("delete", item)
        self._take(item)
        remaining = self.tree.children_of(parent)
        shown = remaining[min(position, len(remaining) - 1)] if remaining else parent
        self._changed(shown, what=what)
