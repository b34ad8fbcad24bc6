"""How long `contest-desk contests` takes in a fresh interpreter, on a small database.

Against a fresh interpreter that imports SQLAlchemy (`python -c "import sqlalchemy"`),
the least any command that opens a database can cost, measured in the same run,
interleaved so that a busy machine slows every side alike. Target: within 3×.
`python -c pass` is printed too, for the interpreter's own start. Each side is timed on
the wall clock and in CPU time (user + system of the child), which other work on the
machine disturbs less.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from contest_desk.services.hub import Services

RUNS = 9
ROOT = Path(__file__).resolve().parents[2]


def small_database(path: Path) -> None:
    """An administrator and one contest with two events, as a desk has on its first day."""
    services = Services.open(str(path))
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    contest = services.contests.create_contest("2026年青工技能比武")
    for name in ("采油工", "电焊工"):
        services.contests.create_event(contest.id, name)
    services.ctx.db.dispose()


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def seconds(argv: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of ``argv``."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "small.db"
        small_database(db)
        sides = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import sqlalchemy'": [sys.executable, "-c", "import sqlalchemy"],
            "contest-desk contests": [sys.executable, "-m", "contest_desk", "--db", str(db),
                                      "contests"],
        }  # fmt: skip
        for argv in sides.values():  # warm the file cache and the bytecode
            seconds(argv)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
        for _ in range(RUNS):
            for name, argv in sides.items():
                times[name].append(seconds(argv))
        wall = {name: statistics.median(w for w, _ in t) for name, t in times.items()}
        cpu = {name: statistics.median(c for _, c in t) for name, t in times.items()}
        for name in sides:
            print(f"{name + ':':32} {wall[name] * 1000:7.0f} ms, CPU {cpu[name] * 1000:7.0f} ms"
                  f"  (median of {RUNS})")  # fmt: skip
        baseline, command = "python -c 'import sqlalchemy'", "contest-desk contests"
        print(
            f"command-line start ratio: {wall[command] / wall[baseline]:.2f}x the SQLAlchemy"
            f" import ({cpu[command] / cpu[baseline]:.2f}x in CPU time)  (target: within 3x)"
        )


if __name__ == "__main__":
    main()
