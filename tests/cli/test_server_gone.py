"""A command whose server goes away while it works (issue 16) ends with one plain line
and the status of a database that cannot be reached (1), never a traceback; on a
PostgreSQL server of the test's own, stopped after the log-in (tests/pg_second_server.py)."""

from __future__ import annotations

import argparse

import pytest

from contest_desk.cli import desk
from contest_desk.cli.core import CANNOT_OPEN, PASSWORD_ENV
from contest_desk.services.hub import Services
from tests.cli.helpers import run, with_organizer
from tests.pg_second_server import SecondServer, gone_url, second_server

__all__ = ["gone_url", "second_server"]  # the fixtures, used by name


def test_a_command_that_loses_the_server_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    gone_url: str,
    second_server: SecondServer,
) -> None:
    with_organizer(gone_url)
    monkeypatch.setenv(PASSWORD_ENV, "organizer-2026")
    logged_in = desk.acting

    def then_the_server_stops(services: Services, args: argparse.Namespace) -> Services:
        acting = logged_in(services, args)
        second_server.stop()  # after the log-in, before the command reads the contests
        return acting

    monkeypatch.setattr(desk, "acting", then_the_server_stops)
    status, _, err = run(capsys, "--db", gone_url, "--user", "organizer", "contests")
    assert status == CANNOT_OPEN
    assert err.strip() == (
        f"Error: The connection to the server 127.0.0.1:{second_server.port} was lost; "
        "nothing was changed. Try again once the server is back"
    )
    second_server.start()
    monkeypatch.setattr(desk, "acting", logged_in)
    status, _, err = run(capsys, "--db", gone_url, "--user", "organizer", "contests")
    assert (status, err) == (0, "")
