"""The service figures on the big database (tests/benchmarks/scale_db.py), each against a
bare SQL baseline measured in the same run on the same database:

- standings of the marked 10,000-entry event vs one GROUP BY over its round's scores;
- one mark saved through ``record_score`` (permission, checks, audit row) vs a bare INSERT
  + COMMIT of a score row, both into a round not marked yet;
- 20 desks saving 1,000 marks each at once (PostgreSQL), each desk a process with its own
  Services and connection, vs 20 processes doing bare INSERT + COMMIT: throughput,
  p50/p95/p99 of one save, and the rows counted after (lost updates: 0).
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
from decimal import Decimal
from typing import Any

from sqlalchemy import create_engine, func, select, text

from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.benchmarks.bench_standings import best_of  # the median of timed runs
from tests.benchmarks.scale_db import Layout, entry_ids

DESKS, SAVES = 20, 1_000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def standings(services: Services, plan: Layout, runs: int = 5) -> tuple[float, float]:
    """(GROUP BY, service) seconds, medians."""
    event_id = plan.event_ids[0]
    group_by = text(
        "SELECT entry_id, criterion_id, SUM(value), MIN(value), MAX(value), COUNT(*)"
        " FROM scores WHERE round_id = :r GROUP BY entry_id, criterion_id"
    )

    def bare() -> None:
        with services.ctx.db.engine.connect() as conn:
            conn.execute(group_by, {"r": plan.round_ids[event_id]}).all()

    def table() -> None:
        services.standings.standings(event_id)

    bare(), table()  # the file cache and the code paths warm alike
    times: dict[str, list[float]] = {"bare": [], "service": []}
    for _ in range(runs):  # interleaved: other work on a shared machine slows both alike
        times["bare"].append(best_of(1, bare))
        times["service"].append(best_of(1, table))
    base, mine = statistics.median(times["bare"]), statistics.median(times["service"])
    print(f"  one GROUP BY over the event's scores:  {base * 1000:8.1f} ms (baseline)")
    print(f"  standings (trimmed mean), the service: {mine * 1000:8.1f} ms  "
          f"{mine / base:5.2f}x baseline (target 3x)")  # fmt: skip
    return base, mine


def one_save(services: Services, plan: Layout, saves: int = 300) -> tuple[float, float]:
    """(bare, service) seconds per save, medians: new marks in events not marked yet."""
    judge_id, username = plan.judges[0]
    judge = services.as_user(Actor(username, frozenset({Role.JUDGE})), device="bench")
    service_event, bare_event = plan.event_ids[-1], plan.event_ids[-2]
    cells = [(e, c) for e in entry_ids(services, service_event) for c in plan.codes]
    bare_round = plan.round_ids[bare_event]
    bare_entries = entry_ids(services, bare_event)
    with services.ctx.db.reading() as s:
        criterion = s.scalars(
            select(m.Criterion.id).join(m.Part).where(m.Part.event_id == bare_event)
        ).first()
    insert = text(
        "INSERT INTO scores (round_id, entry_id, criterion_id, judge_id, value)"
        " VALUES (:r, :e, :c, :j, :v)"
    )

    def bare(n: int) -> None:
        with services.ctx.db.transaction() as s:
            s.execute(insert, {"r": bare_round, "e": bare_entries[n], "c": criterion,
                               "j": judge_id, "v": 5000})  # fmt: skip

    def service(n: int) -> None:
        entry, code = cells[n]
        judge.scoring.record_score(service_event, 1, judge_id, entry, code, "5", expected=None)

    times: dict[str, list[float]] = {"bare": [], "service": []}
    for n in range(min(saves, len(bare_entries), len(cells))):  # interleaved
        for name, work in (("bare", bare), ("service", service)):
            start = time.perf_counter()
            work(n)
            times[name].append(time.perf_counter() - start)
    base, mine = statistics.median(times["bare"][5:]), statistics.median(times["service"][5:])
    print(f"  bare INSERT + COMMIT of a score row:   {base * 1000:8.2f} ms (baseline)")
    print(f"  one mark saved through record_score:   {mine * 1000:8.2f} ms  "
          f"{mine / base:5.2f}x baseline (target 3x)")  # fmt: skip
    return base, mine


# 20 desks at once (PostgreSQL) -------------------------------------------------------


def _desk(url: str, desk: int, job: dict[str, Any], go: Any, bare: bool) -> dict[str, Any]:
    """One desk's process: its own Services (and pool), its 1,000 saves once all are ready."""
    services = Services.open(url)
    judge = services.as_user(Actor(job["username"], frozenset({Role.JUDGE})), f"desk{desk}")
    insert = text("INSERT INTO bench_desks (desk, n, value) VALUES (:d, :n, :v)")
    times, refused = [], []
    go.wait()
    began = time.time()
    for n, (entry, code) in enumerate(job["cells"]):
        start = time.perf_counter()
        try:
            if bare:
                with services.ctx.db.transaction() as s:
                    s.execute(insert, {"d": desk, "n": n, "v": n % 10})
            else:
                judge.scoring.record_score(
                    job["event"], 1, job["judge"], entry, code, str(n % 10), expected=None
                )
        except UserError as error:
            refused.append(error.message())
        times.append(time.perf_counter() - start)
    ended = time.time()
    services.ctx.db.dispose()
    return {"times": times, "refused": refused, "began": began, "ended": ended}


