"""Crash harness: work killed with SIGKILL at random moments leaves nothing broken.

After every kill the database is opened as the application opens it and must pass
SQLite's integrity check and the audit chain's check, and hold everything the killed
process was told had been saved. The figures go to the end of the run's output.
"""

from __future__ import annotations

import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from contest_desk.domain.contest import ContestKind
from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.reliability.harness import (
    SEED,
    Killed,
    checked,
    copy_database,
    kills,
    moments,
    run_and_kill,
    wait_group_gone,
)
from tests.reliability.worker import IMPORTED_EVENT, JUDGE, SCORED_EVENT, event_id

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="SIGKILL and /proc: Linux"
)
WORKER = "tests.reliability.worker"
Key = tuple[int, str]


def judge_marks(services: Services, event_name: str) -> dict[Key, Decimal]:
    """judge1's stored marks in an event: (entry id, criterion code) → value."""
    event = services.contests.event(event_id(services, event_name))
    judge = next(j for j in services.roster.judges(event.contest_id) if j.username == JUDGE)
    return dict(services.scoring.sheet(event.id, None, judge.id).values)


def test_every_acknowledged_score_survives_kills(
    demo_database: Path, tmp_path: Path, figures: list[str]
) -> None:
    db = copy_database(demo_database, tmp_path / "scores.db")
    services = checked(db)
    stored = judge_marks(services, SCORED_EVENT)
    services.ctx.db.dispose()
    rng = moments("scores")
    acknowledged = cut = lost = 0
    for n in range(kills("scores")):
        run = run_and_kill(
            [WORKER, "scores", str(db), f"{SEED}-{n}"], tmp_path / "scores.log", rng.uniform(0, 0.5)
        )
        # What may be stored for each cell: its value before, any value being saved when
        # the kill came, and exactly the acknowledged value once one was.
        allowed: dict[Key, set[Decimal | None]] = {}
        for word, entry, code, value in (
            line.split() for line in run.lines if line.startswith(("try ", "ok "))
        ):
            key = (int(entry), code)
            if word == "try":
                allowed.setdefault(key, {stored.get(key)}).add(Decimal(value))
            elif word == "ok":
                allowed[key] = {Decimal(value)}
                acknowledged += 1
        cut += bool(run.lines) and run.lines[-1].startswith("try")
        services = checked(db)
        try:
            stored = judge_marks(services, SCORED_EVENT)
        finally:
            services.ctx.db.dispose()
        wrong = {
            key: stored.get(key) for key, values in allowed.items() if stored.get(key) not in values
        }
        lost += len(wrong)
        assert wrong == {}, f"kill {n}: stored differs from what was acknowledged"
    figures.append(
        f"scores: {kills('scores')} kills, {acknowledged} saves acknowledged, {lost} lost; "
        f"{cut} kills came between a save and its acknowledgement"
    )


def score_file(services: Services, attempt: int, path: Path) -> dict[tuple[int, int, int], Decimal]:
    """A score file for the whole imported event, its values different at each attempt;
    returns what it stores: (entry id, criterion id, judge id) → value."""
    event = services.contests.event(event_id(services, IMPORTED_EVENT))
    judges = services.roster.judges(event.contest_id)
    first = next(j for j in judges if j.username == JUDGE)
    columns = services.scoring.sheet(event.id, None, first.id).columns
    lines, stored = ["entry,judge,criterion,value"], {}
    for entry in services.roster.entries(event.id):
        for column in columns:
            criterion = column.criterion
            markers = [first] if criterion.objective else judges
            for judge in markers:
                steps = int(criterion.max_points / criterion.step)
                value = criterion.step * ((attempt * 7 + len(lines)) % (steps + 1))
                lines.append(f"{entry.key},{judge.username},{column.code},{value}")
                stored[(entry.id, column.id, judge.id)] = value
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return stored


def event_scores(services: Services, name: str) -> dict[tuple[int, int, int], Decimal]:
    rounds = [r.id for r in services.contests.event(event_id(services, name)).rounds]
    with services.ctx.db.reading() as s:
        rows = s.execute(
            select(m.Score.entry_id, m.Score.criterion_id, m.Score.judge_id, m.Score.value).where(
                m.Score.round_id.in_(rounds)
            )
        )
        return {(e, c, j): v for e, c, j, v in rows}


