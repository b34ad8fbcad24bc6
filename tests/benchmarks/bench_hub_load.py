"""The scoring hub under a contest day's load: 60 judges on their phones, a mark a second each.

Each simulated judge logs in through the hub's real log-in (its own session, cookie and
CSRF token) and saves a mark every second over HTTP on 127.0.0.1 for
``CONTEST_DESK_BENCH_HUB_SECONDS`` (300 by default, as the issue asks; shorter for a quick
look). Every tenth save is sent twice with the same op id, as a page resends a mark whose
answer the Wi-Fi lost. The hub runs in a process of its own (``contest-desk serve``), so
that the load generator (asyncio + httpx, one client per judge) does not share its GIL.

Measured, on SQLite and on PostgreSQL when ``CONTEST_DESK_TEST_PG`` is set:
- throughput and the p50/p95/p99 latency of a save; target p99 under 200 ms;
- lost and duplicated marks, which must be 0: every save a judge got acknowledged is the
  value the database holds (the cell's last one) and has exactly one audit row;
- the baseline in the same run: the same judges calling ``record_score`` directly, one
  thread each, at the same pace, and the ratios of the two;
- the capacity of each: every judge saving back to back for CAPACITY_SECONDS, and the
  hub's CPU per save (how near 60 judges bring the hub to its limit on this machine);
- the time from a round's lock (by the chief judge, through the services, in the
  process that serves the hub, as on the desk) to the hall's ``change`` event on
  ``/hall/events``, and to ``/api/hall`` showing the round final.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from contest_desk.domain.aggregation import Aggregation, AggregationRule
from contest_desk.domain.permissions import Actor, Role
from contest_desk.domain.records.contests import EventSettings
from contest_desk.domain.rubric import Criterion, Rubric
from contest_desk.services.hub import Services
from tests.benchmarks.hub_load_client import hub_phase
from tests.benchmarks.hub_load_direct import direct_phase, hall_latency

JUDGES = 60
ENTRIES, CRITERIA = 5, 10  # 50 cells on each judge's sheet: each is saved again and again
SECONDS_ENV = "CONTEST_DESK_BENCH_HUB_SECONDS"
DEFAULT_SECONDS = 300
BASELINE_MAX_SECONDS = 60  # the direct calls' latencies settle long before five minutes
CAPACITY_SECONDS = 10  # then every judge saves back to back: what the hub can take
PG_ENV = "CONTEST_DESK_TEST_PG"
ADMIN = "benchadmin"  # who starts the hub (a server database wants an account for it)
D = Decimal


@dataclass(frozen=True)
class BenchJudge:
    judge_id: int
    username: str
    password: str


@dataclass(frozen=True)
class BenchContest:
    contest_id: int
    event_id: int
    judges: tuple[BenchJudge, ...]
    cells: tuple[tuple[int, str], ...]  # (entry id, criterion code), the order judges fill
    hall_event_id: int  # a small event, every sheet submitted: one lock from final


@dataclass
class Save:
    """One save a judge made: which cell, what value, and what came back."""

    op: str
    entry: int
    code: str
    value: Decimal
    seconds: float = 0.0
    began: float = 0.0  # seconds from the judges' start: how latency moves over the run
    acknowledged: bool = False
    error: str = ""
    paced: bool = True  # a save a second (False: back to back, for the capacity)


@dataclass
class JudgeRun:
    judge: BenchJudge
    seconds: float = 0.0  # how long it saves a mark a second
    saves: list[Save] = field(default_factory=list)
    replays: int = 0
    replays_differing: int = 0  # a resend answered otherwise than the first send


def value_of(judge: int, n: int) -> Decimal:
    """The ``n``-th mark of judge ``judge``: 0 … 10 in steps of 0.5, a different one
    from the cell's previous mark, so that a lost save shows in the stored value."""
    return D((judge + n) % 21) / 2


def judge_password(username: str) -> str:
    return f"{username}-bench"


def admin_password() -> str:
    return "benchadmin-2026"


