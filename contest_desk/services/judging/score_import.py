"""Importing judges' marks from a CSV file: check every row first, then write them all at once.

Columns: entry, judge, criterion, value and, optionally, round — or their Chinese
headers (参赛编号/工号, 裁判, 评分项, 分值, 轮次; see ``HEADERS``). ``entry`` is an
employee number (individual event), a team name (team event) or an entry code;
``judge`` a judge's user name in the contest, or their name where no other judge of the
contest has it; ``criterion`` a leaf criterion's code; ``round`` a round number (1 when
absent). A measured value may be a time typed as 分:秒 (12:34) and is stored in seconds.
The file may be UTF-8 or GB18030/GBK (domain/table_files.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from contest_desk.domain.numbers import parse_decimal, parse_whole
from contest_desk.domain.permissions import Action
from contest_desk.domain.records.contests import CriterionColumn, ImportSummary
from contest_desk.domain.table_files import csv_lines
from contest_desk.errors import ImportRejected, Location, UserError
from contest_desk.services.contests.assignments import assigned_judges, excluded_judges
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.ledger import note_mark, note_marks
from contest_desk.storage.mapping import criterion_columns, get_event
from contest_desk.storage.versions import hold_shared

REQUIRED_COLUMNS = ("entry", "judge", "criterion", "value")
OPTIONAL_COLUMNS = ("round",)
# Headers a plant's sheet uses for each column, beside the English keys (case-insensitive).
HEADERS: dict[str, tuple[str, ...]] = {
    "entry": ("entry", "参赛编号", "工号", "参赛单元", "加密号", "编号", "队名", "参赛队"),
    "judge": ("judge", "裁判", "评委", "裁判员", "裁判账号"),
    "criterion": ("criterion", "评分项", "评分项目", "评分项编号", "项目编号", "细则编号"),
    "value": ("value", "分值", "分数", "得分", "成绩"),
    "round": ("round", "轮次", "轮"),
}
_HEADER_KEYS = {name.casefold(): key for key, names in HEADERS.items() for name in names}
# Ids per DELETE … IN (…): well under SQLite's limit on bound parameters.
_CHUNK = 500

Row = Mapping[str, str | None]


@dataclass(frozen=True)
class _EventIndex:
    """Everything a row is checked against, loaded in a handful of queries."""

    name: str
    entries: dict[str, int]  # employee number / team name / entry code → entry id
    judges: dict[str, tuple[int, str]]  # user name → (judge id, name)
    panel: set[tuple[int, int | None]]  # (judge id, round id or None for every round)
    columns: dict[str, CriterionColumn]
    rounds: dict[int, int]  # round number → round id
    locked: dict[int, str]  # round id → name, for locked rounds
    submitted: set[tuple[int, int]]  # (round id, judge id) of submitted sheets
    assigned: dict[int, dict[int, set[int]] | None]  # round id → entry → judges, if assigned
    excluded: dict[int, frozenset[int]]  # entry id → judges in conflict with it

    def may_mark(self, round_id: int, entry_id: int, judge_id: int) -> str | None:
        """Why the judge may not mark the entry, or None (as ``check_may_mark``)."""
        assigned = self.assigned.get(round_id)
        if assigned is not None:
            ok = judge_id in assigned.get(entry_id, set())
            return None if ok else "{judge} is not assigned to this entry in {round}"
        if judge_id in self.excluded.get(entry_id, frozenset()):
            return "{judge} has a conflict of interest with this entry"
        return None

    def on_panel(self, judge_id: int, round_id: int) -> bool:
        return (judge_id, None) in self.panel or (judge_id, round_id) in self.panel


def _index(s: Session, event: m.Event) -> _EventIndex:
    entries: dict[str, int] = {}
    rows = s.execute(
        select(m.Entry.id, m.Entry.code, m.Person.employee_no, m.Team.name)
        .outerjoin(m.Person, m.Person.id == m.Entry.person_id)
        .outerjoin(m.Team, m.Team.id == m.Entry.team_id)
        .where(m.Entry.event_id == event.id)
    ).all()
    # Codes first, so that an employee number or team name wins should the two clash.
    entries.update({code: eid for eid, code, _, _ in rows if code})
    entries.update({no or team: eid for eid, _, no, team in rows if no or team})
    judges = {
        username: (jid, name)
        for jid, username, name in s.execute(
            select(m.Judge.id, m.Judge.username, m.Judge.name).where(
                m.Judge.contest_id == event.contest_id
            )
        )
    }
    # A sheet kept by hand names the judge (张振华) rather than their user name: a name no
    # other judge of the contest has is taken too; a user name wins should the two clash.
    named = Counter(name for _jid, name in judges.values())
    for jid, name in list(judges.values()):
        if named[name] == 1:
            judges.setdefault(name, (jid, name))
    panel = {
        (jid, rid)
        for jid, rid in s.execute(
            select(m.JudgeAssignment.judge_id, m.JudgeAssignment.round_id).where(
                m.JudgeAssignment.event_id == event.id
            )
        )
    }
    columns = {c.code: c for c in criterion_columns(event)}
    for rnd in event.rounds:  # a lock of a round waits for this import, or it for the lock
        hold_shared(s, rnd)
    rounds = {r.number: r.id for r in event.rounds}
    locked = {r.id: r.name for r in event.rounds if r.locked_at is not None}
    submitted = {
        (rid, jid)
        for rid, jid in s.execute(
            select(m.Sheet.round_id, m.Sheet.judge_id).where(
                m.Sheet.round_id.in_(rounds.values()), m.Sheet.state == "submitted"
            )
        )
    }
    assigned = {rid: assigned_judges(s, rid) for rid in rounds.values()}
    return _EventIndex(
        event.name,
        entries,
        judges,
        panel,
        columns,
        rounds,
        locked,
        submitted,
        assigned,
        excluded_judges(s, event),
    )


def header_key(text: str) -> str:
    """A header cell as its column's key ("参赛编号" → "entry"); an unknown one lower-cased."""
    cleaned = text.strip()
    return _HEADER_KEYS.get(cleaned.casefold(), cleaned.lower())


