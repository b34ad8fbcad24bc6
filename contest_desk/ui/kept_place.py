"""A table's place kept across a reload: the rows chosen (by what they show, not where they
were: a new mark may move an entry up) and how far the table was scrolled. A reload told
by another desk happens under the person's eyes; it must not lose their place."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView


@contextmanager
def kept_place(view: QAbstractItemView, key_of: Callable[[int], Hashable]) -> Iterator[None]:
    """Around a model's reset: ``key_of(row)`` names a row's record (an entry's id), read
    before the reset and after it."""
    model, selection = view.model(), view.selectionModel()
    chosen = {key_of(index.row()) for index in selection.selectedRows()}
    current = view.currentIndex()
    current_key = key_of(current.row()) if current.isValid() else None
    scrolled = (view.verticalScrollBar().value(), view.horizontalScrollBar().value())
    yield
    flags = QItemSelectionModel.SelectionFlag
    if chosen or current_key is not None:
        found = QItemSelection()
        last = model.columnCount() - 1
        for row in range(model.rowCount()):
            key = key_of(row)
            if key in chosen:
                found.select(model.index(row, 0), model.index(row, last))
            if key == current_key:
                # A grid of cells (the scoring sheet) has no whole rows chosen: its current
                # cell is what it shows chosen.
                how = flags.NoUpdate if chosen else flags.ClearAndSelect
                selection.setCurrentIndex(model.index(row, max(current.column(), 0)), how)
        if chosen:
            selection.select(found, flags.ClearAndSelect)
    view.verticalScrollBar().setValue(scrolled[0])
    view.horizontalScrollBar().setValue(scrolled[1])
