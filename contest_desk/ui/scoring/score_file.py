"""导入成绩…: a CSV of marks into the chosen event, from the scoring area.

The same import as ``contest-desk import scores`` (services/judging/score_import.py):
English or Chinese headers, UTF-8 or GBK, all or nothing. It runs through the operations
runner; a refusal lists every problem with its row and column (the message box's
details), and what was imported is said in the area's status line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import ImportSummary
from contest_desk.services.hub import Services
from contest_desk.ui import operations


class ScoreFileImport(QPushButton):
    """The button, shown to those who may import scores (organizer, chief judge)."""

    def __init__(
        self,
        services: Services,
        event_id: Callable[[], int | None],
        imported: Callable[[int, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setText(self.tr("Import scores…"))
        self.setToolTip(
            self.tr(
                "A CSV file of marks (参赛编号/工号, 裁判, 评分项, 分值, optional 轮次; "
                "UTF-8 or GBK): every row is checked and all are imported, or none"
            )
        )
        self.services = services
        self._event_id = event_id
        self._imported = imported  # (event id, what was imported) once it is stored
        # hide(), never setVisible(True): a button with no parent yet would be shown as a
        # window of its own, for a moment, and take the focus from the main window.
        if not services.ctx.actor.may(Action.IMPORT_SCORES):
            self.hide()
        self.clicked.connect(self._choose)

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import scores"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> ImportSummary | None:
        """Import ``path`` into the chosen event; None when refused (said) or no event."""
        event_id = self._event_id()
        if event_id is None:
            return None
        importer, source = self.services.score_import, Path(path)
        summary = operations.run(
            self,
            lambda: importer.import_csv(event_id, source),
            label=self.tr("Importing {file}…").format(file=source.name),
        )
        if summary is not None:
            created = sum(summary.created.values())
            updated = sum(summary.updated.values())
            text = self.tr("Imported {file}: {created} new marks, {updated} replaced").format(
                file=source.name, created=created, updated=updated
            )
            self._imported(event_id, text)
        return summary
