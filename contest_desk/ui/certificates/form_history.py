"""Undo and redo inside the certificate template editor: the form as it was before.

The editor edits a copy that is saved as a whole, so its undo acts on the form: Ctrl+Z /
Ctrl+Y and the dialog's 撤销/重做 step through the changes of every field (paper,
sizes, the day, texts), a run of typing in one field being one step. A text field being
typed in keeps its own Ctrl+Z, as every text field does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from contest_desk.ui.undo import History, Step

Field = QLineEdit | QPlainTextEdit | QComboBox | QCheckBox | QDoubleSpinBox


def value_of(field: Field) -> Any:
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QComboBox):
        return field.currentIndex()
    if isinstance(field, QCheckBox):
        return field.isChecked()
    return field.value()


def show_value(field: Field, value: Any) -> None:
    if value_of(field) == value:
        return  # untouched: a text field keeps its own undo of what was typed
    with QSignalBlocker(field):
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(value)
        elif isinstance(field, QLineEdit):
            field.setText(value)
        elif isinstance(field, QComboBox):
            field.setCurrentIndex(value)
        elif isinstance(field, QCheckBox):
            field.setChecked(value)
        else:
            field.setValue(value)


def changed_signal(field: Field) -> Any:
    if isinstance(field, QLineEdit | QPlainTextEdit):
        return field.textChanged
    if isinstance(field, QComboBox):
        return field.currentIndexChanged
    if isinstance(field, QCheckBox):
        return field.toggled
    return field.valueChanged


class FormHistory:
    """The form's steps: each puts every field back as it was, then ``shown`` runs."""

    def __init__(
        self, dialog: QWidget, fields: Sequence[tuple[Field, str]], shown: Callable[[], None]
    ) -> None:
        self.fields, self.shown = fields, shown
        self.history = History(dialog)
        self.state = self.read()
        self.typing: tuple[int, Step] | None = None  # the field of the last step, while open
        for number, (field, _label) in enumerate(fields):
            changed_signal(field).connect(partial(self._changed, number))

    def read(self) -> tuple[Any, ...]:
        return tuple(value_of(field) for field, _label in self.fields)

    def _changed(self, number: int, *_args: Any) -> None:
        before, now = self.state, self.read()
        if now == before:
            return
        self.state = now
        stack = self.history.stack
        last = stack.command(stack.index() - 1) if stack.index() == stack.count() else None
        if self.typing is not None and self.typing == (number, last):
            self.typing[1].again = self._showing(now)  # the same run of typing goes on
            return
        self.history.done(self.fields[number][1], self._showing(before), self._showing(now))
        step = stack.command(stack.index() - 1)
        assert isinstance(step, Step)
        self.typing = (number, step)

    def _showing(self, values: tuple[Any, ...]) -> Callable[[], bool]:
        def show() -> bool:
            for (field, _label), value in zip(self.fields, values, strict=True):
                show_value(field, value)
            self.state, self.typing = values, None
            self.shown()
            return True

        return show
