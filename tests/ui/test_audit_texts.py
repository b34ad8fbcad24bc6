"""The audit view and its Excel file say each action and target in words (names a clerk
knows, a fallback for a deleted record), users by name and times in Beijing time, with the
stored codes kept (in the rows, and in the tooltips)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from contest_desk.domain.contest import ContestStatus
from contest_desk.domain.records.audit import AuditRow
from contest_desk.services.hub import Services
from contest_desk.ui.audit import area as audit_area
from contest_desk.ui.audit.area import AuditArea
from contest_desk.ui.state import AppState
from tests.domain import test_audit_words as words
from tests.ui import test_scoring_models as shared
from tests.ui.test_scoring_models import SmallEvent

language = shared.language
services = shared.services
small = shared.small
beijing = words.beijing
CODE = re.compile(r"^[a-z_]+[.:][a-z_0-9.]+$")  # judge.assign, judge:10


@pytest.fixture
def area(qtbot, beijing: None, services: Services, small: SmallEvent) -> AuditArea:
    services.scoring.record_score(
        small.event_id, 1, small.judges[0], small.entries[0].id, "P1", "8"
    )
    services.roster.remove_entry(small.entries[3].id)
    services.contests.set_status(small.contest_id, ContestStatus.OPEN)
    widget = AuditArea(services, AppState())
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def shown(area: AuditArea, action: str) -> list[str]:
    """The first row of ``action`` as the view shows it."""
    model = area.model
    row = next(n for n, r in enumerate(model.rows) if r.action == action)
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_actions_and_targets_in_words(qtbot, area: AuditArea, small: SmallEvent) -> None:
    assert shown(area, "judge.assign")[2:5] == ["系统（自动）", "指派裁判", "裁判 王秀兰"]
    assert shown(area, "rubric.save")[3:5] == ["保存评分细则", "组成部分 Theory"]
    assert shown(area, "score.record")[3:5] == ["录入评分", "参赛单元 王建国（采油工技能比武）"]
    s_contest = "竞赛 2026年采油厂职工技能比武"
    assert shown(area, "contest.create")[3:5] == ["新建竞赛", s_contest]
    assert shown(area, "contest.status")[3:7] == ["变更竞赛状态", s_contest, "筹备中", "报名中"]
    # The entry was removed: its rows still say what it was.
    assert shown(area, "entry.remove")[3:5] == ["删除参赛单元", "参赛单元（已删除）"]
    model = area.model
    every = [model.data(model.index(r, c)) for r in range(model.rowCount()) for c in (2, 3, 4)]
    assert [text for text in every if CODE.match(text)] == []
    # The stored codes, which the chain hashes, are unchanged and in the tooltips.
    removed = next(n for n, r in enumerate(model.rows) if r.action == "entry.remove")
    assert model.rows[removed].target == f"entry:{small.entries[3].id}"
    tips = [model.data(model.index(removed, c), Qt.ItemDataRole.ToolTipRole) for c in (3, 4)]
    assert tips == ["entry.remove", f"entry:{small.entries[3].id}"]


def test_times_in_beijing_time_and_said_so(qtbot, area: AuditArea) -> None:
    heading = area.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert heading == "时间（北京时间）"
    first: AuditRow = area.model.rows[0]
    beijing = first.at + dt.timedelta(hours=8)
    assert shown(area, first.action)[1] == beijing.strftime("%Y-%m-%d %H:%M:%S")


def test_the_date_filter_takes_beijing_days(qtbot, area: AuditArea, services: Services) -> None:
    """A row at 17:30 UTC on 11 May happened on 12 May in Beijing."""
    with services.ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET at = '2026-05-11 17:30:00'")
    area.time_check.setChecked(True)
    area.since.setDate(dt.date(2026, 5, 12))
    area.until.setDate(dt.date(2026, 5, 12))
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    assert area.model.rowCount() > 0
    assert shown(area, "contest.create")[1] == "2026-05-12 01:30:00"
    area.since.setDate(dt.date(2026, 5, 11))
    area.until.setDate(dt.date(2026, 5, 11))
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    assert area.model.rowCount() == 0


def test_the_excel_file_says_the_same(
    qtbot, area: AuditArea, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "审计记录.xlsx"
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    assert sheet is not None
    head, *rows = list(sheet.iter_rows(values_only=True))
    assert head[:5] == ("序号", "时间（北京时间）", "用户", "操作", "对象")
    first = area.model.rows[0]
    assert rows[0][:5] == (
        first.seq,
        first.at.replace(microsecond=0) + dt.timedelta(hours=8),
        "系统（自动）",
        "变更竞赛状态",
        "竞赛 2026年采油厂职工技能比武",
    )
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm:ss"
    said = {(r[3], r[4]) for r in rows}
    assert ("指派裁判", "裁判 张振华") in said
    assert not [cell for r in rows for cell in r[2:5] if CODE.match(str(cell))]
