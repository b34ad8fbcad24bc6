"""The scoring and standings table models, and the small event the UI tests share.

``build_event`` and the fixtures here are imported by test_scoring_area.py and
test_standings_area.py, so all three files test the same event.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.awards import AwardLevel, AwardMode, AwardRule
from contest_desk.domain.records.contests import (
    CriterionColumn,
    EntryInfo,
    EventSettings,
    ScoreSheet,
)
from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
)
from contest_desk.i18n import DEFAULT_LANGUAGE, set_language
from contest_desk.services.hub import Services
from contest_desk.ui.scoring.model import ScoreSheetModel
from contest_desk.ui.standings.model import StandingsTableModel
from contest_desk.ui.translator import CatalogTranslator

D = Decimal
AWARDS = AwardRule(
    AwardMode.COUNTS,
    (AwardLevel("一等奖", D(1)), AwardLevel("二等奖", D(1)), AwardLevel("三等奖", D(1))),
)
PRACTICAL = (
    Criterion("P1", "操作规范", max_points=D(10), step=D("0.5")),
    Criterion(
        "M1",
        "测量精度",
        kind=CriterionKind.MEASUREMENT,
        max_points=D(5),
        step=D("0.5"),
        rule=MeasurementRule(MeasurementMode.LINEAR, D(50), D("0.5"), D(1), D("0.5")),
    ),
    Criterion("S1", "安全违章", kind=CriterionKind.DEDUCTION, max_points=D(5), step=D(1)),
)
THEORY = (Criterion("P2", "理论笔试", max_points=D(20), step=D("0.5")),)


@dataclass(frozen=True)
class SmallEvent:
    """A contest with one event: practical (P1, M1, S1) 70 %, theory (P2) 30 %, 3 judges."""

    contest_id: int
    event_id: int
    judges: tuple[int, ...]
    entries: tuple[EntryInfo, ...]


def build_event(services: Services) -> SmallEvent:
    contest = services.contests.create_contest("2026年采油厂职工技能比武")
    settings = EventSettings(
        aggregation=AggregationRule(Aggregation.MEAN, 0),
        judges_per_entry=3,
        places=2,
        award_rule=AWARDS,
    )
    event = services.contests.create_event(
        contest.id,
        "采油工技能比武",
        parts=[("Practical", D("0.7")), ("Theory", D("0.3"))],
        settings=settings,
    )
    practical, theory = event.parts
    services.contests.save_rubric(practical.id, Rubric(PRACTICAL))
    services.contests.save_rubric(theory.id, Rubric(THEORY))
    judges = []
    for i, name in enumerate(("张振华", "李国强", "王秀兰"), start=1):
        judge = services.roster.add_judge(contest.id, f"judge{i}", name, "培训中心")
        services.roster.assign_judge(judge.id, event.id)
        judges.append(judge.id)
    entries = []
    for i, name in enumerate(("王建国", "李红梅", "张海涛", "刘晓燕"), start=1):
        person = services.roster.add_person(f"E{i:03d}", name, f"采油{i}区/采油一班", "采油工")
        entries.append(services.roster.add_entry(event.id, person_id=person.id))
    return SmallEvent(contest.id, event.id, tuple(judges), tuple(entries))


@pytest.fixture(autouse=True)
def language(qapp) -> Iterator[None]:
    """Chinese unless a test says otherwise, with Qt's tr() answered from the catalog."""
    translator = CatalogTranslator(qapp)
    qapp.installTranslator(translator)
    set_language(DEFAULT_LANGUAGE)
    yield
    set_language(DEFAULT_LANGUAGE)
    qapp.removeTranslator(translator)


def desk_on_file(path: Path) -> Iterator[Services]:
    """A desk's services on the database file ``path`` (for ``yield from`` in a fixture);
    at the end, once the window's workers on the thread pool are done, closed."""
    services = Services.open(str(path))
    yield services
    QThreadPool.globalInstance().waitForDone()
    services.ctx.db.dispose()


@pytest.fixture
def services(tmp_path) -> Iterator[Services]:
    yield from desk_on_file(tmp_path / "desk.db")


@pytest.fixture
def small(services: Services) -> SmallEvent:
    return build_event(services)


# The scoring model ---------------------------------------------------------------


def _sheet_model(services: Services, small: SmallEvent) -> ScoreSheetModel:
    judge = small.judges[0]
    scoring = services.scoring
    model = ScoreSheetModel()
    model.set_sheet(
        scoring.sheet(small.event_id, 1, judge),
        lambda entry, code, text: scoring.record_score(small.event_id, 1, judge, entry, code, text),
    )
    return model


