"""The scoring grid's model: one judge's sheet served from plain dicts, written one value at a time.

Nothing here asks the database for a cell: the sheet is loaded once (in a
worker) and every accepted value comes back from the service that stored it. A value
is saved through the operations runner, off the window's thread; ``setData`` waits for
the answer (the window keeps painting), so Enter moves on only once the value is kept.

A save that meets a server gone away (ServerUnavailable) keeps the typed value in its
cell, marked 未保存, and hands the save to the window's queue (ui/reconnect.py), which
sends it again once the server answers; the cell shows it saved only when that commit
answered. Each typed value carries an op id of its own, the same in every attempt: a
commit whose answer was lost is not saved twice (storage/client_ops.py).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any
from uuid import uuid4

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from contest_desk.domain.numbers import show_duration
from contest_desk.domain.records.contests import CriterionColumn, EntryInfo, ScoreSheet
from contest_desk.domain.rubric import CriterionKind
from contest_desk.errors import ServerUnavailable, UserError
from contest_desk.ui import operations
from contest_desk.ui.reconnect import Held, Reconnect, kept_sentence
from contest_desk.ui.scoring.batched import BatchedTableModel, Parent
from contest_desk.ui.scoring.look import (
    ERROR_COLOUR,
    ERROR_TEXT,
    PENDING_COLOUR,
    PENDING_TEXT,
    SHARED_COLOUR,
    SHARED_MARK,
    part_colour,
    show_decimal,
)

# Saves one criterion value for one entry: (entry id, code, typed text) → the stored value;
# a writer with an ``op`` keyword gets the typed value's op id (the same in every attempt).
ScoreWriter = Callable[..., Decimal | None]
# Saves one completion time: (entry id, typed text) → the stored seconds.
TimeWriter = Callable[[int, str], Decimal | None]

ROLE_VALUE = Qt.ItemDataRole.UserRole  # the stored Decimal (or None)
ROLE_PENDING = Qt.ItemDataRole.UserRole + 1  # the typed text waiting for the server, or None
UNIT_COLUMN = 0
TIME_KEY = "\0time"  # the error key of the time column; never a criterion code

_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Long criterion names wrap onto a second line, so that the columns fit a 1280-px screen.
_HEADER_ALIGN = (
    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
)


class ScoreSheetModel(BatchedTableModel):
    """Entries down, the unit then criteria across, then the completion time.

    ``setData`` writes through the writer it was given; a refused value keeps
    the old one, marks the cell and emits ``refused`` with the reason.
    """

    saved = Signal(int)  # entry id whose value is now stored
    # A cell's value changed by a save: entry id, criterion code (or the time's key), the
    # text shown before and after (what an undo types back in, and a redo again).
    changed = Signal(int, str, str, str)
    refused = Signal(int, int, str)  # row, column, the reason in the user's language
    held = Signal(int, int, str)  # row, column, why: kept unsaved, to be sent again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[EntryInfo, ...] = ()
        self._columns: tuple[CriterionColumn, ...] = ()
        self._values: dict[tuple[int, str], Decimal] = {}
        self._times: dict[int, Decimal] = {}
        self._errors: dict[tuple[int, str], str] = {}
        # Typed values not saved yet (the server went away): cell → (text, op id).
        self._pending: dict[tuple[int, str], tuple[str, str]] = {}
        self._pending_font = QFont()
        self._pending_font.setItalic(True)  # unsaved marks told apart by shape too
        # The window's queue of saves waiting for the server (the area sets it).
        self.retries: Callable[[], Reconnect | None] = lambda: None
        self._shown: dict[tuple[int, str], str] = {}  # display strings, made on first request
        self._parts: dict[str, int] = {}
        self._counted: frozenset[str] = frozenset()
        self._filled = 0
        self._write: ScoreWriter | None = None
        self._write_time: TimeWriter | None = None
        self._takes_op = False
        self.sheet: ScoreSheet | None = None

    # Loading -------------------------------------------------------------------

    def set_sheet(
        self,
        sheet: ScoreSheet | None,
        write: ScoreWriter | None = None,
        write_time: TimeWriter | None = None,
        times: Mapping[int, Decimal] | None = None,
    ) -> None:
        """Show ``sheet`` (None: nothing) and ``times``; values are saved through the writers."""
        self.beginResetModel()
        # The same sheet read again keeps its unsaved values; another sheet's stay queued.
        same = sheet is not None and _sheet_of(sheet) == _sheet_of(self.sheet)
        self._pending = self._pending if same else {}
        self.sheet = sheet
        self._entries = sheet.entries if sheet else ()
        self._columns = sheet.columns if sheet else ()
        self._values = dict(sheet.values) if sheet else {}
        self._times = dict(times or {})
        self._errors.clear()
        self._shown.clear()
        self._parts = {}
        for column in self._columns:
            self._parts.setdefault(column.part, len(self._parts))
        # Progress counts the judge's own marks, as the sign-off and the chief judge's desk
        # do: measurements and deductions are keyed once, by whoever (Criterion.objective).
        self._counted = frozenset(c.code for c in self._columns if not c.criterion.objective)
        entry_ids = {e.id for e in self._entries}
        self._filled = sum(
            1 for (eid, code) in self._values if code in self._counted and eid in entry_ids
        )
        self._write, self._write_time = write, write_time
        self._takes_op = write is not None and _takes_op(write)
        self._set_total(len(self._entries))
        self.endResetModel()

    # Shape ---------------------------------------------------------------------

    def columnCount(self, parent: Parent = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.sheet is None:
            return 0
        return len(self._columns) + 2

    @property
    def time_column(self) -> int:
        return len(self._columns) + 1

    def column_of(self, code: str) -> int:
        return next(i for i, c in enumerate(self._columns, start=1) if c.code == code)

    def criterion_at(self, column: int) -> CriterionColumn | None:
        if 1 <= column <= len(self._columns):
            return self._columns[column - 1]
        return None

    def entry_at(self, row: int) -> EntryInfo:
        return self._entries[row]

    def editable_columns(self) -> list[int]:
        return list(range(1, self.time_column + 1)) if self.sheet else []

    def part_groups(self) -> list[tuple[int, int, str, int]]:
        """(first column, last column, part name, part position) for each run of a part."""
        groups: list[tuple[int, int, str, int]] = []
        for column, criterion in enumerate(self._columns, start=1):
            if groups and groups[-1][2] == criterion.part:
                first, _, name, position = groups[-1]
                groups[-1] = (first, column, name, position)
            else:
                groups.append((column, column, criterion.part, self._parts[criterion.part]))
        return groups

    def progress(self) -> tuple[int, int]:
        """(cells filled, cells to fill) for this judge; deductions are not counted."""
        return self._filled, len(self._entries) * len(self._counted)

    # Reading -------------------------------------------------------------------

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        writable = self.sheet is not None and not self.sheet.read_only
        if index.column() != UNIT_COLUMN and writable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _key(self, row: int, column: int) -> tuple[int, str]:
        criterion = self.criterion_at(column)
        return self._entries[row].id, criterion.code if criterion else TIME_KEY

    @staticmethod
    def _show(key: tuple[int, str], value: Decimal | None) -> str:
        """A value as typed back: a completion time as 分:秒 (754 s → "12:34")."""
        return show_duration(value) if key[1] == TIME_KEY else show_decimal(value)

    def _stored(self, row: int, column: int) -> Decimal | None:
        entry_id, code = self._key(row, column)
        if code == TIME_KEY:
            return self._times.get(entry_id)
        return self._values.get((entry_id, code))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or self.sheet is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self._loaded and 0 <= column < self.columnCount()):
            return None
        if column == UNIT_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._entries[row].unit
            return None
        key = self._key(row, column)
        pending = self._pending.get(key)
        if role == ROLE_PENDING:
            return pending[0] if pending else None
        if pending is not None and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return pending[0]
        if pending is not None and role == Qt.ItemDataRole.BackgroundRole:
            return PENDING_COLOUR
        if pending is not None and role == Qt.ItemDataRole.ForegroundRole:
            return PENDING_TEXT
        if pending is not None and role == Qt.ItemDataRole.FontRole:
            return self._pending_font
        if pending is not None and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Not saved: sent again once the server is back ({value})").format(
                value=pending[0] or "—"
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = self._shown.get(key)
            if text is None:
                text = self._shown[key] = self._show(key, self._stored(row, column))
            return text
        if role == ROLE_VALUE:
            return self._stored(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _NUMBER_ALIGN
        error = self._errors.get(self._key(row, column))
        criterion = self.criterion_at(column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return ERROR_COLOUR
            if criterion is None:
                return None
            if criterion.criterion.objective:
                return SHARED_COLOUR
            return part_colour(self._parts[criterion.part])
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return ERROR_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or self._cell_tip(criterion, self._stored(row, column))
        return None

    def _cell_tip(self, column: CriterionColumn | None, value: Decimal | None) -> str:
        if column is None:
            return self.tr("Completion time as min:s (12:34) or seconds, used to break ties")
        c = column.criterion
        if c.kind is CriterionKind.MEASUREMENT:
            tip = self.tr("Measured value, shared by all judges")
            if value is not None:
                tip += "\n" + self.tr("Worth {points} of {max} points").format(
                    points=show_decimal(c.points(value)), max=show_decimal(c.max_points)
                )
            return tip
        if c.kind is CriterionKind.DEDUCTION:
            return self.tr("Penalty points 0–{max} (step {step}), shared by all judges").format(
                max=show_decimal(c.max_points), step=show_decimal(c.step)
            )
        return self.tr("Your mark 0–{max} (step {step})").format(
            max=show_decimal(c.max_points), step=show_decimal(c.step)
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self.sheet is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._loaded:
                entry = self._entries[section]
                return entry.code or entry.label
            return None
        if not 0 <= section < self.columnCount():
            return None
        criterion = self.criterion_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == UNIT_COLUMN:
                return self.tr("Unit")
            if criterion is None:
                return self.tr("Time (min:s)")
            c = criterion.criterion
            text = f"{c.code} {c.name} ({show_decimal(c.max_points)})"
            return f"{text} {SHARED_MARK}" if c.objective else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _HEADER_ALIGN
        if role == Qt.ItemDataRole.ToolTipRole and criterion is not None:
            kinds = {
                CriterionKind.JUDGEMENT: self.tr("Judgement: every judge gives a mark"),
                CriterionKind.MEASUREMENT: self.tr(
                    "Measurement: one value entered once, shared by all judges"
                ),
                CriterionKind.DEDUCTION: self.tr(
                    "Deduction: penalty points entered once, shared by all judges"
                ),
            }
            kind = criterion.criterion.kind
            return f"{criterion.part}\n{kinds[kind]}" if kind else criterion.part
        return None

    # Writing -------------------------------------------------------------------

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        """Save a typed value; False (and ``refused``) when the service refuses it."""
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
            or self.sheet is None
        ):
            return False
        row, column = index.row(), index.column()
        text = "" if value is None else str(value).strip()
        key = self._key(row, column)
        entry_id, code = key
        before = self._show(key, self._stored(row, column))
        if text == before and key not in self._errors and key not in self._pending:
            return True  # nothing changed: no write, no audit row
        sheet = self.sheet
        op = uuid4().hex  # this value's id in every attempt: saved once however often sent
        retries = self.retries()
        if retries is not None and retries.waiting:  # joins the values waiting, in order
            self._hold(retries, key, text, op, before, retries.server)
            return True
        outcome = self._saved_off_thread(entry_id, code, text, op)
        if outcome is None or self.sheet is not sheet:
            return False  # cancelled (not offered for a save), or another sheet came meanwhile
        kept, stored = outcome
        if not kept and isinstance(stored, ServerUnavailable) and retries is not None:
            self._hold(retries, key, text, op, before, stored.server)
            return True
        if not kept:
            assert isinstance(stored, UserError)
            self._errors[key] = stored.message()
            self.dataChanged.emit(index, index)
            self.refused.emit(row, column, self._errors[key])
            return False
        assert not isinstance(stored, UserError)
        self._pending.pop(key, None)
        self._kept(key, stored, before)
        return True

    def _kept(self, key: tuple[int, str], stored: Decimal | None, before: str) -> None:
        """``stored`` is now the cell's value in the database: show it and say so."""
        entry_id, code = key
        self._errors.pop(key, None)
        self._remember(entry_id, code, stored)
        index = self.index_of(entry_id, code)
        if index.isValid():
            self.dataChanged.emit(index, index)
        self.saved.emit(entry_id)
        after = self._show(key, stored)
        if after != before:
            self.changed.emit(entry_id, code, before, after)

    # Waiting for the server ----------------------------------------------------

    def _hold(
        self, retries: Reconnect, key: tuple[int, str], text: str, op: str, before: str,
        server: str,
    ) -> None:  # fmt: skip
        """Keep ``text`` in its cell, marked unsaved, and queue its save to send again."""
        sheet = _sheet_of(self.sheet)
        entry_id, code = key
        self._pending[key] = (text, op)
        self._errors.pop(key, None)
        retries.hold(
            Held(
                (sheet, key),
                lambda: self._save(entry_id, code, text, op),
                lambda stored: self._retried(sheet, key, op, before, stored),
                lambda error: self._retry_refused(sheet, key, op, error),
            ),
            server,
        )
        index = self.index_of(entry_id, code)
        if index.isValid():
            self.dataChanged.emit(index, index)
            self.held.emit(index.row(), index.column(), kept_sentence(retries.server))

    def _retried(
        self, sheet: object, key: tuple[int, str], op: str, before: str, stored: Any
    ) -> None:
        """A held value's commit answered: saved (once, by its op id)."""
        if sheet != _sheet_of(self.sheet):
            return  # another sheet is shown: this one reads the value when opened again
        current = self._pending.get(key)
        if current is not None and current[1] != op:
            self._remember(*key, stored)  # a later value of the cell still waits
            return
        self._pending.pop(key, None)
        self._kept(key, stored, before)

    def _retry_refused(
        self, sheet: object, key: tuple[int, str], op: str, error: UserError
    ) -> None:
        """A held value refused once sent (the round was locked meanwhile): marked, said."""
        current = self._pending.get(key)
        if sheet != _sheet_of(self.sheet) or current is None or current[1] != op:
            return
        self._pending.pop(key)
        self._errors[key] = error.message()
        index = self.index_of(*key)
        if index.isValid():
            self.dataChanged.emit(index, index)
            self.refused.emit(index.row(), index.column(), self._errors[key])

    def pending_count(self) -> int:
        """How many typed values of this sheet wait for the server."""
        return len(self._pending)

    def index_of(self, entry_id: int, code: str) -> QModelIndex:
        """The cell of ``entry_id`` and ``code`` (loading its row), or an invalid index."""
        sheet = self.sheet
        if sheet is None:
            return QModelIndex()
        row = next((n for n, e in enumerate(self._entries) if e.id == entry_id), None)
        codes = [c.code for c in self._columns]
        if row is None or (code != TIME_KEY and code not in codes) or not self.ensure_row(row):
            return QModelIndex()
        column = self.time_column if code == TIME_KEY else codes.index(code) + 1
        return self.index(row, column)

    def _saved_off_thread(
        self, entry_id: int, code: str, text: str, op: str
    ) -> tuple[bool, Decimal | UserError | None] | None:
        """(True, stored value) or (False, the refusal): a refusal is not a message box
        here but a mark on the cell, so the work hands it back instead of raising it."""

        def work() -> tuple[bool, Decimal | UserError | None]:
            try:
                return True, self._save(entry_id, code, text, op)
            except UserError as error:
                return False, error

        parent = self.parent()
        # The server's absence is the cell's to keep (the window's queue), not the runner's.
        widget = parent if isinstance(parent, QWidget) else None
        return operations.run(widget, work, wait_for_server=False)

    def _save(self, entry_id: int, code: str, text: str, op: str) -> Decimal | None:
        if code == TIME_KEY:  # a time is set, not added: sent twice, it is stored once
            if self._write_time is None:
                return None
            return self._write_time(entry_id, text)
        if self._write is None:
            return None
        if self._takes_op:
            return self._write(entry_id, code, text, op=op)
        return self._write(entry_id, code, text)

    def _remember(self, entry_id: int, code: str, stored: Decimal | None) -> None:
        self._shown.pop((entry_id, code), None)
        if code == TIME_KEY:
            if stored is None:
                self._times.pop(entry_id, None)
            else:
                self._times[entry_id] = stored
            return
        had = (entry_id, code) in self._values
        if stored is None:
            self._values.pop((entry_id, code), None)
        else:
            self._values[(entry_id, code)] = stored
        if code in self._counted:
            self._filled += (stored is not None) - had

    def error_at(self, row: int, column: int) -> str | None:
        """Why the last value typed into this cell was refused, if it was."""
        if column == UNIT_COLUMN or not 0 <= row < self._loaded:
            return None
        return self._errors.get(self._key(row, column))


def _sheet_of(sheet: ScoreSheet | None) -> tuple[int, int | None, int] | None:
    """Which sheet: a sheet read again is the same one."""
    return None if sheet is None else (sheet.event_id, sheet.round_number, sheet.judge_id)


def _takes_op(write: Callable[..., Any]) -> bool:
    try:
        return "op" in inspect.signature(write).parameters
    except (TypeError, ValueError):
        return False
