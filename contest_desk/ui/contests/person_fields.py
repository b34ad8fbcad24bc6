"""A person's five fields, as both the roster's forms ask them (添加人员 and 编辑人员)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

from contest_desk.domain.records.contests import UnitInfo
from contest_desk.ui.contests.common import unit_combo

Values = tuple[str, str, str, str, str]  # employee no., name, unit path, job type, level


class PersonForm(QDialog):
    """A dialog that asks a person's employee no., name, unit, job type and skill level;
    the dialog places the rows among its own (``add_person_fields``)."""

    def add_person_fields(self, form: QFormLayout, units: list[UnitInfo]) -> None:
        self.employee_no = QLineEdit()
        self.name = QLineEdit()
        self.unit = unit_combo(units)
        self.job_type = QLineEdit()
        self.skill_level = QLineEdit()
        form.addRow(self.tr("Employee no.:"), self.employee_no)
        form.addRow(self.tr("Full name:"), self.name)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Job type:"), self.job_type)
        form.addRow(self.tr("Skill level:"), self.skill_level)

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
