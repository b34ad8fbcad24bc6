"""Importing judges' marks from a CSV file: check every row first, then write them all at once.

Columns: entry, judge, criterion, value and, optionally, round. ``entry`` is an
employee number (individual event), a team name (team event) or an entry code;
``judge`` a judge's user name in the contest; ``criterion`` a leaf criterion's
code; ``round`` a round number (1 when absent). Files saved by Excel as "CSV
UTF-8" start with a byte-order mark, hence utf-8-sig.
"""

from __future__ import annotations

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
from contest_desk.errors import ImportRejected, Location, UserError
from contest_desk.services.contests.assignments import assigned_judges, excluded_judges
from contest_desk.services.context import ServiceContext
from contest_desk.services.input_files import csv_lines
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.ledger import note_mark, note_marks
from contest_desk.storage.mapping import criterion_columns, get_event

REQUIRED_COLUMNS = ("entry", "judge", "criterion", "value")
OPTIONAL_COLUMNS = ("round",)
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
    panel = {
        (jid, rid)
        for jid, rid in s.execute(
            select(m.JudgeAssignment.judge_id, m.JudgeAssignment.round_id).where(
                m.JudgeAssignment.event_id == event.id
            )
        )
    }
    columns = {c.code: c for c in criterion_columns(event)}
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


def read_score_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header (lower-cased) and the rows of a score file; unreadable files are a UserError."""
    lines = csv_lines(path)
    header = [h.strip().lower() for h in (lines[0] if lines else [])]
    return header, [dict(zip(header, cells, strict=False)) for cells in lines[1:]]


def read_sheet_values(path: Path) -> dict[tuple[str, str], str]:
    """(entry code, criterion code) → value, from a CSV with those three columns (for
    ``sheet fill``); a missing column or a row without an entry or criterion is named."""
    header, rows = read_score_csv(path)
    columns = ("entry", "criterion", "value")
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportRejected(
            [UserError("This column is missing", where=Location(path.name, 1, c)) for c in missing]
        )
    problems: list[UserError] = []
    values: dict[tuple[str, str], str] = {}
    for number, row in enumerate(rows, start=2):
        cell = {c: (row.get(c) or "").strip() for c in columns}
        if not any(cell.values()):
            continue
        for c in ("entry", "criterion"):
            if not cell[c]:
                problems.append(
                    UserError("This cell is empty", where=Location(path.name, number, c))
                )
        values[cell["entry"], cell["criterion"]] = cell["value"]
    if problems:
        raise ImportRejected(problems)
    return values


class _RowChecker:
    """Checks rows one by one, collecting every problem and the scores to write."""

    def __init__(self, index: _EventIndex, source: str) -> None:
        self.index, self.source = index, source
        self.problems: list[UserError] = []
        self.seen: dict[tuple[int, int, int, int], int] = {}  # score key → first row
        self.scores: list[dict[str, Any]] = []

    def problem(self, row: int, column: str | None, msgid: str, **params: Any) -> None:
        self.problems.append(UserError(msgid, where=Location(self.source, row, column), **params))

    def located(self, row: int, column: str, error: UserError) -> None:
        self.problems.append(
            UserError(error.msgid, where=Location(self.source, row, column), **error.params)
        )

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
            value = parse_decimal(text, "value")
            if column is not None:
                column.criterion.check_value(value)
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
        header, rows = read_score_csv(path)
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise ImportRejected(
                [
                    UserError("This column is missing", where=Location(path.name, 1, c))
                    for c in missing
                ]
            )
        return self.import_rows(event_id, rows, path.name, first_row=2)

    @requires(Action.IMPORT_SCORES)
    def import_rows(
        self, event_id: int, rows: Iterable[Row], source: str, first_row: int = 1
    ) -> ImportSummary:
        """Import rows keyed like the CSV columns; ``first_row`` numbers them in messages.

        Existing marks with the same key are replaced; an objective value
        (measurement, deduction) replaces whatever is stored for its criterion.
        """
        with self.ctx.db.transaction() as s:
            event = get_event(s, event_id)
            checker = _RowChecker(_index(s, event), source)
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
