"""Undo and redo in the rubric editor (Ctrl+Z, Ctrl+Y): the draft's edits and its saves.

The editor edits a draft of the part's rubric that is saved as a whole. An edit of the
draft (a cell, a criterion added, moved or deleted, Revert) is undone by showing the
draft as it was: the tree is kept as snapshots of what it shows, problems and all. A
save is undone by saving the rubric stored before it, through the same service call
(checked, audited, and refused where the scores forbid it, the history then kept as it
was). The history is the part's: another part, event or contest starts it afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from contest_desk.domain.rubric import Rubric
from contest_desk.ui.contests.rubric_model import (
    AUTO_ROLE,
    CODE,
    KIND,
    MODE,
    VALUE_ROLE,
    RubricTree,
)
from contest_desk.ui.undo import History

if TYPE_CHECKING:
    from contest_desk.ui.contests.rubric_editor import RubricEditor

# One row: its cells' texts, the kind and rule behind their labels, the code the editor
# proposed (until saved), and the rows under it.
Row = tuple[tuple[str, ...], object, object, object, tuple["Row", ...]]


@dataclass(frozen=True)
class Draft:
    """What the tree shows, and where the cursor was (not part of what was edited)."""

    rows: tuple[Row, ...]
    cursor: tuple[tuple[int, ...], int] = ((), 0)


def draft_of(tree: RubricTree) -> Draft:
    def row(item: QTreeWidgetItem) -> Row:
        texts = tuple(item.text(column) for column in range(tree.columnCount()))
        values = (item.data(KIND, VALUE_ROLE), item.data(MODE, VALUE_ROLE))
        children = tuple(row(child) for child in tree.children_of(item))
        return (texts, *values, item.data(CODE, AUTO_ROLE), children)

    path: list[int] = []
    current = tree.currentItem()
    while current is not None:
        parent = current.parent()
        at = parent.indexOfChild(current) if parent else tree.indexOfTopLevelItem(current)
        path.insert(0, at)
        current = parent
    rows = tuple(row(item) for item in tree.children_of(None))
    return Draft(rows, (tuple(path), max(tree.currentColumn(), 0)))


def show_draft(tree: RubricTree, draft: Draft) -> None:
    """Put ``draft`` back in the tree, the cursor where it was."""

    def put(parent: QTreeWidgetItem | None, row: Row) -> None:
        texts, kind, mode, auto, children = row
        item = QTreeWidgetItem(list(texts))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(KIND, VALUE_ROLE, kind)
        item.setData(MODE, VALUE_ROLE, mode)
        if auto is not None:
            item.setData(CODE, AUTO_ROLE, auto)
        tree.put_item(parent, item)
        for child in children:
            put(item, child)

    with QSignalBlocker(tree):
        tree.clear()
        for row in draft.rows:
            put(None, row)
        tree.expandAll()
    tree.refresh_shapes()
    path, column = draft.cursor
    item: QTreeWidgetItem | None = None
    for at in path:
        item = tree.topLevelItem(at) if item is None else item.child(at)
        if item is None:
            return
    if item is not None:
        tree.setCurrentItem(item, column)


class RubricHistory:
    """The editor's steps: drafts shown again, and saves undone by saving again."""

    def __init__(self, editor: RubricEditor) -> None:
        self.editor = editor
        self.history = History(editor, settle=self.flush)
        self.key: tuple[object, object] = (None, None)
        self.shown = Draft(())  # the draft as last recorded
        self.clean: tuple[Row, ...] = ()  # the draft of the stored rubric
        self.editing = ""  # what a cell edit still open will be named
        editor.tree.delegate.closeEditor.connect(self._cell_closed)
        self.history.clear_on(editor.state.contest_changed)

    def loaded(self, key: tuple[object, object]) -> None:
        """The stored rubric is shown: another part's (the history starts afresh) or
        this one's again (after a save, or a change made elsewhere)."""
        if key != self.key:
            self.history.clear()
            self.key = key
        self.shown = draft_of(self.editor.tree)
        self.clean = self.shown.rows

    # Recording ---------------------------------------------------------------

    def edited(self, what: str) -> None:
        """A cell changed; typed into an open cell, it is one step when the cell closes."""
        if self.editor.tree.delegate.editor is not None:
            self.editing = what
        else:
            self.record(what)

    def _cell_closed(self, *_args: object) -> None:
        self.flush()

    def flush(self) -> None:
        """Record what was typed into a cell still open (each keystroke is in the tree
        already) as its own step, before another step or an undo."""
        if self.editing:
            what, self.editing = self.editing, ""
            self.record(what)

    def record(self, what: str, before: Draft | None = None) -> None:
        """The draft changed (``what`` names how) from ``before`` (the last recorded)."""
        before = before or self.shown
        after = draft_of(self.editor.tree)
        self.shown = after
        if after.rows != before.rows:
            self.history.done(what, self._showing(before), self._showing(after))

    def _showing(self, draft: Draft) -> Callable[[], bool]:
        def show() -> bool:
            editor = self.editor
            show_draft(editor.tree, draft)
            self.shown = draft
            editor.dirty = draft.rows != self.clean
            editor.validate()
            return True

        return show

    def saved(self, what: str, before: Rubric, after: Rubric) -> None:
        """The part's rubric was saved: ``before`` was stored, ``after`` is now."""
        self.history.done(what, self._storing(before), self._storing(after))

    def _storing(self, rubric: Rubric) -> Callable[[], bool]:
        def store() -> bool:
            return self.editor.store_and_show(rubric)

        return store
