"""The hub's server: listens on a free port when asked for 0, says a port in use by its
number, lists the LAN addresses with the loopback last, stops when asked."""

from __future__ import annotations

import socket

import httpx
import pytest

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.web.server import HubServer, _bound_socket


def test_the_hub_starts_answers_and_stops(shared_hub: Services) -> None:
    server = HubServer(shared_hub, "127.0.0.1", 0)
    server.start()
    try:
        assert server.running and server.port > 0
        assert server.base_url == f"http://127.0.0.1:{server.port}"
        assert server.addresses() == [f"http://127.0.0.1:{server.port}/"]
        page = httpx.get(server.base_url + "/login")
        assert page.status_code == 200 and 'id="login"' in page.text
        taken = HubServer(shared_hub, "127.0.0.1", server.port)
        with pytest.raises(UserError, match=f"端口 {server.port} 已被占用"):
            taken.start()
        assert not taken.running
    finally:
        server.stop()
    assert not server.running
    with pytest.raises(httpx.HTTPError):
        httpx.get(server.base_url + "/login", timeout=2)


def test_every_network_is_listed_with_the_loopback_last(shared_hub: Services) -> None:
    server = HubServer(shared_hub, "0.0.0.0", 8765)  # not started: the addresses only
    addresses = server.addresses()
    assert addresses[-1] == "http://127.0.0.1:8765/"
    assert all(a.startswith("http://") and a.endswith(":8765/") for a in addresses)


def test_the_hubs_connections_send_without_nagles_delay() -> None:
    """A connection the hub accepts has TCP_NODELAY (from its listening socket): an
    answer's body went out only after the client's delayed ACK, ~40 ms on each request."""
    listening = _bound_socket("127.0.0.1", 0)
    listening.setblocking(True)
    with listening, socket.create_connection(listening.getsockname()):
        accepted, _ = listening.accept()
        with accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
