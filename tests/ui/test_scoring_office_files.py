"""The scoring area and office files: 导入成绩… takes a CSV saved by Excel or WPS (GBK,
Chinese headers) all or nothing, through the runner; a completion time is typed as 分:秒
and shown back so."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.ui import feedback
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_area import choose, open_area, stored
from tests.ui.test_scoring_models import SmallEvent

D = Decimal
language = shared.language
services = shared.services
small = shared.small


def test_scores_imported_from_a_gbk_csv_with_chinese_headers(
    qtbot, services: Services, small: SmallEvent, tmp_path: Path, monkeypatch
) -> None:
    refused: list[str] = []
    monkeypatch.setattr(feedback, "show_user_error", lambda _p, e: refused.append(e))
    area = open_area(qtbot, services)
    choose(qtbot, area, small.event_id, 1, small.judges[0])
    assert area.import_scores.isVisible() and area.import_scores.text() == "导入成绩…"

    bad = tmp_path / "成绩-有误.csv"
    bad.write_text("工号,裁判,评分项,分值\nE001,张振华,P1,8.5\nE002,张振华,P1,11\n", "gbk")
    assert area.import_scores.import_file(bad) is None
    (error,) = refused
    problems = [p.message() for p in error.problems]
    assert problems == ["成绩-有误.csv, 第 3 行, “分值”列: P1 的分值 11 超出 0–10 的范围"]
    assert stored(services, small, small.judges[0], 0, "P1") is None  # all or nothing

    good = tmp_path / "成绩.csv"
    good.write_text("工号,裁判,评分项,分值\nE001,张振华,P1,8.5\nE002,judge1,P1,9\n", "gbk")
    with qtbot.waitSignal(area.sheet_loaded, timeout=20000):
        summary = area.import_scores.import_file(good)
    assert summary is not None and summary.created == {"scores": 2}
    assert area.status.text() == "已导入 成绩.csv：新增 2 个分数，替换 0 个"
    assert stored(services, small, small.judges[0], 1, "P1") == D(9)
    p1 = area.model.column_of("P1")
    assert [area.model.data(area.model.index(r, p1)) for r in (0, 1)] == ["8.5", "9"]


def test_a_judge_sees_no_import_button(qtbot, services: Services, small: SmallEvent) -> None:
    judge = services.as_user(Actor("judge1", frozenset({Role.JUDGE})))
    area = open_area(qtbot, judge)
    assert not area.import_scores.isVisible()
    chief = services.as_user(Actor("chief", frozenset({Role.CHIEF_JUDGE})))
    assert open_area(qtbot, chief).import_scores.isVisible()


def test_a_completion_time_typed_as_minutes_and_seconds(
    qtbot, services: Services, small: SmallEvent
) -> None:
    area = open_area(qtbot, services)
    choose(qtbot, area, small.event_id, 1, small.judges[0])
    area.time_check.setChecked(True)
    header = area.model.headerData(area.model.time_column, Qt.Orientation.Horizontal)
    assert header == "用时（分:秒）"
    for row, typed, seconds, shown in (
        (1, "12:34", D(754), "12:34"),
        (2, "1:02:03", D(3723), "1:02:03"),
    ):
        index = area.model.index(row, area.model.time_column)
        area.grid.setFocus()
        area.grid.setCurrentIndex(index)
        qtbot.keyClicks(area.grid, typed)
        qtbot.keyClick(area.grid, Qt.Key.Key_Return)
        with services.ctx.db.reading() as s:
            entry = small.entries[row].id
            assert s.query(m.Timing.seconds).filter_by(entry_id=entry).scalar() == seconds
        assert area.model.data(index) == shown
    index = area.model.index(0, area.model.time_column)  # as a Chinese keyboard types it
    assert area.model.setData(index, "１２：０５", Qt.ItemDataRole.EditRole)
    assert area.model.data(index) == "12:05"
    index = area.model.index(3, area.model.time_column)
    area.grid.setCurrentIndex(index)
    qtbot.keyClicks(area.grid, "12:75")
    qtbot.keyClick(area.grid, Qt.Key.Key_Return)
    assert "分和秒最大为 59" in area.status.text()
    assert area.model.data(index) == ""
