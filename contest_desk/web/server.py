"""The hub's HTTP server: uvicorn (its pure-Python h11 protocol) on a thread of the process
that holds the database — the desk's window or ``contest-desk serve``."""

from __future__ import annotations

import contextlib
import errno
import logging
import socket
import sys
import threading
import time

import uvicorn
from starlette.applications import Starlette

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.web import hall
from contest_desk.web.app import create_app

DEFAULT_PORT = 8765
START_SECONDS = 15.0  # uvicorn starts in well under a second; this is for a loaded machine
log = logging.getLogger(__name__)


def _bound_socket(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a port in use is said at once, by name."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if sys.platform != "win32":  # on Windows the option would let two servers share a port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # No Nagle delay on the connections accepted from it (they inherit the option): an
    # answer goes out as two writes, headers then body, and without it the body waited
    # for the phone's delayed ACK, about 40 ms on every request (1.3 ms with it).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
            raise UserError(
                "Port {port} is already in use (another hub or program?): choose another port",
                port=port,
            ) from None
        raise UserError(
            "The hub cannot listen on {host}:{port}: {reason}",
            host=host,
            port=port,
            reason=error.strerror or str(error),
        ) from None
    sock.listen(128)
    sock.setblocking(False)
    return sock


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses on its networks (no loopback), best guess first."""
    found: list[str] = []
    # The address the default route would use; connecting a UDP socket sends nothing.
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.168.255.255", 9))
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    return [a for a in dict.fromkeys(found) if not a.startswith("127.") and a != "0.0.0.0"]


class HubServer:
    """The scoring hub on ``host``:``port`` (0: any free port), started and stopped at will."""

    def __init__(self, hub: Services, host: str = "0.0.0.0", port: int = DEFAULT_PORT) -> None:
        self.hub, self.host, self.port = hub, host, port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def addresses(self) -> list[str]:
        """The addresses to open on a phone (the LAN's), the loopback last."""
        every = self.host in ("0.0.0.0", "")
        hosts = [*lan_addresses(), "127.0.0.1"] if every else [self.host]
        return [f"http://{host}:{self.port}/" for host in hosts]

    def start(self) -> None:
        """Listen, and return once the hub answers; a port in use is a UserError naming it."""
        if self.running:
            return
        sock = _bound_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(self.hub),
            http="h11",
            lifespan="off",
            access_log=False,  # addresses of pages only, but no need to keep them
            log_level="warning",
            timeout_graceful_shutdown=3,
            server_header=False,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="scoring-hub", daemon=True
        )
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + START_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                sock.close()
                raise UserError("The hub did not start on port {port}", port=self.port)
            time.sleep(0.02)

    def stop(self) -> None:
        """Stop listening and end the open requests; returns once the hub has stopped."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        if isinstance(server.config.app, Starlette):  # else the hall's streams hold it 3 s
            hall.stop_streams(server.config.app)
        server.should_exit = True
        thread.join(timeout=10)
        if thread.is_alive():  # a request that will not end: leave it to the daemon thread
            server.force_exit = True
            thread.join(timeout=5)
        self._server = self._thread = None

    def serve_forever(self) -> None:
        """Run until Ctrl+C (or SIGTERM), then stop cleanly: for the command line."""
        self.start()
        try:
            while self.running:
                time.sleep(0.2)
        except KeyboardInterrupt:
            log.info("hub stopped by Ctrl+C")
        finally:
            self.stop()
