"""Setting boards up from the Challenge boards area: a new board, its rules from the next
period on, entries added at the bottom, a board kept on paper imported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

from contest_desk.domain.ladder import BoardRules
from contest_desk.domain.records.boards import BoardView
from contest_desk.domain.records.contests import EventInfo
from contest_desk.services.hub import Services
from contest_desk.ui import ask, operations
from contest_desk.ui.boards import rules_dialog


class BoardSetup:
    """The set-up actions of ``BoardsArea`` (mixed into it: it is a QWidget)."""

    services: Services
    view: BoardView | None
    board_box: QComboBox

    if TYPE_CHECKING:

        def reload_boards(self) -> None: ...
        def refresh(self, _index: int = 0) -> None: ...
        def _run(self, work: Callable[[int], object]) -> None: ...
        def _reason(self, title: str) -> str | None: ...

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def new_board(self) -> None:
        def read() -> list[tuple[str, EventInfo]]:
            return [
                (f"{contest.name} · {event.name}", event)
                for contest in self.services.contests.contests()
                for event in self.services.contests.events(contest.id)
            ]

        events = operations.run(self._widget(), read)
        if not events:
            return
        dialog = rules_dialog.ask_board(self._widget(), BoardRules(), events)
        if dialog is None or dialog.result_board is None:
            return
        new = dialog.result_board
        board = operations.run(
            self._widget(),
            lambda: self.services.boards.create_board(
                new.event_id, new.name, new.rules, new.skill, new.scored, new.starts_on
            ),
        )
        if board is not None:
            self.reload_boards()
            self.board_box.setCurrentIndex(self.board_box.findData(board.id))

    def change_rules(self) -> None:
        if self.view is None:
            return
        shown = self.view.next_rules or self.view.rules
        dialog = rules_dialog.ask_board(self._widget(), shown, None)
        if dialog is not None and dialog.result_rules is not None:
            rules = dialog.result_rules
            note = self._reason(self._widget().tr("Change the rules")) or ""
            # Refused (StaleEdit, shown) when another desk changed the rules meanwhile; the
            # board is shown again either way.
            self._run(lambda b: self.services.boards.set_rules(b, rules, note, read=shown))

    def add_entries(self) -> None:
        if self.view is None:
            return
        on_board = {r.entry.id for r in self.view.rows}
        free = [e for e in self.view.entries.values() if e.id not in on_board]
        items = [f"{e.label}（{e.unit}）" for e in free]
        chosen = ask.ask_many(
            self._widget(),
            self._widget().tr("Add entries"),
            self._widget().tr("They join at the bottom, in this order:"),
            items,
        )
        if chosen:
            ids = [free[i].id for i in chosen]
            self._run(lambda b: self.services.boards.join(b, ids))

    def _import_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._widget(),
            self._widget().tr("Import a paper board"),
            "",
            self._widget().tr("CSV (*.csv)"),
        )
        if path:
            self.import_paper_file(path)

    def import_paper_file(self, path: str | Path) -> None:
        """All or nothing, with progress; Cancel rolls the import back."""
        board = self.board_box.currentData()
        if board is None:
            return
        operations.run(  # the count joined is seen on the board itself
            self._widget(),
            lambda progress: self.services.board_import.import_paper(
                int(board), Path(path), progress=progress
            ),
            label=self._widget().tr("Importing the paper board…"),
            cancellable=True,
        )
        self.refresh()