def read_score_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header (as keys: Chinese headers become "entry", "judge"…) and the rows of a
    score file; unreadable files are a UserError."""
    header, rows, _labels = _read_score_csv(path)
    return header, rows


def _read_score_csv(path: Path) -> tuple[list[str], list[dict[str, str]], dict[str, str]]:
    """As ``read_score_csv``, with each key's header as the file writes it (for messages)."""
    lines = csv_lines(path)
    written = [h.strip() for h in (lines[0] if lines else [])]
    header = [header_key(h) for h in written]
    labels = dict(zip(header, written, strict=True))
    return header, [dict(zip(header, cells, strict=False)) for cells in lines[1:]], labels


def _chinese(labels: Mapping[str, str]) -> bool:
    return any(not text.isascii() for text in labels.values())


def read_sheet_values(path: Path) -> dict[tuple[str, str], str]:
    """(entry code, criterion code) → value, from a CSV with those three columns (for
    ``sheet fill``); a missing column or a row without an entry or criterion is named."""
    header, rows, labels = _read_score_csv(path)
    check_header(path.name, header, ("entry", "criterion", "value"), _chinese(labels))
    problems: list[UserError] = []
    values: dict[tuple[str, str], str] = {}
    for number, row in enumerate(rows, start=2):
        cell = {c: (row.get(c) or "").strip() for c in ("entry", "criterion", "value")}
        if not any(cell.values()):
            continue
        for c in ("entry", "criterion"):
            if not cell[c]:
                where = Location(path.name, number, labels.get(c, c))
                problems.append(UserError("This cell is empty", where=where))
        values[cell["entry"], cell["criterion"]] = cell["value"]
    if problems:
        raise ImportRejected(problems)
    return values