def build_contest(services: Services, judges: int = JUDGES) -> BenchContest:
    """A contest with ``judges`` judge accounts, all on one event's panel; and a small
    event of the first judge's, marked and submitted, for the hall's lock."""
    services.users.create_first_admin(ADMIN, "负载测试管理员", admin_password())
    contest = services.contests.create_contest("2026年负载测试技能比武")
    rubric = Rubric(
        tuple(Criterion(f"C{i:02}", f"评分项{i}", max_points=D(10)) for i in range(CRITERIA))
    )
    event = services.contests.create_event(contest.id, "采油工", parts=[("实操", D(1))])
    services.contests.save_rubric(event.parts[0].id, rubric)
    services.contests.update_event(
        event.id,
        event.name,
        EventSettings(AggregationRule(Aggregation.MEAN), judges_per_entry=judges),
    )
    hall = services.contests.create_event(contest.id, "大屏测试", parts=[("实操", D(1))])
    services.contests.save_rubric(hall.parts[0].id, Rubric((rubric.criteria[0],)))
    people = []
    for n in range(ENTRIES):
        person = services.roster.add_person(f"9{n:04}", f"选手{n + 1}", "负载测试/一班", "采油工")
        people.append(person)
    entries = [services.roster.add_entry(event.id, person_id=p.id) for p in people]
    hall_entries = [services.roster.add_entry(hall.id, person_id=p.id) for p in people[:2]]
    made = []
    for n in range(judges):
        username = f"bench{n:02}"
        services.users.add_user(username, f"裁判{n + 1}", judge_password(username), [Role.JUDGE])
        judge = services.roster.add_judge(contest.id, username, f"裁判{n + 1}")
        services.roster.assign_judge(judge.id, event.id)
        made.append(BenchJudge(judge.id, username, judge_password(username)))
    first = made[0]
    services.roster.assign_judge(first.judge_id, hall.id)
    as_first = services.as_user(Actor(first.username, frozenset({Role.JUDGE})))
    for n, entry in enumerate(hall_entries):
        as_first.scoring.record_score(hall.id, 1, first.judge_id, entry.id, "C00", D(6 + n))
    as_first.sheets.submit(hall.id, 1, first.judge_id, first.password)
    cells = tuple((e.id, f"C{i:02}") for i in range(CRITERIA) for e in entries)
    return BenchContest(contest.id, event.id, tuple(made), cells, hall.id)


@dataclass(frozen=True)
class Check:
    acknowledged: int
    lost: int
    duplicated: int
    refused: int


def check_stored(services: Services, bench: BenchContest, runs: list[JudgeRun]) -> Check:
    """Compare what each judge was told was saved with the database: the cell's value is
    the last acknowledged one, and each acknowledged save has one audit row, in order."""
    acknowledged = lost = duplicated = refused = 0
    for run in runs:
        judge = run.judge
        acked = [s for s in run.saves if s.acknowledged]
        acknowledged += len(acked)
        refused += sum(1 for s in run.saves if s.error)
        stored = services.scoring.sheet(bench.event_id, 1, judge.judge_id).values
        rows = [
            r
            for r in services.audit.records(actor=judge.username)
            if r.action == "score.record" and r.detail.get("event") == bench.event_id
        ]
        rows.reverse()  # oldest first, as the saves were made
        audited: dict[tuple[int, str], list[str | None]] = {}
        for r in rows:
            cell = (int(r.target.split(":")[1]), str(r.detail["criterion"]))
            audited.setdefault(cell, []).append(r.detail.get("new"))
        told: dict[tuple[int, str], list[str]] = {}
        for s in acked:
            told.setdefault((s.entry, s.code), []).append(str(s.value))
        for cell, values in told.items():
            rows_of_cell = audited.get(cell, [])
            lost += max(0, len(values) - len(rows_of_cell))
            duplicated += max(0, len(rows_of_cell) - len(values))
            if stored.get(cell) != D(values[-1]):
                lost += 1
        duplicated += sum(len(v) for cell, v in audited.items() if cell not in told)
    return Check(acknowledged, lost, duplicated, refused)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Figures:
    saves: int
    per_second: float
    p50: float
    p95: float
    p99: float
    worst: float


def capacity(runs: list[JudgeRun], seconds: float) -> float:
    """Saves a second while every judge saved back to back."""
    return sum(1 for r in runs for s in r.saves if s.acknowledged and not s.paced) / seconds


def figures(runs: list[JudgeRun], seconds: float) -> Figures:
    """The paced saves' throughput and latencies."""
    times = [s.seconds for run in runs for s in run.saves if s.acknowledged and s.paced]
    if not times:
        return Figures(0, 0.0, 0.0, 0.0, 0.0, 0.0)
    return Figures(
        len(times),
        len(times) / seconds,
        percentile(times, 50),
        percentile(times, 95),
        percentile(times, 99),
        max(times),
    )


