"""The hub load benchmark's judges over HTTP: the hub in a ``contest-desk serve`` process of
its own, and one asyncio task with its own httpx client (session, cookie) per judge."""

from __future__ import annotations

import asyncio
import contextlib
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from tests.benchmarks.bench_hub_load import BenchContest, JudgeRun, Save

ROOT = Path(__file__).resolve().parents[2]
RESEND_EVERY = 10  # every tenth save is sent twice with one op id: a lost answer, resent
TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class HubProcess:
    """``contest-desk --db TARGET serve`` on a free loopback port, until ``stop``."""

    def __init__(self, target: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log", prefix="hub-")  # noqa: SIM115
        self.cpu_before = _children_cpu()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "contest_desk", "--db", target, "serve",
             "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._wait_listening()

    def _wait_listening(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                httpx.get(self.base + "/login", timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        self.log.seek(0)
        raise RuntimeError(f"the hub did not start: {self.log.read()[-2000:]}")

    def stop(self) -> float:
        """Stop the hub (as Ctrl+C does) and return the CPU seconds it used."""
        self.process.send_signal(2)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        return _children_cpu() - self.cpu_before


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


_CSRF = re.compile(r'name="csrf[-_]token"\s+content="([^"]+)"|name="csrf"\s+value="([^"]+)"')


def csrf_in(html: str) -> str:
    found = _CSRF.search(html)
    if found is None:
        raise RuntimeError("no CSRF token in the hub's page")
    return found.group(1) or found.group(2)


async def log_in(client: httpx.AsyncClient, username: str, password: str) -> str:
    """Log in through the real form and return the session's CSRF token for the API."""
    page = await client.get("/login")
    form = {"username": username, "password": password}
    with contextlib.suppress(RuntimeError):  # a log-in form may have no token of its own
        form["csrf"] = csrf_in(page.text)
    answer = await client.post("/login", data=form, follow_redirects=True)
    if "cd_session" not in client.cookies:
        raise RuntimeError(f"{username} could not log in: {answer.status_code} {answer.text[:300]}")
    return csrf_in(answer.text)


async def save_mark(
    client: httpx.AsyncClient, csrf: str, bench: BenchContest, save: Save, expected: object
) -> tuple[bool, str]:
    body = {
        "op": save.op,
        "event": bench.event_id,
        "round": 1,
        "entry": save.entry,
        "code": save.code,
        "value": str(save.value),
        "expected": None if expected is None else str(expected),
    }
    answer = await client.post("/api/mark", json=body, headers={"X-CSRF-Token": csrf})
    if answer.status_code == 200:
        return True, answer.text
    return False, f"{answer.status_code} {answer.text[:200]}"


async def judge_loop(
    base: str, bench: BenchContest, n: int, run: JudgeRun, start: float, count: int
) -> None:
    from tests.benchmarks.bench_hub_load import Save, value_of

    loop = asyncio.get_running_loop()
    last: dict[tuple[int, str], object] = {}
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as client:
        csrf = await log_in(client, run.judge.username, run.judge.password)
        for k in range(count):
            await asyncio.sleep(max(0.0, start + n / len(bench.judges) + k - loop.time()))
            entry, code = bench.cells[k % len(bench.cells)]
            save = Save(uuid.uuid4().hex, entry, code, value_of(n, k))
            expected = last.get((entry, code))
            began = time.perf_counter()
            try:
                ok, text = await save_mark(client, csrf, bench, save, expected)
            except httpx.HTTPError as error:
                ok, text = False, f"{type(error).__name__}: {error}"
            save.seconds = time.perf_counter() - began
            save.acknowledged, save.error = ok, "" if ok else text
            run.saves.append(save)
            if not ok:
                continue
            last[(entry, code)] = save.value
            if k % RESEND_EVERY == RESEND_EVERY - 1:
                run.replays += 1
                again, second = await save_mark(client, csrf, bench, save, expected)
                if not again or second != text:
                    run.replays_differing += 1


@dataclass
class HubRun:
    runs: list[JudgeRun]
    seconds: float
    cpu_seconds: float


async def _all_judges(base: str, bench: BenchContest, seconds: float) -> list[JudgeRun]:
    from tests.benchmarks.bench_hub_load import JudgeRun

    runs = [JudgeRun(judge) for judge in bench.judges]
    # Every judge logs in first (each log-in costs the hub a password hash), then all
    # start saving together, spread over the first second.
    start = asyncio.get_running_loop().time() + 5 + 0.2 * len(runs)
    await asyncio.gather(
        *(judge_loop(base, bench, n, run, start, int(seconds)) for n, run in enumerate(runs))
    )
    return runs


def hub_phase(target: str, bench: BenchContest, seconds: float) -> HubRun:
    hub = HubProcess(target)
    try:
        runs = asyncio.run(_all_judges(hub.base, bench, seconds))
    finally:
        cpu = hub.stop()
    return HubRun(runs, seconds, cpu)
