"""Where the data is, in the status bar's words: light (no SQLAlchemy, no storage), so that
the log-in can name the database it opens before the modules that open it are loaded."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from contest_desk.i18n import _


def database_place(url: str, sqlite_path: Path | None) -> tuple[str, str]:
    """Where the data is, as a clerk says it (the file's name, or the server and database),
    and the whole of it for a tooltip; never the password a server URL may carry."""
    if sqlite_path is not None:
        return _("Local database: {name}", name=sqlite_path.name), str(sqlite_path)
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return _("Database in memory"), _("Nothing is kept after the window closes")
    host = parts.hostname or "localhost"
    database = parts.path.lstrip("/")
    where = f"{host}:{parts.port}" if parts.port else host
    tip = _("PostgreSQL server {server}, database {database}", server=where, database=database)
    if parts.username:
        tip += "\n" + _("Signed in to the server as {user}", user=parts.username)
    return _("Server {server} / {database}", server=host, database=database), tip


def place_of(text: str) -> tuple[str, str]:
    """``database_place`` for a database given as text (``--db``, or a recent connection's
    key): a file's path, an SQLite URL or a server's URL, read as services/connections.py
    reads it, without its SQLAlchemy. A URL that is none gives no words (the opening then
    says what is wrong with it)."""
    try:
        if "://" not in text:
            return database_place(text, _absolute(text))
        parts = urlsplit(text)
        if not parts.scheme.startswith("sqlite"):
            return database_place(text, None)
        # sqlite:///relative.db, sqlite:////absolute.db: the database after the third slash.
        database = parts.path[1:]
        if database in ("", ":memory:"):
            return database_place(text, None)
        return database_place(text, _absolute(database))
    except ValueError:  # e.g. a port that is not a number
        return "", ""


def _absolute(path: str) -> Path:
    return Path(path).expanduser().resolve()
