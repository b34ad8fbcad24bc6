"""The hub load benchmark's two in-process parts: the baseline (the same judges calling
``record_score`` directly, a thread each, at the hub's pace) and the time from a round's
lock to the hall's screen hearing of it."""

from __future__ import annotations

import queue
import statistics
import threading
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from contest_desk.domain.permissions import Actor, Role
from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.web.server import HubServer

if TYPE_CHECKING:
    from tests.benchmarks.bench_hub_load import BenchContest, BenchJudge, JudgeRun

LOCKS = 5


def _last_values(runs: list[JudgeRun]) -> dict[tuple[int, int, str], object]:
    """What each cell holds after the hub's run, for the baseline's ``expected``."""
    last: dict[tuple[int, int, str], object] = {}
    for run in runs:
        for s in run.saves:
            if s.acknowledged:
                last[(run.judge.judge_id, s.entry, s.code)] = s.value
    return last


def direct_phase(
    services: Services, bench: BenchContest, seconds: float, before: list[JudgeRun]
) -> list[JudgeRun]:
    """Each judge in a thread of its own, a save a second through the service, for
    ``seconds``; the judges start spread over the first second as on the hub. Then, from
    a common start, back to back for CAPACITY_SECONDS."""
    from tests.benchmarks.bench_hub_load import CAPACITY_SECONDS, JudgeRun, Save, value_of

    last = _last_values(before)
    runs = [JudgeRun(judge, seconds=seconds) for judge in bench.judges]
    start = time.perf_counter() + 0.5
    count = int(seconds)
    paced_done = threading.Barrier(len(runs))
    flat_end: list[float] = []

    def judge_loop(n: int, run: JudgeRun) -> None:
        judge: BenchJudge = run.judge
        mine = services.as_user(Actor(judge.username, frozenset({Role.JUDGE})))

        def one(k: int, paced: bool) -> None:
            entry, code = bench.cells[k % len(bench.cells)]
            save = Save(str(uuid.uuid4()), entry, code, value_of(n + 7, k), paced=paced)
            began = time.perf_counter()
            try:
                mine.scoring.record_score(
                    bench.event_id, 1, judge.judge_id, entry, code, save.value,
                    expected=last.get((judge.judge_id, entry, code)),  # type: ignore[arg-type]
                    op=save.op,  # as the hub's saves: the op is stored with each
                )  # fmt: skip
            except UserError as error:
                save.error = str(error)
            else:
                save.acknowledged = True
                last[(judge.judge_id, entry, code)] = save.value
            save.seconds = time.perf_counter() - began
            run.saves.append(save)

        for k in range(count):
            time.sleep(max(0.0, start + n / len(runs) + k - time.perf_counter()))
            one(k, True)
        if paced_done.wait() == 0:  # one thread sets the end for all
            flat_end.append(time.perf_counter() + CAPACITY_SECONDS)
        paced_done.wait()
        k = count
        while time.perf_counter() < flat_end[0]:
            one(k, False)
            k += 1

    threads = [
        threading.Thread(target=judge_loop, args=(n, run), daemon=True)
        for n, run in enumerate(runs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return runs


@dataclass(frozen=True)
class LockLatency:
    times: int
    event_median: float
    event_worst: float
    shown_median: float


def _listen(url: str, heard: queue.Queue[float], stop: threading.Event) -> None:
    """Put the arrival time of every ``change`` event of the hall's stream on ``heard``."""
    client = httpx.Client(timeout=httpx.Timeout(5.0, read=None))
    with client, client.stream("GET", url) as response:
        for line in response.iter_lines():
            if stop.is_set():
                return
            if line.strip() == "event: change":
                heard.put(time.perf_counter())


def _next_change(heard: queue.Queue[float], after: float) -> float:
    """The first change heard at or after ``after`` (earlier ones are the previous change's)."""
    while True:
        at = heard.get(timeout=30)
        if at >= after:
            return at


def _round_final(client: httpx.Client, url: str, event_id: int) -> bool:
    panels = client.get(url).json().get("panels", [])
    return any(p.get("event") == event_id and p.get("final") for p in panels)


def hall_latency(services: Services, bench: BenchContest) -> LockLatency:
    """Lock and unlock the small event's round ``LOCKS`` times with the hall listening: the
    hub serves in this process, as the desk's does (an SQLite file has one process)."""
    server = HubServer(services, host="127.0.0.1", port=0)
    server.start()
    heard: queue.Queue[float] = queue.Queue()
    stop = threading.Event()
    events = f"{server.base_url}/hall/events?contest={bench.contest_id}"
    listener = threading.Thread(target=_listen, args=(events, heard, stop), daemon=True)
    listener.start()
    hall_json = f"{server.base_url}/api/hall?contest={bench.contest_id}"
    to_event: list[float] = []
    to_shown: list[float] = []
    try:
        time.sleep(1.0)  # the stream is open and its first event (if any) has come
        with httpx.Client(timeout=10) as client:
            for n in range(LOCKS):
                began = time.perf_counter()
                services.sheets.lock_round(bench.hall_event_id, 1)
                to_event.append(_next_change(heard, began) - began)
                while not _round_final(client, hall_json, bench.hall_event_id):
                    if time.perf_counter() - began > 30:
                        raise RuntimeError("/api/hall never showed the locked round as final")
                    time.sleep(0.01)
                to_shown.append(time.perf_counter() - began)
                unlocked = time.perf_counter()
                services.sheets.unlock_round(bench.hall_event_id, 1, f"负载测试 {n + 1}")
                _next_change(heard, unlocked)  # heard before the next lock begins
    finally:
        stop.set()
        server.stop()
    return LockLatency(
        LOCKS, statistics.median(to_event), max(to_event), statistics.median(to_shown)
    )
