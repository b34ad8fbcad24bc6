"""A table model that hands its rows to the view in batches, so 10,000 rows open at once."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

BATCH = 500

Parent = QModelIndex | QPersistentModelIndex


class BatchedTableModel(QAbstractTableModel):
    """Rows ``0 .. loaded-1`` of ``total`` are visible; the view asks for more as it scrolls.

    Subclasses call ``_set_total`` between ``beginResetModel`` and ``endResetModel``.
    """

    batch = BATCH

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._loaded = 0

    def _set_total(self, total: int) -> None:
        self._total = total
        self._loaded = min(total, self.batch)

    def rowCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    @property
    def total_rows(self) -> int:
        return self._total

    def canFetchMore(self, parent: Parent) -> bool:
        return not parent.isValid() and self._loaded < self._total

    def fetchMore(self, parent: Parent) -> None:
        if parent.isValid():
            return
        count = min(self.batch, self._total - self._loaded)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    def ensure_row(self, row: int) -> bool:
        """Load batches until ``row`` is visible; False when there is no such row."""
        while row >= self._loaded and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return 0 <= row < self._loaded
