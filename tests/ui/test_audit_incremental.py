"""The audit area reads no more of the trail than it shows: Show the newest SHOWN rows that
match (saying when older ones match too; the Excel file holds them all), and a move of
the database only the rows after those shown, put on top with the rows before kept, the
chosen row kept and the oldest left out past SHOWN; filters changed since read it all.
SHOWN is made small here to keep the tests quick."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt

from contest_desk.services.hub import Services
from contest_desk.ui.audit import area as audit_area
from contest_desk.ui.audit.area import AuditArea
from contest_desk.ui.state import AppState
from tests.ui import test_audit_live as live
from tests.ui.test_audit_live import Scene, chosen, seqs
from tests.ui.test_scoring_models import SmallEvent

language = live.language
services = live.services  # on SQLite and on PostgreSQL
other_desk = live.other_desk
small = live.small
scene = live.scene
WAIT = live.WAIT
NOTE = "仅显示最新的 {n} 条，更早的记录未显示；请缩小日期范围或筛选条件"


class Asked:
    """What the area asked ``audit.records`` and ``audit.names`` for, from now on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, area: AuditArea) -> None:
        self.records: list[dict[str, Any]] = []
        self.names: list[list[int]] = []  # the seqs of the rows whose names were asked
        audit = area.services.audit
        records: Callable[..., Any] = audit.records
        names: Callable[..., Any] = audit.names

        def asked_records(*args: Any, **kwargs: Any) -> Any:
            self.records.append(kwargs)
            return records(*args, **kwargs)

        def asked_names(rows: Any) -> Any:
            rows = list(rows)
            self.names.append([r.seq for r in rows])
            return names(rows)

        monkeypatch.setattr(audit, "records", asked_records)
        monkeypatch.setattr(audit, "names", asked_names)


def column(area: AuditArea, n: int) -> list[str]:
    return [area.model.data(area.model.index(r, n)) for r in range(area.model.rowCount())]


def choose(area: AuditArea, row: int) -> None:
    area.view.selectionModel().select(
        area.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_a_move_reads_only_the_rows_after_those_shown(
    qtbot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = scene.area
    before = seqs(area)
    assert len(before) > 4 and area.result.text() == ""
    subjects = column(area, 4)
    choose(area, 2)
    picked = chosen(area)
    asked = Asked(monkeypatch, area)

    seq = scene.save_mark(0, "7")
    qtbot.waitUntil(lambda: seqs(area)[:1] == [seq], timeout=WAIT)
    qtbot.waitUntil(lambda: not area.quiet.busy, timeout=WAIT)
    assert [(a["after"], a["limit"]) for a in asked.records] == [(before[0], audit_area.SHOWN + 1)]
    assert asked.names == [[seq]]  # the new row's names only
    assert seqs(area) == [seq, *before]  # on top, the rows before still there
    assert chosen(area) == picked
    # The new row by name, the rows before by the names read at Show.
    assert column(area, 4) == ["参赛单元 王建国（采油工技能比武）", *subjects]


def test_filters_changed_since_the_show_read_the_newest_again(
    qtbot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    area, small = scene.area, scene.small
    area.judge_box.setCurrentIndex(area.judge_box.findData(small.judges[1]))  # not shown
    asked = Asked(monkeypatch, area)
    seq = scene.save_mark(0, "7")  # judged by small.judges[1]
    qtbot.waitUntil(lambda: seqs(area)[:1] == [seq], timeout=WAIT)
    qtbot.waitUntil(lambda: not area.quiet.busy, timeout=WAIT)
    assert [a["after"] for a in asked.records] == [None]
    assert {row.detail["judge"] for row in area.model.rows} == {small.judges[1]}

    seq = scene.save_mark(1, "8")  # the same filters now: only what is new
    qtbot.waitUntil(lambda: seqs(area)[:1] == [seq], timeout=WAIT)
    qtbot.waitUntil(lambda: not area.quiet.busy, timeout=WAIT)
    assert asked.records[-1]["after"] is not None and asked.records[-1]["after"] >= seqs(area)[1]


def test_a_move_past_shown_rows_leaves_the_oldest_out_and_says_so(
    qtbot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = scene.area
    whole = seqs(area)
    monkeypatch.setattr(audit_area, "SHOWN", len(whole))
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    assert seqs(area) == whole and area.result.text() == ""  # all of them: no note
    choose(area, 0)

    seq = scene.save_mark(0, "7")
    qtbot.waitUntil(lambda: seqs(area)[:1] == [seq], timeout=WAIT)
    assert seqs(area) == [seq, *whole[:-1]]
    assert chosen(area) == [whole[0]]
    assert area.result.text() == NOTE.format(n=len(whole))

    # The chain checked: its result stays when the next move leaves out one more row.
    qtbot.mouseClick(area.verify_button, Qt.MouseButton.LeftButton)
    said = area.result.text()
    assert said.startswith("审计链完整")
    seq = scene.save_mark(1, "8")
    qtbot.waitUntil(lambda: seqs(area)[:1] == [seq], timeout=WAIT)
    assert len(seqs(area)) == len(whole) and area.result.text() == said


def test_show_reads_the_newest_rows_says_there_are_more_and_the_file_holds_all(
    qtbot, services: Services, small: SmallEvent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_area, "SHOWN", 3)
    for judge in small.judges:
        services.scoring.record_score(small.event_id, 1, judge, small.entries[0].id, "P1", "8")
    area = AuditArea(services, AppState())  # its first Show now
    qtbot.addWidget(area)
    area.show()
    everything = services.audit.records()
    assert len(everything) > 3
    assert seqs(area) == [r.seq for r in everything[:3]]
    assert area.result.text() == NOTE.format(n=3)

    # A narrower filter: all its rows fit, and the note is gone.
    area.judge_box.setCurrentIndex(area.judge_box.findData(small.judges[1]))
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    mine = [r.seq for r in everything if r.detail.get("judge") == small.judges[1]]
    assert 0 < len(mine) <= 3 and seqs(area) == mine
    assert area.result.text() == ""
    area.layout().activate()
    narrowest = area.minimumSizeHint().width()

    area.judge_box.setCurrentIndex(0)  # (any)
    qtbot.mouseClick(area.refresh_button, Qt.MouseButton.LeftButton)
    assert len(seqs(area)) == 3 and area.result.text() == NOTE.format(n=3)
    area.layout().activate()
    assert area.minimumSizeHint().width() == narrowest  # the note wraps: no wider window
    target = tmp_path / "审计记录.xlsx"
    monkeypatch.setattr(audit_area, "ask_save_path", lambda *_a: str(target))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    assert sheet is not None
    written = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert written == [r.seq for r in everything]  # every row, not the 3 shown
    assert area.result.text() == f"已写入：{target}"