def check_header(file: str, header: list[str], required: Iterable[str], chinese: bool) -> None:
    """Refuse a header without a required column, or with one column twice (工号 and
    参赛编号 both name the entry), naming each such column: by its Chinese header when
    the file's headers are Chinese, else by its key."""
    problems = [
        UserError("This column is missing", where=Location(file, 1, HEADERS[c][int(chinese)]))
        for c in required
        if c not in header
    ]
    twice = [key for key in dict.fromkeys(header) if key in HEADERS and header.count(key) > 1]
    problems += [
        UserError(
            "The column {column} appears twice in the header row",
            where=Location(file, 1),
            column="/".join(HEADERS[key][:2]),
        )
        for key in twice
    ]
    if problems:
        raise ImportRejected(problems)


class _RowChecker:
    """Checks rows one by one, collecting every problem and the scores to write."""

    def __init__(self, index: _EventIndex, source: str, labels: Mapping[str, str]) -> None:
        self.index, self.source, self.labels = index, source, labels
        self.problems: list[UserError] = []
        self.seen: dict[tuple[int, int, int, int], int] = {}  # score key → first row
        self.scores: list[dict[str, Any]] = []

    def _where(self, row: int, column: str | None) -> Location:
        """The column named as the file heads it ("分值"), not by its key."""
        shown = self.labels.get(column, column) if column is not None else None
        return Location(self.source, row, shown)

    def problem(self, row: int, column: str | None, msgid: str, **params: Any) -> None:
        self.problems.append(UserError(msgid, where=self._where(row, column), **params))

    def located(self, row: int, column: str, error: UserError) -> None:
        self.problems.append(UserError(error.msgid, where=self._where(row, column), **error.params))

    def check(self, number: int, row: Row) -> None:
        ix = self.index
        cell = {k: (row.get(k) or "").strip() for k in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        round_id = self._round(number, cell["round"])
        # An empty key cell is said as such, not as "no criterion ''" looked up in vain.
        for name in ("entry", "judge", "criterion"):
            if not cell[name]:
                self.problem(number, name, "This cell is empty")
        entry_id = ix.entries.get(cell["entry"])
        if entry_id is None and cell["entry"]:
            self.problem(
                number,
                "entry",
                "{event} has no entry '{entry}'",
                event=ix.name,
                entry=cell["entry"],
            )
        judge = ix.judges.get(cell["judge"])
        if judge is None:
            if cell["judge"]:
                self.problem(
                    number, "judge", "The contest has no judge '{judge}'", judge=cell["judge"]
                )
        elif round_id is not None and not ix.on_panel(judge[0], round_id):
            self.problem(
                number,
                "judge",
                "{judge} is not on the panel of {event}",
                judge=judge[1],
                event=ix.name,
            )
        elif (round_id, judge[0]) in ix.submitted:
            self.problem(
                number,
                "judge",
                "{judge}'s sheet for this round is submitted; the chief judge must re-open it",
                judge=judge[1],
            )
        if round_id in ix.locked:
            self.problem(number, "round", "{round} is locked", round=ix.locked[round_id])
        column = ix.columns.get(cell["criterion"])
        if column is None and cell["criterion"]:
            self.problem(
                number,
                "criterion",
                "{event} has no criterion {code}",
                event=ix.name,
                code=cell["criterion"],
            )
        value = self._value(number, cell["value"], column)
        if round_id is None or entry_id is None or judge is None or column is None:
            return
        if value is None:
            return
        if (why := ix.may_mark(round_id, entry_id, judge[0])) is not None:
            number_of = {rid: n for n, rid in ix.rounds.items()}
            self.problem(number, "judge", why, judge=judge[1], round=number_of[round_id])
            return
        # An objective value is entered once, whoever keys it (see storage/marks.py store_mark).
        key = (round_id, entry_id, column.id, 0 if column.criterion.objective else judge[0])
        if (first := self.seen.get(key)) is not None:
            self.problem(
                number, None, "The same score is already given in row {first}", first=first
            )
            return
        self.seen[key] = number
        self.scores.append(
            {
                "round_id": round_id,
                "entry_id": entry_id,
                "criterion_id": column.id,
                "judge_id": judge[0],
                "value": value,
            }
        )

    def _round(self, number: int, text: str) -> int | None:
        try:
            round_number = parse_whole(text or "1", "round", low=1)
        except UserError:
            self.problem(number, "round", "'{text}' is not a round number", text=text[:20])
            return None
        found = self.index.rounds.get(round_number)
        if found is None:
            self.problem(
                number,
                "round",
                "The event {name} has no round {number}",
                name=self.index.name,
                number=round_number,
            )
        return found

    def _value(self, number: int, text: str, column: CriterionColumn | None) -> Decimal | None:
        try:
            value = column.criterion.read(text, "value") if column else parse_decimal(text, "value")
        except UserError as error:
            self.located(number, "value", error)
            return None
        return value


class ScoreImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.IMPORT_SCORES)
    def import_csv(self, event_id: int, path: str | Path) -> ImportSummary:
        """Import a score file: every row is written, or nothing when any row has a problem."""
        path = Path(path)
        header, rows, labels = _read_score_csv(path)
        check_header(path.name, header, REQUIRED_COLUMNS, _chinese(labels))
        return self._import(event_id, rows, path.name, 2, labels)

    @requires(Action.IMPORT_SCORES)
    def import_rows(
        self, event_id: int, rows: Iterable[Row], source: str, first_row: int = 1
    ) -> ImportSummary:
        """Import rows keyed like the CSV columns; ``first_row`` numbers them in messages.

        Existing marks with the same key are replaced; an objective value
        (measurement, deduction) replaces whatever is stored for its criterion.
        """
        return self._import(event_id, rows, source, first_row, {})

    def _import(
        self,
        event_id: int,
        rows: Iterable[Row],
        source: str,
        first_row: int,
        labels: Mapping[str, str],
    ) -> ImportSummary:
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            checker = _RowChecker(_index(s, event), source, labels)
            for number, row in enumerate(rows, start=first_row):
                if any((v or "").strip() for v in row.values()):
                    checker.check(number, row)
            if checker.problems:
                raise ImportRejected(checker.problems)
            if not checker.scores:
                raise UserError("{file} holds no scores", file=source)
            replaced = self._remove_replaced(s, checker)
            # A Core insert of plain dicts: the ORM's bookkeeping would double the time.
            s.execute(insert(cast(Table, m.Score.__table__)), checker.scores)
            note_marks(s, checker.scores)  # each value on the record, not just the file
            self.ctx.audit(
                s,
                "score.import",
                f"event:{event_id}",
                file=source,
                rows=len(checker.scores),
                replaced=replaced,
            )
        return ImportSummary(
            created={"scores": len(checker.scores) - replaced}, updated={"scores": replaced}
        )

    @staticmethod
    def _remove_replaced(s: Session, checker: _RowChecker) -> int:
        """Delete the stored marks the file replaces; returns how many file rows replace one."""
        objective = {c.id for c in checker.index.columns.values() if c.criterion.objective}
        round_ids = list(checker.index.rounds.values())
        stale: list[int] = []
        replaced = 0
        existing = s.execute(
            select(
                m.Score.id,
                m.Score.round_id,
                m.Score.entry_id,
                m.Score.criterion_id,
                m.Score.judge_id,
            ).where(m.Score.round_id.in_(round_ids))
        )
        hit: set[tuple[int, int, int, int]] = set()
        for sid, rid, eid, cid, jid in existing:
            key = (rid, eid, cid, 0 if cid in objective else jid)
            if key in checker.seen:
                stale.append(sid)
                note_mark(s, (rid, eid, cid, jid), None)
                if key not in hit:
                    hit.add(key)
                    replaced += 1
        for start in range(0, len(stale), _CHUNK):
            s.execute(delete(m.Score).where(m.Score.id.in_(stale[start : start + _CHUNK])))
        return replaced