def import_killed(db: Path, folder: Path, attempt: int, delay: float) -> tuple[bool, float, int]:
    """Import a new score file, killed ``delay`` seconds in; whether it came in whole
    (else nothing of it did), how long it ran and how many marks the file holds."""
    services = checked(db)
    try:
        before = event_scores(services, IMPORTED_EVENT)
        wanted = score_file(services, attempt, folder / f"scores{attempt}.csv")
    finally:
        services.ctx.db.dispose()
    run = run_and_kill(
        [WORKER, "import", str(db), str(folder / f"scores{attempt}.csv")],
        folder / "import.log",
        delay,
    )
    services = checked(db)
    try:
        after = event_scores(services, IMPORTED_EVENT)
    finally:
        services.ctx.db.dispose()
    assert after in (before, wanted), f"attempt {attempt}: {len(after)} marks, part of an import"
    return after == wanted != before, run.took if run.finished else run.seconds, len(wanted)


def enlarged(db: Path, persons: int) -> Path:
    """The imported event with ``persons`` more entries: a file large enough for a kill to
    land inside its import."""
    services = checked(db)
    try:
        event = event_id(services, IMPORTED_EVENT)
        with services.ctx.db.all_or_nothing():
            for n in range(persons):
                person = services.roster.add_person(
                    f"27{n:06d}", f"仪表{n}", "维修大队/仪表班", "仪表维修工", "高级工"
                )
                services.roster.add_entry(event, person_id=person.id)
    finally:
        services.ctx.db.dispose()
    return db


def test_a_killed_import_is_all_or_nothing(
    demo_database: Path, tmp_path: Path, figures: list[str]
) -> None:
    db = enlarged(copy_database(demo_database, tmp_path / "import.db"), 400)
    whole, seconds, marks = import_killed(db, tmp_path, 0, delay=3600)  # how long one takes
    assert whole
    rng = moments("import")
    outcomes = Counter(
        import_killed(db, tmp_path, n, rng.uniform(0, 1.5 * seconds))[0]
        for n in range(1, kills("import") + 1)
    )
    figures.append(
        f"score import ({marks} marks, {seconds:.1f} s): {kills('import')} kills, "
        f"{outcomes[True]} came in whole, {outcomes[False]} left nothing, 0 partial"
    )


