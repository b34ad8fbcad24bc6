"""Standings for 2,000 entries × 7 judges × 20 criteria (280,000 scores) against one GROUP BY.

Target: the service's standings within 3× of a plain SQL GROUP BY over the same
score table, measured in the same run on the same file.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, text

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.records.contests import EventSettings
from contest_desk.domain.rubric import Criterion, Rubric
from contest_desk.services.hub import Services
from contest_desk.storage import models as m

ENTRIES, JUDGES, CRITERIA = 2_000, 7, 20
GROUP_BY = (
    "SELECT entry_id, criterion_id, SUM(value), COUNT(*) FROM scores"
    " GROUP BY entry_id, criterion_id"
)


def build(services: Services) -> int:
    contest = services.contests.create_contest("性能测试")
    event = services.contests.create_event(contest.id, "采油工", parts=[("实操", Decimal(1))])
    rubric = Rubric(
        tuple(Criterion(f"C{i:02}", f"评分项{i}", max_points=Decimal(10)) for i in range(CRITERIA))
    )
    services.contests.save_rubric(event.parts[0].id, rubric)
    services.contests.update_event(
        event.id, event.name, EventSettings(AggregationRule(Aggregation.TRIMMED_MEAN, 1), JUDGES)
    )
    rng = random.Random(7)
    with services.ctx.db.transaction() as s:
        units = [m.Unit(name=f"作业区{i}") for i in range(10)]
        s.add_all(units)
        s.flush()
        persons = [
            m.Person(employee_no=f"B{i:05}", name=f"职工{i}", unit_id=units[i % 10].id)
            for i in range(ENTRIES)
        ]
        s.add_all(persons)
        judges = [
            m.Judge(contest_id=contest.id, username=f"j{i}", name=f"裁判{i}") for i in range(JUDGES)
        ]
        s.add_all(judges)
        s.flush()
        s.add_all(m.JudgeAssignment(judge_id=j.id, event_id=event.id) for j in judges)
        entries = [m.Entry(event_id=event.id, person_id=p.id) for p in persons]
        s.add_all(entries)
        s.flush()
        criteria = [
            c.id for c in s.query(m.Criterion).filter(m.Criterion.part_id == event.parts[0].id)
        ]
        round_id = event.rounds[0].id
        rows = [
            {"round_id": round_id, "entry_id": e.id, "criterion_id": c, "judge_id": j.id,
             "value": Decimal(rng.randint(0, 20)) / 2}
            for e in entries for c in criteria for j in judges
        ]  # fmt: skip
        s.execute(insert(m.Score), rows)
    return event.id


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(str(Path(folder) / "bench.db"))
        started = time.perf_counter()
        event_id = build(services)
        print(
            f"built {ENTRIES * JUDGES * CRITERIA:,} scores in {time.perf_counter() - started:.1f} s"
        )

        def group_by() -> None:
            with services.ctx.db.engine.connect() as conn:
                conn.execute(text(GROUP_BY)).all()

        def standings() -> None:
            table = services.standings.standings(event_id)
            assert len(table.rows) == ENTRIES

        group_by(), standings()  # warm the file cache and the code paths alike
        baseline = best_of(5, group_by)
        service = best_of(5, standings)
        print(f"plain SQL GROUP BY:            {baseline * 1000:8.1f} ms")
        print(f"standings (trimmed mean, k=1): {service * 1000:8.1f} ms")
        print(f"ratio: {service / baseline:.2f}x  (target: within 3x)")

        services.contests.update_event(
            event_id, "采油工", EventSettings(AggregationRule(Aggregation.MEDIAN), JUDGES)
        )
        median = best_of(3, standings)
        print(f"standings (median, every mark fetched): {median * 1000:8.1f} ms, "
              f"ratio {median / baseline:.2f}x")  # fmt: skip
        services.ctx.db.dispose()


if __name__ == "__main__":
    main()
