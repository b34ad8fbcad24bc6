"""Logging in on the hub: by password (a form with its token), by a judge's card token,
limited per device, ended by log-out and by expiry."""

from __future__ import annotations

import datetime as dt

from starlette.testclient import TestClient

from contest_desk.services.hub import Services
from contest_desk.services.people.sessions import IDLE
from tests.web.helpers import PHONE, client_of, log_in


def post_login(client: TestClient, username: str, password: str) -> object:
    client.get("/login")
    return client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf": client.cookies.get("cd_form") or "",
        },
        follow_redirects=False,
    )


def logins(hub: Services) -> list:
    return [r for r in hub.audit.records() if r.action == "hub.login"]


def test_a_judge_logs_in_and_sees_their_sheets(shared_hub: Services) -> None:
    client = client_of(shared_hub)
    page = client.get("/login")
    assert page.status_code == 200 and 'form id="login"' in page.text
    assert 'name="username"' in page.text and 'id="login-submit"' in page.text
    log_in(client)
    cookie = client.cookies.get("cd_session")
    assert cookie and len(cookie) >= 40
    home = client.get("/")
    assert home.status_code == 200
    assert home.text.count('class="sheet-link') == 5 and "仪表维修工技能比武" in home.text
    record = logins(shared_hub)[0]  # newest first
    assert (record.actor, record.detail["device"], record.detail["via"]) == (
        "judge1", PHONE, "password")  # fmt: skip


def test_a_wrong_password_is_refused_on_the_page(shared_hub: Services) -> None:
    client = client_of(shared_hub, "192.168.1.50")
    answer = post_login(client, "judge2", "not-the-password")
    assert answer.status_code == 409  # a refusal, said on the page
    assert 'id="login-error"' in answer.text and "用户名或密码错误" in answer.text
    assert client.cookies.get("cd_session") is None
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"


def test_a_log_in_form_without_its_token_is_refused(shared_hub: Services) -> None:
    client = client_of(shared_hub, "192.168.1.51")
    client.get("/login")
    for token in ("", "forged"):
        answer = client.post(
            "/login",
            data={"username": "judge1", "password": "judge1-2026", "csrf": token},
            follow_redirects=False,
        )
        assert answer.status_code == 403 and "请刷新页面" in answer.text
    assert client.cookies.get("cd_session") is None


def test_log_in_attempts_are_limited_per_device(shared_hub: Services) -> None:
    client = client_of(shared_hub, "192.168.1.66")
    for n in range(10):  # other accounts each time: the accounts' own waits never start
        assert post_login(client, f"nobody{n}", "guess-guess").status_code == 409
    limited = post_login(client, "judge3", "judge3-2026")  # even the right password waits
    assert limited.status_code == 429 and "登录失败次数过多" in limited.text
    assert client.cookies.get("cd_session") is None
    other = client_of(shared_hub, "192.168.1.67")
    assert post_login(other, "judge3", "judge3-2026").status_code == 303


def test_the_limit_ends_after_its_window(shared_hub: Services) -> None:
    client = client_of(shared_hub, "192.168.1.68")
    now = [1000.0]
    client.app.state.attempts.clock = lambda: now[0]  # type: ignore[attr-defined]
    for n in range(10):
        post_login(client, f"nobody{n}", "guess-guess")
    assert post_login(client, "judge3", "judge3-2026").status_code == 429
    now[0] += 301
    assert post_login(client, "judge3", "judge3-2026").status_code == 303


def token_login(client: TestClient, token: str) -> object:
    page = client.get("/t")
    assert page.status_code == 200 and "/static/token.js" in page.text
    return client.post(
        "/t", json={"token": token}, headers={"X-CSRF-Token": client.cookies.get("cd_form") or ""}
    )


def test_a_judges_card_logs_in_on_its_day_until_revoked(hub: Services) -> None:
    today = dt.date.today()
    issued = hub.judge_tokens.issue("judge4", today)
    tomorrow = hub.judge_tokens.issue("judge4", today + dt.timedelta(days=1))
    client = client_of(hub)
    answer = token_login(client, issued.token)
    assert answer.status_code == 200 and answer.json() == {"next": "/"}
    assert client.get("/").status_code == 200
    assert logins(hub)[0].detail["via"] == "token"
    hub.judge_tokens.revoke(issued.info.id)
    for token in (issued.token, tomorrow.token, "x" * 22):
        refused = token_login(client_of(hub, "192.168.1.90"), token)
        assert refused.status_code == 409 and "评委令牌无效" in refused.json()["error"]
    without = client_of(hub, "192.168.1.91")
    without.get("/t")
    assert without.post("/t", json={"token": tomorrow.token}).status_code == 403


def test_a_session_ends_when_idle_and_on_log_out(hub: Services) -> None:
    client = client_of(hub)
    csrf = log_in(client)
    assert client.get("/api/sheet/3/1").status_code == 200
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + IDLE + dt.timedelta(minutes=1)
    hub.hub_sessions.clock = lambda: later
    expired = client.get("/api/sheet/3/1")
    assert expired.status_code == 401 and "登录已失效" in expired.json()["error"]
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    hub.hub_sessions.clock = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None)
    second = client_of(hub)
    csrf = log_in(second)
    out = second.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert second.get("/api/sheet/3/1").status_code == 401
