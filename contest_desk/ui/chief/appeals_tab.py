"""Appeals (申诉) on the chief judge's desk: record one as handed in, record the ruling.
Every service call goes through the operations runner (``attempt``), off the window's thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.records.contests import EntryInfo
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.ask import ask_choice
from contest_desk.ui.contests.models import Column, RecordTableModel
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.tables import TableView

Choice = Callable[[], tuple[int | None, int | None]]  # (event id, round number)


class AppealsTab(QWidget):
    def __init__(self, services: Services, choice: Choice, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.choice = services, choice
        self.labels: dict[int, str] = {}
        outcomes = {"upheld": self.tr("Upheld"), "rejected": self.tr("Rejected")}
        self.appeals = RecordTableModel(
            [
                Column(self.tr("Filed at"), lambda a: a.filed_at.strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("Entry"), lambda a: self.labels.get(a.entry_id, "")),
                Column(self.tr("Filed by"), lambda a: a.filed_by),
                Column(self.tr("Reason"), lambda a: a.reason),
                Column(self.tr("Outcome"), lambda a: outcomes.get(a.outcome or "", "")),
                Column(self.tr("Decision"), lambda a: a.decision),
            ]
        )
        self.view = TableView(
            self.tr(
                "No appeals yet. When an entrant or their unit appeals, record it here with "
                "Record an appeal…."
            )
        )
        self.view.setModel(self.appeals)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.file_button = QPushButton(self.tr("Record an appeal…"))
        self.decide_button = QPushButton(self.tr("Record the ruling…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.decide_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.file_button.clicked.connect(self.file)
        self.decide_button.clicked.connect(self.decide)

    def refresh(self) -> None:
        event_id, _number = self.choice()
        if event_id is None:
            return
        roster, appeals = self.services.roster, self.services.appeals
        read = operations.run(self, lambda: (roster.entries(event_id), appeals.appeals(event_id)))
        if read is None:
            return
        entries, filed = read
        self.labels = {e.id: e.code or e.label for e in entries}
        self.appeals.set_records(filed)

    def file(self) -> None:
        event_id, number = self.choice()
        if event_id is None:
            return
        roster = self.services.roster
        entries: list[EntryInfo] | None = operations.run(self, lambda: roster.entries(event_id))
        if entries is None:
            return
        names = [f"{e.code or ''} {e.label}".strip() for e in entries]
        picked = ask_choice(self, self.tr("Record an appeal"), self.tr("Entry:"), names)
        who = sheet_bar.ask_text(self, self.tr("Record an appeal"), self.tr("Filed by:"))
        why = sheet_bar.ask_text(self, self.tr("Record an appeal"), self.tr("Grounds:"))
        if picked is None or who is None or why is None:
            return
        entry_id, appeals = entries[picked].id, self.services.appeals
        if operations.run(self, lambda: appeals.file(entry_id, number, who, why)) is not None:
            self.refresh()

    def decide(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        appeal = self.appeals.record(index.row())
        options = [self.tr("Upheld"), self.tr("Rejected")]
        picked = ask_choice(self, self.tr("Record the ruling"), self.tr("Ruling:"), options)
        text = sheet_bar.ask_text(self, self.tr("Record the ruling"), self.tr("Decision:"))
        if picked is None or text is None:
            return
        outcome, appeals = ("upheld", "rejected")[picked], self.services.appeals
        if operations.run(self, lambda: appeals.decide(appeal.id, outcome, text)) is not None:
            self.refresh()
