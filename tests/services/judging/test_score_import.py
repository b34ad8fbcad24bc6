"""score_import.py: a CSV of marks is checked whole, then written in one go or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.records.contests import EventSettings
from contest_desk.domain.rubric import (
    Criterion,
    CriterionKind,
    MeasurementMode,
    MeasurementRule,
    Rubric,
)
from contest_desk.errors import ImportRejected, Location, UserError
from contest_desk.services.hub import Services
from contest_desk.services.judging.score_import import ScoreImportService
from contest_desk.storage import models as m

D = Decimal
HEADER = "entry,judge,criterion,value,round\n"
LINEAR = MeasurementRule(MeasurementMode.LINEAR, D(0), D("0.2"), D(2), D("0.1"))
RUBRIC = Rubric(
    (
        Criterion(
            "G",
            "操作",
            None,
            children=(Criterion("J1", "操作规范", CriterionKind.JUDGEMENT, D(10), D("0.5")),),
        ),
        Criterion("M1", "尺寸偏差", CriterionKind.MEASUREMENT, D(20), D("0.01"), rule=LINEAR),
        Criterion("X1", "安全扣分", CriterionKind.DEDUCTION, D(5), D(1)),
    )
)


@dataclass
class Setup:
    services: Services
    importer: ScoreImportService
    event_id: int
    entries: dict[str, int]  # employee number → entry id
    folder: Path

    def write(self, text: str, name: str = "scores.csv", encoding: str = "utf-8") -> Path:
        path = self.folder / name
        path.write_text(text, encoding=encoding)
        return path

    def scores(self) -> list[tuple[int, str, str, Decimal]]:
        """Every stored mark as (entry id, criterion code, judge user name, value)."""
        with self.services.ctx.db.reading() as s:
            rows = s.execute(
                select(m.Score.entry_id, m.Criterion.code, m.Judge.username, m.Score.value)
                .join(m.Criterion, m.Criterion.id == m.Score.criterion_id)
                .join(m.Judge, m.Judge.id == m.Score.judge_id)
                .order_by(m.Score.entry_id, m.Criterion.code, m.Judge.username)
            )
            return [tuple(r) for r in rows]  # type: ignore[misc]

    def count(self, model: type[m.Base]) -> int:
        with self.services.ctx.db.reading() as s:
            return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def setup(database_url: str, tmp_path: Path) -> Iterator[Setup]:
    """One event (mean of two judges) with a judged, a measured and a deduction criterion."""
    services = Services.open(database_url)
    contest = services.contests.create_contest("测试竞赛")
    settings = EventSettings(aggregation=AggregationRule(Aggregation.MEAN), judges_per_entry=2)
    event = services.contests.create_event(
        contest.id, "钳工", parts=[("实操", D(1))], settings=settings
    )
    services.contests.save_rubric(event.parts[0].id, RUBRIC)
    entries = {}
    for no, name in (("E001", "张三"), ("E002", "李四")):
        person = services.roster.add_person(no, name, "维修大队/钳工班")
        entries[no] = services.roster.add_entry(event.id, person_id=person.id).id
    for username in ("j1", "j2", "j3"):
        judge = services.roster.add_judge(contest.id, username, f"裁判{username}")
        if username != "j3":  # j3 is a judge of the contest, but not on this panel
            services.roster.assign_judge(judge.id, event.id)
    yield Setup(services, ScoreImportService(services.ctx), event.id, entries, tmp_path)
    services.ctx.db.dispose()


GOOD = (
    HEADER
    + "E001,j1,J1,8.5,1\n"
    + "E001,j2,J1,9,1\n"
    + "E001,j1,M1,0.35,1\n"
    + "E002,j1,J1,7\n"  # round left out: round 1
    + "E002,j2,J1,6.5,\n"
    + "E002,j2,M1,0.1,1\n"
    + "E002,j1,X1,2,1\n"
)


def test_a_good_file_is_stored_and_changes_the_standings(setup: Setup) -> None:
    before = setup.services.standings.standings(setup.event_id)
    assert all(not r.complete for r in before.rows)

    summary = setup.importer.import_csv(setup.event_id, setup.write(GOOD))

    assert summary.created == {"scores": 7}
    assert summary.updated == {"scores": 0}
    e1, e2 = setup.entries["E001"], setup.entries["E002"]
    assert setup.scores() == [
        (e1, "J1", "j1", D("8.5")),
        (e1, "J1", "j2", D(9)),
        (e1, "M1", "j1", D("0.35")),
        (e2, "J1", "j1", D(7)),
        (e2, "J1", "j2", D("6.5")),
        (e2, "M1", "j2", D("0.1")),
        (e2, "X1", "j1", D(2)),
    ]
    after = {r.entry.key: r for r in setup.services.standings.standings(setup.event_id).rows}
    # E001: mean 8.75 + (0.35 is 0.15 beyond 0.2 → two started 0.1 units → 20 − 4 = 16)
    assert after["E001"].total == D("24.75")
    # E002: mean 6.75 + 20 (within tolerance) − 2 (safety)
    assert after["E002"].total == D("24.75")
    assert after["E001"].complete and after["E002"].complete


def test_one_audit_row_for_the_whole_import(setup: Setup) -> None:
    audits = setup.count(m.AuditRecord)
    setup.importer.import_csv(setup.event_id, setup.write(GOOD))
    assert setup.count(m.AuditRecord) == audits + 1
    with setup.services.ctx.db.reading() as s:
        last = s.scalars(select(m.AuditRecord).order_by(m.AuditRecord.id.desc())).first()
        assert last is not None
        assert (last.action, last.detail["file"], last.detail["rows"]) == (
            "score.import",
            "scores.csv",
            7,
        )


def test_importing_again_replaces_marks_and_objective_values(setup: Setup) -> None:
    setup.importer.import_csv(setup.event_id, setup.write(GOOD))
    # j2 re-marks J1 and keys the measurement that j1 entered before: it is replaced, not added.
    again = HEADER + "E001,j2,J1,10,1\nE001,j2,M1,0.2,1\nE001,j1,X1,1,1\n"
    summary = setup.importer.import_csv(setup.event_id, setup.write(again, "again.csv"))

    assert summary.created == {"scores": 1}
    assert summary.updated == {"scores": 2}
    e1 = setup.entries["E001"]
    mine = [row for row in setup.scores() if row[0] == e1]
    assert mine == [
        (e1, "J1", "j1", D("8.5")),
        (e1, "J1", "j2", D(10)),
        (e1, "M1", "j2", D("0.2")),
        (e1, "X1", "j1", D(1)),
    ]


def test_excel_csv_with_byte_order_mark_and_capital_headers(setup: Setup) -> None:
    text = "Entry,Judge,Criterion,Value\nE001,j1,J1,8\n"
    summary = setup.importer.import_csv(setup.event_id, setup.write(text, encoding="utf-8-sig"))
    assert summary.created == {"scores": 1}


def test_entries_can_be_named_by_their_code(setup: Setup) -> None:
    with setup.services.ctx.db.transaction() as s:
        entry = s.get(m.Entry, setup.entries["E002"])
        assert entry is not None
        entry.code = "A07"
    setup.importer.import_csv(setup.event_id, setup.write(HEADER + "A07,j1,J1,5,1\n"))
    assert setup.scores() == [(setup.entries["E002"], "J1", "j1", D(5))]


BAD_ROWS = [
    ("E999,j1,J1,8,1", "entry", "{event} has no entry '{entry}'"),
    ("E001,nobody,J1,8,1", "judge", "The contest has no judge '{judge}'"),
    ("E001,j3,J1,8,1", "judge", "{judge} is not on the panel of {event}"),
    ("E001,j1,Z9,8,1", "criterion", "{event} has no criterion {code}"),
    ("E001,j1,G,8,1", "criterion", "{event} has no criterion {code}"),  # a group
    ("E001,j1,J1,8,2", "round", "The event {name} has no round {number}"),
    ("E001,j1,J1,8,first", "round", "'{text}' is not a round number"),
    ("E001,j1,J1,8x,1", "value", "{field}: '{text}' is not a number"),
    ("E001,j1,J1,,1", "value", "{field}: '{text}' is not a number"),
    ("E001,j1,J1,8.1234,1", "value", "{field}: {value} has more than {places} decimal places"),
    ("E001,j1,J1,11,1", "value", "{value} is outside 0–{max} for {code}"),
    ("E001,j1,J1,-1,1", "value", "{value} is outside 0–{max} for {code}"),
    ("E001,j1,J1,8.3,1", "value", "{value} is not a multiple of the step {step} for {code}"),
    ("E001,j1,X1,6,1", "value", "{value} is outside 0–{max} for {code}"),
]


@pytest.mark.parametrize(("row", "column", "msgid"), BAD_ROWS)
def test_a_bad_row_is_named_by_file_row_and_column_and_nothing_is_written(
    setup: Setup, row: str, column: str, msgid: str
) -> None:
    setup.importer.import_csv(setup.event_id, setup.write(GOOD, "first.csv"))
    stored, audits = setup.scores(), setup.count(m.AuditRecord)
    text = HEADER + "E002,j1,J1,10,1\n" + row + "\n"  # a good row first: it is not written either

    with pytest.raises(ImportRejected) as caught:
        setup.importer.import_csv(setup.event_id, setup.write(text))

    assert [(p.msgid, p.where) for p in caught.value.problems] == [
        (msgid, Location("scores.csv", 3, column))
    ]
    assert caught.value.problems[0].message().startswith("scores.csv")
    assert setup.scores() == stored
    assert setup.count(m.AuditRecord) == audits


def test_a_duplicated_score_names_the_first_row(setup: Setup) -> None:
    # The second M1 row comes from another judge, but an objective value is entered only once.
    text = HEADER + "E001,j1,J1,8,1\nE001,j2,M1,0.1,1\nE001,j1,J1,9,1\nE001,j1,M1,0.3,1\n"
    with pytest.raises(ImportRejected) as caught:
        setup.importer.import_csv(setup.event_id, setup.write(text))
    problems = caught.value.problems
    assert [(p.msgid, p.params, p.where) for p in problems] == [
        ("The same score is already given in row {first}", {"first": 2}, Location("scores.csv", 4)),
        ("The same score is already given in row {first}", {"first": 3}, Location("scores.csv", 5)),
    ]
    assert setup.scores() == []


def test_every_problem_of_every_row_is_reported(setup: Setup) -> None:
    text = HEADER + "E999,j1,J1,8,1\nE001,j1,J1,8,1\nE001,nobody,Z9,abc,7\n"
    with pytest.raises(ImportRejected) as caught:
        setup.importer.import_csv(setup.event_id, setup.write(text))
    where = [(p.where.row, p.where.column) for p in caught.value.problems if p.where]
    assert where == [(2, "entry"), (4, "round"), (4, "judge"), (4, "criterion"), (4, "value")]
    assert setup.scores() == []


def test_a_missing_column_is_refused(setup: Setup) -> None:
    with pytest.raises(ImportRejected) as caught:
        setup.importer.import_csv(setup.event_id, setup.write("entry,judge,score\nE001,j1,8\n"))
    assert [(p.msgid, p.where) for p in caught.value.problems] == [
        ("This column is missing", Location("scores.csv", 1, "criterion")),
        ("This column is missing", Location("scores.csv", 1, "value")),
    ]
    assert setup.scores() == []


def test_blank_lines_are_skipped_but_a_file_without_scores_is_refused(setup: Setup) -> None:
    setup.importer.import_csv(setup.event_id, setup.write(HEADER + ",,,,\nE001,j1,J1,8,1\n\n"))
    assert len(setup.scores()) == 1
    with pytest.raises(UserError) as caught:
        setup.importer.import_csv(setup.event_id, setup.write(HEADER, "empty.csv"))
    assert caught.value.msgid == "{file} holds no scores"


def test_unreadable_files(setup: Setup) -> None:
    with pytest.raises(UserError) as missing:
        setup.importer.import_csv(setup.event_id, setup.folder / "nowhere.csv")
    assert missing.value.msgid == "There is no file {file}"
    # Neither UTF-8 nor GB18030 (Latin-1 "é" on row 2): named with its row, nothing stored.
    latin = setup.write(HEADER + "E001,j1,J1,8,1\n# é\n", "latin.csv", encoding="latin-1")
    with pytest.raises(UserError) as wrong:
        setup.importer.import_csv(setup.event_id, latin)
    assert wrong.value.where == Location("latin.csv", 3)
    assert wrong.value.msgid.startswith("This file is neither UTF-8 nor GB18030/GBK text")
    assert setup.scores() == []


def test_an_unknown_event_is_refused(setup: Setup) -> None:
    with pytest.raises(UserError) as caught:
        setup.importer.import_csv(999, setup.write(GOOD))
    assert caught.value.msgid == "There is no event {id}"


# What Excel or WPS on a Chinese Windows saves as plain "CSV": GBK, Chinese headers, the
# judge by name, a measured time as 分:秒.
CHINESE = (
    "参赛编号,裁判,评分项,分值,轮次\n"
    "E001,裁判j1,J1,8.5,1\nE001,j2,J1,9,1\nE002,裁判j1,M1,0:00.3,1\n"
)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8", "utf-8-sig"])
def test_chinese_headers_in_gbk_or_utf8(setup: Setup, encoding: str) -> None:
    path = setup.write(CHINESE, f"成绩-{encoding}.csv", encoding=encoding)
    summary = setup.importer.import_csv(setup.event_id, path)
    assert summary.created == {"scores": 3}
    e1, e2 = setup.entries["E001"], setup.entries["E002"]
    assert setup.scores() == [
        (e1, "J1", "j1", D("8.5")),
        (e1, "J1", "j2", D(9)),
        (e2, "M1", "j1", D("0.3")),
    ]


def test_a_measured_time_typed_as_minutes_and_seconds_is_stored_in_seconds(setup: Setup) -> None:
    text = "工号,裁判,评分项,分值\nE001,j1,M1,12:34\nE002,j1,M1,1:02:03.5\n"
    setup.importer.import_csv(setup.event_id, setup.write(text))
    assert [row[3] for row in setup.scores()] == [D(754), D("3723.5")]
    with pytest.raises(ImportRejected) as caught:  # a judged criterion takes no time
        setup.importer.import_csv(
            setup.event_id, setup.write("工号,裁判,评分项,分值\nE001,j1,J1,8:30\n")
        )
    assert [(p.where, p.msgid) for p in caught.value.problems] == [
        (Location("scores.csv", 2, "分值"), "{field}: '{text}' is not a number")
    ]


def test_chinese_headers_are_named_in_chinese_when_wrong(setup: Setup) -> None:
    with pytest.raises(ImportRejected) as caught:
        setup.importer.import_csv(setup.event_id, setup.write("工号,裁判,分值\nE001,j1,8\n"))
    assert [(p.msgid, p.where) for p in caught.value.problems] == [
        ("This column is missing", Location("scores.csv", 1, "评分项")),
    ]
    text = "工号,参赛编号,裁判,评分项,分值\nE001,E001,j1,J1,8\n"
    with pytest.raises(ImportRejected) as twice:
        setup.importer.import_csv(setup.event_id, setup.write(text))
    assert [p.msgid for p in twice.value.problems] == [
        "The column {column} appears twice in the header row"
    ]
    with pytest.raises(ImportRejected) as bad:
        setup.importer.import_csv(
            setup.event_id, setup.write("工号,裁判,评分项,分值\nE001,j1,J1,11\n")
        )
    assert bad.value.problems[0].where == Location("scores.csv", 2, "分值")
    assert setup.scores() == []


def test_a_judge_named_by_a_name_two_judges_share_is_refused(setup: Setup) -> None:
    with setup.services.ctx.db.transaction() as s:
        for judge in s.scalars(select(m.Judge)):
            judge.name = "王工"
    text = "工号,裁判,评分项,分值\nE001,王工,J1,8\n"
    with pytest.raises(ImportRejected) as caught:
        setup.importer.import_csv(setup.event_id, setup.write(text))
    assert caught.value.problems[0].msgid == "The contest has no judge '{judge}'"
