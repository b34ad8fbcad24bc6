"""现场评分: the scoring hub on the venue's LAN, started and stopped from the window; its
addresses and a QR code of the first; the judges' tokens and cards (organizers).

The hub (web/server.py's HubServer) serves judges' phones and the hall's screen from this
process, which holds the database. Starting waits for the socket to listen, and stopping
for the server to end, so both run off the window's thread through the runner.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import CONTESTS
from contest_desk.domain.contest import ContestKind
from contest_desk.domain.permissions import Action
from contest_desk.services.hub import Services
from contest_desk.ui import operations
from contest_desk.ui.hall.window import open_hall_window
from contest_desk.ui.hub.qr import qr_pixmap
from contest_desk.ui.hub.tokens import TokensBox
from contest_desk.ui.live import follow_setup
from contest_desk.ui.state import AppState
from contest_desk.web.server import HubServer

DEFAULT_PORT = 8765


def server_hub(services: Services) -> Services:
    """The hub's own services: each request acts for its session's judge (``as_user``),
    so the server is given the whole set on this database, as ``contest-desk serve``
    builds it; the area itself keeps only what it declares."""
    return Services.build(services.ctx.db, services.ctx.actor)


class HubArea(QWidget):
    # contests: the contest for the cards; roster: its judges; judge_tokens: their tokens.
    # hall: the hall's window (ui/hall/window.py) and what the hall may see.
    USES = ("contests", "hall", "judge_tokens", "roster", "users")  # users: who issued a card

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.state = state
        self.server: HubServer | None = None
        self.addresses: list[str] = []

        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.start_button = QPushButton(self.tr("Start"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.hall_button = QPushButton(self.tr("Hall screen"))
        self.status = QLabel()
        self.address_label = QLabel()
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label.setWordWrap(True)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(220, 220)
        firewall = QLabel()
        firewall.setWordWrap(True)
        firewall.setStyleSheet("color: #555;")
        self.firewall_label = firewall

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Port")))
        controls.addWidget(self.port_spin)
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        controls.addStretch(1)
        controls.addWidget(self.hall_button)
        hub_box = QGroupBox(self.tr("Scoring hub"))
        hub_layout = QVBoxLayout(hub_box)
        hub_layout.addLayout(controls)
        hub_layout.addWidget(self.status)
        hub_layout.addWidget(self.qr_label)
        hub_layout.addWidget(self.address_label)
        hub_layout.addStretch(1)
        hub_layout.addWidget(firewall)

        self.contest_box = QComboBox()
        self.contest_box.setMinimumWidth(240)
        self.tokens = TokensBox(services, self._contest, self.base)
        right = QVBoxLayout()
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Contest")))
        picker.addWidget(self.contest_box, 1)
        right.addLayout(picker)
        right.addWidget(self.tokens, 1)
        self.token_side = QWidget()
        self.token_side.setLayout(right)
        # Only organizers keep the judges and their tokens: for anyone else the box would
        # only show refusals.
        self.organizer = services.ctx.actor.may(Action.EDIT_ROSTER)
        if not self.organizer:  # hide() only: shown before it has a parent, it is a window
            self.token_side.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(hub_box, 2)
        layout.addWidget(self.token_side, 3)

        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.hall_button.clicked.connect(self.open_hall)
        self.contest_box.currentIndexChanged.connect(self._contest_picked)
        if self.organizer:
            follow_setup(self, state, self._load_contests, CONTESTS)
            state.contest_changed.connect(self._follow)
        # The hub ends with the window (a log-out) or the desk, whichever comes first.
        self._serving: list[HubServer] = []
        serving = self._serving
        self.destroyed.connect(lambda _gone=None: _stop_all(serving))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: _stop_all(serving))
        self.port_spin.valueChanged.connect(self._show_port)
        self._show_state()
        if self.organizer:
            self._load_contests()

    # The hub ---------------------------------------------------------------------------

    def start(self) -> None:
        if self.server is not None and self.server.running:
            return
        server = HubServer(server_hub(self.services), port=self.port_spin.value())

        def work() -> list[str]:
            server.start()  # returns once it listens; a taken port is refused, named
            return server.addresses()

        addresses = operations.run(self, work, label=self.tr("Starting the hub…"))
        if addresses is not None:
            self.server, self.addresses = server, addresses
            self._serving.append(server)
        self._show_state()

    def stop(self) -> None:
        server = self.server
        if server is None or not server.running:
            return
        operations.done(self, server.stop, label=self.tr("Stopping the hub…"))
        self.server, self.addresses = None, []
        self._serving.clear()
        self._show_state()

    def base(self) -> str | None:
        """The hub's first LAN address without its final slash, for the cards."""
        return self.addresses[0].rstrip("/") if self.addresses else None

    def _show_port(self, port: int) -> None:
        self.firewall_label.setText(
            self.tr(
                "Judges' phones and tablets join the venue's Wi-Fi and scan the code. "
                "On Windows, allow Contest Desk through the firewall when Windows asks "
                "(private networks), or let the port in: Windows Defender Firewall → "
                "Advanced settings → Inbound rules → New rule → Port → TCP {port}."
            ).format(port=port)
        )

    def _show_state(self) -> None:
        running = self.server is not None and self.server.running
        self._show_port(self.server.port if self.server is not None else self.port_spin.value())
        self.start_button.setEnabled(not running)
        self.port_spin.setEnabled(not running)
        self.stop_button.setEnabled(running)
        if not running:
            self.status.setText(self.tr("The hub is stopped."))
            self.address_label.setText("")
            self.qr_label.clear()
            self.qr_label.setText(self.tr("Start the hub to show its address and QR code."))
            return
        self.status.setText(
            self.tr("The hub is running: judges open this address on the venue's network")
        )
        first, *others = self.addresses
        self.address_label.setText(
            f'<p style="font-size: 20px; font-weight: bold;">{html.escape(first)}</p>'
            + "".join(f"<div>{html.escape(other)}</div>" for other in others)
        )
        self.qr_label.setPixmap(qr_pixmap(self.addresses[0]))

    def open_hall(self) -> None:
        """The hall's full-screen standings on this desk (ui/hall/window.py)."""
        open_hall_window(self, self.services, self.state)

    # The contest the cards name -----------------------------------------------------

    def _load_contests(self) -> None:
        contests = operations.run(self, lambda: self.services.contests.contests()) or []
        self.contest_box.blockSignals(True)
        self.contest_box.clear()
        for contest in contests:
            self.contest_box.addItem(contest.name, contest.id)
        # The window's contest when judges mark it (a skill contest), else the newest that
        # is: labor competitions and innovation awards have no judges' sheets.
        skill = [c.id for c in contests if c.kind == ContestKind.SKILL]
        chosen = self.state.contest_id
        if chosen not in skill and skill:
            chosen = skill[0]
        wanted = max(self.contest_box.findData(chosen), 0)
        self.contest_box.setCurrentIndex(wanted)
        self.contest_box.blockSignals(False)
        self._contest_picked()

    def _contest_picked(self, _index: int = 0) -> None:
        chosen = self._contest()
        if chosen is not None:
            self.state.choose_contest(chosen[0])  # the hall's window shows it too
        self.tokens.reload()

    def _follow(self, contest_id: object) -> None:
        index = self.contest_box.findData(contest_id)
        if index >= 0 and index != self.contest_box.currentIndex():
            self.contest_box.setCurrentIndex(index)  # reloads through _contest_picked

    def _contest(self) -> tuple[int, str] | None:
        index = self.contest_box.currentIndex()
        if index < 0:
            return None
        return self.contest_box.itemData(index), self.contest_box.itemText(index)


def _stop_all(servers: list[HubServer]) -> None:
    """Stop what still runs when the window goes (on its thread: nothing is left to paint)."""
    while servers:
        servers.pop().stop()
