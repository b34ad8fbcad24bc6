"""The judges' tokens for today, on the 现场评分 panel: who has a card, issue and print
cards for all or the chosen judges, revoke a lost one (organizers only: the tokens
service refuses everyone else, so the panel shows this box to organizers only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.plain_names import actor_name, judge_labels
from contest_desk.domain.records.contests import JudgeInfo
from contest_desk.domain.records.tokens import TokenInfo
from contest_desk.services.hub import Services
from contest_desk.ui import operations, save_dialog
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.hub.cards import CardsMade, issue_cards


@dataclass(frozen=True)
class JudgeRow:
    judge: JudgeInfo
    token: TokenInfo | None  # today's newest, a usable one first


def _local(at: dt.datetime) -> str:
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")


def ask_cards_path(parent: QWidget, title: str, name: str) -> str | None:
    """Where to write the cards; None when cancelled. Tests answer in its place."""
    return save_dialog.ask_save_path(parent, title, "PDF (*.pdf)", name)


class TokensBox(QGroupBox):
    """``base`` gives the hub's address for the cards (None while it is stopped);
    ``contest`` the chosen contest's (id, name)."""

    def __init__(
        self,
        services: Services,
        contest: Callable[[], tuple[int, str] | None],
        base: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Judges' tokens for today"))
        self.services = services
        self.contest = contest
        self.base = base
        self.today: Callable[[], dt.date] = dt.date.today  # the desk's calendar day
        # People by name (told apart by unit), who issued a card by name: account names
        # are for logging in, not for reading.
        self.labels: dict[int, str] = {}
        self.names: dict[str, str] = {}
        self.judges = RecordTableModel(
            [
                Column(self.tr("Judge"), lambda r: self.labels.get(r.judge.id, r.judge.name)),
                Column(self.tr("Unit"), lambda r: r.judge.unit),
                Column(self.tr("Today's card"), self._token_text),
            ]
        )
        self.view = record_table(
            self.judges,
            self.tr("No judges in this contest yet: add them on the Contests area's Judges tab."),
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        for column in (0, 1):  # names and units whole; the card's state stretches
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.all_button = QPushButton(self.tr("Cards for all judges…"))
        self.chosen_button = QPushButton(self.tr("Cards for the chosen…"))
        self.revoke_button = QPushButton(self.tr("Revoke the chosen's card"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "A card's token is shown only once, on the card printed when it is issued: "
                "the desk keeps no copy. A lost card: revoke it and print a new one."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        for button in (self.all_button, self.chosen_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(hint)
        self.all_button.clicked.connect(lambda: self.print_cards(self.judges.records()))
        self.chosen_button.clicked.connect(lambda: self.print_cards(self._chosen()))
        self.revoke_button.clicked.connect(self.revoke)

    def _token_text(self, row: JudgeRow) -> str:
        token = row.token
        if token is None:
            return "—"
        if token.revoked_at is not None:
            return self.tr("Revoked at {time}").format(time=_local(token.revoked_at))
        return self.tr("Issued at {time} by {user}").format(
            time=_local(token.made_at), user=actor_name(token.made_by, self.names)
        )

    def _chosen(self) -> list[JudgeRow]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.judges.record(row) for row in rows]

    def reload(self) -> None:
        chosen = self.contest()
        if chosen is None:
            self.judges.set_records([])
            return
        contest_id, day = chosen[0], self.today()
        services = self.services

        def read() -> tuple[list[JudgeInfo], list[TokenInfo], dict[str, str]]:
            judges, tokens = services.roster.judges(contest_id), services.judge_tokens.tokens(day)
            return judges, tokens, services.users.names({t.made_by for t in tokens})

        answer = operations.run(self, read)
        if answer is None:
            return
        judges, tokens, self.names = answer
        self.labels = judge_labels(judges)
        newest: dict[str, TokenInfo] = {}
        for token in tokens:  # newest first: keep the first usable, else the newest
            kept = newest.get(token.username)
            if kept is None or (kept.revoked_at is not None and token.revoked_at is None):
                newest[token.username] = token
        self.judges.set_records([JudgeRow(j, newest.get(j.username)) for j in judges])
        self.note.setText(
            "" if judges else self.tr("This contest has no judges yet (Contests → Judges).")
        )

    def print_cards(self, rows: list[JudgeRow]) -> None:
        chosen, base = self.contest(), self.base()
        if not rows or chosen is None:
            self.note.setText(self.tr("Choose the judges first."))
            return
        if base is None:
            self.note.setText(self.tr("Start the hub first: the cards carry its address."))
            return
        day = self.today()
        title = self.tr("Judges' cards")
        path = ask_cards_path(self, title, f"{title}-{day.isoformat()}.pdf")
        if path is None:
            return
        tokens, judges, contest = self.services.judge_tokens, [r.judge for r in rows], chosen[1]
        made: CardsMade | None = operations.run(
            self,
            lambda progress: issue_cards(tokens, judges, contest, day, base, Path(path), progress),
            label=self.tr("Issuing tokens and printing the cards…"),
            cancellable=True,
        )
        self.reload()
        if made is None:
            return
        text = self.tr("{count} card(s) written to {file}").format(
            count=len(made.judges), file=str(made.path)
        )
        if made.skipped:
            text += "\n" + self.tr("No card for: {judges}").format(
                judges="；".join(f"{name}（{why}）" for name, why in made.skipped)
            )
        self.note.setText(text)

    def revoke(self) -> None:
        rows = [r for r in self._chosen() if r.token is not None and r.token.revoked_at is None]
        if not rows:
            self.note.setText(self.tr("The chosen judges have no card to revoke."))
            return
        tokens, day = self.services.judge_tokens, self.today()
        usernames = {r.judge.username for r in rows}

        def work() -> int:
            usable = [t for t in tokens.tokens(day) if t.usable_on(day)]
            for token in usable:
                if token.username in usernames:
                    tokens.revoke(token.id)
            return len(usernames)

        count = operations.run(self, work)
        self.reload()
        if count is not None:
            self.note.setText(
                self.tr("Card(s) revoked: {judges}").format(
                    judges="、".join(self.labels.get(r.judge.id, r.judge.name) for r in rows)
                )
            )
