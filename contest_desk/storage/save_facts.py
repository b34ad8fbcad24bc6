"""What one mark's save checks, read in one query on SQLite and two on PostgreSQL instead
of six and seven (issue 16: a save's CPU is mostly the cost per statement, not the
database's work), as plain columns on the driver's cursor (storage/direct.py,
storage/save_rows.py), not as ORM objects through the session, which cost more than the
query.

``held_round``: the event and its round, the round held shared until the transaction
ends (FOR SHARE OF rounds on PostgreSQL, as storage/versions.hold_shared): a lock of the
round, or a sheet's sign-off, waits for the save, or the save for them; read under the
lock, the round's ``locked_at`` is the one now committed.

``save_facts``: the judge, their seat on the panel, their sheet's state, the entry, the
round's entry assignments, the criterion, the entry's people (for the conflict check)
and the cell's marks, which the write would read next (marks.store_mark; the judge's
own locked), in one SELECT. On PostgreSQL it runs after the round is held: a statement
of its own sees what a lock or sign-off committed while it waited. SQLite's writers
take turns for the whole transaction (storage/lock.py), so there ``round_and_facts``
reads both at once, and with them the audit chain's head (audit_log.head_read).

A save is then 4 statements on SQLite (these facts, the mark, the sheet's last mark,
the audit row) and 6 on PostgreSQL (the round held and the head locked each by its own).

The refusals are the services' own (services/judging/scoring.py checks the facts in the
same order and with the same messages as the separate queries did)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, exists, select, union_all
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from contest_desk.domain.records.contests import CriterionColumn
from contest_desk.storage import models as m
from contest_desk.storage.audit_log import head_read
from contest_desk.storage.direct import Direct
from contest_desk.storage.mapping import criterion_columns, get_event, leaf_column
from contest_desk.storage.save_rows import (
    CRITERION_COLUMNS,
    EVENT_COLUMNS,
    JUDGE_COLUMNS,
    ROUND_COLUMNS,
    AnyEvent,
    CriterionRow,
    EventRow,
    JudgeRow,
    RoundRow,
)
from contest_desk.storage.sheets import DRAFT

_EVENT_END = len(EVENT_COLUMNS)
_ROUND_END = _EVENT_END + len(ROUND_COLUMNS)
# Made once with parameters (every save asks them): building a statement costs more
# than running it. Inner joined: FOR SHARE may not lock the nullable side of an outer
# join; a missing round finds no row and is refused by mapping.event_and_round.
_HELD_ROUND = Direct(
    select(*EVENT_COLUMNS, *ROUND_COLUMNS)
    .join(m.Round, (m.Round.event_id == m.Event.id) & (m.Round.number == bindparam("number")))
    .where(m.Event.id == bindparam("event"))
    .with_for_update(read=True, of=m.Round)  # nothing on SQLite, whose writers take turns
)

_SEAT, _ASSIGNED, _CHILD = m.JudgeAssignment, m.EntryAssignment, aliased(m.Criterion)
_ENTRY = (m.Entry.id == bindparam("entry")) & (m.Entry.event_id == bindparam("event"))
_CRITERIA, _PARTS = m.Criterion.__table__, m.Part.__table__
_LEAF = _CRITERIA.join(_PARTS, _PARTS.c.id == _CRITERIA.c.part_id)  # both sides of one ON


def _facts(round_id: ColumnElement[int] | InstrumentedAttribute[int]) -> Select[Any]:
    """The facts of ``SaveFacts``, from the judges' row asked, in the round ``round_id``."""
    return (
        select(
            *JUDGE_COLUMNS,
            exists().where(
                _SEAT.judge_id == m.Judge.id,
                _SEAT.event_id == bindparam("event"),
                (_SEAT.round_id.is_(None)) | (_SEAT.round_id == round_id),
            ),
            select(m.Sheet.state)
            .where(m.Sheet.round_id == round_id, m.Sheet.judge_id == m.Judge.id)
            .scalar_subquery(),
            exists().where(_ENTRY),
            select(m.Entry.code).where(_ENTRY).scalar_subquery(),
            exists().where(_ASSIGNED.round_id == round_id),
            exists().where(
                _ASSIGNED.round_id == round_id,
                _ASSIGNED.entry_id == bindparam("entry"),
                _ASSIGNED.judge_id == m.Judge.id,
            ),
            *CRITERION_COLUMNS,
            m.Part.name,
            exists().where(_CHILD.parent_id == m.Criterion.id),
        )
        .select_from(m.Judge)
        .where(m.Judge.id == bindparam("judge"))
    )


