"""Conflicts of interest (回避) of the chosen event, in the Judges tab: the unit rule's and
the declared ones, with their overrides; declare one, or override one with a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.records.contests import ConflictInfo
from contest_desk.services.hub import Services
from contest_desk.ui import ask, operations
from contest_desk.ui.contests.models import Column, RecordTableModel
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.tables import TableView


class ConflictsBox(QGroupBox):
    def __init__(
        self,
        services: Services,
        chosen_judge: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Conflicts of interest"), parent)
        self.services, self.chosen_judge = services, chosen_judge
        self.event_id: int | None = None
        self.judge_names: dict[int, str] = {}
        self.entry_labels: dict[int, str] = {}
        kinds = {"unit": self.tr("Same unit"), "declared": self.tr("Declared")}
        self.conflicts = RecordTableModel(
            [
                Column(self.tr("Judge"), lambda c: self.judge_names.get(c.judge_id, "")),
                Column(self.tr("Entry"), lambda c: self.entry_labels.get(c.entry_id, "")),
                Column(
                    self.tr("Kind"), lambda c: kinds[c.kind] + (f"（{c.note}）" if c.note else "")
                ),
                Column(self.tr("Overridden"), lambda c: c.override or ""),
            ]
        )
        self.view = TableView(
            self.tr(
                "No conflicts of interest declared. When a judge may not mark an entry (a "
                "relative, a pupil…), choose the judge and press Declare for the chosen judge…."
            )
        )
        self.view.setModel(self.conflicts)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.declare_button = QPushButton(self.tr("Declare for the chosen judge…"))
        self.override_button = QPushButton(self.tr("Override…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.declare_button)
        buttons.addWidget(self.override_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.declare_button.clicked.connect(self.declare)
        self.override_button.clicked.connect(self.override)

    def show_event(self, event_id: int | None, contest_id: int | None) -> None:
        self.event_id = event_id
        rows: list[ConflictInfo] = []
        if event_id is not None and contest_id is not None:
            roster, assignments = self.services.roster, self.services.assignments
            found = operations.run(
                self,
                lambda: (
                    roster.judges(contest_id),
                    roster.entries(event_id),
                    assignments.conflicts(event_id),
                ),
            )
            if found is not None:
                judges, entries, rows = found
                self.judge_names = {j.id: j.name for j in judges}
                self.entry_labels = {e.id: e.label for e in entries}
        self.conflicts.set_records(rows)
        for button in (self.declare_button, self.override_button):
            button.setEnabled(event_id is not None)

    def declare(self) -> None:
        judge_id = self.chosen_judge()
        if self.event_id is None or judge_id is None:
            return
        event_id = self.event_id
        found = operations.run(self, lambda: self.services.roster.entries(event_id))
        if found is None:
            return
        entries = [e for e in found if e.person_id]
        labels = [f"{e.label}（{e.unit}）" for e in entries]
        picked = ask.ask_choice(self, self.tr("Declare a conflict"), self.tr("With:"), labels)
        note = sheet_bar.ask_text(self, self.tr("Declare a conflict"), self.tr("What is it:"))
        if picked is None or note is None:
            return
        person = entries[picked].person_id
        assert person is not None
        if operations.done(
            self, lambda: self.services.assignments.declare_conflict(judge_id, person, note)
        ):
            self.refresh()

    def override(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        conflict = self.conflicts.record(index.row())
        reason = sheet_bar.ask_text(
            self, self.tr("Override"), self.tr("Reason (kept on the record):")
        )
        if reason is None:
            return
        assignments = self.services.assignments
        if operations.done(
            self,
            lambda: assignments.override_conflict(conflict.judge_id, conflict.entry_id, reason),
        ):
            self.refresh()

    def refresh(self) -> None:
        event_id = self.event_id
        if event_id is not None:
            found = operations.run(self, lambda: self.services.assignments.conflicts(event_id))
            self.conflicts.set_records(found or [])
