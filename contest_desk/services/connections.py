"""Which database the desk works on: a local file or a server, as a plain record.

Its URL is built and read by SQLAlchemy's ``URL`` (a password with ``@ : / %`` in it
survives the round trip), so that the front ends never put a URL together by hand; a
test of a connection says in words whether opening it will work (storage/reach.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from contest_desk.storage import reach
from contest_desk.storage.db import MIGRATIONS
from contest_desk.storage.reach import CannotConnect
from contest_desk.user_dirs import default_database_path

__all__ = ["CannotConnect", "Connection", "check", "default_connection", "open_connection"]

SERVER_DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
# The sslmode asked for by "require an encrypted connection"; a URL's stronger one
# (verify-ca, verify-full) is kept as it is.
TLS_MODE = "require"
_PLAIN_MODES = ("", "disable", "allow", "prefer")


@dataclass(frozen=True)
class Connection:
    """A database file (``path``), or a database on a server."""

    path: str = ""
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = ""
    sslmode: str = ""
    driver: str = SERVER_DRIVER
    # The other options of a URL given on the command line (connect_timeout…), kept.
    options: tuple[tuple[str, str], ...] = ()

    @property
    def is_server(self) -> bool:
        return not self.path

    @property
    def tls(self) -> bool:
        return self.sslmode not in _PLAIN_MODES

    def with_tls(self, wanted: bool) -> Connection:
        if wanted == self.tls:
            return self
        return replace(self, sslmode=TLS_MODE if wanted else "")

    def _url(self, password: str | None) -> URL:
        query = dict(self.options)
        if self.sslmode:
            query["sslmode"] = self.sslmode
        return URL.create(
            self.driver,
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port or None,
            database=self.database or None,
            query=query,
        )

    def target(self) -> str:
        """What ``Services.open`` takes: the file's path, or the server's whole URL."""
        if not self.is_server:
            return self.path
        return self._url(self.password).render_as_string(hide_password=False)

    def key(self) -> str:
        """The connection without its password: how the recent list and the password
        store name it (a file by its absolute path)."""
        if not self.is_server:
            return self.path
        return self._url(None).render_as_string(hide_password=False)

    def without_password(self) -> Connection:
        return replace(self, password="")

    @classmethod
    def parse(cls, text: str) -> Connection:
        """From ``--db`` or a saved key: a URL (a password in it included), or a path."""
        if "://" not in text:
            return cls(path=str(_absolute(text)))
        try:
            url = make_url(text)
        except (ArgumentError, ValueError):  # e.g. a port that is not a number
            raise UserError("This is not a database URL: {url}", url=_shown(text)) from None
        if url.get_backend_name() == "sqlite":
            in_memory = url.database in (None, "", ":memory:")
            return cls(path=text if in_memory else str(_absolute(str(url.database))))
        query = {name: str(value) for name, value in url.query.items()}
        return cls(
            host=url.host or "",
            port=url.port or DEFAULT_PORT,
            database=url.database or "",
            user=url.username or "",
            password=url.password or "",
            sslmode=query.pop("sslmode", ""),
            driver=url.drivername,
            options=tuple(sorted(query.items())),
        )


def _absolute(path: str) -> str:
    return str(Path(path).expanduser().resolve())


def default_connection() -> Connection:
    """The user's own database file, as when the desk was first started."""
    return Connection(path=str(default_database_path()))


def check(connection: Connection) -> reach.Reached:
    """Whether opening ``connection`` will work, in words (off the window's thread: a
    server that does not answer takes a few seconds to give up)."""
    return reach.check(connection.target(), MIGRATIONS)


def open_connection(connection: Connection) -> Services:
    """Open (and upgrade) the database and build its services; a server that cannot be
    reached is a ``CannotConnect`` (an OSError) with its reason in words, a kind of
    database this program has no driver for a ``UserError``."""
    try:
        return Services.open(connection.target())
    except NoSuchModuleError:
        raise UserError(
            "Contest Desk cannot open a database of the kind {kind}: it opens database files "
            "and PostgreSQL servers (postgresql+psycopg://…)",
            kind=connection.driver,
        ) from None


def _shown(text: str) -> str:
    """A URL as it may be shown: no password, whatever else is wrong with it."""
    scheme, _sep, rest = text.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}" if "@" in rest else text
