"""``contest-desk --db URL``: a server URL with its options (sslmode, connect_timeout, a
password with @ in it) is used as given; a server that refuses or does not answer fails in
seconds with one plain line and the status of a database that cannot be opened."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.engine import make_url

from contest_desk.cli.core import CANNOT_OPEN, REFUSED
from contest_desk.storage import reach
from tests import ports
from tests.cli.helpers import run

PG = os.environ.get("CONTEST_DESK_TEST_PG", "")
closed_port = ports.closed_port
silent_port = ports.silent_port


def test_a_closed_port_fails_in_one_plain_line(
    capsys: pytest.CaptureFixture[str], closed_port: int
) -> None:
    url = f"postgresql+psycopg://clerk:p%40ss@127.0.0.1:{closed_port}/contests"
    status, _, err = run(capsys, "--db", url, "contests")
    assert status == CANNOT_OPEN
    assert err.startswith(f"Error: Cannot connect to the server 127.0.0.1:{closed_port} (refused)")
    assert len(err.strip().splitlines()) == 1 and "p@ss" not in err and "p%40ss" not in err


def test_a_server_that_does_not_answer_times_out_by_default(
    capsys: pytest.CaptureFixture[str], silent_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reach, "CONNECT_TIMEOUT", 2)  # libpq's shortest; 10 s in use
    url = f"postgresql+psycopg://clerk@127.0.0.1:{silent_port}/contests"
    status, _, err = run(capsys, "--db", url, "contests")
    assert status == CANNOT_OPEN
    assert err.startswith(
        f"Error: Cannot connect to the server 127.0.0.1:{silent_port} (timed out)"
    )


@pytest.mark.skipif(not PG, reason="needs CONTEST_DESK_TEST_PG (make test starts it)")
def test_a_server_url_with_its_options_is_used_as_given(capsys: pytest.CaptureFixture[str]) -> None:
    server = make_url(PG).set(password="p@ss:/%")  # the tests' server trusts any password
    given = server.update_query_dict({"connect_timeout": "3"}).render_as_string(hide_password=False)
    status, _, err = run(capsys, "--db", given, "contests")
    # Connected, and refused only for want of a user: reading a server needs --user.
    assert (status, err.strip()) == (
        REFUSED, "Error: A database on a server needs --user NAME, even to read"
    )  # fmt: skip
    tls = server.update_query_dict({"sslmode": "require"}).render_as_string(hide_password=False)
    status, _, err = run(capsys, "--db", tls, "contests")
    assert status == CANNOT_OPEN
    assert err.strip() == (
        f"Error: The server {server.host}:{server.port} offers no encrypted connection (TLS)"
    )