People = list[tuple[int, int | None, str | None]]  # (person id, unit id, declared note)


def _people_and_declared() -> Select[int, int | None, str]:
    """An entry's people (the person, or every team member), each with their unit and the
    note of a judge's declared conflict with them (None without one): what the conflict
    check of a save asks (services/contests/assignments.in_conflict)."""
    entry = (m.Entry.id == bindparam("entry")) & (m.Entry.event_id == bindparam("event"))
    members = union_all(
        select(m.Entry.person_id.label("person_id")).where(entry),
        select(m.TeamMember.person_id).join(m.Entry, m.Entry.team_id == m.TeamMember.team_id)
        .where(entry),
    ).subquery()  # fmt: skip
    declared = (m.Conflict.person_id == m.Person.id) & (m.Conflict.judge_id == bindparam("judge"))
    return (
        select(m.Person.id, m.Person.unit_id, m.Conflict.note)
        .join(members, members.c.person_id == m.Person.id)
        .outerjoin(m.Conflict, declared)
    )


PEOPLE_AND_DECLARED = _people_and_declared()
_PEOPLE = PEOPLE_AND_DECLARED.subquery()


class _JsonRows(FunctionElement[Any]):
    """Rows of columns as one JSON array of arrays, in each database's words."""

    inherit_cache = True
    name = "json_rows"


@compiles(_JsonRows, "sqlite")
def _sqlite_json_rows(element: _JsonRows, compiler: Any, **kw: Any) -> str:
    return f"json_group_array(json_array({compiler.process(element.clauses, **kw)}))"


@compiles(_JsonRows, "postgresql")
def _postgresql_json_rows(element: _JsonRows, compiler: Any, **kw: Any) -> str:
    return f"json_agg(json_build_array({compiler.process(element.clauses, **kw)}))"


# The entry's people for the conflict check, as one column of the facts.
_PEOPLE_JSON = select(_JsonRows(*_PEOPLE.c)).scalar_subquery()
_CRITERION_ASKED = (m.Part.event_id == bindparam("event")) & (m.Criterion.code == bindparam("code"))


def _cell_marks(round_id: ColumnElement[int] | InstrumentedAttribute[int]) -> list[Any]:
    """The marks of the cell asked, which the save's write reads otherwise
    (storage/marks.py): the judge's own, locked until the commit (PostgreSQL: a second
    save of the cell waits, then reads what the first stored), and whether another
    judge has one there (an objective value replaces it: then the write reads them all)."""
    cell = (
        (m.Score.round_id == round_id)
        & (m.Score.entry_id == bindparam("entry"))
        & (m.Score.criterion_id == m.Criterion.id)
    )
    own = select(m.Score.value).where(cell, m.Score.judge_id == m.Judge.id).with_for_update()
    return [own.scalar_subquery(), exists().where(cell, m.Score.judge_id != m.Judge.id)]


_FACTS = Direct(
    _facts(bindparam("round"))
    .add_columns(_PEOPLE_JSON, *_cell_marks(bindparam("round")))
    .outerjoin(_LEAF, _CRITERION_ASKED)
)
# SQLite, whose writers take turns (nothing to wait for between the two): the event and
# round first, then the facts, one statement. The judges' row first: an inner join each.
_ROUND_AND_FACTS = Direct(
    select(
        *EVENT_COLUMNS,
        *ROUND_COLUMNS,
        *_facts(m.Round.id).selected_columns,
        *_cell_marks(m.Round.id),
        _PEOPLE_JSON,
        # And the audit chain's head, which the commit links the save's row after.
        select(m.AuditHead.seq).where(m.AuditHead.id == 1).scalar_subquery(),
        select(m.AuditHead.hash).where(m.AuditHead.id == 1).scalar_subquery(),
    )
    .select_from(m.Judge)
    .where(m.Judge.id == bindparam("judge"))
    .join(m.Event, m.Event.id == bindparam("event"))
    .join(m.Round, (m.Round.event_id == m.Event.id) & (m.Round.number == bindparam("number")))
    .outerjoin(_LEAF, _CRITERION_ASKED)
)


def _event_and_round(row: Sequence[Any]) -> tuple[EventRow, RoundRow]:
    return EventRow(*row[:_EVENT_END]), RoundRow(*row[_EVENT_END:_ROUND_END])


def held_round(s: Session, event_id: int, number: int) -> tuple[EventRow, RoundRow] | None:
    """The event and its round ``number``, the round held shared; None when either is
    missing (mapping.event_and_round names which)."""
    rows = _HELD_ROUND.rows(s, {"event": event_id, "number": number})
    return _event_and_round(rows[0]) if rows else None


