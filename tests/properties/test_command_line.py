"""Generated arguments to the command line: every command exits with a status and a one-line
reason, never a traceback, and one that fails changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.cli import main
from contest_desk.domain.ladder import BoardRules, RatingKind
from contest_desk.domain.permissions import Role
from contest_desk.services.hub import Services
from tests.builders import build_small_event
from tests.properties.conftest import COMMANDS, snapshot
from tests.properties.test_parsers import NUMBERISH

PASSWORD = "organizer-2026"
NUMBER = st.one_of(NUMBERISH, st.sampled_from(["1", "２", "0", "99999999999999999999", "-1"]))


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small event with a board, on an SQLite file, and an organizer to act as."""
    path = str(tmp_path_factory.mktemp("cli") / "desk.db")
    services = Services.open(path)
    small = build_small_event(services)
    services.users.create_first_admin("admin", "管理员", "admin-2026")
    services.users.add_user("organizer", "组织者", PASSWORD, [Role.ORGANIZER])
    services.boards.create_board(small.event.id, "擂台", BoardRules(rating=RatingKind.ELO))
    services.ctx.db.dispose()
    yield path


def run(
    desk: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> None:
    """Run one command; it returns a status (no exception), says why when it fails, and a
    failure changes no table."""
    monkeypatch.setenv("CONTEST_DESK_PASSWORD", PASSWORD)
    before = _tables(desk)
    status = main(["--db", desk, "--user", "organizer", *argv])
    out, err = capsys.readouterr()
    assert status in (0, 1, 2, 3), (argv, status)
    assert "Traceback" not in out + err
    if status != 0:
        assert err.strip(), argv
        assert _tables(desk) == before, argv


def _tables(desk: str) -> object:
    services = Services.open(desk)
    try:
        return snapshot(services)
    finally:
        services.ctx.db.dispose()


@COMMANDS
@given(NUMBER, NUMBER, st.sampled_from(["standings", "judges"]))
def test_reports_by_event_and_round(desk, capsys, monkeypatch, event: str, rnd: str, what: str):
    run(desk, capsys, monkeypatch, what, "--event", event, "--round", rnd)


@COMMANDS
@given(NUMBER, NUMBER, st.sampled_from(["--top", "--share", "--min"]))
def test_round_rules(desk, capsys, monkeypatch, rnd: str, value: str, option: str):
    run(desk, capsys, monkeypatch, "round", "rule", "--event", "1", "--round", rnd, option, value)


@COMMANDS
@given(
    st.sampled_from(["--reach", "--max-open", "--accept-days", "--declines", "--elo-k", "--tau",
                     "--eliminate-bottom", "--eliminate-below", "--eliminate-losses"]),
    NUMBER,
    NUMBER,
)  # fmt: skip
def test_board_rules_and_show(desk, capsys, monkeypatch, option: str, value: str, board: str):
    run(desk, capsys, monkeypatch, "board", "rules", "--board", "1", option, value)
    run(desk, capsys, monkeypatch, "board", "show", "--board", board, "--format", "json")


@COMMANDS
@given(NUMBER, NUMBER)
def test_notice_days(desk, capsys, monkeypatch, tmp_path_factory, days: str, event: str):
    out = Path(tmp_path_factory.mktemp("notice")) / "n.xlsx"
    run(desk, capsys, monkeypatch, "notice", "--event", event, "--days", days, "--out", str(out))
