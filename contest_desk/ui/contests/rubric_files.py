"""The rubric editor's Excel import and export, and the question asked before a change
touches stored scores (shared by saving and importing)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from contest_desk.domain.rubric_changes import CriterionChange
from contest_desk.domain.rubric_table import count_criteria
from contest_desk.errors import UserError
from contest_desk.ui import operations, save_dialog
from contest_desk.ui.ask import ask_choice

if TYPE_CHECKING:
    from contest_desk.ui.contests.rubric_editor import RubricEditor

SHOWN_CHANGES = 15  # a longer list is cut, saying how many more there are


def tr(text: str) -> str:
    return QCoreApplication.translate("RubricFiles", text)


def ask_to_change_scored(parent: QWidget, changes: Sequence[CriterionChange]) -> bool:
    """Whether to go on with changes that touch criteria with scores: they are listed,
    with what changes and how many scores each has. Tests answer in its place."""
    lines = [c.describe() for c in changes[:SHOWN_CHANGES]]
    if len(changes) > SHOWN_CHANGES:
        lines.append(tr("… and {count} more").format(count=len(changes) - SHOWN_CHANGES))
    text = tr(
        "These changes touch criteria that already have scores; the results will change "
        "and the audit trail keeps what changed:"
    )
    answer = QMessageBox.question(
        parent, tr("Scores are affected"), text + "\n\n" + "\n".join(lines)
    )
    return answer == QMessageBox.StandardButton.Yes


def export_dialog(editor: RubricEditor) -> None:
    name = tr("{event} rubric.xlsx").format(event=editor.event_name or tr("Rubric"))
    path = save_dialog.ask_save_path(
        editor, tr("Export rubric to Excel"), tr("Excel (*.xlsx)"), name
    )
    if path:
        export_file(editor, path)


def export_file(editor: RubricEditor, path: str | Path) -> Path | None:
    """Write the chosen event's saved rubrics (every part) to ``path``."""
    # Imported here: openpyxl loads when a file is written, not when the window starts.
    from contest_desk.reports.rubric_excel import write_rubric_workbook

    event_id = editor.state.event_id
    if event_id is None:
        return None
    files = editor.services.rubric_files

    def work() -> Path:
        return write_rubric_workbook(path, [files.event_rubrics(event_id)])

    written = operations.run(editor, work, label=tr("Writing the rubric…"))
    if written is not None:
        text = tr("The saved rubric was written to {file}.").format(file=str(written))
        editor.say(text)
    return written


def import_dialog(editor: RubricEditor) -> None:
    path, _filter = QFileDialog.getOpenFileName(
        editor, tr("Import rubric from Excel"), "", tr("Excel (*.xlsx)")
    )
    if path:
        import_file(editor, path)


def import_file(editor: RubricEditor, path: str | Path) -> bool:
    """Import an Excel rubric into the chosen event's parts, all or nothing; asks first
    when the changes touch stored scores. True when it was imported."""
    from contest_desk.reports.rubric_excel import pick_sheet, read_rubric_workbook

    event_id = editor.state.event_id
    if event_id is None or not editor.confirm_discard():
        return False
    source_path = Path(path)
    sheets = operations.run(editor, lambda: read_rubric_workbook(source_path))
    if sheets is None:
        return False
    try:
        sheet = pick_sheet(sheets, editor.event_name)
    except UserError:
        titles = [s.title for s in sheets]
        label = tr("The file has several rubric sheets. Which one is this event's?")
        chosen = ask_choice(editor, tr("Import rubric from Excel"), label, titles)
        if chosen is None:
            return False
        sheet = sheets[chosen]
    source = tr("{file}, sheet {sheet}").format(file=source_path.name, sheet=sheet.title)
    files, rows = editor.services.rubric_files, sheet.rows
    plans = operations.run(editor, lambda: files.preview(event_id, rows, source))
    if plans is None:
        return False
    touching = [c for plan in plans for c in plan.changes.touching_scores]
    if touching and not ask_to_change_scored(editor, touching):
        return False
    done = operations.run(editor, lambda: files.import_rows(event_id, rows, source))
    if done is None:
        return False
    parts = tr("; ").join(
        tr("{part}: {count} criteria").format(part=p.part, count=count_criteria(p.rubric))
        for p in done
    )
    editor.reload_after_import()
    editor.say(
        tr("Imported {file} into {event}: {parts}").format(
            file=source, event=editor.event_name, parts=parts
        )
    )
    return True
