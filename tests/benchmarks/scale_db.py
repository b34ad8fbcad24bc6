"""The big database of issue 16's scale benchmarks, built fast and kept between runs.

100,000 persons; one contest of 20 events, each with 10,000 entries, 7 judges on every
panel and 20 criteria. The first event is marked in full: 10,000 × 7 × 20 = 1.4 M scores;
the other 19 are the ones still being marked (the desks' benchmark saves into them).
``--size small`` is a twentieth of the persons and entries, for a quick try.

The contest, its events, rubrics, units and judges are made through the services, as a
desk makes them (a few hundred calls, each audited); the persons, entries and scores go
in as bulk inserts straight into the ORM's tables (executemany on SQLite, COPY on
PostgreSQL): through the services they would take hours.
Those rows are as the services write them (scaled Decimals, versions, statuses), with no
audit rows of their own: the trail holds the set-up only.

The SQLite file is cached in ~/.cache/contest-desk-bench/, named after the size and the
schema's alembic head, so a run after the first does not build again; the benchmarks work
on a copy of it. On PostgreSQL a database of its own is made on the server and dropped
after (PostgresDatabases, as the tests make theirs).
"""

from __future__ import annotations

import itertools
import random
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.records.contests import EventSettings
from contest_desk.domain.rubric import Criterion, Rubric
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from contest_desk.storage.db import MIGRATIONS
from contest_desk.storage.revisions import newest_revision
from contest_desk.storage.types import Milli

CACHE = Path.home() / ".cache" / "contest-desk-bench"
BUILDER = 1  # raised when what is built changes, so that an older cached file is not used
CONTEST = "2026年全厂职工技能大赛"
ADMIN, ADMIN_PASSWORD = "admin", "scale-bench-2026"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "建国明伟洋军华平刚勇杰涛强磊超鹏飞龙静丽敏霞燕红芳娟玲婷雪梅兰英秀"
JOBS = ("采油工", "集输工", "电焊工", "维修电工", "仪表工", "化验工", "钳工", "司钻")
LEVELS = ("初级工", "中级工", "高级工", "技师", "高级技师")
CHUNK = 20_000  # rows per executemany: bounded memory on the 1.4 M scores


@dataclass(frozen=True)
class Size:
    name: str
    persons: int
    events: int
    entries: int  # per event
    judges: int
    criteria: int
    scored: int = 1  # the events marked already; the others are still to mark

    @property
    def scores(self) -> int:
        return self.scored * self.entries * self.judges * self.criteria


SIZES = {
    "full": Size("full", 100_000, 20, 10_000, 7, 20),
    "small": Size("small", 5_000, 20, 500, 7, 20),  # a twentieth: built in seconds
}


@dataclass(frozen=True)
class Layout:
    """What the benchmarks need to know of a built database."""

    contest_id: int
    event_ids: list[int]
    round_ids: dict[int, int]  # event → its round 1
    judges: list[tuple[int, str]]  # (id, username), on every event's panel
    codes: list[str]  # the criteria codes, the same in every event


def layout(services: Services) -> Layout:
    with services.ctx.db.reading() as s:
        contest_id = s.scalars(select(m.Contest.id).where(m.Contest.name == CONTEST)).one()
        events = s.scalars(
            select(m.Event.id).where(m.Event.contest_id == contest_id).order_by(m.Event.id)
        ).all()
        rounds = dict(
            s.execute(
                select(m.Round.event_id, m.Round.id).where(
                    m.Round.event_id.in_(events), m.Round.number == 1
                )
            ).all()
        )
        judges = s.execute(
            select(m.Judge.id, m.Judge.username)
            .where(m.Judge.contest_id == contest_id)
            .order_by(m.Judge.id)
        ).all()
    return Layout(contest_id, list(events), rounds, [tuple(j) for j in judges], criteria_codes())


def criteria_codes(count: int = 20) -> list[str]:
    return [f"C{i:02}" for i in range(count)]


def entry_ids(services: Services, event_id: int) -> list[int]:
    with services.ctx.db.reading() as s:
        query = select(m.Entry.id).where(m.Entry.event_id == event_id).order_by(m.Entry.id)
        return list(s.scalars(query).all())


# Building ----------------------------------------------------------------------------


def _setup(services: Services, size: Size) -> tuple[int, list[int]]:
    """The contest, its events with their rubrics and panels, the units: as a desk would."""
    services.users.create_first_admin(ADMIN, "管理员", ADMIN_PASSWORD)
    contest = services.contests.create_contest(CONTEST)
    rubric = Rubric(
        tuple(
            Criterion(code, f"评分项{n + 1}", max_points=Decimal(10))
            for n, code in enumerate(criteria_codes(size.criteria))
        )
    )
    settings = EventSettings(AggregationRule(Aggregation.TRIMMED_MEAN, 1), size.judges)
    judges = [
        services.roster.add_judge(contest.id, f"j{n + 1}", f"裁判{n + 1}")
        for n in range(size.judges)
    ]
    events = []
    for n in range(size.events):
        name = f"{JOBS[n % len(JOBS)]}{n // len(JOBS) + 1}组"
        event = services.contests.create_event(contest.id, name, parts=[("实操", Decimal(1))])
        services.contests.save_rubric(event.parts[0].id, rubric)
        services.contests.update_event(event.id, name, settings)
        for judge in judges:
            services.roster.assign_judge(judge.id, event.id)
        events.append(event.id)
    for area in range(1, 6):
        for team in range(1, 5):
            services.roster.add_unit(f"采油一厂/作业{area}区/{team}班")
    return contest.id, events