def test_scoring_model_passes_the_model_tester(qtmodeltester, services, small):
    first = small.entries[0].id
    services.scoring.record_score(small.event_id, 1, small.judges[0], first, "P1", "8.5")
    services.scoring.record_score(small.event_id, 1, small.judges[1], first, "M1", "51")
    model = _sheet_model(services, small)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    # unit, P1, M1, S1, P2, time
    assert model.columnCount() == 6
    assert model.data(model.index(0, model.column_of("P1"))) == "8.5"
    # A measured value is shared: the second judge keyed it, the first judge sees it.
    assert model.data(model.index(0, model.column_of("M1"))) == "51"


def test_headers_name_code_name_max_and_mark_shared_values(services, small):
    model = _sheet_model(services, small)
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[0] == "单位"
    assert header[1] == "P1 操作规范 (10)"
    assert header[2].startswith("M1 测量精度 (5)") and header[2].endswith("◆")
    assert header[3].endswith("◆")
    assert header[4] == "P2 理论笔试 (20)"
    assert header[5] == "用时（分:秒）"
    assert model.part_groups() == [(1, 3, "Practical", 0), (4, 4, "Theory", 1)]
    # Row headers: the entry code when drawn, else the name; the unit in the first column.
    assert model.headerData(0, Qt.Orientation.Vertical) == "王建国"
    assert model.data(model.index(0, 0)) == "采油1区/采油一班"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_set_data_saves_or_refuses_and_counts_progress(services, small):
    model = _sheet_model(services, small)
    # The judge's own marks: the measurement M1 and the deduction S1 are keyed once, by
    # whoever, and not counted (as the chief judge's desk and the sign-off count them).
    assert model.progress() == (0, 4 * 2)
    p1 = model.index(1, model.column_of("P1"))
    assert model.setData(p1, "9.5", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(1, model.column_of("M1")), "4", Qt.ItemDataRole.EditRole)
    assert model.progress() == (1, 8)
    status = services.sheets.round_status(small.event_id, 1)
    mine = next(sheet for sheet in status.sheets if sheet.judge.id == small.judges[0])
    assert (mine.filled, mine.expected) == model.progress()
    refused = []
    model.refused.connect(lambda row, column, reason: refused.append((row, column, reason)))
    assert not model.setData(p1, "10.5", Qt.ItemDataRole.EditRole)
    assert model.data(p1) == "9.5"
    assert refused and refused[0][:2] == (1, p1.column())
    assert model.data(p1, Qt.ItemDataRole.ToolTipRole) == refused[0][2]
    assert model.data(p1, Qt.ItemDataRole.BackgroundRole).name() == "#ffcdd2"
    stored = services.scoring.sheet(small.event_id, 1, small.judges[0]).values
    assert stored[(small.entries[1].id, "P1")] == D("9.5")
    assert model.setData(p1, "", Qt.ItemDataRole.EditRole)
    assert model.progress() == (0, 8)
    assert model.data(p1, Qt.ItemDataRole.BackgroundRole).name() != "#ffcdd2"


def _big_sheet(entries: int) -> ScoreSheet:
    criterion = Criterion("P1", "操作规范")
    return ScoreSheet(
        event_id=1,
        round_number=1,
        judge_id=1,
        entries=tuple(
            EntryInfo(i, f"选手{i}", "采油一区", f"E{i}", f"A{i:05d}", i, None)
            for i in range(1, entries + 1)
        ),
        columns=(CriterionColumn(1, "P1", "操作规范", "实操", criterion),),
        values={(7, "P1"): D("7.5")},
    )


def test_rows_come_in_batches(qtmodeltester):
    model = ScoreSheetModel()
    model.set_sheet(_big_sheet(1234))
    assert model.rowCount() == 500
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000
    assert model.ensure_row(1233)
    assert model.rowCount() == 1234
    assert not model.canFetchMore(QModelIndex())
    assert model.headerData(6, Qt.Orientation.Vertical) == "A00007"
    assert model.data(model.index(6, 1)) == "7.5"
    assert model.progress() == (1, 1234)
    qtmodeltester.check(model)


# The standings model -------------------------------------------------------------


def test_standings_model_passes_the_model_tester(qtmodeltester, services, small):
    for judge in small.judges:
        for entry in small.entries[:2]:
            services.scoring.record_score(small.event_id, 1, judge, entry.id, "P1", "8")
    model = StandingsTableModel()
    model.set_table(services.standings.standings(small.event_id))
    qtmodeltester.check(model)
    kinds = model.column_kinds()
    assert kinds == ["rank", "code", "name", "unit", "part", "part", "total", "award", "marks"]
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(kinds))]
    assert header[:4] == ["名次", "编号", "姓名", "单位"]
    assert header[4:6] == ["Practical", "Theory"]
    assert model.data(model.index(0, model.column_of("marks"))) == "不完整（缺 4 项）"
