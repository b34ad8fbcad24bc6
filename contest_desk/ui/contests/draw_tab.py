"""The Draw tab (抽签): codes, order and workstations of a round, from a recorded seed.

An empty seed asks the services for a fresh one; the seed shown afterwards is the one on
the record, with which anyone can re-run the draw. The second coding (二次加密) is the
services' to refuse when the same person tries it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import CONTESTS, DRAWS, ROSTER
from contest_desk.domain.plain_names import actor_name
from contest_desk.domain.records.contests import DrawInfo
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.contests.models import Column, RecordTableModel
from contest_desk.ui.live import follow_setup
from contest_desk.ui.operations import run_inline
from contest_desk.ui.state import AppState
from contest_desk.ui.tables import TableView


class DrawTab(QWidget):
    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.names: dict[str, str] = {}  # who drew: account name → the person's name
        self.round_box = QComboBox()
        self.seed_edit = QLineEdit()
        self.seed_edit.setPlaceholderText(self.tr("empty: a fresh seed"))
        self.prefix_edit = QLineEdit("A")
        self.prefix_edit.setMaximumWidth(60)
        self.stations_edit = QLineEdit()
        self.stations_edit.setPlaceholderText(self.tr("e.g. station 1, station 2 (optional)"))
        self.draw_button = QPushButton(self.tr("Draw"))
        self.recode_button = QPushButton(self.tr("Second coding"))
        self.draw_all_button = QPushButton(self.tr("Draw every event"))
        self.draw_all_button.setToolTip(
            self.tr("The first round of every event of the contest that has entries and no draw")
        )
        self.summary = QLabel()
        self.drawn = RecordTableModel(
            [
                Column(self.tr("Order"), lambda d: d.position),
                Column(self.tr("Code"), lambda d: " → ".join(d.codes)),
                Column(self.tr("Workstation"), lambda d: d.workstation or ""),
                Column(self.tr("Name"), lambda d: d.entry.label),
                Column(self.tr("Unit"), lambda d: d.entry.unit),
            ]
        )
        view = TableView(
            self.tr(
                "Not drawn yet. Choose the round and press Draw (or Draw every event): each "
                "entry's code appears here."
            )
        )
        view.setModel(self.drawn)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)

        form = QFormLayout()
        form.addRow(self.tr("Round"), self.round_box)
        form.addRow(self.tr("Seed"), self.seed_edit)
        form.addRow(self.tr("Code prefix"), self.prefix_edit)
        form.addRow(self.tr("Workstations"), self.stations_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draw_button)
        buttons.addWidget(self.recode_button)
        buttons.addStretch(1)
        buttons.addWidget(self.draw_all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(view, 1)

        self.draw_button.clicked.connect(self.draw)
        self.recode_button.clicked.connect(self.recode)
        self.draw_all_button.clicked.connect(self.draw_all)
        state.contest_changed.connect(lambda _id: self._enable_all())
        self.round_box.currentIndexChanged.connect(lambda _i: self.show_draw())
        state.event_changed.connect(lambda _id: self.reload())
        follow_setup(self, state, self.reload, CONTESTS, DRAWS, ROSTER)
        self.reload()

    def reload(self) -> None:
        self.round_box.blockSignals(True)
        self.round_box.clear()
        event_id = self.state.event_id
        event = None
        if event_id is not None:
            event = operations.run(self, lambda: self.services.contests.event(event_id))
        for rnd in event.rounds if event is not None else ():
            self.round_box.addItem(rnd.name, rnd.number)
        self.round_box.blockSignals(False)
        self.show_draw()

    def show_draw(self) -> None:
        event_id, number = self.state.event_id, self.round_box.currentData()
        info = None
        if event_id is not None and number is not None:
            draws, users = self.services.draws, self.services.users

            def read() -> tuple[DrawInfo, dict[str, str]]:
                drawn = draws.draw(event_id, number)
                return drawn, users.names({drawn.drawn_by})

            # Shown as the tab refreshes, so a problem goes in the summary line, not a pop-up.
            found = run_inline(self, read)
            if isinstance(found, UserError):
                self.summary.setText(found.message())
            elif found is not None:
                info, self.names = found
        self._show(info)

    def _show(self, info: DrawInfo | None) -> None:
        self.drawn.set_records(info.entries if info else [])
        if info is not None:
            self.summary.setText(
                self.tr("Layer {layer}, seed {seed}, drawn by {user}").format(
                    layer=info.layer, seed=info.seed, user=actor_name(info.drawn_by, self.names)
                )
            )
        self.draw_button.setEnabled(info is None and self.state.event_id is not None)
        self.recode_button.setEnabled(info is not None and info.layer == 1)
        self._enable_all()

    def _enable_all(self) -> None:
        self.draw_all_button.setEnabled(self.state.contest_id is not None)

    def draw(self) -> None:
        event_id, number = self.state.event_id, self.round_box.currentData()
        if event_id is None:
            return
        stations = [s.strip() for s in self.stations_edit.text().replace("，", ",").split(",")]
        seed = self.seed_edit.text().strip() or None
        draws = self.services.draws
        info = operations.run(
            self,
            lambda: draws.run(event_id, number, seed, self.prefix_edit.text(), stations),
        )
        if info is not None:
            self.state.setup_changed.emit()  # reloads this tab, the drawer named

    def draw_all(self) -> list[str] | None:
        """抽签 for the whole contest at once (each event's first round, its own seed)."""
        contest_id = self.state.contest_id
        if contest_id is None:
            return None
        draws, prefix = self.services.draws, self.prefix_edit.text()
        drawn = operations.run(self, lambda: draws.run_contest(contest_id, prefix))
        if drawn is not None:
            self.state.setup_changed.emit()  # reloads this tab too
            self.summary.setText(self.tr("Drawn: {events}").format(events="、".join(drawn)))
        return drawn

    def recode(self) -> None:
        event_id, number = self.state.event_id, self.round_box.currentData()
        if event_id is None:
            return
        seed = self.seed_edit.text().strip() or None
        draws = self.services.draws
        info = operations.run(self, lambda: draws.recode(event_id, number, seed, "B"))
        if info is not None:
            self.show_draw()  # read again with the drawer's name
