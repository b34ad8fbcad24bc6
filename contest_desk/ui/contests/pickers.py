"""Choosing persons (and making or choosing a team) to enter into an event."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.records.contests import PersonInfo, TeamInfo
from contest_desk.ui.contests.models import ID_ROLE, RecordTableModel
from contest_desk.ui.contests.navigator import list_view
from contest_desk.ui.contests.roster_tab import person_columns


class EntryPicker(QDialog):
    """Persons to enter; for a team event, a new team of the chosen persons or an existing team.

    The dialog only collects the choice; the Entries tab makes the changes.
    """

    def __init__(
        self,
        persons: list[PersonInfo],
        teams: list[TeamInfo] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.team_mode = teams is not None
        self.setWindowTitle(self.tr("Add team") if self.team_mode else self.tr("Add persons"))
        self.resize(720, 520)
        self.all_persons = persons
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, employee no. or unit"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.model = RecordTableModel(person_columns(self.tr), batch=500)
        self.view = list_view(
            self.model, stretch=2, placeholder=self.tr("Nobody matches the search.")
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.team_box = QComboBox()
        self.team_name = QLineEdit()
        form = QFormLayout()
        if self.team_mode:
            self.team_box.addItem(self.tr("New team of the chosen persons"), None)
            for team in teams or []:
                members = "、".join(team.members)
                self.team_box.addItem(f"{team.name}（{members}）", team.id)
            self.team_box.currentIndexChanged.connect(self._team_changed)
            form.addRow(self.tr("Team:"), self.team_box)
            form.addRow(self.tr("New team's name:"), self.team_name)
        hint = QLabel(self.tr("Hold Ctrl or Shift to choose several persons."))
        hint.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._filter()

    def _filter(self) -> None:
        text = self.search.text().strip()
        self.model.set_records(
            [
                p
                for p in self.all_persons
                if not text or text in p.name or text in p.employee_no or text in p.unit
            ]
        )

    def _team_changed(self) -> None:
        new_team = self.team_box.currentData() is None
        self.team_name.setEnabled(new_team)
        self.view.setEnabled(new_team)

    def chosen_person_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.index(row, 0).data(ID_ROLE) for row in rows]

    def chosen_team_id(self) -> int | None:
        return self.team_box.currentData() if self.team_mode else None
