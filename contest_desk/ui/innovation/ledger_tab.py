"""The ledger tab (成果台账): search and filters, the list, and the chosen achievement whole —
its fields, timeline, benefits and files — with the actions of its lifecycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.innovation import (
    BENEFIT_NAMES,
    CATEGORY_NAMES,
    OUTCOME_NAMES,
    RECOMMEND_NAMES,
    STAGE_NAMES,
    Stage,
    next_stages,
)
from contest_desk.domain.numbers import parse_decimal
from contest_desk.domain.plain_names import actor_name, file_size
from contest_desk.domain.records.innovation import AchievementInfo, LedgerFilter
from contest_desk.errors import UserError
from contest_desk.i18n import _
from contest_desk.services.hub import Services
from contest_desk.ui import ask, feedback, operations
from contest_desk.ui.contests.models import Column, RecordTableModel, record_table
from contest_desk.ui.innovation import dialogs
from contest_desk.ui.scoring import sheet_bar


def open_file(path: Path) -> None:
    """The system's viewer for a file; looked up at call time so tests can stand in."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


class LedgerTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.chosen: AchievementInfo | None = None
        self.names: dict[str, str] = {}  # approvers' account names → their names
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("words in the title, problem or description"))
        self.studio_box = QComboBox()
        self.stage_box = QComboBox()
        self.stage_box.addItem(self.tr("Any stage"), None)
        for stage, name in STAGE_NAMES.items():
            self.stage_box.addItem(_(name), stage.value)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(0, 2100)
        self.year_spin.setSpecialValueText(self.tr("Any year"))
        self.category_box = QComboBox()
        self.category_box.addItem(self.tr("Any category"), "")
        for code, name in CATEGORY_NAMES.items():
            self.category_box.addItem(_(name), code)
        self.completer_edit = QLineEdit()
        self.completer_edit.setPlaceholderText(self.tr("a completer's name"))
        self.min_edit, self.max_edit = QLineEdit(), QLineEdit()
        self.min_edit.setPlaceholderText(self.tr("benefit from (CNY)"))
        self.max_edit.setPlaceholderText(self.tr("to (CNY)"))
        self.pending_box = QComboBox()
        self.pending_box.addItem(self.tr("Any recommendation"), "")
        for code, name in RECOMMEND_NAMES.items():
            self.pending_box.addItem(self.tr("Pending at: {level}").format(level=_(name)), code)
        self.search_button = QPushButton(self.tr("Search"))
        # The filters have no labels; what a screen reader says for each (its shown item,
        # 全部工作室, is no name).
        for box, name in (
            (self.studio_box, self.tr("Studio")),
            (self.stage_box, self.tr("Stage")),
            (self.year_spin, self.tr("Year")),
            (self.category_box, self.tr("Category")),
            (self.pending_box, self.tr("Awaiting selection at")),
        ):
            box.setAccessibleName(name)
        filters = QGridLayout()
        for col, widget in enumerate(
            (self.text_edit, self.studio_box, self.stage_box, self.year_spin, self.category_box)
        ):
            filters.addWidget(widget, 0, col)
        for col, widget in enumerate(
            (
                self.completer_edit,
                self.min_edit,
                self.max_edit,
                self.pending_box,
                self.search_button,
            )
        ):
            filters.addWidget(widget, 1, col)

        self.rows = RecordTableModel(
            [
                Column(self.tr("Title"), lambda a: a.title),
                Column(self.tr("Studio"), lambda a: a.studio),
                Column(self.tr("Stage"), self._stage_text),
                Column(self.tr("Year"), lambda a: a.year),
                Column(self.tr("Actual benefit (CNY)"), lambda a: _money(a.actual_benefit)),
            ]
        )
        self.moves = RecordTableModel(
            [
                Column(self.tr("Date"), lambda mv: mv.on.isoformat()),
                Column(self.tr("From stage"), lambda mv: _(STAGE_NAMES[mv.from_stage])),
                Column(self.tr("To stage"), lambda mv: _(STAGE_NAMES[mv.to_stage])),
                Column(self.tr("Approver"), lambda mv: actor_name(mv.approver, self.names)),
                Column(self.tr("Approval decision"), lambda mv: mv.decision),
                Column(self.tr("Note"), lambda mv: mv.note),
            ]
        )
        self.benefits = RecordTableModel(
            [
                Column(self.tr("Year"), lambda b: b.benefit.year),
                Column(self.tr("Site"), lambda b: b.benefit.site),
                Column(self.tr("Kind"), lambda b: _(BENEFIT_NAMES[b.benefit.kind])),
                Column(self.tr("Amount (CNY)"), lambda b: _money(b.benefit.amount)),
                Column(self.tr("Projected"), lambda b: "✓" if b.benefit.projected else ""),
                Column(self.tr("Basis of calculation"), lambda b: b.basis),
            ]
        )
        self.files = RecordTableModel(
            [
                Column(self.tr("File"), lambda f: f.name),
                Column(self.tr("Size"), lambda f: file_size(f.size)),
                Column(self.tr("Added"), lambda f: f.added_at.strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("Check"), self._file_state),
            ]
        )
        self.list_view = record_table(
            self.rows,
            self.tr("No achievements found. Add one with New achievement…, or clear the search."),
        )
        self.file_view = record_table(
            self.files,
            self.tr(
                "No files attached. Keep the proposal, reports and photos here with Attach a file…."
            ),
        )
        self.fields = QLabel()
        self.fields.setWordWrap(True)
        self.fields.setTextFormat(Qt.TextFormat.RichText)
        self.buttons: dict[str, QPushButton] = {}
        actions: tuple[tuple[str, str, Callable[[], None]], ...] = (
            ("new", self.tr("New achievement…"), self.new_achievement),
            ("move", self.tr("Move to a stage…"), self.move_stage),
            ("benefit", self.tr("Add a benefit…"), self.add_benefit),
            ("attach", self.tr("Attach a file…"), self._attach_dialog),
            ("open", self.tr("Open the file"), self.open_chosen_file),
            ("rollout", self.tr("Rollout site…"), self.add_rollout),
            ("patent", self.tr("Patent…"), self.add_patent),
            ("award", self.tr("Award…"), self.add_award),
            ("recommend", self.tr("Recommend upward…"), self.recommend),
            ("outcome", self.tr("Outcome…"), self.record_outcome),
        )
        bar = QHBoxLayout()
        for key, text, slot in actions:
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(slot)
            bar.addWidget(self.buttons[key])
        bar.addStretch(1)
        details = QTabWidget()
        moves = self.tr("The achievement's stage changes are listed here (Move to a stage…).")
        details.addTab(record_table(self.moves, moves), self.tr("Timeline"))
        details.addTab(
            record_table(
                self.benefits,
                self.tr(
                    "No benefits recorded. Add one, with how it was computed, with Add a benefit…."
                ),
            ),
            self.tr("Benefits"),
        )
        files = QWidget()
        QVBoxLayout(files).addWidget(self.file_view)
        details.addTab(files, self.tr("Files"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.fields)
        right_layout.addWidget(details, 1)
        split = QSplitter()
        split.addWidget(self.list_view)
        split.addWidget(right)
        split.setSizes([640, 560])  # the achievement names whole at 1280 px
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.search_button.clicked.connect(self.refresh)
        self.text_edit.returnPressed.connect(self.refresh)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.reload()

    # Loading -------------------------------------------------------------------

    def reload(self) -> None:
        studios = operations.run(self, lambda: self.services.innovation.studios()) or []
        self.studio_box.clear()
        self.studio_box.addItem(self.tr("Any studio"), None)
        for studio in studios:
            self.studio_box.addItem(studio.name, studio.id)
        self.refresh()

    def current_filter(self) -> LedgerFilter:
        stage = self.stage_box.currentData()
        bounds = []
        for edit in (self.min_edit, self.max_edit):
            text = edit.text().strip()
            bounds.append(parse_decimal(text, self.tr("Benefit")) if text else None)
        return LedgerFilter(
            text=self.text_edit.text(),
            studio_id=self.studio_box.currentData(),
            stage=Stage(stage) if stage else None,
            year=self.year_spin.value() or None,
            category=self.category_box.currentData() or "",
            completer=self.completer_edit.text(),
            min_benefit=bounds[0],
            max_benefit=bounds[1],
            pending_at=self.pending_box.currentData() or "",
        )

    def refresh(self) -> None:
        try:
            where = self.current_filter()
        except UserError as error:
            feedback.show_user_error(self, error)
            return
        shown = self.chosen.id if self.chosen else None
        found = operations.run(self, lambda: self.services.ledger.achievements(where))
        if found is None:
            return
        self.rows.set_records(found)
        self.list_view.resizeColumnsToContents()
        self.select(shown)

    def select(self, achievement_id: int | None) -> None:
        records = self.rows.records()
        row = next(
            (i for i, a in enumerate(records) if a.id == achievement_id), 0 if records else None
        )
        if row is None:
            self.chosen = None
            self._show(None)
        else:
            self.list_view.selectRow(row)
            self._chosen()

    def _chosen(self) -> None:
        index = self.list_view.currentIndex()
        record = self.rows.record(index.row()) if index.isValid() else None
        details, users = self.services.innovation_details, self.services.users

        def read(achievement_id: int) -> tuple[AchievementInfo, dict[str, str]]:
            found = details.achievement(achievement_id)
            return found, users.names({mv.approver for mv in found.moves})

        answer = operations.run(self, lambda: read(record.id)) if record is not None else None
        self.chosen, self.names = answer or (None, {})
        self._show(self.chosen)

    def _show(self, a: AchievementInfo | None) -> None:
        for key in self.buttons:
            if key == "new":
                continue
            self.buttons[key].setEnabled(a is not None)
        if a is None:
            self.fields.setText("")
            for model in (self.moves, self.benefits, self.files):
                model.set_records([])
            return
        review = self.tr(" (sent back for re-review)") if a.under_review else ""
        lines = [
            (self.tr("Studio"), a.studio),
            (self.tr("Stage"), _(STAGE_NAMES[a.stage]) + review),
            (self.tr("Category"), _(CATEGORY_NAMES.get(a.category, a.category))),
            (self.tr("Completers"), "、".join(a.completers)),
            (self.tr("Problem solved"), a.problem),
            (self.tr("Patents"), "；".join(p.number for p in a.patents)),
            (self.tr("Rollout sites"), "；".join(f"{r.unit}（{r.scale}）" for r in a.rollouts)),
            (
                self.tr("Recommendations"),
                "；".join(
                    f"{_(RECOMMEND_NAMES[r.level])} {_(OUTCOME_NAMES[r.outcome])}"
                    for r in a.recommendations
                ),
            ),
            (self.tr("Actual benefit (CNY)"), _money(a.actual_benefit)),
        ]
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v or '—'}</td></tr>" for k, v in lines)
        self.fields.setText(f"<h3>{a.title}</h3><table cellspacing=4>{rows}</table>")
        self.moves.set_records(a.moves)
        self.benefits.set_records(a.benefits)
        self.files.set_records(a.attachments)

    def _stage_text(self, a: AchievementInfo) -> str:
        return _(STAGE_NAMES[a.stage]) + ("*" if a.under_review else "")

    def _file_state(self, f: object) -> str:
        state = getattr(f, "state", "")
        return {
            "ok": self.tr("intact"),
            "missing": self.tr("missing!"),
            "changed": self.tr("changed!"),
        }.get(state, state)

    # Actions -------------------------------------------------------------------

    def _run(self, work: Callable[[], object]) -> bool:
        if not operations.done(self, work):
            return False
        self.refresh()
        return True

    def new_achievement(self) -> None:
        studios = operations.run(self, lambda: self.services.innovation.studios())
        if studios is None:
            return
        answer = dialogs.ask_achievement(self, studios, self.services.innovation.similar)
        if answer is None:
            return
        made: list[int] = []

        def propose() -> None:
            made.append(
                self.services.innovation.propose(
                    answer.studio_id,
                    answer.title,
                    answer.category,
                    answer.completers,
                    answer.problem,
                    answer.description,
                )
            )

        if self._run(propose):
            self.select(made[0])

    def move_stage(self) -> None:
        a = self.chosen
        if a is None:
            return
        targets = next_stages(a.stage, a.suspended_from)
        if not targets:
            feedback.show_user_error(
                self,
                UserError(
                    "{stage} is final: the achievement moves no more", stage=_(STAGE_NAMES[a.stage])
                ),
            )
            return
        names = [_(STAGE_NAMES[s]) for s in targets]
        choice = ask.ask_choice(self, self.tr("Move to a stage"), self.tr("To:"), names)
        if choice is None:
            return
        decision = sheet_bar.ask_text(self, self.tr("Approval"), self.tr("Decision:"))
        if decision is None:
            return
        note = sheet_bar.ask_text(self, self.tr("Approval"), self.tr("Note or reason:")) or ""
        target = targets[choice]
        self._run(lambda: self.services.innovation.move(a.id, target, decision, note))

    def add_benefit(self) -> None:
        a = self.chosen
        if a is None:
            return
        studios = operations.run(self, lambda: self.services.innovation.studios()) or []
        site = next((s.unit for s in studios if s.id == a.studio_id), "")
        b = dialogs.ask_benefit(self, site)
        if b is not None:
            self._run(
                lambda: self.services.innovation_details.add_benefit(
                    a.id, b.year, b.site, b.kind, b.amount, b.basis, b.proof, b.quarter, b.projected
                )
            )

    def _attach_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path:
            self.attach_file(path)

    def attach_file(self, path: str | Path) -> None:
        if self.chosen is not None:
            chosen = self.chosen.id
            self._run(lambda: self.services.attachments.attach("achievement", chosen, path))

    def open_chosen_file(self) -> None:
        index = self.file_view.currentIndex()
        record = self.files.record(index.row()) if index.isValid() else None
        if record is None:
            return
        path = operations.run(self, lambda: self.services.attachments.path_of(record.id))
        if path is not None:
            open_file(path)

    def _form(self, title: str, fields: list[tuple[str, str]]) -> list[str] | None:
        answer = ask.ask_form(self, title, fields)
        return None if answer is None else [answer[label] for label, _d in fields]

    def add_rollout(self) -> None:
        a = self.chosen
        fields = [
            (self.tr("Unit"), ""),
            (self.tr("Started on"), dt.date.today().isoformat()),
            (self.tr("Scale"), ""),
        ]
        answer = self._form(self.tr("Rollout site"), fields) if a else None
        if a is not None and answer is not None:
            unit, started, scale = answer
            self._run(
                lambda: self.services.innovation_details.add_rollout(
                    a.id, unit, _parse_date(started), scale
                )
            )

    def add_patent(self) -> None:
        a = self.chosen
        fields = [
            (self.tr("Patent number"), ""),
            (self.tr("Kind (invention, utility_model, design, software)"), "utility_model"),
            (self.tr("Filed on"), ""),
        ]
        answer = self._form(self.tr("Patent"), fields) if a else None
        if a is not None and answer is not None:
            number, kind, filed = answer
            self._run(
                lambda: self.services.innovation_details.add_patent(
                    a.id, number, kind, _parse_date(filed) if filed else None
                )
            )

    def add_award(self) -> None:
        a = self.chosen
        fields = [
            (self.tr("Award name"), ""),
            (self.tr("Award level"), ""),
            (self.tr("Grade"), ""),
            (self.tr("Year"), str(dt.date.today().year)),
        ]
        answer = self._form(self.tr("Award"), fields) if a else None
        if a is not None and answer is not None:
            name, level, grade, year = answer
            self._run(
                lambda: self.services.innovation_details.add_award(
                    a.id, name, level, grade, int(year) if year.isdigit() else 0
                )
            )

    def record_outcome(self) -> None:
        a = self.chosen
        if a is None or not a.recommendations:
            return
        names = [_(RECOMMEND_NAMES[r.level]) for r in a.recommendations]
        which = ask.ask_choice(self, self.tr("Outcome"), self.tr("Recommendation:"), names)
        if which is None:
            return
        outcomes = [o for o in OUTCOME_NAMES if o != "pending"]
        choice = ask.ask_choice(
            self, self.tr("Outcome"), self.tr("Outcome:"), [_(OUTCOME_NAMES[o]) for o in outcomes]
        )
        if choice is not None:
            rec, outcome = a.recommendations[which].id, outcomes[choice]
            self._run(
                lambda: self.services.innovation_details.record_outcome(
                    rec, outcome, dt.date.today()
                )
            )

    def recommend(self) -> None:
        a = self.chosen
        if a is None:
            return
        levels = list(RECOMMEND_NAMES)
        names = [_(RECOMMEND_NAMES[level]) for level in levels]
        choice = ask.ask_choice(self, self.tr("Recommend upward"), self.tr("To:"), names)
        if choice is not None:
            level = levels[choice]
            self._run(
                lambda: self.services.innovation_details.recommend(a.id, level, dt.date.today())
            )


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError("{value} is not a date (YYYY-MM-DD)", value=text) from None
