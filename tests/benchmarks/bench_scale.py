"""Speed at scale (issue 16): every figure on the big database, SQLite then PostgreSQL.

``python -m tests.benchmarks.bench_scale [--size full|small] [--backend sqlite|postgresql]``
(``make bench-scale``). The database is built by tests/benchmarks/scale_db.py (SQLite:
cached, so a second run starts at once; PostgreSQL: built on the tests' server in a
database of its own, dropped after). Each figure has its baseline from the same run:

- standings vs a GROUP BY, one save vs a bare INSERT (bench_scale_data.py);
- 20 desks saving at once on PostgreSQL vs bare INSERTs (bench_scale_data.py);
- the launch vs a bare QMainWindow, the roster vs an empty one (bench_scale_window.py);
- a change on one desk seen on another vs a bare poll (bench_live_refresh.py's own
  measures, on the big database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from contest_desk.services.hub import Services
from tests.benchmarks import bench_live_refresh as live
from tests.benchmarks import bench_scale_data as data
from tests.benchmarks import bench_scale_window as window
from tests.benchmarks import scale_db
from tests.databases import PG_ENV, PostgresDatabases

CHANGES_ENV = live.CHANGES_ENV  # the live-refresh figures' number of changes (100 here)


def _delays(label: str, delays: list[float], base: list[float] | None) -> None:
    median, p99 = statistics.median(delays), data.percentile(delays, 0.99)
    line = f"  {label:34} median {median * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms"
    if base is None:
        print(line + "   (baseline)")
        return
    ratio = median / statistics.median(base), p99 / data.percentile(base, 0.99)
    print(line + f"   {ratio[0]:4.2f}x / {ratio[1]:4.2f}x baseline")


def _services_figures(url: str, desks: bool) -> None:
    services = Services.open(url)
    try:
        plan = scale_db.layout(services)
        data.standings(services, plan)
        data.one_save(services, plan)
    finally:
        services.ctx.db.dispose()  # the next figures' processes open it themselves
    if desks:
        data.desks(url, plan)


def _window_figures(url: str, empty_url: str) -> None:
    print("The window (fresh processes, offscreen):")
    window.launch(url)
    window.roster(url, empty_url)


def sqlite(size: scale_db.Size, changes: int) -> None:
    cached = scale_db.cached_sqlite(size)
    with tempfile.TemporaryDirectory() as folder:
        url = scale_db.work_copy(cached, Path(folder))
        print(f"SQLite, {size.name} ({size.persons:,} persons, {size.scores:,} scores):")
        _services_figures(url, desks=False)
        empty = str(Path(folder) / "empty.db")
        Services.open(empty).ctx.db.dispose()
        _window_figures(url, empty)
        print(f"A change on one desk seen on another ({changes} changes):")
        base = live.bare_sqlite_delays(Path(folder) / "bare.db", changes)
        _delays("bare INSERT + COMMIT, bare poll:", base, None)
        _delays("mark saved → other desk's signal:", live.desk_delays(url, changes), base)


def postgresql(server: str, size: scale_db.Size, changes: int) -> None:
    databases = PostgresDatabases(server)
    try:
        url = databases.new()
        scale_db.build_postgres(url, size)
        print(f"PostgreSQL, {size.name} ({size.persons:,} persons, {size.scores:,} scores):")
        _services_figures(url, desks=True)
        _window_figures(url, databases.new())
        print(f"A change on one desk seen on another ({changes} changes):")
        base = live.bare_postgres_delays(url, changes, listen=False)
        _delays("bare INSERT + COMMIT, bare poll:", base, None)
        floor = live.bare_postgres_delays(url, changes, listen=True)
        _delays("bare INSERT + NOTIFY, bare LISTEN:", floor, base)
        _delays("mark saved → other desk's signal:", live.desk_delays(url, changes), base)
    finally:
        databases.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_scale")
    parser.add_argument("--size", choices=sorted(scale_db.SIZES), default="full")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args(argv)
    size = scale_db.SIZES[args.size]
    changes = int(os.environ.get(CHANGES_ENV, "100"))
    started = time.perf_counter()
    if args.backend in ("sqlite", "both"):
        sqlite(size, changes)
    if args.backend in ("postgresql", "both"):
        server = os.environ.get(PG_ENV)
        if server:
            postgresql(server, size, changes)
        else:
            print(f"PostgreSQL: not measured ({PG_ENV} is not set)")
    print(f"(the whole run: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
