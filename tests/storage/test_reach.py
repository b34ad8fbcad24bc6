"""storage/reach.py: a connect timeout for every server unless its URL names one, and the
driver's refusals said in plain words (the real ones are met in tests/ui/test_connection.py
and tests/cli/test_connect_timeout.py; those a trusting test server never sends are given
here as the driver words them)."""

from __future__ import annotations

import pytest

from contest_desk.i18n import set_language
from contest_desk.storage import reach

URL = "postgresql+psycopg://clerk:p%40ss@db.plant.local:5433/contests"


@pytest.fixture(autouse=True)
def chinese() -> None:
    set_language("zh_CN")


def test_a_server_gets_a_connect_timeout_unless_its_url_names_one() -> None:
    assert reach.connect_args(URL) == {"connect_args": {"connect_timeout": reach.CONNECT_TIMEOUT}}
    assert reach.connect_args(URL + "?connect_timeout=3") == {}
    assert reach.connect_args("sqlite:////tmp/desk.db") == {}


@pytest.mark.parametrize(
    ("driver_says", "said"),
    [
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
            'password authentication failed for user "clerk"',
            "服务器 db.plant.local:5433 拒绝了用户 clerk 的密码",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
            'no pg_hba.conf entry for host "10.0.0.9", user "clerk", database "contests", no '
            "encryption",
            "服务器 db.plant.local:5433 不允许这台电脑连接："
            "请信息中心在服务器的 pg_hba.conf 中加入本机",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: '
            "fe_sendauth: no password supplied",
            "服务器 db.plant.local:5433 要求输入用户 clerk 的密码",
        ),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: FATAL:  '
            "the database system is starting up",
            "无法连接服务器 db.plant.local:5433：FATAL:  the database system is starting up",
        ),
    ],
)
def test_a_refusal_is_said_in_words(driver_says: str, said: str) -> None:
    plain = reach.explain(Exception(driver_says), URL)
    assert plain is not None and str(plain) == said


def test_other_errors_stay_what_they_are() -> None:
    assert reach.explain(Exception('relation "scores" does not exist'), URL) is None
    assert reach.explain(Exception("connection failed: x"), "sqlite:////tmp/desk.db") is None
