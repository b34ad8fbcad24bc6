"""contests.py: contest files out and in, round rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from contest_desk.services.hub import Services
from tests.cli.helpers import AS_ORGANIZER, OIL, run, with_organizer


def test_export_and_import_a_contest(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "contest.json"
    argv = ("--db", demo_db, *AS_ORGANIZER, "export", "contest", "1", "--out", str(exported))
    status, out, _ = run(capsys, *argv)
    assert status == 0 and out == f"Contest 1 written to {exported}\n"
    fresh = with_organizer(str(tmp_path / "fresh.db"))
    status, out, _ = run(capsys, "--db", fresh, *AS_ORGANIZER, "import", "contest", str(exported))
    assert status == 0
    assert out == "Imported the contest 2026年采油厂职工技能比武 as contest 1\n"
    again = tmp_path / "again.json"
    argv = ("--db", fresh, *AS_ORGANIZER, "export", "contest", "1", "--out", str(again))
    assert run(capsys, *argv)[0] == 0
    assert again.read_bytes() == exported.read_bytes()


def test_a_round_rule_from_the_command_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "rounds.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    argv = ("round", "rule", "--event", str(OIL), "--round", "1", "--share", "50")
    assert run(capsys, "--db", db, *AS_ORGANIZER, *argv)[:2] == (
        0,
        "Advance rule of round 1: top 50 %\n",
    )
    both = ("round", "rule", "--event", str(OIL), "--round", "1", "--top", "8", "--min", "80")
    status, _out, err = run(capsys, "--db", db, *AS_ORGANIZER, *both)
    assert (status, err) == (2, "Error: Give exactly one of --top, --share and --min\n")
    services = Services.open(db)
    rule = services.rounds.advance_rule(OIL, 1)
    services.ctx.db.dispose()
    assert rule is not None and (rule.mode.value, rule.value) == ("share", 50)