def hidden(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_certificate_batch_leaves_no_workers_and_nothing_behind(
    demo_database: Path, tmp_path: Path, figures: list[str]
) -> None:
    db = copy_database(demo_database, tmp_path / "certificates.db")
    out = tmp_path / "证书"
    out.mkdir()
    count = "200"  # enough for the batch to be shared among worker processes

    def batch(delay: float, many: str = count) -> Killed:
        command = [WORKER, "certificates", str(db), str(out), many]
        return run_and_kill(command, tmp_path / "certificates.log", delay)

    whole = batch(delay=3600)  # how long one takes
    assert whole.words("ok") == [[count]]
    rng = moments("certificates")
    left_behind = pdfs_left = 0
    for n in range(kills("certificates")):
        run = batch(rng.uniform(0, whole.took))
        assert wait_group_gone(run.pid) == [], f"kill {n}: pool workers outlived their parent"
        # Only the killed run's own work may be there: the runs before it were cleared.
        leftovers = hidden(out)
        assert all(f"-{run.pid}-" in p.name for p in leftovers), leftovers
        left_behind += len(leftovers)
        pdfs_left += sum(len(list(p.glob("*.pdf"))) for p in leftovers if p.is_dir())
        checked(db).ctx.db.dispose()
    assert batch(delay=3600, many="1").words("ok") == [["1"]]
    assert hidden(out) == []
    figures.append(
        f"certificates ({count} files by pool workers, {whole.took:.1f} s): "
        f"{kills('certificates')} kills, 0 workers outlived them, {left_behind} hidden "
        f"folders ({pdfs_left} PDFs) left by kills, all removed by the next run"
    )


def test_a_killed_period_close_is_whole_and_audited(
    demo_database: Path, tmp_path: Path, figures: list[str]
) -> None:
    db = copy_database(demo_database, tmp_path / "close.db")
    rng = moments("close")
    acknowledged = 0
    for n in range(kills("close")):
        run = run_and_kill([WORKER, "close", str(db)], tmp_path / "close.log", rng.uniform(0, 1))
        acked = [words[0] for words in run.words("ok")]
        acknowledged += len(acked)
        services = checked(db)
        try:
            labor = next(c.id for c in services.contests.contests() if c.kind is ContestKind.LABOR)
            closed = {p.name for p in services.labor.periods(labor) if p.closed}
            audited = Counter(
                r.detail["period"]
                for r in services.audit.records(targets=(f"contest:{labor}",))
                if r.action == "labor.close"
            )
        finally:
            services.ctx.db.dispose()
        assert set(acked) <= closed, f"kill {n}: an acknowledged close is missing"
        assert audited == Counter(closed), f"kill {n}: closes and their audit rows differ"
    figures.append(
        f"period close: {kills('close')} kills, {acknowledged} closes acknowledged, 0 lost, "
        "each closed period with exactly one audit row"
    )


def test_a_killed_demo_leaves_nothing_or_the_whole_demo(
    demo_database: Path, tmp_path: Path, figures: list[str]
) -> None:
    services = checked(demo_database)
    whole_rows = services.audit.verify().rows
    services.ctx.db.dispose()
    rng = moments("demo")
    outcomes: Counter[str] = Counter()
    empty = None
    for n in range(kills("demo")):
        db = tmp_path / f"demo{n}.db"
        run_and_kill(
            ["contest_desk", "--db", str(db), "demo"],
            tmp_path / "demo.log",
            rng.uniform(0, 9),
            None,
        )
        if not db.exists():
            outcomes["nothing"] += 1
            continue
        services = checked(db)
        try:
            contests = len(services.contests.contests())
            users = services.users.has_users()
            rows = services.audit.verify().rows
        finally:
            services.ctx.db.dispose()
        if (contests, users, rows) == (0, False, 0):
            outcomes["nothing"] += 1
            empty = db
        else:
            assert (contests, rows) == (2, whole_rows), f"kill {n}: a partial demo"
            outcomes["whole"] += 1
    # The next demo is not refused.
    again = run_and_kill(
        ["contest_desk", "--db", str(empty or tmp_path / "again.db"), "demo"],
        tmp_path / "demo.log",
        delay=3600,
        ready=None,
    )
    assert again.finished
    figures.append(
        f"demo: {kills('demo')} kills, {outcomes['nothing']} left an empty database, "
        f"{outcomes['whole']} the whole demo, 0 partial; the next demo ran on "
        + ("a killed one's empty database" if empty else "a new file")
    )


def kept(tables: dict[str, set[Any]]) -> dict[str, Any]:
    """Every row, but only the number of the audit trail's: the upgrade adds its own link,
    stamped with the time it ran (the chain itself is checked whole)."""
    return {name: len(rows) if name.startswith("audit_") else rows for name, rows in tables.items()}


@dataclass(frozen=True)
class OldDatabase:
    """A filled database at an older revision, and what a whole upgrade makes of it."""

    path: Path
    seconds: float  # how long its upgrade takes
    upgraded: dict[str, Any]  # its tables after the upgrade, as ``kept`` gives them


def old_database(folder: Path, revision: str) -> OldDatabase:
    from tests.storage.old_databases import database_at, table_rows

    source = folder / f"at-{revision}.db"
    database_at(source, revision).dispose()
    reference = copy_database(source, folder / f"at-{revision}-upgraded.db")
    whole = run_and_kill([WORKER, "migrate", str(reference)], folder / "migrate.log", 3600)
    assert whole.words("ok")
    upgraded = checked(reference)
    try:
        return OldDatabase(source, whole.took, kept(table_rows(upgraded.ctx.db.engine)))
    finally:
        upgraded.ctx.db.dispose()


def test_a_killed_upgrade_finishes_at_the_next_start(tmp_path: Path, figures: list[str]) -> None:
    from tests.storage.old_databases import revisions, table_rows

    older = revisions()[:-1]
    made: dict[str, OldDatabase] = {}
    rng = moments("migrate")
    outcomes: Counter[str] = Counter()
    for n in range(kills("migrate")):
        revision = older[n % len(older)]  # every older revision in turn, the first first
        if revision not in made:
            made[revision] = old_database(tmp_path, revision)
        old = made[revision]
        db = copy_database(old.path, tmp_path / f"upgrade{n}.db")
        delay = rng.uniform(0, old.seconds)
        run = run_and_kill([WORKER, "migrate", str(db)], tmp_path / "migrate.log", delay)
        outcomes["finished" if run.words("ok") else "killed"] += 1
        services = checked(db)
        try:
            assert services.ctx.db.revision() == services.ctx.db.head()
            assert kept(table_rows(services.ctx.db.engine)) == old.upgraded, f"kill {n}"
        finally:
            services.ctx.db.dispose()
        backups = db.with_name(f"{db.stem}-backups")
        for backup in backups.glob("*.zip"):
            with zipfile.ZipFile(backup) as zf:
                assert zf.testzip() is None, backup
        outcomes["unfinished backups"] += len(list(backups.glob(".*")))
    figures.append(
        f"upgrade from {len(made)} older revisions ({min(made)} to {max(made)}): "
        f"{kills('migrate')} kills ({outcomes['killed']} during the upgrade), each finished at "
        f"the next start with every row kept; every backup whole, "
        f"{outcomes['unfinished backups']} unfinished backup folders left beside them"
    )
