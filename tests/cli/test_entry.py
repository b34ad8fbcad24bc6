"""entry.py: main() parses, runs one command, returns its status; one-line failures."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from contest_desk import __version__
from contest_desk.cli import main
from contest_desk.i18n import language
from tests.cli.helpers import AS_ORGANIZER, run


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"contest-desk {__version__}\n")
    assert out == "contest-desk 0.1.0\n"


def test_the_language_is_put_back_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    before = language()
    run(capsys, "--version")
    assert language() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("standings", "--event", "999"), "Error: There is no event 999"),
        (("import", "contest", "nowhere.json"), "Error: There is no file nowhere.json"),
        (("export", "contest", "77", "--out", "x.json"), "Error: There is no contest 77"),
    ],
)
def test_a_failing_command_prints_one_line(
    demo_db: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    status, out, err = run(capsys, "--db", demo_db, *AS_ORGANIZER, *argv)
    assert (status, out, err) == (2, "", message + "\n")


def test_a_database_that_cannot_be_opened(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--db", "nosuchdialect://host/db", "standings", "--event", "1")
    assert status == 1
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_usage_errors_return_instead_of_exiting(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "standings")[0] == 2  # --event is required
    assert run(capsys, "--help")[0] == 0


def test_no_command_opens_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = []

    def run_gui(db: str | None = None, lang: str | None = None) -> int:
        calls.append((db, lang))
        return 7

    # Stands in for the Qt application, which this test does not start.
    monkeypatch.setitem(sys.modules, "contest_desk.app", types.SimpleNamespace(run_gui=run_gui))
    db = str(tmp_path / "gui.db")
    assert main(["--db", db]) == 7
    assert main(["--db", db, "--lang", "en"]) == 7
    assert calls == [(db, None), (db, "en")]
    # Without --db the window chooses: the most recent connection, else the user's own file.
    assert main([]) == 7
    assert calls[-1] == (None, None)
