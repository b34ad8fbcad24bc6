"""The hub load benchmark's judges over HTTP: the hub in a ``contest-desk serve`` process of
its own, and one asyncio task with its own httpx client (session, cookie) per judge."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
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

from contest_desk.cli.core import PASSWORD_ENV

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
    """``contest-desk --db TARGET --user USER serve`` on a free loopback port, until
    ``stop`` (a server database wants an account even to start the hub)."""

    def __init__(self, target: str, user: str, password: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log", prefix="hub-")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "contest_desk", "--db", target, "--user", user, "serve",
             "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, PASSWORD_ENV: password},
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
        self.log.seek(0)
        said = self.log.read()[-2000:]
        self.stop()
        raise RuntimeError(f"the hub did not start: {said}")

    def cpu(self) -> float:
        """CPU seconds the hub has used so far (Linux's /proc; NaN elsewhere)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        """Stop the hub, as Ctrl+C does."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


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


@dataclass
class Phases:
    """When the judges change from a save a second to saving as fast as the hub answers."""

    paced: int  # judges still saving a mark a second
    paced_done: asyncio.Event
    flat: asyncio.Event  # set: save back to back
    flat_done: asyncio.Event  # set: stop


async def judge_loop(
    base: str, bench: BenchContest, n: int, run: JudgeRun, start: float, phases: Phases
) -> None:
    """Log in, save a mark a second from ``start``; then, when told, as fast as the hub
    answers until told to stop."""
    from tests.benchmarks.bench_hub_load import Save, value_of

    loop = asyncio.get_running_loop()
    last: dict[tuple[int, str], object] = {}

    async def one(client: httpx.AsyncClient, csrf: str, k: int, paced: bool) -> None:
        entry, code = bench.cells[k % len(bench.cells)]
        save = Save(str(uuid.uuid4()), entry, code, value_of(n, k), paced=paced)
        expected = last.get((entry, code))
        began = time.perf_counter()
        save.began = loop.time() - start
        try:
            ok, text = await save_mark(client, csrf, bench, save, expected)
        except httpx.HTTPError as error:
            ok, text = False, f"{type(error).__name__}: {error}"
        save.seconds = time.perf_counter() - began
        save.acknowledged, save.error = ok, "" if ok else text
        run.saves.append(save)
        if not ok:
            return
        last[(entry, code)] = save.value
        if paced and k % RESEND_EVERY == RESEND_EVERY - 1:
            run.replays += 1
            again, second = await save_mark(client, csrf, bench, save, expected)
            if not again or second != text:
                run.replays_differing += 1

    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as client:
        csrf = await log_in(client, run.judge.username, run.judge.password)
        count = int(run.seconds)
        for k in range(count):
            await asyncio.sleep(max(0.0, start + n / len(bench.judges) + k - loop.time()))
            await one(client, csrf, k, True)
        phases.paced -= 1
        if not phases.paced:
            phases.paced_done.set()
        await phases.flat.wait()
        k = count
        while not phases.flat_done.is_set():
            await one(client, csrf, k, False)
            k += 1


@dataclass
class HubRun:
    runs: list[JudgeRun]
    seconds: float  # from the first paced save to the last paced answer
    hub_cpu: float  # CPU seconds of the hub's process meanwhile (log-ins not counted)
    client_cpu: float  # and of this process, the load generator
    flat_seconds: float  # the judges saved as fast as the hub answered…
    flat_cpu: float  # … and the hub's CPU seconds meanwhile


async def _until(phase: asyncio.Event, judges: asyncio.Future[list[None]]) -> None:
    """Wait for ``phase``; a judge that failed (a log-in refused or timed out) ends the run
    with its error instead of leaving the others waiting for it for ever."""
    reached = asyncio.ensure_future(phase.wait())
    await asyncio.wait({reached, judges}, return_when=asyncio.FIRST_COMPLETED)
    if judges.done() and not phase.is_set():
        reached.cancel()
        judges.result()  # raises the judge's error
        raise RuntimeError("the judges stopped before the phase ended")


async def _all_judges(hub: HubProcess, bench: BenchContest, seconds: float) -> HubRun:
    from tests.benchmarks.bench_hub_load import CAPACITY_SECONDS, JudgeRun

    runs = [JudgeRun(judge, seconds=seconds) for judge in bench.judges]
    loop = asyncio.get_running_loop()
    phases = Phases(len(runs), asyncio.Event(), asyncio.Event(), asyncio.Event())
    # Every judge logs in first (each log-in costs the hub a password hash), then all
    # start saving together, spread over the first second.
    start = loop.time() + 5 + 0.2 * len(runs)
    judges = asyncio.gather(
        *(judge_loop(hub.base, bench, n, run, start, phases) for n, run in enumerate(runs))
    )
    await asyncio.sleep(start - loop.time())
    began, hub_cpu, client_cpu = loop.time(), hub.cpu(), time.process_time()
    await _until(phases.paced_done, judges)
    paced = loop.time() - began, hub.cpu() - hub_cpu, time.process_time() - client_cpu
    flat_began, flat_cpu = loop.time(), hub.cpu()
    phases.flat.set()
    await asyncio.sleep(CAPACITY_SECONDS)
    phases.flat_done.set()
    await judges
    return HubRun(runs, *paced, loop.time() - flat_began, hub.cpu() - flat_cpu)


def hub_phase(target: str, bench: BenchContest, seconds: float) -> HubRun:
    from tests.benchmarks.bench_hub_load import ADMIN, admin_password

    hub = HubProcess(target, ADMIN, admin_password())
    try:
        return asyncio.run(_all_judges(hub, bench, seconds))
    finally:
        hub.stop()
