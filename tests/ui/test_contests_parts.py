"""Removing a part from an event: the editor asks first when the part has a rubric (read
off the window's thread), and a No keeps everything as it was."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.services.hub import Services
from contest_desk.ui.contests import event_editor
from contest_desk.ui.contests.area import ContestsArea
from tests.ui import test_contests_area as shared

area = shared.area
services = shared.services
shown = shared.shown


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_a_part_with_a_rubric_is_removed_only_when_confirmed(
    qtbot, area: ContestsArea, services: Services, monkeypatch: pytest.MonkeyPatch, answer
) -> None:
    shared.create_contest(qtbot, area)
    event_id = shared.create_event(qtbot, area)
    theory, practical = services.contests.event(event_id).parts
    rubric = Rubric((Criterion("B1", "操作规范", CriterionKind.JUDGEMENT, Decimal(10)),))
    services.contests.save_rubric(practical.id, rubric)
    asked: list[str] = []

    def question(_parent, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(event_editor.QMessageBox, "question", question)
    editor = area.event_editor
    editor.parts.remove_row(1)
    editor.parts.setData(editor.parts.index(0, 1), "100")
    shared.click(qtbot, editor.save_button)

    assert len(asked) == 1 and practical.name in asked[0]
    parts = services.contests.event(event_id).parts
    if answer == QMessageBox.StandardButton.No:
        assert [p.id for p in parts] == [theory.id, practical.id]
        assert services.contests.rubric(practical.id) == rubric
    else:
        assert [p.id for p in parts] == [theory.id]


def test_a_part_without_a_rubric_goes_without_a_question(
    qtbot, area: ContestsArea, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared.create_contest(qtbot, area)
    event_id = shared.create_event(qtbot, area)
    theory = services.contests.event(event_id).parts[0]
    monkeypatch.setattr(event_editor.QMessageBox, "question", pytest.fail)
    editor = area.event_editor
    editor.parts.remove_row(1)
    editor.parts.setData(editor.parts.index(0, 1), "100")
    shared.click(qtbot, editor.save_button)
    assert [p.id for p in services.contests.event(event_id).parts] == [theory.id]
