"""Editing one person of the roster, safe against a second desk saving the same person.

The dialog keeps the person as it read them. Saving hands that back; when another desk
saved the person meanwhile, the service refuses (StaleEdit, naming who changed which
field): the dialog says so, shows the stored values now, lists the person's own typed
values and offers to put them back (重新应用我的修改), so nothing is overwritten unseen
and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from contest_desk.domain.records.contests import PersonInfo, UnitInfo
from contest_desk.errors import StaleEdit, UserError
from contest_desk.ui import feedback, operations
from contest_desk.ui.contests.roster_tab import unit_combo

Values = tuple[str, str, str, str, str]  # employee no., name, unit path, job type, level
Save = Callable[[PersonInfo, Values], PersonInfo]


class EditPersonDialog(QDialog):
    def __init__(
        self,
        person: PersonInfo,
        units: list[UnitInfo],
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit person"))
        self.read = person  # what the form was filled from: handed back with the save
        self.saved: PersonInfo | None = None
        self.mine: Values | None = None  # the person's own values of a refused save
        self._save = save
        self.employee_no = QLineEdit()
        self.name = QLineEdit()
        self.unit = unit_combo(units)
        self.job_type = QLineEdit()
        self.skill_level = QLineEdit()
        self.notice = QLabel()  # why the values changed under the person's eyes
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.reapply_button = QPushButton(self.tr("Reapply my changes"))
        self.reapply_button.clicked.connect(self.reapply)
        self.reapply_button.hide()
        form = QFormLayout(self)
        form.addRow(self.notice)
        form.addRow(self.tr("Employee no.:"), self.employee_no)
        form.addRow(self.tr("Full name:"), self.name)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Job type:"), self.job_type)
        form.addRow(self.tr("Skill level:"), self.skill_level)
        form.addRow(self.reapply_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.show_values(self._values_of(person))

    @staticmethod
    def _values_of(person: PersonInfo) -> Values:
        return (person.employee_no, person.name, person.unit, person.job_type, person.skill_level)

    def values(self) -> Values:
        return (
            self.employee_no.text(),
            self.name.text(),
            self.unit.currentText(),
            self.job_type.text(),
            self.skill_level.text(),
        )

    def show_values(self, values: Values) -> None:
        employee_no, name, unit, job_type, skill_level = values
        self.employee_no.setText(employee_no)
        self.name.setText(name)
        self.unit.setCurrentText(unit)
        self.job_type.setText(job_type)
        self.skill_level.setText(skill_level)

    def save(self) -> bool:
        """Save; on a refusal the dialog stays open (a stale form: with the fresh values)."""
        read, typed = self.read, self.values()
        outcome = operations.run_inline(self, lambda: self._save(read, typed))
        if isinstance(outcome, StaleEdit):
            self.stale(outcome, typed)
            return False
        if isinstance(outcome, UserError):
            feedback.show_user_error(self, outcome)
            return False
        if outcome is None:
            return False
        self.saved = outcome
        self.accept()
        return True

    def stale(self, error: StaleEdit, typed: Values) -> None:
        """Someone else saved the person: say who and what, show what is stored now, and
        keep the person's own values, listed and ready to put back."""
        feedback.show_user_error(self, error)
        if isinstance(error.current, PersonInfo):
            self.read = error.current
            self.show_values(self._values_of(error.current))
        self.mine = typed
        labels = (
            self.tr("Employee no."),
            self.tr("Name"),
            self.tr("Unit"),
            self.tr("Job type"),
            self.tr("Skill level"),
        )
        listed = self.tr("; ").join(
            self.tr("{field}: {value}").format(field=label, value=value or "—")
            for label, value in zip(labels, typed, strict=True)
        )
        self.notice.setText(
            self.tr("{message}\nThe form now shows what is stored. Your values: {values}").format(
                message=error.message(), values=listed
            )
        )
        self.notice.show()
        self.reapply_button.show()

    def reapply(self) -> None:
        """Put the person's own values of the refused save back in the form, to save again
        over the fresh values now read."""
        if self.mine is not None:
            self.show_values(self.mine)
