"""core.py's ``--format``: every listing as JSON, and the id of what a command creates,
each checked against the database."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contest_desk.services.hub import Services
from tests.cli.helpers import (
    AS_ORGANIZER,
    INSTRUMENTS,
    WELDING,
    demo_with_entry,
    run,
    with_organizer,
)

AS_ADMIN = ("--user", "admin")  # the demo's administrator (with_organizer's too)
BOARD, LABOR = 1, 2  # the demo's board and labor competition in a new database


def as_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    status, out, err = run(capsys, *argv, "--format", "json")
    assert (status, err) == (0, ""), err
    return json.loads(out)


@pytest.fixture
def admin(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "admin-2026")
    return AS_ADMIN


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[str, Services]]:
    """A database with the demo's administrator and organizer and nothing else."""
    db = with_organizer(str(tmp_path / "fresh.db"))
    services = Services.open(db)
    yield db, services
    services.ctx.db.dispose()


# --- Listings --------------------------------------------------------------------------


def test_contests_as_json(demo_db: str, services: Services, capsys) -> None:
    data = as_json(capsys, "--db", demo_db, "contests")
    contests = services.contests.contests()
    assert [c["id"] for c in data] == [c.id for c in contests]
    for item, contest in zip(data, contests, strict=True):
        assert (item["name"], item["kind"], item["status"]) == (
            contest.name,
            contest.kind.value,
            contest.status.value,
        )
        events = services.contests.events(contest.id)
        assert item["events"] == [
            {"id": e.id, "name": e.name, "entries": len(services.roster.entries(e.id))}
            for e in events
        ]
    assert sum(len(c["events"]) for c in data) >= 3
    # The text stays as it was: one line a contest, one an event.
    status, out, _ = run(capsys, "--db", demo_db, "contests")
    assert status == 0 and len(out.splitlines()) == len(data) + sum(len(c["events"]) for c in data)


def test_an_empty_database_lists_no_contests(tmp_path: Path, capsys) -> None:
    db = with_organizer(str(tmp_path / "empty.db"))
    assert as_json(capsys, "--db", db, "contests") == []
    assert run(capsys, "--db", db, "contests")[:2] == (0, "No contests yet.\n")


def test_table_is_still_the_name_of_the_text_format(demo_db: str, capsys) -> None:
    argv = ("--db", demo_db, "standings", "--event", str(WELDING))
    default = run(capsys, *argv)
    assert run(capsys, *argv, "--format", "table") == default
    assert run(capsys, *argv, "--format", "text") == default


def test_users_as_json(demo_db: str, services: Services, capsys, admin) -> None:
    data = as_json(capsys, "--db", demo_db, *admin, "user", "list")
    assert data == [
        {
            "id": u.id,
            "username": u.username,
            "name": u.name,
            "roles": [r.value for r in u.roles],
            "active": u.active,
            "expires_on": None,
        }
        for u in services.users.users()
    ]
    assert {"admin", "organizer", "chief"} <= {u["username"] for u in data}


def test_conflicts_as_json(demo_copy: str, capsys) -> None:
    db, entry = demo_with_entry(demo_copy)
    declare = ("conflict", "declare", "--event", str(INSTRUMENTS), "--judge", "judge2")
    declared = as_json(capsys, "--db", db, *AS_ORGANIZER, *declare, "--employee", entry.key,
                       "--note", "师徒关系")  # fmt: skip
    data = as_json(capsys, "--db", db, "conflict", "list", "--event", str(INSTRUMENTS))
    services = Services.open(db)
    stored = services.assignments.conflicts(INSTRUMENTS)
    contest_id = services.contests.event(INSTRUMENTS).contest_id
    judge = next(j for j in services.roster.judges(contest_id) if j.username == "judge2")
    person = next(p for p in services.roster.persons(entry.key) if p.employee_no == entry.key)
    services.ctx.db.dispose()
    assert declared == {"judge_id": judge.id, "person_id": person.id}
    assert [(c["judge_id"], c["entry_id"], c["kind"]) for c in data] == [
        (c.judge_id, c.entry_id, c.kind) for c in stored
    ]
    listed = next(c for c in data if c["kind"] == "declared")
    assert listed == {**listed, "judge": "李国强", "entry": entry.code,
                        "entry_id": entry.id, "note": "师徒关系", "override": None}  # fmt: skip


def test_boards_and_targets_as_json(demo_db: str, services: Services, capsys) -> None:
    data = as_json(capsys, "--db", demo_db, "board", "list")
    boards = services.board_views.boards()
    assert [(b["id"], b["name"], b["event_id"], b["starts_on"]) for b in data] == [
        (b.id, b.name, b.event_id, b.starts_on.isoformat()) for b in boards
    ]
    view = services.board_views.view(BOARD)
    challenger = [r for r in view.rows if r.place is not None][3]
    targets = as_json(capsys, "--db", demo_db, "board", "targets", "--board", str(BOARD),
                      "--challenger", challenger.entry.key)  # fmt: skip
    expected = services.board_views.targets(BOARD, challenger.entry.id)
    assert [(t["place"], t["entry_id"], t["allowed"]) for t in targets] == [
        (row.place, row.entry.id, not why) for row, why in expected
    ]
    assert sum(t["allowed"] for t in targets) == 3  # the demo board's reach


