"""Log-in attempts counted per device address, on top of the wait each account earns
after wrong passwords (users.authenticate): one phone cannot try many accounts or
tokens. Kept in the hub's memory: a restarted hub starts counting afresh."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from contest_desk.web import texts
from contest_desk.web.calls import Refused

FAILURES = 10  # failed log-ins (password, token or a sheet's signature) per device …
WINDOW = 300.0  # … within this many seconds; then it waits until the oldest is older


class AttemptLimit:
    """A sliding window of failures per address."""

    def __init__(
        self,
        failures: int = FAILURES,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures, self.window, self.clock = failures, window, clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self._seen.setdefault(address, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def wait(self, address: str) -> int:
        """Seconds ``address`` must wait before its next attempt (0: it may try now)."""
        with self._lock:
            now = self.clock()
            times = self._recent(address, now)
            if len(times) < self.failures:
                if not times:
                    self._seen.pop(address, None)  # keeps the table as small as the crowd
                return 0
            return int(times[0] + self.window - now) + 1

    def check(self, address: str) -> None:
        """Refuse (429) an attempt from ``address`` while it must wait."""
        wait = self.wait(address)
        if wait:
            raise Refused(429, texts.too_many(wait))

    def failed(self, address: str) -> None:
        with self._lock:
            self._recent(address, self.clock()).append(self.clock())
