"""Importing a board kept on paper: starting places and, where rated, each entry's rating,
deviation and volatility. All or nothing: every problem is listed with its row."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from contest_desk.domain import limits
from contest_desk.domain.ladder import Join
from contest_desk.domain.numbers import parse_decimal, parse_whole
from contest_desk.domain.permissions import Action
from contest_desk.domain.ratings import DEFAULT_DEVIATION, DEFAULT_VOLATILITY, Glicko
from contest_desk.domain.table_files import csv_lines
from contest_desk.errors import ImportRejected, Location, Progress, UserError, stepped
from contest_desk.services.boards.log import append, load
from contest_desk.services.context import ServiceContext
from contest_desk.services.permissions import requires
from contest_desk.storage import models as m
from contest_desk.storage.entries import entry_in

# Header names as the plant's sheets write them, and in English.
COLUMNS = {
    "place": ("名次", "place"),
    "key": ("工号", "队名", "employee_no", "team"),
    "name": ("姓名", "name"),
    "rating": ("评分", "rating"),
    "deviation": ("偏差", "deviation"),
    "volatility": ("波动率", "volatility"),
}
REQUIRED = ("place", "key")


@dataclass(frozen=True)
class PaperRow:
    row: int
    place: int
    person_id: int | None
    team_id: int | None
    start: Glicko | None


class BoardImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Action.EDIT_ROSTER)
    def import_paper(self, board_id: int, path: Path, progress: Progress | None = None) -> int:
        """Start an empty board from a CSV file (UTF-8, with a header row); returns how many
        entries joined."""
        lines = csv_lines(path)
        with self.ctx.db.transaction() as s:
            loaded = load(s, board_id, lock=True)
            if loaded.log:
                raise UserError("A board can be imported from paper only while it is empty")
            event = s.get(m.Event, loaded.row.event_id)
            assert event is not None
            rows = _parse(s, path.name, lines, event)
            for r in stepped(sorted(rows, key=lambda r: r.place), progress):  # Cancel: rollback
                entry = entry_in(s, event, r.person_id, r.team_id)
                append(self.ctx, s, loaded, Join(entry.id, r.start), "", file=path.name, row=r.row)
            return len(rows)


def _header(name: str, cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        for key, names in COLUMNS.items():
            if cell.strip().lower() in names:
                found[key] = i
    missing = [COLUMNS[k][0] for k in REQUIRED if k not in found]
    if missing:
        raise ImportRejected(
            [UserError("This column is missing", where=Location(name, 1, c)) for c in missing]
        )
    return found


def _number(text: str, where: Location, problems: list[UserError]) -> Decimal | None:
    """A rating, deviation or volatility: a number from 0, within the ratings' limits."""
    try:
        value = parse_decimal(text, where.column or "", limits.RATING_PLACES, limits.RATING_DIGITS)
    except UserError as error:
        problems.append(UserError(error.msgid, where=where, **error.params))
        return None
    if value < 0:
        problems.append(UserError("{value} is not a number", where=where, value=text))
        return None
    return value


def _parse(s: Session, name: str, lines: list[list[str]], event: m.Event) -> list[PaperRow]:
    if not lines:
        raise ImportRejected([UserError("The file is empty", where=Location(name))])
    columns = _header(name, lines[0])
    team_event = event.mode == "team"
    people: dict[str, int] = dict(s.execute(select(m.Person.employee_no, m.Person.id)).all())
    teams: dict[str, int] = dict(
        s.execute(select(m.Team.name, m.Team.id).where(m.Team.contest_id == event.contest_id)).all()
    )
    problems: list[UserError] = []
    rows: list[PaperRow] = []
    places: dict[int, int] = {}
    keys: set[str] = set()

    def cell(line: list[str], key: str) -> str:
        i = columns.get(key)
        return line[i].strip() if i is not None and i < len(line) else ""

    for number, line in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in line):
            continue

        def at(key: str, row: int = number) -> Location:
            return Location(name, row, COLUMNS[key][0])

        try:
            place = parse_whole(cell(line, "place"), COLUMNS["place"][0], low=1)
        except UserError:
            problems.append(UserError("A place is a whole number from 1", where=at("place")))
            continue
        if place in places:
            problems.append(
                UserError(
                    "Place {place} is also on row {row}",
                    where=at("place"),
                    place=place,
                    row=places[place],
                )
            )
        places[place] = number
        key = cell(line, "key")
        found = (teams if team_event else people).get(key)
        if not key:
            problems.append(UserError("This cell is empty", where=at("key")))
            continue
        if found is None:
            problems.append(UserError("{key} is not in the roster", where=at("key"), key=key))
            continue
        if key in keys:
            problems.append(UserError("{key} is listed twice", where=at("key"), key=key))
        keys.add(key)
        start = None
        if cell(line, "rating"):
            rating = _number(cell(line, "rating"), at("rating"), problems)
            deviation = (
                _number(cell(line, "deviation"), at("deviation"), problems)
                if cell(line, "deviation")
                else DEFAULT_DEVIATION
            )
            volatility = (
                _number(cell(line, "volatility"), at("volatility"), problems)
                if cell(line, "volatility")
                else DEFAULT_VOLATILITY
            )
            if rating is not None and deviation is not None and volatility is not None:
                start = Glicko(rating, deviation, volatility)
        rows.append(
            PaperRow(
                number, place, None if team_event else found, found if team_event else None, start
            )
        )
    if problems:
        raise ImportRejected(problems)
    if not rows:
        raise ImportRejected([UserError("The file is empty", where=Location(name))])
    return rows