def by_minute(runs: list[JudgeRun]) -> str:
    """The paced saves' p99 in each minute of the run: a tail that grows with the tables
    (or the process's heap) shows here, where one figure for 5 minutes hides it."""
    minutes: dict[int, list[float]] = {}
    for s in (s for run in runs for s in run.saves if s.acknowledged and s.paced):
        minutes.setdefault(int(s.began // 60), []).append(s.seconds)
    return "  ".join(f"{percentile(v, 99) * 1000:.0f}" for _, v in sorted(minutes.items()))


def show(name: str, f: Figures) -> None:
    print(
        f"  {name:34} {f.saves:6} saves, {f.per_second:6.1f}/s;  p50 {f.p50 * 1000:6.1f} ms"
        f"  p95 {f.p95 * 1000:6.1f} ms  p99 {f.p99 * 1000:6.1f} ms  worst {f.worst * 1000:6.0f} ms"
    )


def seconds_asked() -> float:
    return float(os.environ.get(SECONDS_ENV) or DEFAULT_SECONDS)


def run_backend(label: str, target: str, seconds: float) -> None:
    """Build the contest in ``target`` (a file or a database URL) and measure it."""
    services = Services.open(target)
    bench = build_contest(services)
    services.ctx.db.dispose()  # an SQLite file is held by one process: the hub's now
    print(f"{label}: {JUDGES} judges, a save a second each for {seconds:.0f} s")
    hub = hub_phase(target, bench, seconds)
    services = Services.open(target)
    try:
        check = check_stored(services, bench, hub.runs)
        baseline_seconds = min(seconds, BASELINE_MAX_SECONDS)
        direct = direct_phase(services, bench, baseline_seconds, hub.runs)
        lock = hall_latency(services, bench)
    finally:
        services.ctx.db.dispose()
    over_http = figures(hub.runs, hub.seconds)
    baseline = figures(direct, baseline_seconds)
    show("hub over HTTP (separate process)", over_http)
    print(f"  hub p99 in each minute (ms): {by_minute(hub.runs)}")
    show(f"direct record_score ({JUDGES} threads)", baseline)
    if baseline.p50 and over_http.saves:
        print(
            f"  ratio hub/direct: p50 {over_http.p50 / baseline.p50:.1f}x,"
            f" p95 {over_http.p95 / baseline.p95:.1f}x, p99 {over_http.p99 / baseline.p99:.1f}x"
        )
    verdict = "met" if over_http.saves and over_http.p99 < 0.2 else "NOT met"
    print(f"  target p99 < 200 ms over HTTP: {verdict}")
    replays = sum(r.replays for r in hub.runs)
    differing = sum(r.replays_differing for r in hub.runs)
    print(
        f"  acknowledged {check.acknowledged}, lost {check.lost}, duplicated {check.duplicated},"
        f" refused or failed {check.refused};  resent ops {replays}, answered differently"
        f" {differing}  (must all be 0 but the counts of saves)"
    )
    print(
        f"  CPU during the paced load: hub process {hub.hub_cpu:.1f} s"
        f" ({hub.hub_cpu / hub.seconds:.0%} of a core), load generator {hub.client_cpu:.1f} s,"
        f" over {hub.seconds:.0f} s"
    )
    flat = capacity(hub.runs, hub.flat_seconds)
    print(
        f"  capacity, every judge saving back to back for {CAPACITY_SECONDS} s: hub"
        f" {flat:.0f} saves/s ({hub.flat_cpu / max(1, flat * hub.flat_seconds) * 1000:.1f} ms"
        f" of the hub's CPU a save), direct {capacity(direct, CAPACITY_SECONDS):.0f} saves/s"
    )
    print(
        f"  round lock -> hall's change event: median {lock.event_median * 1000:.0f} ms,"
        f" worst {lock.event_worst * 1000:.0f} ms; -> /api/hall final: median"
        f" {lock.shown_median * 1000:.0f} ms ({lock.times} locks; target within 2 s)"
    )


def main() -> None:
    seconds = seconds_asked()
    print(
        f"scoring hub load (set {SECONDS_ENV} to shorten; os.cpu_count() = {os.cpu_count()};"
        " a shared machine slows every side)"
    )
    with tempfile.TemporaryDirectory() as folder:
        run_backend("SQLite", str(Path(folder) / "hub.db"), seconds)
    url = os.environ.get(PG_ENV)
    if not url:
        print(f"PostgreSQL: skipped ({PG_ENV} is not set; tests/pg_server.sh prints a URL)")
        return
    from tests.databases import PostgresDatabases

    server = PostgresDatabases(url)
    try:
        run_backend("PostgreSQL", server.new(), seconds)
    finally:
        server.close()


if __name__ == "__main__":
    main()
