"""A process for the crash tests to kill: ``python -m tests.reliability.worker SCENARIO DB …``.

It logs in and works through the services as fast as it can, printing one flushed line
per step: ``ready`` once it is about to start, ``try …`` before a change and ``ok …``
once the service has returned it (what the person would have been told was saved).

    scores DB SEED          judge1 re-marks random cells of the 电焊工 sheet, forever
    import DB FILE.csv      the organizer imports a score file into the 仪表维修工 event
    certificates DB DIR N   the organizer prints N certificates as separate files
    close DB                the organizer adds one-day labor periods and closes them, forever
    migrate DB              the database is upgraded to the newest revision
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from contest_desk.domain.contest import ContestKind
from contest_desk.domain.records.labor import PeriodKind
from contest_desk.domain.rubric import CriterionKind
from contest_desk.reports.certificate_pdf import Printed, write_certificates
from contest_desk.services.demo.build import demo_password
from contest_desk.services.hub import Services
from contest_desk.storage.db import Database

SCORED_EVENT = "电焊工技能比武"  # marked in part: judge1's sheet is a draft
IMPORTED_EVENT = "仪表维修工技能比武"  # drawn, not marked yet
PRINTED_EVENT = "采油工技能比武"  # fully marked, with awards
JUDGE = "judge1"


def say(*parts: object) -> None:
    print(*parts, flush=True)


def ready() -> float:
    """Say ``ready`` and return when; ``took`` then says how long the work lasted."""
    say("ready", os.getpid())
    return time.monotonic()


def took(began: float) -> None:
    say("took", f"{time.monotonic() - began:.3f}")


def logged_in(db: str, username: str) -> Services:
    services = Services.open(db)
    return services.as_user(services.users.authenticate(username, demo_password(username)))


def event_id(services: Services, name: str) -> int:
    for contest in services.contests.contests():
        for event in services.contests.events(contest.id):
            if event.name == name:
                return event.id
    raise LookupError(name)


def scores(db: str, seed: str) -> None:
    judge = logged_in(db, JUDGE)
    mine = next(e for e in judge.scoring.my_events() if e.event.name == SCORED_EVENT)
    event, judge_id = mine.event, mine.judge_id
    assert judge_id is not None
    sheet = judge.scoring.sheet(event.id, None, judge_id)
    columns = [c for c in sheet.columns if c.criterion.kind is CriterionKind.JUDGEMENT]
    rng = random.Random(seed)
    ready()
    while True:
        entry, column = rng.choice(sheet.entries), rng.choice(columns)
        criterion = column.criterion
        value = criterion.step * rng.randint(0, int(criterion.max_points / criterion.step))
        say("try", entry.id, column.code, value)
        judge.scoring.record_score(event.id, None, judge_id, entry.id, column.code, value)
        say("ok", entry.id, column.code, value)


def import_scores(db: str, path: str) -> None:
    organizer = logged_in(db, "organizer")
    target = event_id(organizer, IMPORTED_EVENT)
    began = ready()
    summary = organizer.score_import.import_csv(target, path)
    say("ok", sum(summary.created.values()))
    took(began)


def certificates(db: str, out: str, count: str) -> None:
    organizer = logged_in(db, "organizer")
    target = organizer.contests.event(event_id(organizer, PRINTED_EVENT))
    template = organizer.certificates.templates(target.contest_id)["landscape"]
    issued = [
        Printed(template, c.fields, c.qr, c.modules, c.image)
        for c in organizer.certificates.issue(target.id, provisional=True)
    ]
    copies = (issued[n % len(issued)] for n in range(int(count)))
    items = [
        replace(item, fields={**item.fields, "serial": f"{item.fields['serial']}-{n:04d}"})
        for n, item in enumerate(copies)
    ]
    began = ready()
    sign = organizer.certificates.sealer(target.contest_id)
    written = write_certificates(Path(out), items, False, sign)
    say("ok", len(written))
    took(began)


def close_periods(db: str) -> None:
    organizer = logged_in(db, "organizer")
    labor = next(c.id for c in organizer.contests.contests() if c.kind is ContestKind.LABOR)
    day = max(p.ends_on for p in organizer.labor.periods(labor))
    ready()
    while True:
        day += dt.timedelta(days=1)
        name = f"{day.isoformat()}加赛"
        organizer.labor.add_period(labor, name, PeriodKind.PHASE, day, day)
        say("try", name)
        organizer.labor.close_period(labor, name)
        say("ok", name)


def migrate(db: str) -> None:
    database = Database(db)
    began = ready()
    database.upgrade()
    say("ok", database.revision())
    took(began)
    database.dispose()


SCENARIOS = {
    "scores": scores,
    "import": import_scores,
    "certificates": certificates,
    "close": close_periods,
    "migrate": migrate,
}

if __name__ == "__main__":
    SCENARIOS[sys.argv[1]](*sys.argv[2:])
