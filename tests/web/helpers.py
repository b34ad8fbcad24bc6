"""Helpers of the hub's tests: a client from a LAN address, logging in."""

from __future__ import annotations

from starlette.testclient import TestClient

from contest_desk.services.hub import Services
from contest_desk.web.app import create_app

PHONE = "192.168.1.23"
PASSWORDS = {f"judge{n}": f"judge{n}-2026" for n in range(1, 6)}


def client_of(hub: Services, address: str = PHONE) -> TestClient:
    return TestClient(create_app(hub), client=(address, 50000), raise_server_exceptions=False)


def log_in(client: TestClient, username: str = "judge1") -> str:
    """Log ``client`` in by password; returns the session's forms' token."""
    client.get("/login")
    answer = client.post(
        "/login",
        data={
            "username": username,
            "password": PASSWORDS[username],
            "csrf": client.cookies.get("cd_form") or "",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return csrf_of(client)


def csrf_of(client: TestClient) -> str:
    page = client.get("/").text
    start = page.index('name="csrf" value="') + len('name="csrf" value="')
    return page[start : page.index('"', start)]