@dataclass(frozen=True)
class SaveFacts:
    judge: JudgeRow | None  # None: no such judge (nothing else was read)
    seated: bool  # on the round's panel
    state: str  # of the judge's sheet in the round
    entry: bool  # an entry of the event
    entry_code: str | None
    assigned_or_open: bool  # assignments.assigned_or_open
    column: CriterionColumn | None  # mapping.criterion_column
    # The cell's marks (judge, value), as marks.store_mark reads them; None: not read.
    cell: list[tuple[int, Decimal]] | None = None
    # The entry's people for the conflict check, as PEOPLE_AND_DECLARED; None: not read.
    people: People | None = None


def save_facts(
    s: Session, event: AnyEvent, round_id: int, judge_id: int, entry_id: int, code: str
) -> SaveFacts:
    asked = {"event": event.id, "round": round_id, "judge": judge_id, "entry": entry_id,
             "code": code}  # fmt: skip
    rows = _FACTS.rows(s, asked)
    if not rows:
        return _read(s, rows, event.id, code, None)
    people, own, others = rows[0][-3:]
    return _read(s, [row[:-3] for row in rows], event.id, code, people, (own, others))


def round_and_facts(
    s: Session, event_id: int, number: int | None, judge_id: int, entry_id: int, code: str
) -> tuple[EventRow, RoundRow, SaveFacts] | None:
    """``held_round`` and then ``save_facts``, in one statement on SQLite; None when the
    event, the round (or, on SQLite, the judge) is missing, or ``number`` is None (the
    event's first round): the caller reads them one by one, for the refusal."""
    if number is None:
        return None
    if s.get_bind().dialect.name != "sqlite":  # the facts read after the lock: two
        held = held_round(s, event_id, number)
        if held is None:
            return None
        return held[0], held[1], save_facts(s, held[0], held[1].id, judge_id, entry_id, code)
    asked = {"event": event_id, "number": number, "judge": judge_id, "entry": entry_id,
             "code": code}  # fmt: skip
    rows = _ROUND_AND_FACTS.rows(s, asked)
    if not rows:
        return None
    event, rnd = _event_and_round(rows[0])
    own, others, people, head_seq, head_hash = rows[0][-5:]
    if head_seq is not None:  # a database made before the chain had its head row: read then
        head_read(s, head_seq, head_hash)
    facts = _read(s, [row[_ROUND_END:-5] for row in rows], event_id, code, people, (own, others))
    return event, rnd, facts


_JUDGE_END = len(JUDGE_COLUMNS)
_CRITERION_AT = _JUDGE_END + 6
_CRITERION_END = _CRITERION_AT + len(CRITERION_COLUMNS)


def _people(found: str | list[list[Any]] | None) -> People:
    """The entry's people from their JSON array: SQLite's text, or the list psycopg made
    of PostgreSQL's json (NULL: no one)."""
    rows = json.loads(found) if isinstance(found, str) else found or []
    return [(person, unit, note) for person, unit, note in rows]


def _read(
    s: Session,
    rows: Sequence[Any],
    event_id: int,
    code: str,
    people: str | list[list[Any]] | None,
    cell: tuple[Decimal | None, bool] | None = None,
) -> SaveFacts:
    """The facts of the rows read; ``people``, the JSON of the entry's people; ``cell``,
    read with them on SQLite: the judge's own mark of the cell, and whether another
    judge has one there."""
    if not rows:
        return SaveFacts(None, False, DRAFT, False, None, False, None)
    row = rows[0]
    judge = JudgeRow(*row[:_JUDGE_END])
    seated, state, entry, entry_code, any_assigned, assigned = row[_JUDGE_END:_CRITERION_AT]
    part, group = row[_CRITERION_END:]
    column = None
    if len(rows) > 1:  # the same code twice: whichever the whole rubric's order finds first
        columns = criterion_columns(get_event(s, event_id))
        column = next((c for c in columns if c.code == code), None)
    elif row[_CRITERION_AT] is not None and not group:  # a group's sub-criteria are columns
        column = leaf_column(CriterionRow(*row[_CRITERION_AT:_CRITERION_END]), part)
    open_or_mine = bool(assigned) or not any_assigned
    marks = None  # not read here: the write reads them, locked (marks.store_mark)
    if cell is not None and column is not None and len(rows) == 1:
        own, others = cell
        if not (others and column.criterion.objective):  # an objective value: anyone's
            marks = [] if own is None else [(judge.id, own)]
    return SaveFacts(judge, bool(seated), state or DRAFT, bool(entry), entry_code,
                     open_or_mine, column, marks, _people(people))  # fmt: skip
