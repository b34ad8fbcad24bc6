"""The rubric editor on an event with scores: it says what a change does to them and asks
before saving; a change they would not fit is refused. And its Excel import and export."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from contest_desk.domain.rubric import Criterion, CriterionKind, Rubric
from contest_desk.errors import ImportRejected
from contest_desk.reports.rubric_excel import write_rubric_workbook
from contest_desk.storage import models as m
from contest_desk.ui.contests import rubric_files
from contest_desk.ui.contests.rubric_model import MAX, NAME
from tests.ui import test_contests_area as shared

D = Decimal
area = shared.area
chinese = shared.chinese
services = shared.services
shown = shared.shown
RUBRIC = Rubric(
    (
        Criterion("B1", "取样", CriterionKind.JUDGEMENT, D(10), D("0.5")),
        Criterion("B2", "巡检", CriterionKind.JUDGEMENT, D(10), D("0.5")),
    )
)


@pytest.fixture
def scored(area, services):
    """An event whose practical part has the rubric above and one mark 8 for B1."""
    contest = services.contests.create_contest("2026年技能比武")
    event = services.contests.create_event(contest.id, "采油工")
    part = event.parts[1]
    services.contests.save_rubric(part.id, RUBRIC)
    judge = services.roster.add_judge(contest.id, "j1", "裁判一")
    services.roster.assign_judge(judge.id, event.id)
    person = services.roster.add_person("1001", "王建国", "采油一区/作业一班", "采油工", "高级工")
    entry = services.roster.add_entry(event.id, person_id=person.id)
    services.scoring.record_score(event.id, 1, judge.id, entry.id, "B1", "8")
    area.state.choose_contest(contest.id)
    area.state.choose_event(event.id)
    area.tabs.setCurrentWidget(area.rubric_editor)
    area.rubric_editor.part_box.setCurrentIndex(1)
    return area.rubric_editor


def answer(monkeypatch, reply):
    """Answer the editor's question with ``reply``; the texts it asked are kept."""
    asked: list[str] = []

    def question(_parent, title, text, *_args):
        asked.append(f"{title}\n{text}")
        return reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def stored_names(services, editor) -> list[str]:
    return [c.name for c in services.contests.rubric(editor.part_id).criteria]


def test_a_change_to_a_scored_criterion_is_shown_and_asked(
    qtbot, chinese, scored, services, monkeypatch
):
    editor = scored
    b1 = editor.tree.topLevelItem(0)
    b1.setText(NAME, "规范取样")
    b1.setText(MAX, "20")
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not editor.save()
    (text,) = asked
    assert text.startswith("涉及已有成绩\n以下修改涉及已有成绩的评分项")
    assert text.endswith("B1 规范取样：名称 取样 → 规范取样；满分 10 → 20（涉及成绩 1 条）")
    assert stored_names(services, editor) == ["取样", "巡检"] and editor.dirty

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert editor.save()
    assert stored_names(services, editor) == ["规范取样", "巡检"]
    with services.ctx.db.reading() as s:
        last = s.scalars(select(m.AuditRecord).order_by(m.AuditRecord.id.desc())).first()
        assert last.action == "rubric.save"
        assert last.detail["changes"][0]["after"]["max_points"] == "20"


def test_an_unscored_change_is_saved_without_asking(qtbot, scored, services, monkeypatch):
    editor = scored
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    editor.tree.topLevelItem(1).setText(NAME, "巡回检查")  # B2 has no scores
    assert editor.save()
    assert asked == [] and stored_names(services, editor) == ["取样", "巡回检查"]


def test_a_max_below_a_stored_score_is_refused(qtbot, scored, services, shown, monkeypatch):
    editor = scored
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    editor.tree.topLevelItem(0).setText(MAX, "5")
    assert not editor.save()
    assert asked == []  # nothing to ask: it cannot be done
    (error,) = shown
    assert "B1 取样 已有成绩" in error.message() and "满分 5" in error.message()
    assert services.contests.rubric(editor.part_id) == RUBRIC


def test_export_edit_in_excel_and_import(qtbot, scored, services, shown, monkeypatch, tmp_path):
    editor = scored
    path = rubric_files.export_file(editor, tmp_path / "细则.xlsx")
    assert path is not None and "细则.xlsx" in editor.problem_label.text()
    workbook = load_workbook(path)
    sheet = workbook["采油工"]
    rows = {sheet.cell(row=r, column=2).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(row=rows["B2"], column=3, value="巡回检查")
    workbook.save(path)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert rubric_files.import_file(editor, path)
    assert asked == []  # B2 has no scores
    assert stored_names(services, editor) == ["取样", "巡回检查"]
    assert editor.tree.topLevelItem(1).text(NAME) == "巡回检查"

    sheet.cell(row=rows["B1"], column=4, value="很多")
    workbook.save(path)
    assert not rubric_files.import_file(editor, path)
    (error,) = shown
    assert isinstance(error, ImportRejected)
    assert f"第 {rows['B1']} 行" in error.problems[0].message()
    assert stored_names(services, editor) == ["取样", "巡回检查"]


def test_a_name_typed_without_xlsx_gets_it(qtbot, scored, monkeypatch, tmp_path):
    typed = str(tmp_path / "采油工细则")
    monkeypatch.setattr(
        rubric_files.QFileDialog, "getSaveFileName", lambda *_a: (typed, "Excel (*.xlsx)")
    )
    rubric_files.export_dialog(scored)
    assert (tmp_path / "采油工细则.xlsx").is_file()


def test_a_workbook_of_other_events_asks_which_sheet(
    qtbot, scored, services, monkeypatch, tmp_path
):
    editor = scored
    renamed = Rubric((RUBRIC.criteria[0], Criterion("B2", "巡回检查", max_points=D(10))))
    events = [("电焊工", [("理论", Rubric(()))]), ("旧采油工", [("实操", renamed)])]
    path = write_rubric_workbook(tmp_path / "去年.xlsx", events)
    offered: list[list[str]] = []

    def choose(_parent, _title, _label, items):
        offered.append(items)
        return items.index("旧采油工")

    monkeypatch.setattr(rubric_files, "ask_choice", choose)
    assert rubric_files.import_file(editor, path)
    assert offered == [["电焊工", "旧采油工"]]
    assert stored_names(services, editor) == ["取样", "巡回检查"]
