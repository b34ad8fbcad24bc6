"""`contest-desk copy` on a big database: rows per second each way, and peak memory.

The demo with PERSONS more persons (a plant's whole roster, and then some) is copied
SQLite → PostgreSQL → SQLite, each copy in a fresh interpreter so that its peak memory
(RSS) is its own; the demo alone, copied the same way in the same run, is the baseline:
streamed in batches, the big copy's peak memory should stay near the small one's.
Needs the tests' PostgreSQL server (CONTEST_DESK_TEST_PG; `make bench` starts it).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from contest_desk.services.demo.build import build_demo
from contest_desk.services.hub import Services

PERSONS = int(os.environ.get("BENCH_COPY_PERSONS", "300000"))
ROOT = Path(__file__).resolve().parents[2]
COPY = """
import json, resource, sys
from contest_desk.storage.copying import copy_database
report = copy_database(sys.argv[1], sys.argv[2], allow_missing_files=True)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"rows": report.rows, "seconds": report.seconds, "peak_mb": peak}))
"""


def _demo(path: Path) -> None:
    services = Services.open(str(path))
    build_demo(services)
    services.ctx.db.dispose()


def _more_persons(path: Path, count: int) -> None:
    conn = sqlite3.connect(path)
    try:
        rows = (
            (f"B{n:07d}", f"职工{n}", "采油工", "高级工") for n in range(count)
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO persons (employee_no, name, job_type, skill_level) VALUES (?, ?, ?, ?)",
            rows,
        )
        conn.commit()
    finally:
        conn.close()


def _copy(source: str, target: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", COPY, source, target],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout)
    return result


def _both_ways(source: Path, server: str, back: Path) -> list[dict[str, float]]:
    return [_copy(str(source), server), _copy(server, str(back))]


def main() -> None:
    base = os.environ.get("CONTEST_DESK_TEST_PG")
    if not base:
        print("bench_copy: skipped (needs CONTEST_DESK_TEST_PG)")
        return
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    names = [f"bench_copy_{os.getpid()}_{n}" for n in (1, 2)]
    try:
        with tempfile.TemporaryDirectory() as folder, admin.connect() as conn:
            os.environ["CONTEST_DESK_FILES"] = str(Path(folder) / "files")
            for name in names:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            urls = [
                make_url(base).set(database=n).render_as_string(hide_password=False) for n in names
            ]
            small, big = Path(folder) / "demo.db", Path(folder) / "big.db"
            _demo(small)
            big.write_bytes(small.read_bytes())
            _more_persons(big, PERSONS)
            for label, source, url in (("demo", small, urls[0]), ("big", big, urls[1])):
                there, back = _both_ways(source, url, Path(folder) / f"{label}-back.db")
                for way, run in (("SQLite → PostgreSQL", there), ("PostgreSQL → SQLite", back)):
                    rate = run["rows"] / run["seconds"]
                    print(f"copy {label:<4} {way}: {int(run['rows']):>8} rows in"
                          f" {run['seconds']:6.1f} s = {rate:8.0f} rows/s,"
                          f" peak {int(run['peak_mb'])} MB")  # fmt: skip
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
