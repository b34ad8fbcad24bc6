"""The CPU cost of one judge's save, the figure that bounds the scoring hub on SQLite (its
writes take turns): through ``record_score`` in this process, and through the hub's
/api/mark in a ``contest-desk serve`` process of its own (that process's CPU only, not the
client's), against a bare INSERT + COMMIT on the same file measured in the same run.

``python -m tests.benchmarks.bench_save_cost``; CONTEST_DESK_BENCH_SAVES sets the number of
saves per figure.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import text

from contest_desk.domain.permissions import Actor, Role
from contest_desk.services.hub import Services
from tests.benchmarks.bench_hub_load import (
    ADMIN,
    BenchContest,
    admin_password,
    build_contest,
    value_of,
)
from tests.benchmarks.hub_load_client import HubProcess, csrf_in

JUDGES = 4  # judges with accounts, who save (making accounts takes a while)
MORE_ENTRIES, MORE_JUDGES = 60, 30  # a contest's size: a save's checks must not grow with it
SAVES_ENV = "CONTEST_DESK_BENCH_SAVES"


def enlarge(services: Services, bench: BenchContest) -> None:
    """More entrants in the event and more judges of other units in the contest (none in
    conflict with the judges who save), as on a real contest day."""
    for n in range(MORE_ENTRIES):
        unit = f"负载测试/{n % 6 + 2}班"
        person = services.roster.add_person(f"8{n:04}", f"职工{n}", unit, "采油工")
        services.roster.add_entry(bench.event_id, person_id=person.id)
    for n in range(MORE_JUDGES):
        services.roster.add_judge(bench.contest_id, f"more{n}", f"裁判乙{n}", f"作业区{n % 5}")


ROUNDS = 3  # the best of three: other work on a shared machine only ever adds


def cpu_per_call(calls: int, call: Callable[[int], object]) -> float:
    """CPU seconds of this process per call (after a few calls to warm caches up)."""
    for n in range(5):
        call(n)
    best, each = float("inf"), max(1, calls // ROUNDS)
    for r in range(ROUNDS):
        began = time.process_time()
        for n in range(each):
            call(r * each + n)
        best = min(best, (time.process_time() - began) / each)
    return best


def bare_insert(services: Services, calls: int) -> float:
    """The floor: one row inserted and committed through the same engine."""
    db = services.ctx.db
    with db.transaction() as s:
        s.execute(text("CREATE TABLE IF NOT EXISTS bench_scratch (n INTEGER, v TEXT)"))

    def insert(n: int) -> None:
        with db.transaction() as s:
            s.execute(text("INSERT INTO bench_scratch VALUES (:n, :v)"), {"n": n, "v": str(n)})

    return cpu_per_call(calls, insert)


def service_save(services: Services, bench: BenchContest, calls: int, op: bool) -> float:
    """One judge saving through the service as the hub does (checked against the value
    they saw; with the page's op id when ``op``)."""
    judge = bench.judges[1 if op else 3]  # a sheet of its own: ``expected`` is this run's
    mine = services.as_user(Actor(judge.username, frozenset({Role.JUDGE})), device="10.0.0.9")
    last: dict[tuple[int, str], object] = {}

    def save(n: int) -> None:
        entry, code = bench.cells[n % len(bench.cells)]
        value = value_of(1 if op else 2, n)
        mine.scoring.record_score(
            bench.event_id, 1, judge.judge_id, entry, code, value,
            expected=last.get((entry, code)),  # type: ignore[arg-type]
            op=str(uuid.uuid4()) if op else None,
        )  # fmt: skip
        last[(entry, code)] = value

    return cpu_per_call(calls, save)


def hub_save(target: str, bench: BenchContest, calls: int) -> float:
    """The hub process's CPU per POST /api/mark of one judge (keep-alive connection)."""
    judge = bench.judges[2]
    hub = HubProcess(target, ADMIN, admin_password())
    try:
        with httpx.Client(base_url=hub.base, timeout=30) as client:
            page = client.get("/login")
            form = {"username": judge.username, "password": judge.password,
                    "csrf": csrf_in(page.text)}  # fmt: skip
            csrf = csrf_in(client.post("/login", data=form, follow_redirects=True).text)
            last: dict[tuple[int, str], str] = {}

            def post(n: int) -> None:
                entry, code = bench.cells[n % len(bench.cells)]
                value = str(value_of(3, n))
                body = {"op": str(uuid.uuid4()), "event": bench.event_id, "round": 1,
                        "entry": entry, "code": code, "value": value,
                        "expected": last.get((entry, code))}  # fmt: skip
                answer = client.post("/api/mark", json=body, headers={"X-CSRF-Token": csrf})
                if answer.status_code != 200:
                    raise RuntimeError(f"save refused: {answer.status_code} {answer.text[:200]}")
                last[(entry, code)] = value

            for n in range(5):
                post(n)
            best, each = float("inf"), max(1, calls // ROUNDS)
            for r in range(ROUNDS):
                began = hub.cpu()  # from /proc, in clock ticks: a round's total, not a save's
                for n in range(each):
                    post(r * each + n)
                best = min(best, (hub.cpu() - began) / each)
            return best
    finally:
        hub.stop()


def main() -> None:
    calls = int(os.environ.get(SAVES_ENV, "400"))
    print(
        f"CPU cost of one save ({calls} saves each; SQLite file; {MORE_ENTRIES + 5} entries,"
        f" {MORE_JUDGES + JUDGES} judges; set {SAVES_ENV} to change)"
    )
    with tempfile.TemporaryDirectory() as folder:
        target = str(Path(folder) / "save.db")
        services = Services.open(target)
        bench = build_contest(services, judges=JUDGES)
        enlarge(services, bench)
        floor = bare_insert(services, calls)
        plain = service_save(services, bench, calls, op=False)
        with_op = service_save(services, bench, calls, op=True)
        services.ctx.db.dispose()  # the file is the hub process's now
        over_http = hub_save(target, bench, calls)
    print(f"  bare INSERT + COMMIT:            {floor * 1000:6.2f} ms CPU (baseline)")
    for label, cost in (
        ("record_score", plain),
        ("record_score with an op id", with_op),
        ("hub POST /api/mark (hub's CPU)", over_http),
    ):
        print(f"  {label + ':':32} {cost * 1000:6.2f} ms CPU  {cost / floor:5.1f}x baseline")
    print(f"  a core's worth of saves over HTTP: {1 / over_http:.0f} a second")


if __name__ == "__main__":
    main()
