"""Judges (裁判) of the chosen contest, and the panel of the chosen event."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import CONTESTS, JUDGES
from contest_desk.domain.plain_names import judge_labels
from contest_desk.domain.records.contests import EventInfo, JudgeInfo
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.contests.common import unit_combo
from contest_desk.ui.contests.conflicts_box import ConflictsBox
from contest_desk.ui.contests.models import Column, RecordTableModel
from contest_desk.ui.contests.navigator import list_view, selected_id
from contest_desk.ui.live import follow_setup
from contest_desk.ui.state import AppState


def button_row(button: QPushButton, before: int = 0, after: int = 0) -> QHBoxLayout:
    """A row with ``button`` and stretch of the given factors before and after it."""
    row = QHBoxLayout()
    if before:
        row.addStretch(before)
    row.addWidget(button)
    if after:
        row.addStretch(after)
    return row


class JudgesTab(QWidget):
    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.current: EventInfo | None = None
        self.judges = RecordTableModel(
            [
                Column(self.tr("User name"), lambda j: j.username),
                Column(self.tr("Name"), lambda j: j.name),
                Column(self.tr("Unit"), lambda j: j.unit),
                Column(self.tr("Trainee"), lambda j: "✓" if j.trainee else ""),
                Column(self.tr("On this event's panel"), self._on_panel_text),
            ]
        )
        self.judge_view = list_view(
            self.judges,
            stretch=2,
            placeholder=self.tr(
                "No judges in this contest yet. Fill in the form below and press Add judge."
            ),
        )
        # The panel names people as the pickers do: by name, with the unit beside it (the
        # account name is for logging in, kept in the contest's list on the left).
        self._panel_labels: dict[int, str] = {}
        self.panel = RecordTableModel(
            [
                Column(self.tr("Name"), lambda j: self._panel_labels.get(j.id, j.name)),
                Column(self.tr("Unit"), lambda j: j.unit),
            ]
        )
        self.panel_view = list_view(
            self.panel,
            stretch=0,
            placeholder=self.tr(
                "Nobody on this event's panel yet. Choose judges on the left and press Assign to "
                "event →."
            ),
        )

        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.unit_box = unit_combo([])
        # A short text, the rule in the tooltip: the whole sentence made the tab too wide.
        self.trainee_check = QCheckBox(self.tr("Trainee judge"))
        self.trainee_check.setToolTip(self.tr("Trainee (marks kept, never counted)"))
        self.add_button = QPushButton(self.tr("Add judge"))
        self.add_button.clicked.connect(self.add_from_form)
        self.assign_button = QPushButton(self.tr("Assign to event →"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.unassign_button = QPushButton(self.tr("← Take off the panel"))
        self.unassign_button.clicked.connect(self.unassign_selected)
        self.panel_label = QLabel()
        self.panel_label.setWordWrap(True)

        # Each panel button under the table it acts from, not in a column between the two
        # boxes: the column put the tab past a 1280-px window at a 14-pt font.
        judges_box = QGroupBox(self.tr("Judges of the contest"))
        left = QVBoxLayout(judges_box)
        left.addWidget(self.judge_view, 1)
        left.addLayout(button_row(self.assign_button, before=1))
        self.add_form = form = QFormLayout()  # hidden, as its button, from who may not add
        form.addRow(self.tr("User name:"), self.username_edit)
        form.addRow(self.tr("Full name:"), self.name_edit)
        form.addRow(self.tr("Unit:"), self.unit_box)
        form.addRow("", self.trainee_check)
        left.addLayout(form)
        left.addLayout(button_row(self.add_button, before=1))

        self.panel_box = QGroupBox(self.tr("Panel of the event"))
        right = QVBoxLayout(self.panel_box)
        right.addWidget(self.panel_view, 1)
        right.addLayout(button_row(self.unassign_button, after=1))
        right.addWidget(self.panel_label)
        self.conflicts_box = ConflictsBox(services, lambda: selected_id(self.judge_view))
        right.addWidget(self.conflicts_box, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(judges_box, 3)
        layout.addWidget(self.panel_box, 2)

        state.contest_changed.connect(lambda _id: self.reload())
        state.event_changed.connect(lambda _id: self.reload())
        follow_setup(self, state, self.reload, CONTESTS, JUDGES)
        self.reload()

    def _on_panel_text(self, judge: JudgeInfo) -> str:
        return "✓" if self.current is not None and self.current.id in judge.events else ""

    def reload(self) -> None:
        contest_id, event_id = self.state.contest_id, self.state.event_id
        self.current = None
        if event_id is not None:
            self.current = operations.run(self, lambda: self.services.contests.event(event_id))
        judges: list[JudgeInfo] = []
        panel: list[JudgeInfo] = []
        if contest_id is not None:
            found = operations.run(self, lambda: self.services.roster.judges(contest_id))
            judges = found or []
        if self.current is not None:
            current_id = self.current.id
            found = operations.run(self, lambda: self.services.roster.panel(current_id))
            panel = found or []
        keep = selected_id(self.judge_view)
        self.judges.set_records(judges)
        if keep is not None and (row := self.judges.row_of(keep)) is not None:
            self.judge_view.selectRow(row)
        self._panel_labels = judge_labels(panel)
        self.panel.set_records(panel)
        self._reload_units()
        self.conflicts_box.show_event(self.current.id if self.current else None, contest_id)

        has_contest = contest_id is not None
        for widget in (self.add_button, self.username_edit, self.name_edit, self.unit_box):
            widget.setEnabled(has_contest)
        self.assign_button.setEnabled(self.current is not None)
        self.unassign_button.setEnabled(self.current is not None)
        if self.current is None:
            self.panel_box.setTitle(self.tr("Panel of the event"))
            self.panel_label.setText(self.tr("Choose an event to see and set its panel."))
        else:
            self.panel_box.setTitle(self.tr("Panel of {event}").format(event=self.current.name))
            self.panel_label.setText(
                self.tr(
                    "{count} judge(s) on the panel; the event asks for {wanted} per entry."
                ).format(count=len(panel), wanted=self.current.settings.judges_per_entry)
            )

    def _reload_units(self) -> None:
        units = operations.run(self, lambda: self.services.roster.units())
        text = self.unit_box.currentText()
        self.unit_box.clear()
        self.unit_box.addItem("")
        for path in sorted(u.path for u in units or []):
            self.unit_box.addItem(path)
        self.unit_box.setEditText(text)

    def add_from_form(self) -> JudgeInfo | None:
        return self.add_judge(
            self.username_edit.text(),
            self.name_edit.text(),
            self.unit_box.currentText(),
            self.trainee_check.isChecked(),
        )

    def add_judge(
        self, username: str, name: str, unit_path: str = "", trainee: bool = False
    ) -> JudgeInfo | None:
        contest_id = self.state.contest_id
        if contest_id is None:
            return None
        roster = self.services.roster
        judge = operations.run(
            self,
            lambda: roster.add_judge(contest_id, username, name, unit_path.strip(), trainee),
        )
        if judge is None:
            return None
        self.username_edit.clear()
        self.name_edit.clear()
        self.trainee_check.setChecked(False)
        self.unit_box.setEditText("")
        self.state.setup_changed.emit()
        row = self.judges.row_of(judge.id)
        if row is not None:
            self.judge_view.selectRow(row)
        return judge

    def assign_selected(self) -> bool:
        return self._panel_change(self.services.roster.assign_judge)

    def unassign_selected(self) -> bool:
        judge_id = selected_id(self.panel_view) or selected_id(self.judge_view)
        return self._panel_change(self.services.roster.unassign_judge, judge_id)

    def _panel_change(
        self, change: Callable[[int, int], None], judge_id: int | None = None
    ) -> bool:
        judge_id = judge_id if judge_id is not None else selected_id(self.judge_view)
        if judge_id is None or self.current is None:
            return False
        event_id = self.current.id
        ok = operations.done(self, lambda: change(judge_id, event_id))
        if ok:
            self.state.setup_changed.emit()
        return ok
