"""What the hall may see (organizers): the rounds and boards on the hall's screen, and
whether provisional results show (marked as such) or only final ones. Names always wait for
the lock. Saved through ``hub.hall.choose``; every hall screen follows within seconds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.records.hall import HallChoice, HallMode, HallOption
from contest_desk.ui import operations

KEY = Qt.ItemDataRole.UserRole


class HallChoiceDialog(QDialog):
    USES = ("hall",)

    def __init__(
        self,
        services: Any,
        contest_id: int,
        options: tuple[HallOption, ...],
        choice: HallChoice,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.contest_id = contest_id
        self.saved: HallChoice | None = None
        self.setWindowTitle(self.tr("What the hall may see"))

        self.provisional = QRadioButton(self.tr("Provisional results too, marked as such"))
        self.final_only = QRadioButton(self.tr("Final results only (locked rounds)"))
        chosen_mode = HallMode(choice.mode)
        self.provisional.setChecked(chosen_mode is HallMode.PROVISIONAL)
        self.final_only.setChecked(chosen_mode is HallMode.FINAL_ONLY)

        chosen = {(o, None) for o in choice.rounds} | {(None, b) for b in choice.boards}
        self.items = QListWidget()
        for option in options:
            key = (
                ((option.event_id, option.round_number), None)
                if option.board_id is None
                else (None, option.board_id)
            )
            text = option.title
            if option.board_id is not None:
                text = self.tr("Board: {name}").format(name=option.title)
            elif option.locked:
                text = self.tr("{round} (locked)").format(round=option.title)
            item = QListWidgetItem(text)
            item.setData(KEY, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = key in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.items.addItem(item)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Names show on the hall's screen only once a round is locked."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.provisional)
        layout.addWidget(self.final_only)
        layout.addWidget(QLabel(self.tr("Rounds and boards on the screen:")))
        layout.addWidget(self.items, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choice(self) -> HallChoice:
        rounds: list[tuple[int, int]] = []
        boards: list[int] = []
        for n in range(self.items.count()):
            item = self.items.item(n)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            round_key, board = item.data(KEY)
            if board is None:
                rounds.append(tuple(round_key))
            else:
                boards.append(board)
        mode = HallMode.FINAL_ONLY if self.final_only.isChecked() else HallMode.PROVISIONAL
        return HallChoice(mode, tuple(rounds), tuple(boards))

    def accept(self) -> None:
        hall, contest_id, choice = self.services.hall, self.contest_id, self.choice()
        saved = operations.run(self, lambda: hall.choose(contest_id, choice))
        if saved is not None:  # refused: the reason was shown, the dialog stays open
            self.saved = saved
            super().accept()


def choose_for_hall(parent: QWidget, services: Any, contest_id: int) -> HallChoice | None:
    """Ask the organizer what the hall may see of ``contest_id``; the saved choice, or None."""
    hall = services.hall
    loaded = operations.run(parent, lambda: (hall.options(contest_id), hall.settings(contest_id)))
    if loaded is None:
        return None
    dialog = HallChoiceDialog(services, contest_id, *loaded, parent=parent)
    dialog.exec()
    return dialog.saved
