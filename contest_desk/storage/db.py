"""The database: engine, sessions, SQLite settings, and upgrades at start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from contest_desk import commits
from contest_desk.errors import UserError
from contest_desk.storage import ledger, lock, reach, server_gone
from contest_desk.storage.revisions import current_revision, newest_revision
from contest_desk.storage.upgrade import upgrade_database
from contest_desk.user_dirs import default_database_path

MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(path_or_url: str | Path | None) -> str:
    """An SQLAlchemy URL from ``--db``: a URL as it is, anything else as an SQLite file path."""
    if path_or_url is None:
        path_or_url = default_database_path()
    text = str(path_or_url)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


# How long a write waits for another one of this process (a large import on a worker
# while someone adds a user) before it gives up; Python's sqlite3 waits 5 s by default.
BUSY_SECONDS = 60.0


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@contextmanager
def _busy_said() -> Iterator[None]:
    """SQLite's "database is locked", once the busy timeout has passed, said as a UserError."""
    try:
        yield
    except OperationalError as error:
        if "database is locked" not in str(error):
            raise
        raise UserError(
            "The database stayed busy with another change (a large import?) for {seconds} s; "
            "nothing was changed: try again when it is done",
            seconds=int(BUSY_SECONDS),
        ) from None


def _pool(url: str) -> dict[str, Any]:
    """A server's connections kept open for the scoring hub's bursts: at the minute's turn
    sixty phones may save at once, and SQLAlchemy's default (5 kept, 10 more opened and
    closed again for each burst) made every burst wait for new server connections."""
    if make_url(url).get_backend_name() == "sqlite":
        return {}
    # pool_pre_ping: a kept connection that a server restart (or a cut LAN) broke is
    # found out and replaced when next taken, not handed to a service call to fail.
    return {"pool_size": 20, "max_overflow": 20, "pool_pre_ping": True}


class Database:
    """One database: its engine and a session factory. Sessions never cross threads."""

    # Run whenever a session opens. The window's tests install one that refuses a session
    # opened by the window's code on the window's thread (ui/operations.py): every call
    # from the window goes through the operations runner instead.
    entry_check: ClassVar[Callable[[], None] | None] = None

    def __init__(
        self,
        path_or_url: str | Path | None = None,
        migrations: Path = MIGRATIONS,
        lock_wait: float = lock.DEFAULT_WAIT_SECONDS,
    ) -> None:
        self.url = database_url(path_or_url)
        self.migrations = migrations
        # Folders the desk's settings chose (app.py sets them; storage has no Qt): None
        # keeps the defaults beside the file (storage/files.py, storage/backup.py).
        self.files_folder: Path | None = None
        self.backups_folder: Path | None = None
        # Before SQLite touches the file: no other Contest Desk process may have it open
        # (see storage/lock.py for the writes that are lost otherwise).
        self._locked = self.sqlite_path
        self._writes: AbstractContextManager[Any] = nullcontext()
        self._joined = False  # inside all_or_nothing: transactions are its savepoints
        if self._locked is not None:
            lock.acquire(self._locked, wait=lock_wait)
            self._writes = lock.write_turn(self._locked)
        # hide_parameters: a statement's error text (and SQLAlchemy's own logging) leaves
        # out the values bound to it, which may be a password hash or a private key; the
        # crash log keeps the whole error text.
        self.engine: Engine = create_engine(
            self.url, hide_parameters=True, **_pool(self.url), **reach.connect_args(self.url)
        )
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def sqlite_path(self) -> Path | None:
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return Path(str(url.database))
        return None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on any error."""
        if Database.entry_check is not None:
            Database.entry_check()
        # A server gone midway is a ServerUnavailable (server_gone.py), told whether the
        # commit was under way: its answer lost, the change may have been saved or not.
        with (
            self._writes,
            _busy_said(),
            server_gone.said(self.url) as step,
            self._sessions() as session,
            session.begin(),
        ):
            yield session
            if ledger.untaken(session):  # see storage/ledger.py: every such change is audited
                raise RuntimeError("audited values changed without an audit row")
            step.committing = True  # session.begin() commits as the block ends
        # Reached only once the commit answered. The window's runner reads this count around
        # a work to know whether sending it again would repeat a change (ui/server_wait.py).
        # Inside all_or_nothing a transaction is a savepoint, saved only by the block's own
        # commit, which counts itself.
        if not self._joined:
            commits.count_commit()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; nothing it does is committed."""
        if Database.entry_check is not None:
            Database.entry_check()
        with server_gone.said(self.url), self._sessions() as session:
            yield session

    def answers(self) -> bool:
        """Whether the database answers now: the window's cheap probe, off its thread,
        while saves wait for a server that went away (ui/reconnect.py)."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except Exception as error:
            if not server_gone.lost(error, self.url):
                raise
            return False
        return True

    @contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """Every transaction opened in the block joins one (each becomes a savepoint),
        committed when the block ends well: a job of many service calls is never left
        half done by an error or a kill. For a job that has the database to itself (the
        demo): meanwhile every session of this object works on the block's connection."""
        with self._writes, self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                # Python's sqlite3 opens no transaction for a SAVEPOINT, so releasing the
                # first one would commit: open the real one here.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                # Begun here, so that the sessions join it: a session on a connection
                # without a transaction begins (and commits) one of its own.
                conn.begin()
            own = self._sessions
            self._sessions = sessionmaker(
                conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )
            self._joined = True
            try:
                yield
                conn.commit()
                commits.count_commit()
            finally:
                self._sessions = own
                self._joined = False

    def revision(self) -> str | None:
        return current_revision(self.engine)

    def head(self) -> str | None:
        return newest_revision(self.migrations)

    def upgrade(self) -> Path | None:
        """Bring the schema to the newest revision; returns the backup made first, if any.

        See storage/upgrade.py: one transaction on SQLite too, after a backup of the file.
        """
        return upgrade_database(self)

    def dispose(self) -> None:
        """Close every connection and, for an SQLite file, free it for other processes."""
        self.engine.dispose()
        if self._locked is not None:
            lock.release(self._locked)
            self._locked = None


def open_database(path_or_url: str | Path | None = None) -> Database:
    """Open a database and bring its schema up to date."""
    db = Database(path_or_url)
    try:
        with reach.plainly(db.url):  # the first connection: a server away said in words
            db.upgrade()
    except reach.CannotConnect:
        db.dispose()
        raise
    return db
