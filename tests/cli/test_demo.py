"""demo.py: the demo written into an empty database, once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_demo_then_a_second_demo_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "new.db")
    status, out, _ = run(capsys, "--db", db, "demo")
    assert status == 0
    assert "2026年采油厂职工技能比武" in out and "采油工技能比武" in out
    status, out, err = run(capsys, "--db", db, "demo")
    assert (status, out) == (2, "")
    assert err == ("Error: The database already has contests; write the demo into a new database\n")


def test_the_demo_prints_one_account_per_role(tmp_path: Path, capsys) -> None:
    status, out, _ = run(capsys, "--db", str(tmp_path / "d.db"), "demo")
    assert status == 0
    for line in ("admin      admin-2026", "organizer  organizer-2026", "chief      chief-2026"):
        assert line in out
    assert "judge1     judge1-2026" in out and "viewer     viewer-2026" in out
