"""contests.py: ``contest-desk contests copy`` makes this year's contest from last year's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from contest_desk.services.hub import Services
from tests.builders import copy_of_demo
from tests.cli.helpers import AS_ORGANIZER, run


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> str:
    return copy_of_demo(demo_template, tmp_path)


def test_copy_with_dates_typed_as_clerks_do(demo: str, capsys) -> None:
    argv = ("--db", demo, *AS_ORGANIZER, "contests", "copy", "1", "--name", "2027年技能比武")
    status, out, err = run(capsys, *argv, "--start", "2027/5/11", "--end", "20270513")
    assert (status, err) == (0, "")
    services = Services.open(demo)
    (copy,) = [c for c in services.contests.contests() if c.name == "2027年技能比武"]
    assert out == (
        f"Contest 1 copied as contest {copy.id}, 2027年技能比武: its events, rubrics, rounds, "
        "judges and panels; no entries or scores\n"
    )
    assert (copy.start_date, copy.end_date) == (dt.date(2027, 5, 11), dt.date(2027, 5, 13))
    assert len(services.contests.events(copy.id)) == len(services.contests.events(1))
    assert all(services.roster.entries(e.id) == [] for e in services.contests.events(copy.id))
    services.ctx.db.dispose()


def test_copy_in_json_with_no_dates(demo: str, capsys) -> None:
    argv = ("--db", demo, *AS_ORGANIZER, "contests", "copy", "1", "--name", "新一届")
    status, out, _ = run(capsys, *argv, "--end", "未定", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["name"] == "新一届" and data["source"] == 1
    services = Services.open(demo)
    copy = services.contests.contest(data["id"])
    assert (copy.start_date, copy.end_date) == (None, None)
    services.ctx.db.dispose()


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (("--start", "2027/2/30"), "--start: 2027/2/30 is not a date"),
        (("--start", "2027-05-12", "--end", "2027-05-11"), "The end date 2027-05-11 is before"),
        (("--name", " "), "A contest needs a name"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(demo: str, capsys, extra, reason) -> None:
    argv = ("--db", demo, *AS_ORGANIZER, "contests", "copy", "1", "--name", "新一届", *extra)
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert reason in err and len(err.strip().splitlines()) == 1
    services = Services.open(demo)
    assert [c.id for c in services.contests.contests()] == [2, 1]
    services.ctx.db.dispose()


def test_the_listing_still_reads_without_a_log_in(demo: str, capsys) -> None:
    status, out, _ = run(capsys, "--db", demo, "contests")
    assert status == 0 and "2026年采油厂职工技能比武" in out
