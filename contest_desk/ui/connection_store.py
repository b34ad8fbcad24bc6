"""The recent connections (QSettings) and the passwords a person asked to remember.

A connection is saved by its key, the URL without the password (services/connections.py);
its password only when "remember the password" was ticked, and then, where the system
has one, in its own password store through ``keyring`` (on Windows the Credential
Manager, encrypted for the Windows account), else in the settings beside the rest, in
clear, which the dialog says.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from contest_desk.i18n import _

if TYPE_CHECKING:  # imported where a key is parsed: at start, off the window's thread
    from contest_desk.services.connections import Connection

log = logging.getLogger(__name__)

RECENT = "recent_connections"  # a QSettings array
KEEP = 8
KEYRING_SERVICE = "Contest Desk"


def system_keyring() -> Any | None:
    """The system's password store through ``keyring``, or None where there is none that
    keeps passwords (keyring's "fail" and "null" stores, or no keyring at all)."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        return backend if backend.priority > 0 else None
    except Exception:  # a broken system store: fall back, and say why in the log
        log.warning("the system's password store cannot be used", exc_info=True)
        return None


class Passwords:
    """Where remembered passwords go: the system's store, or (``store`` None) the settings.

    Without ``store`` the system's is looked up when first needed: keyring reads every
    installed package's entry points to find its stores (0.2 s here), which a start
    without a remembered password need not wait for."""

    def __init__(self, store: Any | None = ...) -> None:
        self._store = store

    @property
    def store(self) -> Any | None:
        if self._store is ...:
            self._store = system_keyring()
        return self._store

    @property
    def in_settings(self) -> bool:
        return self.store is None

    def where(self) -> str:
        """Said next to "remember the password"."""
        if self.store is None:
            return _("The password is kept in this PC's settings, not encrypted: tick it "
                     "only on a computer that is yours alone")  # fmt: skip
        if type(self.store).__module__.endswith("Windows"):
            return _("The password is kept in the Windows Credential Manager")
        return _("The password is kept in the system's keyring ({name})", name=self.store.name)

    def get(self, key: str) -> str:
        if self.store is None:
            return ""
        try:
            return str(self.store.get_password(KEYRING_SERVICE, key) or "")
        except Exception:
            log.warning("a remembered password could not be read", exc_info=True)
            return ""

    def put(self, key: str, password: str) -> None:
        if self.store is not None:
            self.store.set_password(KEYRING_SERVICE, key, password)

    def forget(self, key: str) -> None:
        if self.store is None:
            return
        # keyring's PasswordDeleteError when there was none: nothing to forget.
        with contextlib.suppress(Exception):
            self.store.delete_password(KEYRING_SERVICE, key)


# A saved entry as it is in the settings: its key, "remember", a password kept there.
Stored = tuple[str, bool, str]


@dataclass(frozen=True)
class Recent:
    """One remembered connection: its password only if ``remember``."""

    connection: Connection
    remember: bool = False


class RecentConnections:
    """The last few connections opened, the most recent first."""

    def __init__(self, settings: QSettings, passwords: Passwords | None = None) -> None:
        self.settings = settings
        self.passwords = passwords if passwords is not None else Passwords()

    def load(self) -> list[Recent]:
        return self.parse(self.stored())

    def stored(self) -> list[Stored]:
        """The saved entries as they are, the most recent first, unparsed: at start they
        are read on the window's thread and parsed (with SQLAlchemy) off it."""
        found: list[Stored] = []
        size = self.settings.beginReadArray(RECENT)
        try:
            for index in range(size):
                self.settings.setArrayIndex(index)
                key = str(self.settings.value("key", "") or "")
                if not key:
                    continue
                remember = _true(self.settings.value("remember", False))
                stored = str(self.settings.value("password", "") or "")
                found.append((key, remember, stored))
        finally:
            self.settings.endArray()
        return found

    def parse(self, found: list[Stored]) -> list[Recent]:
        # Read first, parsed after: the password store is not asked inside the array.
        return [self._entry(key, remember, stored) for key, remember, stored in found]

    def _entry(self, key: str, remember: bool, stored: str) -> Recent:
        from contest_desk.services.connections import Connection

        try:
            connection = Connection.parse(key)
        except Exception:  # a hand-edited settings file: that line is skipped as empty
            connection = Connection(path=key)
        if remember and connection.is_server:
            password = stored if self.passwords.in_settings else self.passwords.get(key)
            connection = replace(connection, password=password)
        return Recent(connection, remember)

    def add(self, connection: Connection, remember: bool | None = None) -> None:
        """Put ``connection`` first; its password is kept when ``remember`` (None: as it was
        for this connection, e.g. one given with --db)."""
        key = connection.key()
        entries = self.load()
        before = next((e for e in entries if e.connection.key() == key), None)
        if remember is None:
            remember = before.remember if before is not None else False
            if before is not None and remember and not connection.password:
                connection = before.connection
        remember = remember and connection.is_server and bool(connection.password)
        kept = [Recent(connection, remember)]
        kept += [e for e in entries if e.connection.key() != key]
        for dropped in kept[KEEP:]:
            if dropped.remember:
                self.passwords.forget(dropped.connection.key())
        kept = kept[:KEEP]
        if remember:
            self.passwords.put(key, connection.password)
        elif before is not None and before.remember:
            self.passwords.forget(key)
        self._save(kept)

    def remove(self, connection: Connection) -> None:
        key = connection.key()
        self.passwords.forget(key)
        self._save([e for e in self.load() if e.connection.key() != key])

    def _save(self, entries: list[Recent]) -> None:
        self.settings.remove(RECENT)
        self.settings.beginWriteArray(RECENT, len(entries))
        for index, entry in enumerate(entries):
            self.settings.setArrayIndex(index)
            self.settings.setValue("key", entry.connection.key())
            self.settings.setValue("remember", entry.remember)
            if entry.remember and self.passwords.in_settings:
                self.settings.setValue("password", entry.connection.password)
        self.settings.endArray()
        self.settings.sync()


def _true(value: object) -> bool:
    """A QSettings boolean: an INI file gives it back as the text "true"."""
    return value is True or str(value).lower() == "true"
