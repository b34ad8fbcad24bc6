"""Challenge boards (擂台) in the window: the board now, whom an entry may challenge and
why not, open challenges with their deadlines, bouts by period, title holders, charts.

Every button goes through the services (``boards``, ``board_views``) off the window's
thread (ui/operations.py); a refusal shows the rule that forbids it and changes nothing.
Recomputing a long board (seconds at 100,000 bouts) shows progress and can be cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from matplotlib.figure import Figure
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import BOARDS, CONTESTS
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.boards import BoardRow, BoardView, BoutRow, ChallengeRow
from contest_desk.errors import step
from contest_desk.i18n import _
from contest_desk.reports.board_report import (
    RESULT_NAMES,
    STATUS_NAMES,
    bout_text,
    rating_text,
    result_code,
    rules_text,
    volatility_text,
)
from contest_desk.reports.charts import board_places_chart, board_ratings_chart
from contest_desk.reports.result_notice import Notice, board_notice
from contest_desk.services.hub import Services
from contest_desk.ui import ask, notice_printing, operations
from contest_desk.ui.boards.setup import BoardSetup
from contest_desk.ui.chart_view import ChartView
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.elided_combo import shortened_box
from contest_desk.ui.live import follow_setup
from contest_desk.ui.notice_printing import anchored
from contest_desk.ui.scoring import sheet_bar
from contest_desk.ui.state import AppState

RATING_COLUMN = 3  # in the board's table; deviation and volatility are shown beside it
RATING_FIGURES = (8, 9)


def _place(place: int | None) -> str:
    return "" if place is None else str(place)


def _streak(streak: int) -> str:
    return f"+{streak}" if streak > 0 else str(streak) if streak < 0 else ""


def _chosen(view: QTableView, model: RecordTableModel) -> object | None:
    index = view.currentIndex()
    return model.record(index.row()) if index.isValid() else None


class BoardsArea(BoardSetup, QWidget):
    USES = ("board_views", "boards", "board_import", "contests", "audit")
    # What the window's standard keys do here (ui/shortcuts.py): command, attribute.
    KEYS = (("new", "new_button"), ("open", "import_button"), ("print", "notice_button"))

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.state = state
        self.view: BoardView | None = None
        self.board_box = shortened_box()  # a long name ends in … at a large font
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)  # on two lines where a large font needs it
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close the period"))
        self.notice_button = QPushButton(self.tr("Print the result notice…"))
        self.new_button = QPushButton(self.tr("New board…"))
        self.rules_button = QPushButton(self.tr("Change the rules…"))
        self.join_button = QPushButton(self.tr("Add entries…"))
        self.import_button = QPushButton(self.tr("Import a paper board…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Board")))
        top.addWidget(self.board_box)
        top.addWidget(self.period_label)
        top.addStretch(1)
        for button in (self.new_button, self.rules_button, self.join_button, self.import_button):
            top.addWidget(button)
        top.addWidget(self.close_button)
        top.addWidget(self.notice_button)

        self.rows = RecordTableModel(
            [
                Column(self.tr("Place"), lambda r: _place(r.place)),
                Column(self.tr("Name"), lambda r: r.entry.label),
                Column(self.tr("Unit"), lambda r: r.entry.unit),
                Column(self.tr("Rating"), lambda r: rating_text(r.rating)),
                Column(self.tr("Defences"), lambda r: r.defences),
                Column(self.tr("Streak"), lambda r: _streak(r.streak)),
                Column(self.tr("Status"), lambda r: _(STATUS_NAMES[r.status])),
                Column(self.tr("Why"), lambda r: r.why),
                # Glicko-2 only; moved beside the rating in the view (RATING_FIGURES).
                Column(self.tr("Deviation"), lambda r: rating_text(r.deviation)),
                Column(self.tr("Volatility"), lambda r: volatility_text(r.volatility)),
            ]
        )
        self.targets = RecordTableModel(
            [
                Column(self.tr("Place"), lambda t: _place(t[0].place)),
                Column(self.tr("Name"), lambda t: t[0].entry.label),
                Column(self.tr("May be challenged?"), lambda t: t[1] or self.tr("Yes")),
            ]
        )
        self.challenges = RecordTableModel(
            [
                Column(self.tr("Challenge No."), lambda c: c.number),
                Column(
                    self.tr("Challenger"), lambda c: f"{c.challenger_place} {c.challenger.label}"
                ),
                Column(self.tr("Defender"), lambda c: f"{c.defender_place} {c.defender.label}"),
                Column(self.tr("Accept by"), lambda c: c.deadline.isoformat()),
                Column(self.tr("State"), self._challenge_state),
            ]
        )
        self.bouts = RecordTableModel(
            [
                Column(self.tr("Bout No."), lambda b: b.number),
                Column(self.tr("Period"), lambda b: b.period),
                Column(self.tr("Challenger"), lambda b: b.challenger.label),
                Column(self.tr("Defender"), lambda b: b.defender.label),
                Column(self.tr("Result"), bout_text),
                Column(self.tr("Totals"), lambda b: " : ".join(map(str, b.totals or ()))),
                Column(self.tr("Note"), lambda b: b.note),
                Column(self.tr("Corrected"), lambda b: b.corrected),
            ]
        )
        self.rule_changes = RecordTableModel(
            [
                Column(self.tr("From period"), lambda r: r.from_period),
                Column(self.tr("Rules"), lambda r: rules_text(r.rules)),
                Column(self.tr("Note"), lambda r: r.note),
            ]
        )
        self.reigns = RecordTableModel(
            [
                Column(self.tr("Title holder"), lambda r: r.holder.label),
                Column(self.tr("Periods"), lambda r: f"{r.first}–{r.last}"),
                Column(self.tr("Reign (periods)"), lambda r: r.periods),
                Column(self.tr("Title defences"), lambda r: r.defences),
            ]
        )
        self.board_view = record_table(
            self.rows,
            self.tr(
                "No entries on this board yet. Add them with Add entries… or bring a paper board "
                "in with Import a paper board…."
            ),
        )
        header = self.board_view.horizontalHeader()
        for at, column in enumerate(RATING_FIGURES, start=RATING_COLUMN + 1):
            header.moveSection(header.visualIndex(column), at)
        self.target_view = record_table(
            self.targets,
            self.tr("Choose an entry on the board: the places it may challenge are listed here."),
        )
        self.challenge_view = record_table(
            self.challenges,
            self.tr(
                "No open challenges. Choose an entry on the board and press Challenge the chosen "
                "entry."
            ),
        )
        self.bout_view = record_table(
            self.bouts, self.tr("No bouts yet: each decided challenge is logged here.")
        )
        self.challenge_button = QPushButton(self.tr("Challenge the chosen entry"))
        self.remove_button = QPushButton(self.tr("Take off the board…"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.decline_button = QPushButton(self.tr("Decline…"))
        self.challenger_won_button = QPushButton(self.tr("Challenger won…"))
        self.defender_won_button = QPushButton(self.tr("Defender won…"))
        self.draw_button = QPushButton(self.tr("A draw…"))
        self.scores_button = QPushButton(self.tr("Result from the scores"))
        self.correct_button = QPushButton(self.tr("Correct the result…"))
        self.places_chart = ChartView()
        self.ratings_chart = ChartView()

        self.tabs = QTabWidget()
        now = QSplitter()
        now.addWidget(self.board_view)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("Whom the chosen entry may challenge:")))
        side_layout.addWidget(self.target_view, 1)
        side_layout.addWidget(self.challenge_button)
        side_layout.addWidget(self.remove_button)
        now.addWidget(side)
        now.setSizes([700, 400])
        self.tabs.addTab(now, self.tr("The board now"))
        self.tabs.addTab(
            self._with_buttons(
                self.challenge_view,
                self.accept_button,
                self.decline_button,
                self.challenger_won_button,
                self.defender_won_button,
                self.draw_button,
                self.scores_button,
            ),
            self.tr("Open challenges"),
        )
        self.tabs.addTab(
            self._with_buttons(self.bout_view, self.correct_button), self.tr("Bouts by period")
        )
        reigns = record_table(
            self.reigns,
            self.tr(
                "No title holders yet: whoever holds place 1 at a period's close is listed here."
            ),
        )
        self.tabs.addTab(reigns, self.tr("Title holders"))
        rule_changes = record_table(
            self.rule_changes,
            self.tr(
                "The rules have not been changed since the board was set up (Change the rules…)."
            ),
        )
        self.tabs.addTab(rule_changes, self.tr("Rule changes"))
        self.tabs.addTab(self.places_chart, self.tr("Places chart"))
        self.tabs.addTab(self.ratings_chart, self.tr("Ratings chart"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.tabs, 1)

        self.board_box.currentIndexChanged.connect(self.refresh)
        self.board_view.selectionModel().currentRowChanged.connect(self._targets_shown)
        self.close_button.clicked.connect(self.close_period)
        self.notice_button.clicked.connect(self.print_notice)
        self.new_button.clicked.connect(self.new_board)
        self.rules_button.clicked.connect(self.change_rules)
        self.join_button.clicked.connect(self.add_entries)
        self.import_button.clicked.connect(self._import_dialog)
        actor = services.ctx.actor
        self.new_button.setVisible(actor.may(Action.EDIT_SETUP))
        self.rules_button.setVisible(actor.may(Action.EDIT_SETUP))
        self.join_button.setVisible(actor.may(Action.EDIT_ROSTER))
        self.import_button.setVisible(actor.may(Action.EDIT_ROSTER))
        self.close_button.setVisible(actor.may(Action.SUPERVISE))
        self.challenge_button.clicked.connect(self.challenge)
        self.remove_button.clicked.connect(self.remove)
        self.accept_button.clicked.connect(self.accept)
        self.decline_button.clicked.connect(self.decline)
        self.challenger_won_button.clicked.connect(lambda: self.record(True))
        self.defender_won_button.clicked.connect(lambda: self.record(False))
        self.draw_button.clicked.connect(lambda: self.record(False, draw=True))
        self.scores_button.clicked.connect(self.from_scores)
        self.correct_button.clicked.connect(self.correct)
        follow_setup(self, state, self.reload_boards, BOARDS, CONTESTS)
        self.reload_boards()

    @staticmethod
    def _with_buttons(table: QTableView, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(table, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    def _challenge_state(self, c: ChallengeRow) -> str:
        if c.overdue:
            return self.tr("Unanswered past the deadline: the challenger's win")
        if c.accepted and c.round is not None:
            return self.tr("Accepted: scored in round {n}").format(n=c.round)
        return self.tr("Accepted") if c.accepted else self.tr("Waiting for the defender")

    # Loading -------------------------------------------------------------------

    def reload_boards(self) -> None:
        shown = self.board_box.currentData()
        boards = operations.run(self, lambda: self.services.board_views.boards()) or []
        self.board_box.blockSignals(True)
        self.board_box.clear()
        for board in boards:
            self.board_box.addItem(
                f"{board.name}（{board.skill}）" if board.skill else board.name, board.id
            )
        index = self.board_box.findData(shown)
        self.board_box.setCurrentIndex(max(index, 0))
        self.board_box.blockSignals(False)
        self.refresh()

    def board_id(self) -> int | None:
        value = self.board_box.currentData()
        return int(value) if value is not None else None

    def refresh(self, _index: int = 0) -> None:
        board = self.board_id()
        if board is None:
            self.view = None
            return
        progress: list[operations.Progress] = []
        charting = self.tr("Drawing the charts…")

        def recompute(given: operations.Progress) -> tuple[BoardView, Figure, Figure]:
            progress.append(given)
            view = self.services.board_views.view(board, progress=given)
            given.say(charting)  # a long board's charts take seconds too: drawn here as well
            places = board_places_chart(view)
            given.check()
            return view, places, board_ratings_chart(view)

        answer = operations.run(
            self, recompute, label=self.tr("Recomputing the board…"), cancellable=True
        )
        if answer is None:  # cancelled, or refused (and said so): show no stale board
            self._show_nothing(bool(progress) and progress[0].cancelled)
            return
        view, places, ratings = answer
        self.view = view
        self.period_label.setText(view.period_label)
        self.rules_label.setText(self._rules_text(view))
        self.rows.set_records(view.rows)
        self.challenges.set_records(view.challenges)
        self.bouts.set_records(list(reversed(view.bouts)))
        for table in (self.challenge_view, self.bout_view):  # names and notes, not cut
            table.resizeColumnsToContents()
        self.reigns.set_records(view.reigns)
        self.rule_changes.set_records(view.rule_changes)
        self.targets.set_records([])
        self.board_view.setColumnHidden(RATING_COLUMN, not view.rated)
        for column in RATING_FIGURES:
            self.board_view.setColumnHidden(column, not view.glicko)
        self.board_view.resizeColumnsToContents()  # after: a column shown again fits too
        self.draw_button.setVisible(view.rules.draws)
        self.places_chart.set_figure(places)
        self.ratings_chart.set_figure(ratings)
        self.scores_button.setVisible(view.info.scored)

    def _show_nothing(self, cancelled: bool) -> None:
        self.view = None
        self.period_label.setText(
            self.tr("Not shown: recomputing was cancelled") if cancelled else ""
        )
        self.rules_label.setText("")
        for model in (self.rows, self.challenges, self.bouts, self.reigns, self.rule_changes):
            model.set_records([])
        self.targets.set_records([])

    def _rules_text(self, view: BoardView) -> str:
        text = self.tr("Rules: {rules}").format(rules=rules_text(view.rules))
        if view.next_rules is not None:
            text += self.tr(" — new rules from the next period")
        return text

    def _targets_shown(self) -> None:
        row = _chosen(self.board_view, self.rows)
        board = self.board_id()
        if not isinstance(row, BoardRow) or row.place is None or board is None:
            self.targets.set_records([])
            return
        entry = row.entry.id
        found = operations.run(
            self,
            lambda: self.services.board_views.targets(board, entry),  # replays the board too
            label=self.tr("Finding whom it may challenge…"),
        )
        self.targets.set_records(found or [])

    # Actions -------------------------------------------------------------------

    def _run(self, work: Callable[[int], object]) -> None:
        """An action on the shown board, then the board again (refused or not, as before)."""
        board = self.board_id()
        if board is None:
            return
        operations.done(self, lambda: work(board), label=self.tr("Saving…"))
        self.refresh()

    def _reason(self, title: str) -> str | None:
        return sheet_bar.ask_text(self, title, self.tr("Note (kept on the record):"))

    def _open_challenge(self) -> ChallengeRow | None:
        chosen = _chosen(self.challenge_view, self.challenges)
        return chosen if isinstance(chosen, ChallengeRow) else None

    def challenge(self) -> None:
        challenger = _chosen(self.board_view, self.rows)
        target = _chosen(self.target_view, self.targets)
        if isinstance(challenger, BoardRow) and isinstance(target, tuple):
            defender = target[0].entry.id
            self._run(lambda b: self.services.boards.challenge(b, challenger.entry.id, defender))

    def remove(self) -> None:
        row = _chosen(self.board_view, self.rows)
        if isinstance(row, BoardRow):
            reason = self._reason(self.tr("Take off the board"))
            if reason is not None:
                self._run(lambda b: self.services.boards.remove(b, row.entry.id, reason))

    def accept(self) -> None:
        c = self._open_challenge()
        if c is not None:
            self._run(lambda b: self.services.boards.accept(b, c.number))

    def decline(self) -> None:
        c = self._open_challenge()
        note = self._reason(self.tr("Decline")) if c is not None else None
        if c is not None and note is not None:
            self._run(lambda b: self.services.boards.decline(b, c.number, note))

    def record(self, challenger_won: bool, draw: bool = False) -> None:
        c = self._open_challenge()
        note = self._reason(self.tr("Record the result")) if c is not None else None
        if c is not None and note is not None:
            self._run(
                lambda b: self.services.boards.record_result(
                    b, c.number, challenger_won, note, draw=draw
                )
            )

    def from_scores(self) -> None:
        c = self._open_challenge()
        if c is not None:
            self._run(lambda b: self.services.boards.result_from_scores(b, c.number))

    def correct(self) -> None:
        chosen = _chosen(self.bout_view, self.bouts)
        if not isinstance(chosen, BoutRow):
            return
        corrected = self._corrected_result(chosen)
        if corrected is None:
            return
        reason = sheet_bar.ask_text(
            self, self.tr("Correct the result"), self.tr("Reason (kept on the record):")
        )
        if reason is not None:
            won, draw = corrected == "challenger", corrected == "draw"
            self._run(
                lambda b: self.services.boards.correct(b, chosen.number, won, reason, draw=draw)
            )

    def _corrected_result(self, bout: BoutRow) -> str | None:
        """The other result: asked for among the other two where the board allows draws
        (or the bout was one), else the one other result."""
        if self.view is None or not (self.view.rules.draws or bout.draw):
            return "challenger" if not bout.challenger_won else "defender"
        draws = self.view.rules.draws
        others = [c for c in RESULT_NAMES if c != result_code(bout) and (draws or c != "draw")]
        items = [_(RESULT_NAMES[code]) for code in others]
        picked = ask.ask_choice(
            self, self.tr("Correct the result"), self.tr("The right result:"), items
        )
        return None if picked is None else others[picked]

    def notice(self) -> Notice | None:
        """The board as it stands, as a result notice."""
        view = self.view
        if view is None:
            return None

        def work(progress: operations.Progress) -> Notice:
            organizer = self.services.contests.contest(view.info.contest_id).organizer
            notice = board_notice(view, organizer, dt.date.today())
            step(progress, 1, 2)  # Cancel: no anchor made, no preview
            return replace(notice, anchor=anchored(self.services))

        label = self.tr("Preparing the result notice…")
        return operations.run(self, work, label=label, cancellable=True)

    def print_notice(self) -> None:
        notice = self.notice()
        if notice is not None:
            notice_printing.preview_notice(self, notice)

    def close_period(self) -> None:
        self._run(lambda b: self.services.boards.close_period(b))
