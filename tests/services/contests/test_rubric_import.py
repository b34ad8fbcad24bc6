"""Importing a rubric table into an event: the export read back gives the same rubric;
any problem, in any part, changes nothing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from contest_desk.domain.rubric import Rubric
from contest_desk.domain.rubric_table import RubricRow
from contest_desk.errors import ImportRejected
from contest_desk.reports.rubric_excel import read_rubric_workbook, write_rubric_workbook
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import PRACTICAL, THEORY

D = Decimal


def exported(services: Services, event_id: int, folder: Path) -> list[RubricRow]:
    path = write_rubric_workbook(
        folder / "细则.xlsx", [services.rubric_files.event_rubrics(event_id)]
    )
    (sheet,) = read_rubric_workbook(path)
    return sheet.rows


def rubrics(services: Services, event_id: int) -> list[Rubric]:
    return [services.contests.rubric(p.id) for p in services.contests.event(event_id).parts]


def test_export_then_import_gives_the_same_rubric(services, small_event, tmp_path):
    rows = exported(services, small_event.event.id, tmp_path)
    contest = services.contests.create_contest("2027年技能比武")
    fresh = services.contests.create_event(contest.id, "采油工")
    plans = services.rubric_files.import_rows(fresh.id, rows, "细则.xlsx")
    assert [p.part for p in plans] == ["理论", "实操"]
    assert rubrics(services, fresh.id) == [THEORY, PRACTICAL]
    # Into the event it came from: nothing changes, nothing is audited.
    before = audit_count(services)
    services.rubric_files.import_rows(small_event.event.id, rows, "细则.xlsx")
    assert rubrics(services, small_event.event.id) == [THEORY, PRACTICAL]
    assert audit_count(services) == before


def audit_count(services: Services) -> int:
    with services.ctx.db.reading() as s:
        return len(list(s.scalars(select(m.AuditRecord.id))))


def test_one_wrong_row_changes_no_part(services, small_event, tmp_path):
    rows = exported(services, small_event.event.id, tmp_path)
    t1 = next(r for r in rows if r.get("code") == "T1")
    p2 = next(r for r in rows if r.get("code") == "P2")
    changed = [
        replace(r, cells={**r.cells, "name": "理论知识"}) if r is t1 else
        replace(r, cells={**r.cells, "max_points": "二十"}) if r is p2 else r
        for r in rows
    ]  # fmt: skip
    with pytest.raises(ImportRejected) as rejected:
        services.rubric_files.import_rows(small_event.event.id, changed, "细则.xlsx")
    (problem,) = rejected.value.problems
    assert problem.message().startswith(f"细则.xlsx, 第 {p2.row} 行, “满分”列")
    assert rubrics(services, small_event.event.id) == [THEORY, PRACTICAL]


def test_a_change_the_scores_do_not_fit_is_refused_on_its_row(services, small_event, tmp_path):
    judge, entry = small_event.judges[0], small_event.entries[0]
    services.scoring.record_score(small_event.event.id, 1, judge.id, entry.id, "P1", "8")
    rows = exported(services, small_event.event.id, tmp_path)
    p1 = next(r for r in rows if r.get("code") == "P1")
    lower = [replace(r, cells={**r.cells, "max_points": "5"}) if r is p1 else r for r in rows]
    group = next(r for r in lower if r.get("code") == "P")
    lower = [replace(r, cells={**r.cells, "max_points": ""}) if r is group else r for r in lower]
    with pytest.raises(ImportRejected) as rejected:
        services.rubric_files.import_rows(small_event.event.id, lower, "细则.xlsx")
    (problem,) = rejected.value.problems
    assert f"第 {p1.row} 行" in problem.message() and "P1 操作规范 已有成绩" in problem.message()
    assert rubrics(services, small_event.event.id) == [THEORY, PRACTICAL]


def test_an_import_is_audited_with_its_file_and_changes(services, small_event, tmp_path):
    rows = exported(services, small_event.event.id, tmp_path)
    t1 = next(r for r in rows if r.get("code") == "T1")
    renamed = [replace(r, cells={**r.cells, "name": "应知"}) if r is t1 else r for r in rows]
    (plan,) = services.rubric_files.preview(small_event.event.id, renamed[:1], "细则.xlsx")
    assert plan.part == "理论" and [c.code for c in plan.changes.changes] == ["T1"]
    services.rubric_files.import_rows(small_event.event.id, renamed, "细则.xlsx")
    with services.ctx.db.reading() as s:
        last = s.scalars(select(m.AuditRecord).order_by(m.AuditRecord.id.desc())).first()
        assert last is not None
        assert last.action == "rubric.save" and last.detail["source"] == "细则.xlsx"
        assert last.detail["changes"][0]["after"]["name"] == "应知"