def test_labor_periods_as_json(demo_db: str, services: Services, capsys) -> None:
    data = as_json(capsys, "--db", demo_db, "labor", "periods", "--contest", str(LABOR))
    periods = services.labor.periods(LABOR)
    assert data == [
        {"id": p.id, "name": p.name, "kind": p.kind.value, "starts_on": p.starts_on.isoformat(),
         "ends_on": p.ends_on.isoformat(), "closed": p.closed}
        for p in periods
    ]  # fmt: skip
    assert any(p["closed"] for p in data) and not all(p["closed"] for p in data)


# --- What a command creates ------------------------------------------------------------


def test_a_new_account_prints_its_id(fresh, capsys, admin, monkeypatch) -> None:
    db, services = fresh
    monkeypatch.setenv("CONTEST_DESK_NEW_PASSWORD", "judge-pass")
    data = as_json(capsys, "--db", db, *admin, "user", "add", "judge7", "--role", "judge")
    assert data == {"id": next(u.id for u in services.users.users() if u.username == "judge7")}


def test_an_imported_contest_prints_its_id(demo_db: str, fresh, tmp_path: Path, capsys) -> None:
    db, services = fresh
    exported = tmp_path / "contest.json"
    argv = ("export", "contest", "1", "--out", str(exported))
    assert run(capsys, "--db", demo_db, *AS_ORGANIZER, *argv)[0] == 0
    data = as_json(capsys, "--db", db, *AS_ORGANIZER, "import", "contest", str(exported))
    assert services.contests.contest(data["id"]).name == "2026年采油厂职工技能比武"
    assert data == {"id": services.contests.contests()[0].id}


def test_a_new_board_prints_its_id(fresh, capsys) -> None:
    db, services = fresh
    contest = services.contests.create_contest("2026年青工技能月")
    event = services.contests.create_event(contest.id, "采油工擂台")
    data = as_json(capsys, "--db", db, *AS_ORGANIZER, "board", "create", "--event",
                   str(event.id), "--name", "青工擂台")  # fmt: skip
    [board] = services.board_views.boards(contest.id)
    assert data == {"id": board.id} and board.name == "青工擂台"


def test_the_demo_a_challenge_and_its_bout_print_their_ids(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    db = str(tmp_path / "demo.db")
    data = as_json(capsys, "--db", db, "demo")
    services = Services.open(db)
    contests = services.contests.contests()
    assert sorted(c["id"] for c in data["contests"]) == sorted(c.id for c in contests)
    for item in data["contests"]:
        assert [e["id"] for e in item["events"]] == [
            e.id for e in services.contests.events(item["id"])
        ]
    assert {"username": "chief", "password": "chief-2026", "roles": ["chief_judge"]} in data[
        "accounts"
    ]
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", "chief-2026")
    keys = [r.entry.key for r in services.board_views.view(BOARD).rows if r.place is not None]
    board = ("--db", db, "--user", "chief", "board")
    issued = as_json(capsys, *board, "challenge", "--board", str(BOARD),
                     "--challenger", keys[3], "--defender", keys[0])  # fmt: skip
    [challenge] = [c for c in services.board_views.view(BOARD).challenges
                   if c.number == issued["id"]]  # fmt: skip
    assert (challenge.challenger.key, challenge.defender.key) == (keys[3], keys[0])
    seq = str(issued["id"])
    assert run(capsys, *board, "accept", "--board", str(BOARD), "--challenge", seq)[0] == 0
    bout = as_json(capsys, *board, "result", "--board", str(BOARD), "--challenge", seq,
                   "--winner", "challenger", "--note", "现场判定")  # fmt: skip
    assert bout["id"] in {b.number for b in services.board_views.view(BOARD).bouts}
    services.ctx.db.dispose()


def test_an_import_says_what_it_wrote(demo_copy: str, tmp_path: Path, capsys) -> None:
    db, entry = demo_with_entry(demo_copy)
    scores = tmp_path / "scores.csv"
    rows = [["entry", "judge", "criterion", "value"]]
    rows += [[entry.key, f"judge{n}", "A1", "16"] for n in range(1, 6)]
    scores.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    data = as_json(capsys, "--db", db, *AS_ORGANIZER, "import", "scores", str(scores),
                   "--event", str(INSTRUMENTS))  # fmt: skip
    assert data == {"file": "scores.csv", "created": {"scores": 5}, "updated": {"scores": 0}}


# --- Starting ------------------------------------------------------------------------------

HEAVY = ("openpyxl", "matplotlib", "reportlab", "PySide6", "jsonschema", "cryptography",
         "pypdf", "contest_desk.services.certificates", "contest_desk.services.boards",
         "contest_desk.services.judging", "contest_desk.reports")  # fmt: skip


def test_listing_the_contests_imports_nothing_heavy(demo_db: str) -> None:
    """In a fresh interpreter, as `contest-desk contests` runs: the Excel, PDF, chart and
    Qt libraries and the services it does not use stay unloaded."""
    code = (
        "import sys\n"
        "from contest_desk.cli import main\n"
        f"assert main(['--db', {demo_db!r}, 'contests']) == 0\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} or m in {HEAVY!r}"
        " or m.startswith('contest_desk.reports')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