def _persons(size: Size, units: Sequence[int]) -> Iterator[dict[str, Any]]:
    rng = random.Random(16)
    for n in range(size.persons):
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
        yield {
            "employee_no": f"S{n + 1:06}",
            "name": name,
            "unit_id": units[n % len(units)],
            "job_type": JOBS[n % len(JOBS)],
            "skill_level": LEVELS[n % len(LEVELS)],
            "version": 1,
        }


def _entries(size: Size, events: Sequence[int], persons: Sequence[int]) -> Iterator[dict[str, Any]]:
    # Event n takes a window of the roster: a person is entered in a few events.
    stride = max(1, len(persons) // len(events))
    for n, event_id in enumerate(events):
        for k in range(size.entries):
            person = persons[(n * stride + k) % len(persons)]
            yield {"event_id": event_id, "person_id": person, "status": "active"}


def _scores(conn: Connection, size: Size, events: Sequence[int]) -> Iterator[dict[str, Any]]:
    """Every mark of every judge on every entry: halves from 0 to 10, as judges give."""
    rng = random.Random(7)
    values = [Decimal(n) / 2 for n in range(21)]
    for event_id in events[: size.scored]:
        round_id = conn.scalar(
            select(m.Round.id).where(m.Round.event_id == event_id, m.Round.number == 1)
        )
        criteria = conn.scalars(
            select(m.Criterion.id)
            .join(m.Part, m.Part.id == m.Criterion.part_id)
            .where(m.Part.event_id == event_id)
        ).all()
        judges = conn.scalars(
            select(m.JudgeAssignment.judge_id).where(m.JudgeAssignment.event_id == event_id)
        ).all()
        entries = conn.scalars(select(m.Entry.id).where(m.Entry.event_id == event_id)).all()
        for entry in entries:
            for criterion in criteria:
                for judge in judges:
                    yield {"round_id": round_id, "entry_id": entry, "criterion_id": criterion,
                           "judge_id": judge, "value": rng.choice(values)}  # fmt: skip


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _bulk(conn: Connection, table: Any, rows: Iterator[dict[str, Any]]) -> int:
    """Rows into ``table``: COPY on PostgreSQL (psycopg's copy), executemany elsewhere."""
    count = 0
    if conn.dialect.name != "postgresql":
        for chunk in _chunks(rows):
            conn.execute(insert(table), chunk)
            count += len(chunk)
        return count
    first = next(rows, None)
    if first is None:
        return 0
    names = list(first)
    # Milli and the like: the column types' own conversion, as an INSERT would do it.
    convert = [
        table.c[name].type.process_bind_param if isinstance(table.c[name].type, Milli) else None
        for name in names
    ]
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        sql = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for row in itertools.chain([first], rows):
                copy.write_row(
                    [
                        f(v, conn.dialect) if f is not None else v
                        for f, v in zip(convert, row.values(), strict=True)
                    ]
                )
                count += 1
    return count


def fill(services: Services, size: Size, say: Any = print) -> None:
    """The whole database into an empty, migrated one."""
    started = time.perf_counter()
    _, events = _setup(services, size)
    say(f"  set-up through the services: {time.perf_counter() - started:.1f} s")
    with services.ctx.db.engine.begin() as conn:
        units = conn.scalars(select(m.Unit.id).where(m.Unit.parent_id.is_not(None))).all()
        leaves = [u for u in units if not conn.scalar(
            select(m.Unit.id).where(m.Unit.parent_id == u).limit(1))]  # fmt: skip
        _bulk(conn, m.Person.__table__, _persons(size, leaves))
        persons = conn.scalars(
            select(m.Person.id).where(m.Person.employee_no.like("S%")).order_by(m.Person.id)
        ).all()
        _bulk(conn, m.Entry.__table__, _entries(size, events, persons))
        say(f"  persons and entries: {time.perf_counter() - started:.1f} s")
        count = _bulk(conn, m.Score.__table__, _scores(conn, size, events))
        say(f"  {count:,} scores: {time.perf_counter() - started:.1f} s")
    if services.ctx.db.engine.dialect.name == "postgresql":
        # As autovacuum would have done by the time a real database is this big.
        with services.ctx.db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))


def cached_sqlite(size: Size, say: Any = print) -> Path:
    """The cached SQLite file of ``size`` for the schema's head, built when missing."""
    head = newest_revision(MIGRATIONS)
    path = CACHE / f"scale-{size.name}-{head}-b{BUILDER}.db"
    if path.exists():
        say(f"SQLite database: {path} (cached)")
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for stale in CACHE.glob(f"{building.name}*"):
        stale.unlink()
    say(f"Building the SQLite database ({size.scores:,} scores) in {path}")
    started = time.perf_counter()
    services = Services.open(str(building))
    try:
        fill(services, size, say)
    finally:
        services.ctx.db.dispose()
    building.rename(path)
    say(f"  built in {time.perf_counter() - started:.0f} s")
    return path


def work_copy(cached: Path, folder: Path) -> str:
    """A copy of the cached file for one run: the benchmarks write into it."""
    target = folder / "scale.db"
    shutil.copyfile(cached, target)
    return str(target)


def build_postgres(url: str, size: Size, say: Any = print) -> None:
    """The database of ``size`` on the (empty, migrated) PostgreSQL database ``url``."""
    say(f"Building the PostgreSQL database ({size.scores:,} scores)")
    started = time.perf_counter()
    services = Services.open(url)
    try:
        fill(services, size, say)
    finally:
        services.ctx.db.dispose()
    say(f"  built in {time.perf_counter() - started:.0f} s")
