"""Shared roster queries: units by path, entries and judges as records, who is still in at a
round. Services of every area read the roster through these."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, bindparam, literal, select
from sqlalchemy.orm import Session, selectinload

from contest_desk.domain.records.contests import EntryInfo, JudgeInfo, PersonInfo
from contest_desk.storage import models as m
from contest_desk.storage.mapping import unit_path


def unit_by_path(s: Session, path: str, create: bool) -> m.Unit | None:
    """The unit at "采油一区/作业一班", made on the way when ``create`` is set."""
    parent: m.Unit | None = None
    for name in [p.strip() for p in path.replace("\\", "/").split("/") if p.strip()]:
        parent_id = parent.id if parent else None
        found = s.scalar(select(m.Unit).where(m.Unit.name == name, m.Unit.parent_id == parent_id))
        if found is None:
            if not create:
                return None
            found = m.Unit(name=name, parent_id=parent_id, parent=parent)
            s.add(found)
            s.flush()
        parent = found
    return parent


def judge_infos(s: Session, contest_id: int) -> list[JudgeInfo]:
    """A contest's judges with their units and the events they are on."""
    rows = s.scalars(select(m.Judge).where(m.Judge.contest_id == contest_id).order_by(m.Judge.id))
    out = []
    for j in rows:
        events = s.scalars(
            select(m.JudgeAssignment.event_id).where(m.JudgeAssignment.judge_id == j.id).distinct()
        )
        unit = s.get(m.Unit, j.unit_id) if j.unit_id else None
        out.append(JudgeInfo(j.id, j.username, j.name, unit_path(unit), tuple(events), j.trainee))
    return out


def in_round(s: Session, event_id: int, round_number: int) -> set[int]:
    """The entries still in at a round: none eliminated by an earlier round's close."""
    rows = s.execute(
        select(m.Entry.id, m.Entry.eliminated_round).where(m.Entry.event_id == event_id)
    )
    return {e for e, out in rows if out is None or out >= round_number}


def entry_rows(s: Session, event_id: int) -> list[m.Entry]:
    """An event's entries with what their labels need, loaded in a few queries."""
    return list(
        s.scalars(
            select(m.Entry)
            .where(m.Entry.event_id == event_id)
            .options(
                selectinload(m.Entry.person).selectinload(m.Person.unit),
                selectinload(m.Entry.team)
                .selectinload(m.Team.members)
                .selectinload(m.TeamMember.person)
                .selectinload(m.Person.unit),
            )
            .order_by(m.Entry.id)
        )
    )


def unit_paths(s: Session) -> dict[int, str]:
    """Every unit's path, from one query (the tree is small; entries are many)."""
    rows = s.execute(select(m.Unit.id, m.Unit.name, m.Unit.parent_id)).all()
    parents = {uid: (name, parent) for uid, name, parent in rows}
    paths: dict[int, str] = {}

    def path(uid: int) -> str:
        if uid not in paths:
            name, parent = parents[uid]
            paths[uid] = f"{path(parent)}/{name}" if parent is not None else name
        return paths[uid]

    for uid in parents:
        path(uid)
    return paths


def _unit_paths_up() -> Select[Any]:
    """Each unit of the expanding parameter ``ids`` with its ancestors' names and depths."""
    unit = m.Unit.__table__
    start = select(
        unit.c.id.label("start"), unit.c.name, unit.c.parent_id, literal(0).label("depth")
    ).where(unit.c.id.in_(bindparam("ids", expanding=True)))
    up = start.cte("up", recursive=True)
    parent = unit.alias("parent")
    up = up.union_all(
        select(up.c.start, parent.c.name, parent.c.parent_id, up.c.depth + 1).join(
            parent, parent.c.id == up.c.parent_id
        )
    )
    return select(up)


_UNIT_PATHS_UP = _unit_paths_up()  # made once: a save asks it (building costs more)


def unit_paths_of(s: Session, ids: set[int]) -> dict[int, str]:
    """The paths of ``ids`` alone, their ancestors followed in one recursive query: what a
    save's conflict check needs, without reading the whole tree each time (unit_paths)."""
    if not ids:
        return {}
    names: dict[int, list[tuple[int, str]]] = {}
    s.flush()
    for first, name, _parent, depth in s.connection().execute(_UNIT_PATHS_UP, {"ids": list(ids)}):
        names.setdefault(first, []).append((depth, name))
    return {
        uid: "/".join(n for _d, n in sorted(parts, reverse=True)) for uid, parts in names.items()
    }


def person_infos(s: Session, search: str = "") -> list[PersonInfo]:
    """The roster as records, by employee number, from plain rows: the ORM's objects and
    their units cost ten times as much for a plant's 100,000 persons (bench_scale)."""
    paths = unit_paths(s)
    query = select(
        m.Person.id,
        m.Person.employee_no,
        m.Person.name,
        m.Person.unit_id,
        m.Person.job_type,
        m.Person.skill_level,
        m.Person.version,
    ).order_by(m.Person.employee_no)
    if search:
        like = f"%{search}%"
        query = query.where(m.Person.name.like(like) | m.Person.employee_no.like(like))
    return [
        PersonInfo(pid, number, name, unit, paths.get(unit, "") if unit else "", job, level, v)
        for pid, number, name, unit, job, level, v in s.execute(query).all()
    ]


def entry_infos(s: Session, event_id: int) -> list[EntryInfo]:
    """An event's entries as records, from plain rows: fast enough for 10,000 entries."""
    paths = unit_paths(s)
    query = (
        select(
            m.Entry.id,
            m.Entry.code,
            m.Entry.person_id,
            m.Entry.team_id,
            m.Person.name,
            m.Person.employee_no,
            m.Person.unit_id,
            m.Team.name,
            m.Team.unit_id,
        )
        .outerjoin(m.Person, m.Person.id == m.Entry.person_id)
        .outerjoin(m.Team, m.Team.id == m.Entry.team_id)
        .where(m.Entry.event_id == event_id)
        .order_by(m.Entry.id)
    )
    out = []
    for eid, code, pid, tid, pname, number, punit, tname, tunit in s.execute(query).all():
        unit = punit if pid is not None else tunit
        label = pname if pid is not None else tname
        key = number if pid is not None else tname
        out.append(EntryInfo(eid, label, paths.get(unit, "") if unit else "", key, code, pid, tid))
    return out
