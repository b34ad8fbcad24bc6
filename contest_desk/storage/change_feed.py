"""Hearing that another desk changed the database, without asking over and over.

A feed runs on a thread of its own with a connection of its own and calls ``heard(seq)``
with the audit head's sequence: once when it starts (where the database stands), then
each time the head moves. On PostgreSQL it LISTENs on the channel the audit hook
notifies at each commit (storage/changes.py); on SQLite, whose connections cannot be
told, it asks ``PRAGMA data_version`` twice a second — a number private to its
connection that moves only when another connection commits — and reads the head only
when that moved. It never stops for a server gone away: it tries again every few
seconds and, back, says where the head stands (what it missed is in that).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from contest_desk.storage.changes import CHANNEL

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5  # SQLite: how often data_version is asked
WAIT_SECONDS = 0.25  # PostgreSQL: how long one wait for news lasts before stop is looked at
RETRY_SECONDS = (1.0, 2.0, 5.0)  # the server gone: waits before each new try (then the last)
CONNECT_SECONDS = 5  # a server that does not answer at all
APPLICATION = "contest-desk change feed"  # how the server's pg_stat_activity names it
_HEAD = "SELECT seq FROM audit_head WHERE id = 1"


class ChangeFeed:
    """Calls ``heard(seq)`` on its own thread until closed; see the module's docstring."""

    def __init__(self, engine: Engine, heard: Callable[[int], None]) -> None:
        self.engine = engine
        self.heard = heard
        self._stop = threading.Event()
        self.connected = threading.Event()  # set while the feed has its connection
        postgres = engine.dialect.name == "postgresql"
        follow = self._listen if postgres else self._poll
        self._thread = threading.Thread(
            target=self._run, args=(follow,), name="change-feed", daemon=True
        )
        self._thread.start()

    def close(self, wait: float = 2.0) -> None:
        """Stop; ``heard`` is not called once this returns (the thread may take a moment
        more to end: it looks at the stop flag every quarter second)."""
        self._stop.set()
        self._thread.join(wait)

    @property
    def closed(self) -> bool:
        return self._stop.is_set()

    def _tell(self, seq: int) -> None:
        if not self._stop.is_set():
            self.heard(seq)

    def _connect(self) -> Any:
        """A DB-API connection of the feed's own, made as the engine makes its pool's
        (same driver, same arguments), outside that pool: it stays open all along."""
        cargs, cparams = self.engine.dialect.create_connect_args(self.engine.url)
        if self.engine.dialect.name == "postgresql":
            defaults = {"connect_timeout": CONNECT_SECONDS, "application_name": APPLICATION}
            cparams = {**defaults, **cparams, "autocommit": True}
        else:
            cparams = {**cparams, "check_same_thread": False}
        return self.engine.dialect.dbapi.connect(*cargs, **cparams)  # type: ignore[union-attr]

    def _run(self, follow: Callable[[Any], None]) -> None:
        failures = 0
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                self.connected.set()
                failures = 0
                follow(conn)
            except Exception as error:  # the server gone, the network down: try again
                self.connected.clear()
                pause = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                log.info("change feed lost its connection (%s); again in %s s", error, pause)
                self._stop.wait(pause)
            finally:
                self.connected.clear()
                if conn is not None:
                    with contextlib.suppress(Exception):  # already broken: nothing to give
                        conn.close()

    def _listen(self, conn: Any) -> None:
        """PostgreSQL: LISTEN first, then read the head (a change in between is heard as
        both), then each notification's payload, the head it moved to."""
        conn.execute(f"LISTEN {CHANNEL}")
        row = conn.execute(_HEAD).fetchone()
        self._tell(row[0] if row else 0)
        while not self._stop.is_set():
            # Each wait ends after a quarter second, so that the stop flag is looked at;
            # a server that went away ends it with an error, and _run tries again.
            for note in conn.notifies(timeout=WAIT_SECONDS):
                self._tell(int(note.payload))

    def _poll(self, conn: Any) -> None:
        """SQLite: read the head whenever data_version moved (and at the start)."""
        version = None
        while not self._stop.is_set():
            now = conn.execute("PRAGMA data_version").fetchone()[0]
            if now != version:
                version = now
                row = conn.execute(_HEAD).fetchone()
                self._tell(row[0] if row else 0)
            self._stop.wait(POLL_SECONDS)
