"""Entries (参赛单元) of the chosen event: persons or teams in, unscored entries out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contest_desk.domain.change_kinds import CONTESTS, DRAWS, ROSTER
from contest_desk.domain.contest import EventMode
from contest_desk.domain.records.contests import EntryInfo, EventInfo
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.contests.labels import mode_names
from contest_desk.ui.contests.models import Column, RecordTableModel
from contest_desk.ui.contests.navigator import list_view, selected_id
from contest_desk.ui.contests.pickers import EntryPicker
from contest_desk.ui.live import follow_setup
from contest_desk.ui.state import AppState


class EntriesTab(QWidget):
    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.current: EventInfo | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.entries = RecordTableModel(
            [
                Column(self.tr("Name / team"), lambda e: e.label),
                Column(self.tr("Unit"), lambda e: e.unit),
                Column(self.tr("Employee no. / team"), lambda e: e.key),
                Column(self.tr("Entry code"), lambda e: e.code or ""),
            ]
        )
        self.view = list_view(
            self.entries,
            stretch=1,
            placeholder=self.tr(
                "Nobody is entered in this event yet. Add entrants from the persons with the "
                "button above."
            ),
        )
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_dialog)
        self.remove_button = QPushButton(self.tr("Remove entry"))
        self.remove_button.setToolTip(self.tr("Only an entry without scores can be removed"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

        state.event_changed.connect(lambda _id: self.reload())
        follow_setup(self, state, self.reload, CONTESTS, DRAWS, ROSTER)
        self.reload()

    @property
    def team_event(self) -> bool:
        return self.current is not None and self.current.mode is EventMode.TEAM

    def reload(self) -> None:
        self.current = None
        entries: list[EntryInfo] = []
        event_id = self.state.event_id
        if event_id is not None:
            self.current = operations.run(self, lambda: self.services.contests.event(event_id))
            if self.current is not None:
                found = operations.run(self, lambda: self.services.roster.entries(event_id))
                entries = found or []
        keep = selected_id(self.view)
        self.entries.set_records(entries)
        if keep is not None and (row := self.entries.row_of(keep)) is not None:
            self.view.selectRow(row)
        if self.current is None:
            self.title.setText(self.tr("Choose an event to see its entries."))
        else:
            mode = mode_names()[self.current.mode]
            self.title.setText(
                self.tr("Entries of {event} ({mode})").format(event=self.current.name, mode=mode)
            )
        self.add_button.setText(
            self.tr("Add team…") if self.team_event else self.tr("Add persons…")
        )
        self.add_button.setEnabled(self.current is not None)
        self.remove_button.setEnabled(self.current is not None)
        self.count_label.setText(self.tr("{count} entry(ies)").format(count=len(entries)))

    # Adding --------------------------------------------------------------------

    def _add_dialog(self) -> None:
        if self.current is None:
            return
        roster = self.services.roster
        # A lambda, not the bound method: the runner gives a Progress to work that takes a
        # parameter, and persons() would take it for its search text.
        persons = operations.run(self, lambda: roster.persons())
        teams = None
        if self.team_event:
            contest_id = self.current.contest_id
            teams = operations.run(self, lambda: roster.teams(contest_id))
            entered = {e.team_id for e in self.entries.records()}
            teams = [t for t in teams or [] if t.id not in entered]
        else:
            entered = {e.person_id for e in self.entries.records()}
            persons = [p for p in persons or [] if p.id not in entered]
        picker = EntryPicker(persons or [], teams, self)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        if not self.team_event:
            self.add_persons(picker.chosen_person_ids())
        elif (team_id := picker.chosen_team_id()) is not None:
            self.add_existing_team(team_id)
        else:
            self.add_team(picker.team_name.text(), picker.chosen_person_ids())

    def add_persons(self, person_ids: Sequence[int]) -> list[EntryInfo]:
        """Enter persons one by one; the first refusal stops and is shown."""
        added = []
        if self.current is not None:
            event_id = self.current.id
            for person_id in person_ids:
                entry = self._enter(event_id, person_id=person_id)
                if entry is None:
                    break
                added.append(entry)
        self._changed(added)
        return added

    def add_team(self, name: str, member_ids: Sequence[int]) -> EntryInfo | None:
        """Make a team of the chosen persons and enter it."""
        if self.current is None:
            return None
        contest_id = self.current.contest_id
        team = operations.run(
            self, lambda: self.services.roster.add_team(contest_id, name, member_ids)
        )
        if team is None:
            return None
        return self.add_existing_team(team.id)

    def add_existing_team(self, team_id: int) -> EntryInfo | None:
        if self.current is None:
            return None
        entry = self._enter(self.current.id, team_id=team_id)
        self._changed([entry] if entry else [])
        return entry

    def _enter(
        self, event_id: int, person_id: int | None = None, team_id: int | None = None
    ) -> EntryInfo | None:
        roster = self.services.roster
        return operations.run(self, lambda: roster.add_entry(event_id, person_id, team_id))

    def _changed(self, added: list[EntryInfo]) -> None:
        if added:
            self.state.setup_changed.emit()  # reloads this tab too
            row = self.entries.row_of(added[-1].id)
            if row is not None:
                self.view.selectRow(row)

    # Removing ------------------------------------------------------------------

    def remove_selected(self) -> bool:
        """Withdraw the selected entry; an entry with scores is refused with the reason."""
        entry_id = selected_id(self.view)
        if entry_id is None:
            return False
        ok = operations.done(self, lambda: self.services.roster.remove_entry(entry_id))
        if ok:
            self.state.setup_changed.emit()
        return ok
