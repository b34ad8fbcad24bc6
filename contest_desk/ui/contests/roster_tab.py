"""The roster (人员名单): units, persons, adding a person, and the Excel template and import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contest_desk.domain.change_kinds import ROSTER
from contest_desk.domain.records.contests import ImportSummary, PersonInfo, UnitInfo
from contest_desk.errors import Cancelled, UserError
from contest_desk.services.hub import Services
from contest_desk.ui import feedback, keyboard, operations, save_dialog
from contest_desk.ui.contests.common import note_label
from contest_desk.ui.contests.models import Column, RecordTableModel
from contest_desk.ui.contests.navigator import list_view
from contest_desk.ui.contests.person_fields import PersonForm
from contest_desk.ui.contests.roster_history import RosterHistory
from contest_desk.ui.kept_place import kept_place
from contest_desk.ui.live import follow_setup
from contest_desk.ui.operations import run_inline
from contest_desk.ui.state import AppState

PATH_ROLE = Qt.ItemDataRole.UserRole


def person_columns(tr: Callable[[str], str]) -> list[Column]:
    return [
        Column(tr("Employee no."), lambda p: p.employee_no),
        Column(tr("Name"), lambda p: p.name),
        Column(tr("Unit"), lambda p: p.unit),
        Column(tr("Job type"), lambda p: p.job_type),
        Column(tr("Skill level"), lambda p: p.skill_level),
    ]


class AddPersonDialog(PersonForm):
    def __init__(self, units: list[UnitInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add person"))
        form = QFormLayout(self)
        self.add_person_fields(form, units)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class RosterTab(QWidget):
    """Persons of the whole plant (the roster is shared by all contests), searchable by unit."""

    # The ImportSummary, or what stopped it: the UserError, Cancelled, or a bug.
    import_finished = Signal(object)

    def __init__(self, services: Services, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.state = services, state
        self.importing = False
        self.all_persons: list[PersonInfo] = []

        self.unit_tree = QTreeWidget()
        self.unit_tree.setHeaderLabels([self.tr("Units")])
        self.unit_tree.currentItemChanged.connect(lambda *_: self._filter())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or employee no."))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.reload_persons)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.persons = RecordTableModel(person_columns(self.tr), batch=200)
        self.person_view = list_view(
            self.persons,
            stretch=2,
            placeholder=self.tr(
                "No persons yet. Add them one by one with Add person…, or bring the roster file "
                "in with Import roster…."
            ),
        )
        # A double click, or Enter, opens the person's form (ui/contests/person_dialog.py).
        keyboard.open_on_enter(self.person_view, lambda index: self.edit_person_dialog(index.row()))
        self.count_label = QLabel()
        self.add_button = QPushButton(self.tr("Add person…"))
        self.add_button.clicked.connect(self._add_person_dialog)
        self.template_button = QPushButton(self.tr("Write template…"))
        self.template_button.setToolTip(
            self.tr("An Excel roster to fill in, with the events of the chosen contest")
        )
        self.template_button.clicked.connect(self._template_dialog)
        self.import_button = QPushButton(self.tr("Import roster…"))
        self.import_button.setToolTip(
            self.tr("Read a filled-in roster: persons, teams and entries of the chosen contest")
        )
        self.import_button.clicked.connect(self._import_dialog)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.note = note_label()

        # Ctrl+Z / Ctrl+Y: the persons added and edited here (ui/contests/roster_history.py)
        self.undo = RosterHistory(self)
        self.undo_button, self.redo_button = self.undo.history.buttons()

        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        for button in (self.add_button, self.template_button, self.import_button):
            tools.addWidget(button)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.redo_button)
        right = QWidget()
        inner = QVBoxLayout(right)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(tools)
        inner.addWidget(self.person_view, 1)
        inner.addWidget(self.count_label)
        inner.addWidget(self.message)
        inner.addWidget(self.note)
        splitter = QSplitter()
        splitter.addWidget(self.unit_tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760])
        QVBoxLayout(self).addWidget(splitter)

        state.contest_changed.connect(lambda _id: self._enable())
        # Read when first shown, not when built: the whole roster (100,000 persons: 1.4 s)
        # was read at the window's launch though another tab shows first (issue 16). A
        # change reloads it while shown; hidden, when it is next shown.
        self.stale = True
        follow_setup(self, state, self._setup_changed, ROSTER)
        self._enable()

    # Showing ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def _setup_changed(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def reload(self) -> None:
        self.stale = False
        self.reload_units()
        self.reload_persons()
        self._enable()

    def _enable(self) -> None:
        has_contest = self.state.contest_id is not None
        self.template_button.setEnabled(has_contest)
        self.import_button.setEnabled(has_contest and not self.importing)

    def reload_units(self) -> None:
        units = operations.run(self, lambda: self.services.roster.units())
        chosen = self._chosen_path()
        self.unit_tree.blockSignals(True)
        self.unit_tree.clear()
        top = QTreeWidgetItem([self.tr("All units")])
        top.setData(0, PATH_ROLE, "")
        self.unit_tree.addTopLevelItem(top)
        items: dict[int | None, QTreeWidgetItem] = {None: top}
        # Units come ordered by id, so a parent is always made before its children.
        for unit in units or []:
            item = QTreeWidgetItem([unit.name])
            item.setData(0, PATH_ROLE, unit.path)
            items.get(unit.parent_id, top).addChild(item)
            items[unit.id] = item
            if unit.path == chosen:
                self.unit_tree.setCurrentItem(item)
        if self.unit_tree.currentItem() is None:
            self.unit_tree.setCurrentItem(top)
        self.unit_tree.expandAll()
        self.unit_tree.blockSignals(False)

    def _chosen_path(self) -> str:
        item = self.unit_tree.currentItem()
        return item.data(0, PATH_ROLE) if item is not None else ""

    def reload_persons(self) -> None:
        persons = operations.run(
            self, lambda: self.services.roster.persons(self.search.text().strip())
        )
        self.all_persons = persons or []
        # Told by another desk too (setup_changed): the person chosen stays chosen.
        with kept_place(self.person_view, lambda row: self.persons.record(row).id):
            self._filter()

    def _filter(self) -> None:
        path = self._chosen_path()
        shown = [
            p
            for p in self.all_persons
            if not path or p.unit == path or p.unit.startswith(path + "/")
        ]
        self.persons.set_records(shown)
        self.count_label.setText(self.tr("{count} person(s)").format(count=len(shown)))

    # Adding a person ----------------------------------------------------------

    def _add_person_dialog(self) -> None:
        units = operations.run(self, lambda: self.services.roster.units())
        dialog = AddPersonDialog(units or [], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_person(*dialog.values())

    def add_person(
        self, employee_no: str, name: str, unit: str, job_type: str = "", skill_level: str = ""
    ) -> PersonInfo | None:
        person = operations.run(
            self,
            lambda: self.services.roster.add_person(employee_no, name, unit, job_type, skill_level),
        )
        if person is not None:
            self.message.setText(self.tr("Added {name}.").format(name=person.name))
            self.undo.added(person)
            self.state.setup_changed.emit()  # reloads this tab too
        return person

    def edit_person_dialog(self, row: int) -> object:
        """The form of the person in ``row``; saved, the roster reloads. Answers the
        dialog (for tests, which answer its exec)."""
        from contest_desk.ui.contests.person_dialog import EditPersonDialog

        person = self.persons.record(row)
        roster = self.services.roster
        units = operations.run(self, lambda: roster.units())
        fresh = operations.run(self, lambda: roster.person(person.id))
        if fresh is None:
            return None
        save = lambda read, v: roster.update_person(read, *v)  # noqa: E731
        # answers: the server's probe, so a save that meets its absence waits and is retried.
        db = self.services.ctx.db
        dialog = EditPersonDialog(fresh, units or [], save, self, answers=db.answers)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.message.setText(self.tr("Saved {name}.").format(name=dialog.saved.name))
            self.undo.edited(dialog.read, dialog.saved)  # read: what the save replaced
            self.state.setup_changed.emit()  # reloads this tab too
        return dialog

    # The Excel roster ---------------------------------------------------------

    def _event_names(self) -> list[str]:
        contest_id = self.state.contest_id
        if contest_id is None:
            return []
        events = operations.run(self, lambda: self.services.contests.events(contest_id))
        return [e.name for e in events or []]

    def _template_dialog(self) -> None:
        path = save_dialog.ask_save_path(
            self, self.tr("Write roster template"), "Excel (*.xlsx)", self.tr("roster.xlsx")
        )
        if path:
            self.write_template_file(path)

    def write_template_file(self, path: str | Path) -> bool:
        from contest_desk.reports.roster_excel import write_roster_template

        names = self._event_names()
        try:
            write_roster_template(path, names)
        except UserError as error:
            feedback.show_user_error(self, error)
            return False
        except OSError as error:
            self.note.setText(
                self.tr("Cannot write {file}: {reason}").format(
                    file=Path(path).name, reason=error.strerror or error
                )
            )
            return False
        self.message.setText(self.tr("Template written: {file}").format(file=str(path)))
        return True

    def _import_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import roster"), "", self.tr("Excel or CSV (*.xlsx *.csv)")
        )
        if path:
            self.import_roster_file(path)

    def import_roster_file(self, path: str | Path) -> ImportSummary | UserError | Cancelled | None:
        """Read and import a roster off the window's thread, with progress and Cancel, all or
        nothing. ``import_finished`` tells how it ended (the summary, the UserError, or
        Cancelled), which is also the answer; None when no import could start."""
        from contest_desk.reports.roster_excel import read_roster

        contest_id = self.state.contest_id
        if contest_id is None or self.importing:
            return None
        # Problems name the file as read_roster does: by its name, not the whole path.
        importer, source, name = self.services.roster_import, str(path), Path(path).name

        def work(progress: operations.Progress) -> ImportSummary:
            rows = read_roster(source)
            progress.check()
            return importer.import_rows(contest_id, rows, name, progress=progress)

        label = self.tr("Importing {file}…").format(file=name)
        self.message.setText(label)
        self.note.clear()
        self.importing = True
        self._enable()
        try:
            outcome = run_inline(self, work, label=label, cancellable=True)
        except Exception as error:
            self._import_over()
            self.import_finished.emit(error)
            raise  # a bug: the crash handler shows it with the log file
        self._import_over()
        ended: ImportSummary | UserError | Cancelled
        if isinstance(outcome, UserError):
            self.note.setText(outcome.message())
            feedback.show_user_error(self, outcome)
            ended = outcome
        elif outcome is None:
            self.message.setText(self.tr("Import cancelled: nothing was imported."))
            ended = Cancelled()
        else:
            self.message.setText(self.summary_text(outcome))
            self.undo.history.clear()  # persons changed under the history
            self.state.setup_changed.emit()  # reloads this tab too
            ended = outcome
        self.import_finished.emit(ended)
        return ended

    def _import_over(self) -> None:
        self.importing = False
        self._enable()
        self.message.clear()

    def summary_text(self, summary: ImportSummary) -> str:
        created = {
            "units": self.tr("{count} new unit(s)"),
            "persons": self.tr("{count} new person(s)"),
            "teams": self.tr("{count} new team(s)"),
            "entries": self.tr("{count} new entry(ies)"),
        }
        updated = {
            "persons": self.tr("{count} person(s) updated"),
            "teams": self.tr("{count} team(s) updated"),
        }
        parts = []
        for texts, counts in ((created, summary.created), (updated, summary.updated)):
            for key, count in counts.items():
                if count:
                    parts.append(texts.get(key, f"{key}: {{count}}").format(count=count))
        details = "，".join(parts) if parts else self.tr("nothing new")
        return self.tr("Roster imported: {details}.").format(details=details)
