"""The Contests area: the contest and event lists on the left, what to set up on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QWidget

from contest_desk.services.hub import Services
from contest_desk.ui.contests.advance_tab import AdvanceTab
from contest_desk.ui.contests.contest_panel import ContestPanel
from contest_desk.ui.contests.draw_tab import DrawTab
from contest_desk.ui.contests.entries_tab import EntriesTab
from contest_desk.ui.contests.event_editor import EventEditor
from contest_desk.ui.contests.judges_tab import JudgesTab
from contest_desk.ui.contests.navigator import Navigator
from contest_desk.ui.contests.roster_tab import RosterTab
from contest_desk.ui.contests.rubric_editor import RubricEditor
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
    )

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
        self.navigator.setMinimumWidth(260)
        splitter.setSizes([320, 900])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.navigator.new_contest_requested.connect(self.new_contest)
        self.navigator.new_event_requested.connect(self.new_event)
        # Until there is a contest, the only thing to do is to create one.
        if state.contest_id is None and not self.navigator.contests.records():
            self.tabs.setCurrentWidget(self.contest_panel)

    def new_contest(self) -> None:
        self.state.choose_event(None)
        self.state.choose_contest(None)
        self.contest_panel.start_new()
        self.tabs.setCurrentWidget(self.contest_panel)
        self.contest_panel.name_edit.setFocus()

    def new_event(self) -> None:
        self.state.choose_event(None)
        self.event_editor.start_new()
        self.tabs.setCurrentWidget(self.event_editor)
        self.event_editor.name_edit.setFocus()
