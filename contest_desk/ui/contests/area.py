"""The Contests area: the contest and event lists on the left, what to set up on the right."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QWidget

from contest_desk.domain.change_kinds import CONTESTS
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ContestInfo
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.contests.advance_tab import AdvanceTab
from contest_desk.ui.contests.contest_panel import ContestPanel
from contest_desk.ui.contests.copy_dialog import CopyContestDialog
from contest_desk.ui.contests.draw_tab import DrawTab
from contest_desk.ui.contests.entries_tab import EntriesTab
from contest_desk.ui.contests.event_editor import EventEditor
from contest_desk.ui.contests.judges_tab import JudgesTab
from contest_desk.ui.contests.navigator import Navigator
from contest_desk.ui.contests.roster_tab import RosterTab
from contest_desk.ui.contests.rubric_editor import RubricEditor
from contest_desk.ui.live import follow_setup
from contest_desk.ui.state import AppState


class ContestsArea(QWidget):
    """Where organizers set up contests; every change goes through the services."""

    # What the area and its tabs call (the main window gives it only these).
    USES = (
        "contests",
        "roster",
        "roster_import",
        "assignments",
        "draws",
        "rounds",
        "standings",
        "rubric_files",  # the rubric editor's Excel import and export
        "users",  # the draw tab names who drew
    )
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (("new", "navigator.new_contest_button"), ("save", "contest_panel.save_button"))

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.navigator = Navigator(services, state)
        self.contest_panel = ContestPanel(services, state)
        self.event_editor = EventEditor(services, state)
        self.rubric_editor = RubricEditor(services, state)
        self.roster_tab = RosterTab(services, state)
        self.entries_tab = EntriesTab(services, state)
        self.judges_tab = JudgesTab(services, state)
        self.draw_tab = DrawTab(services, state)
        self.advance_tab = AdvanceTab(services, state)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, title in (
            (self.contest_panel, self.tr("Contest details")),
            (self.event_editor, self.tr("Event settings")),
            (self.rubric_editor, self.tr("Rubric")),
            (self.roster_tab, self.tr("Persons")),
            (self.entries_tab, self.tr("Entries")),
            (self.judges_tab, self.tr("Judges")),
            (self.draw_tab, self.tr("Draw")),
            (self.advance_tab, self.tr("Advance")),
        ):
            self.tabs.addTab(widget, title)

        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        # Never narrower than its buttons need (a larger font makes them wider than 260).
        self.navigator.setMinimumWidth(max(260, self.navigator.minimumSizeHint().width()))
        splitter.setSizes([320, 900])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.hide_what_would_refuse()
        # A labor competition is set up in its own area: the skill-contest tabs go.
        self.skill_tabs = (
            self.event_editor,
            self.rubric_editor,
            self.entries_tab,
            self.judges_tab,
            self.draw_tab,
            self.advance_tab,
        )
        state.contest_changed.connect(lambda _id: self.show_tabs_for_kind())
        follow_setup(self, state, self.show_tabs_for_kind, CONTESTS)
        self.show_tabs_for_kind()

        self.navigator.new_contest_requested.connect(self.new_contest)
        self.navigator.copy_contest_requested.connect(self.copy_contest)
        self.navigator.new_event_requested.connect(self.new_event)
        # Until there is a contest, the only thing to do is to create one.
        if state.contest_id is None and not self.navigator.contests.records():
            self.tabs.setCurrentWidget(self.contest_panel)

    def hide_what_would_refuse(self) -> None:
        """Buttons (and the fields that feed them) whose service calls the actor's roles
        refuse are not shown: a chief judge meets no 新建竞赛 or 保存竞赛 that would only
        say no. The actions are the services' own (domain/permissions.py)."""
        nav, judges, rubric = self.navigator, self.judges_tab, self.rubric_editor
        guarded: dict[Action, list[QWidget]] = {
            Action.EDIT_SETUP: [
                nav.new_contest_button,
                nav.copy_contest_button,
                nav.new_event_button,
                # every button of the event editor changes it: save, and the parts', rounds',
                # tie-breaks' and awards' add, remove and move
                *self.event_editor.findChildren(QPushButton),
                rubric.save_button,
                rubric.revert_button,
                rubric.import_button,
                *rubric.buttons.values(),
                self.advance_tab.save_button,
            ],
            Action.EDIT_ROSTER: [
                self.roster_tab.add_button,
                self.roster_tab.template_button,
                self.roster_tab.import_button,
                self.entries_tab.add_button,
                self.entries_tab.remove_button,
                judges.add_button,
                judges.assign_button,
                judges.unassign_button,
                judges.conflicts_box.declare_button,
                judges.conflicts_box.override_button,
                self.draw_tab.draw_button,
                self.draw_tab.recode_button,
                self.draw_tab.draw_all_button,
            ],
            Action.SUPERVISE: [self.advance_tab.close_button],
        }
        actor = self.services.ctx.actor
        for action, widgets in guarded.items():
            if not actor.may(action):
                for widget in widgets:
                    widget.hide()
        if not actor.may(Action.EDIT_ROSTER):
            for field in (judges.username_edit, judges.name_edit, judges.unit_box):
                judges.add_form.setRowVisible(field, False)
            judges.add_form.setRowVisible(judges.trainee_check, False)

    def show_tabs_for_kind(self) -> None:
        contest_id = self.state.contest_id
        kind = next((c.kind for c in self.navigator.contests.records() if c.id == contest_id), None)
        skill = kind is not ContestKind.LABOR
        for widget in self.skill_tabs:
            self.tabs.setTabVisible(self.tabs.indexOf(widget), skill)
        self.navigator.events_box.setVisible(skill)

    def new_contest(self) -> None:
        self.state.choose_event(None)
        self.state.choose_contest(None)
        self.contest_panel.start_new()
        self.tabs.setCurrentWidget(self.contest_panel)
        self.contest_panel.name_edit.setFocus()

    def copy_contest(self) -> CopyContestDialog | None:
        """以此为模板新建竞赛: ask the name and dates (open, not exec: the window goes on
        painting, and a test fills the same dialog in); the new contest is chosen after."""
        source_id = self.state.contest_id
        if source_id is None:
            return None
        source = operations.run(self, lambda: self.services.contests.contest(source_id))
        if source is None:
            return None
        contests = self.services.contests

        def create(name: str, start: dt.date | None, end: dt.date | None) -> ContestInfo | None:
            return operations.run(
                dialog, lambda: contests.copy_contest(source_id, name, start, end)
            )

        dialog = CopyContestDialog(source, create, self)
        dialog.accepted.connect(lambda: self._copied(source, dialog.made))
        dialog.open()
        return dialog

    def _copied(self, source: ContestInfo, made: ContestInfo | None) -> None:
        if made is None:
            return
        self.state.choose_event(None)
        self.state.choose_contest(made.id)
        self.state.setup_changed.emit()
        # What comes next after a copy is this year's roster.
        self.tabs.setCurrentWidget(self.roster_tab)
        self.roster_tab.message.setText(
            self.tr(
                "{name} is set up like {source}. Next: import this year's roster "
                "(Import roster…), then draw (Draw tab)."
            ).format(name=made.name, source=source.name)
        )

    def new_event(self) -> None:
        self.state.choose_event(None)
        self.event_editor.start_new()
        self.tabs.setCurrentWidget(self.event_editor)
        self.event_editor.name_edit.setFocus()