def _jobs(services: Services, plan: Layout) -> list[dict[str, Any]]:
    """Desk d keys judge (d % 2)'s sheet of event 1 + d // 2 (two desks an event, on
    events not marked yet): 50 entries × 20 criteria, cells no other desk touches."""
    jobs = []
    for desk in range(DESKS):
        event = plan.event_ids[1 + desk // 2]
        judge_id, username = plan.judges[desk % 2]
        entries = entry_ids(services, event)[: SAVES // len(plan.codes)]
        cells = [(e, c) for e in entries for c in plan.codes]
        jobs.append({"event": event, "judge": judge_id, "username": username, "cells": cells})
    return jobs


def _run_desks(url: str, jobs: list[dict[str, Any]], bare: bool) -> list[dict[str, Any]]:
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter each, as a desk is
    with spawn.Manager() as manager:
        go = manager.Barrier(len(jobs))
        with spawn.Pool(len(jobs)) as pool:
            waiting = [
                pool.apply_async(_desk, (url, d, job, go, bare)) for d, job in enumerate(jobs)
            ]
            return [w.get(timeout=1800) for w in waiting]


def _summary(label: str, results: list[dict[str, Any]], base: float | None) -> float:
    times = [t for r in results for t in r["times"]]
    wall = max(r["ended"] for r in results) - min(r["began"] for r in results)
    rate = len(times) / wall
    line = (f"  {label:34} {rate:7.0f} saves/s  p50 {percentile(times, .5) * 1000:6.1f}"
            f"  p95 {percentile(times, .95) * 1000:6.1f}  p99 {percentile(times, .99) * 1000:6.1f}"
            " ms")  # fmt: skip
    print(line + ("  (baseline)" if base is None else f"  {base / rate:.2f}x slower"))
    return rate


def desks(url: str, plan: Layout) -> None:
    """20 desk processes saving at once, then every row counted."""
    services = Services.open(url)
    jobs = _jobs(services, plan)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_desks (desk INTEGER, n INTEGER, value INTEGER)"))
    rounds = [plan.round_ids[job["event"]] for job in jobs]
    audit_before = _count(services, m.AuditRecord, m.AuditRecord.action == "score.record")
    bare = _run_desks(url, jobs, bare=True)
    mine = _run_desks(url, jobs, bare=False)
    print(f"{DESKS} desks saving {SAVES:,} marks each at once (a process each):")
    base = _summary("bare INSERT + COMMIT:", bare, None)
    _summary("record_score:", mine, base)
    with engine.connect() as conn:
        bare_rows = conn.scalar(text("SELECT count(*) FROM bench_desks"))
    saved = sum(len(r["times"]) - len(r["refused"]) for r in mine)
    stored = _count(services, m.Score, m.Score.round_id.in_(rounds))
    audited = _count(services, m.AuditRecord, m.AuditRecord.action == "score.record")
    wrong = _wrong_values(services, jobs)
    refused = [text for r in mine for text in r["refused"]]
    print(f"  saved {saved:,} (refused {len(refused)}{': ' + refused[0] if refused else ''});"
          f" rows after: {stored:,} scores, {audited - audit_before:,} audit rows,"
          f" {wrong} cells not holding their value; bare rows {bare_rows:,}")  # fmt: skip
    print(f"  lost updates: {saved - stored + wrong}")
    engine.dispose()
    services.ctx.db.dispose()


def _count(services: Services, model: Any, where: Any) -> int:
    with services.ctx.db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(where)) or 0)


def _wrong_values(services: Services, jobs: list[dict[str, Any]]) -> int:
    """Cells whose stored value is not the one their desk saved last (n % 10)."""
    wrong = 0
    with services.ctx.db.reading() as s:
        for job in jobs:
            codes = dict(
                s.execute(
                    select(m.Criterion.code, m.Criterion.id)
                    .join(m.Part)
                    .where(m.Part.event_id == job["event"])
                ).all()
            )
            stored = {
                (e, c): v
                for e, c, v in s.execute(
                    select(m.Score.entry_id, m.Score.criterion_id, m.Score.value).where(
                        m.Score.judge_id == job["judge"],
                        m.Score.entry_id.in_({e for e, _ in job["cells"]}),
                    )
                )
            }
            for n, (entry, code) in enumerate(job["cells"]):
                if stored.get((entry, codes[code])) != Decimal(n % 10):
                    wrong += 1
    return wrong
